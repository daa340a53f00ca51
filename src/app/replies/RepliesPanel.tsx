import { Button } from '@zendeskgarden/react-buttons';
import { ticketLanguage } from '../../domain/language/ticket-language';
import { Checkbox, Field, Input, Select, Textarea } from '@zendeskgarden/react-forms';
import { Alert } from '@zendeskgarden/react-notifications';
import { useEffect, useMemo, useState } from 'react';
import type { ZodType } from 'zod';
import { loadCompiledTemplate } from './compiled-templates';
import {
  checkVariables,
  pickLanguage,
  renderTemplate,
  TEMPLATE_IDS,
  TEMPLATES,
  isTemplateId,
  CHECK_FILLED_VARIABLES,
  isVariableName,
  VARIABLE_KINDS,
  VARIABLE_LABELS,
  type InvalidWhy,
  type TemplateId,
  type TemplateLanguage,
} from '../../domain/templates';
import type { Classification } from '../../domain/classifier';
import { text, type Plan } from '../../domain/procedures/engine';
import { useAssistantContext } from '../assistant/context';
import { identifierReason } from '../i18n/identifiers';
import type { FoundIdentifiers } from '../checks/extract';
import { NoticeAlert, zendeskErrorNotice, type Notice } from '../notice';
import type { ProgressState } from '../progress/useProgress';
import { TickOffer } from '../steps/TickOffer';
import { decideInsert, type CommentType, type InsertDecision } from './insert-guard';
import { stepToTick } from './step-to-tick';
import { TemplateList } from './TemplateList';
import { prefill, type AuthorisationRow } from './prefill';
import type { DraftsState } from './useDrafts';

/** What the replies panel uses: the plan (its suggested replies), what fills them, and the drafts. */
export interface RepliesPanelProps extends DraftsState {
  readonly plan: Plan;
  readonly classification: Classification;
  /** Identifiers found in the ticket's text. */
  readonly found: FoundIdentifiers;
  /** Identifiers the checks confirmed: they win over the ones found. */
  readonly known: FoundIdentifiers;
  /** The SIRI authorisations check's rows (asked × PRO × PRE), once it has run. */
  readonly authorisationRows?: readonly AuthorisationRow[] | undefined;
  /** The reply a step asked for. */
  readonly template?: string;
  /** The step that asked for it, offered to be ticked once its message is in the ticket. */
  readonly step?: string;
  readonly progress: Pick<ProgressState, 'progress' | 'toggleStep'>;
}

/**
 * Spanish when the ticket is written in Spanish or its requester's Zendesk locale is Spanish
 * (many accounts keep Catalan, whatever they write in); Catalan otherwise.
 */
function replyLanguage(ticket: {
  readonly input: { readonly subject: string; readonly description: string };
  readonly requesterLocale?: string | undefined;
}): TemplateLanguage {
  if (ticketLanguage(`${ticket.input.subject}\n${ticket.input.description}`) === 'es') return 'es';
  return (ticket.requesterLocale ?? '').toLowerCase().startsWith('es') ? 'es' : 'ca';
}

/**
 * Replies: pick a message (those of the current steps first), its language (the ticket's by
 * default), fill what the app could not, see it, and insert it as a public reply or an internal
 * note. A reply with a missing or invalid value is never inserted: the panel says which value.
 */
export function RepliesPanel(a: RepliesPanelProps) {
  const { t, env, port, ticket } = useAssistantContext();
  const { classification } = a;
  const suggested = useMemo(() => {
    const ids: TemplateId[] = [];
    for (const s of a.plan.steps) {
      const id = s.step.template;
      if (id !== undefined && (s.status === 'applies' || s.status === 'waiting') && !ids.includes(id)) ids.push(id);
    }
    return ids;
  }, [a.plan]);
  const navTemplate = a.template;
  // The agent's pick; else the reply a step asked for; else the plan's first, which follows the
  // plan as it loads (the procedures arrive after the panel's first render).
  const [picked, setTemplateId] = useState<TemplateId | undefined>(undefined);
  const templateId: TemplateId =
    picked ??
    (navTemplate !== undefined && isTemplateId(navTemplate) ? navTemplate : (suggested[0] ?? TEMPLATE_IDS[0]));
  const def = TEMPLATES[templateId];
  // The ticket's language unless the agent chose another one for this reply.
  const [chosenLang, setChosenLang] = useState<TemplateLanguage | undefined>(undefined);
  const lang = pickLanguage(templateId, chosenLang ?? replyLanguage(ticket));

  const defaults = useMemo(
    () =>
      prefill({
        classification,
        // The ens's legal name as its request form gives it, else the ticket's organisation.
        organizationName: a.found.form?.ensName ?? ticket.input.organization?.name ?? '',
        ticketId: ticket.id,
        desk: env.settings.desk,
        ...((a.known.ine10 ?? a.found.ine10) === undefined ? {} : { ine10: a.known.ine10 ?? a.found.ine10 }),
        ...((a.known.personNif ?? a.found.personNif) === undefined
          ? {}
          : { userNif: a.known.personNif ?? a.found.personNif }),
        ticketText: `${ticket.input.subject}\n${ticket.input.description}`,
        ...(a.authorisationRows === undefined ? {} : { authorisationRows: a.authorisationRows }),
      }),
    [classification, ticket, a.found, a.known, a.authorisationRows, env.settings.desk],
  );
  const shape = def.variables.shape as Record<string, ZodType>;
  const names = Object.keys(shape);
  const typed = a.drafts[templateId] ?? {};
  const values: Record<string, unknown> = {};
  for (const n of names) {
    const v = n in typed ? typed[n] : defaults[n];
    if (v !== undefined && v !== '') values[n] = v;
  }
  const problems = checkVariables(templateId, values);
  const [preview, setPreview] = useState<{ html: string; text: string } | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  // The reply last inserted or copied: its step is then offered to be ticked (until it is).
  const [sent, setSent] = useState<TemplateId | undefined>(undefined);
  const tick =
    sent === undefined || sent !== templateId ? undefined : stepToTick(a.plan, sent, a.step, a.progress.progress);
  const valuesKey = JSON.stringify(values);
  useEffect(() => {
    let cancelled = false;
    void renderTemplate(templateId, lang, JSON.parse(valuesKey) as Record<string, unknown>, loadCompiledTemplate).then(
      (r) => {
        if (!cancelled) setPreview(r.ok ? { html: r.html, text: r.text } : undefined);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [templateId, lang, valuesKey]);

  const setValue = (name: string, value: unknown): void => {
    a.setDraft(templateId, { ...typed, [name]: value });
  };

  // What the last insert attempt is waiting for: the agent's yes, or the editor to be cleared.
  const [pending, setPending] = useState<{ type: CommentType; decision: InsertDecision } | undefined>(undefined);

  const readEditor = async (): Promise<{ type: CommentType | undefined; content: string }> => {
    const got = await port.get(['ticket.comment.type', 'ticket.comment.text']);
    const type = got.values['ticket.comment.type'];
    const text = got.values['ticket.comment.text'];
    return {
      type: type === 'publicReply' || type === 'internalNote' ? type : undefined,
      content: typeof text === 'string' ? text : '',
    };
  };

  const insert = async (type: CommentType, confirmed = false): Promise<void> => {
    const r = await renderTemplate(templateId, lang, values, loadCompiledTemplate);
    if (!r.ok) return;
    try {
      const editor = await readEditor();
      const decision = decideInsert({
        wanted: type,
        editor,
        replyText: r.html,
        insertedBefore: a.inserted.includes(templateId),
        confirmed,
      });
      if (decision.kind !== 'insert') {
        setPending({ type, decision });
        setNotice(undefined);
        return;
      }
      setPending(undefined);
      // Only an empty editor changes type (the guard refused otherwise): nothing written changes kind.
      if (editor.type !== type) await port.set('ticket.comment.type', type);
      await port.invoke('ticket.comment.appendHtml', r.html);
      a.markInserted(templateId);
      setNotice({ kind: 'success', text: t('replies.inserted') });
      setSent(templateId);
    } catch (error) {
      setNotice(zendeskErrorNotice(t, error));
    }
  };

  const copy = async (): Promise<void> => {
    const r = await renderTemplate(templateId, lang, values, loadCompiledTemplate);
    if (!r.ok) return;
    try {
      await navigator.clipboard.writeText(r.text);
      setNotice({ kind: 'success', text: t('replies.copied') });
      setSent(templateId);
    } catch {
      // The clipboard may be refused inside Zendesk's frame: the preview can still be selected.
      setNotice({ kind: 'error', text: t('replies.copyFailed') });
    }
  };

  const typeName = (type: CommentType): string =>
    type === 'publicReply' ? t('replies.typePublic') : t('replies.typeInternal');

  // A variable is named as its field is labelled, in the agent's language.
  const labelOf = (name: string): string => (isVariableName(name) ? VARIABLE_LABELS[name][env.lang] : name);
  const reasonOf = (why: InvalidWhy | undefined): string => {
    if (why === undefined) return t('replies.rule.form');
    return why.kind === 'identifier' ? identifierReason(t, why) : t(`replies.rule.${why.rule}`, why.params);
  };
  const problemFor = (name: string): string | undefined => {
    const p = problems.find((x) => x.variable === name);
    if (p === undefined) return undefined;
    if (p.setting !== undefined)
      return p.reason === 'missing'
        ? t('replies.missingSetting', { setting: p.setting })
        : t('replies.invalidSetting', { setting: p.setting });
    if (CHECK_FILLED_VARIABLES.has(name)) return t('replies.runCheckFirst');
    return p.reason === 'missing' ? t('replies.missing') : reasonOf(p.why);
  };

  return (
    <section aria-label={t('tabs.replies')}>
      <TemplateList
        suggested={suggested}
        value={templateId}
        onChange={(id) => {
          setTemplateId(id);
          setChosenLang(undefined);
          setNotice(undefined);
          setPending(undefined);
        }}
      />
      {def.derived === true ? <p className="muted small">{t('replies.derived')}</p> : null}
      {def.derivedParts === undefined ? null : (
        <p className="muted small" data-testid="reply-derived-parts">
          {t(`replies.derivedParts.${def.derivedParts}`)}
        </p>
      )}
      <Field>
        <Field.Label>{t('replies.language')}</Field.Label>
        <Select
          value={lang}
          onChange={(e) => {
            setChosenLang(e.target.value === 'es' ? 'es' : 'ca');
          }}
        >
          {def.languages.map((l) => (
            <option key={l} value={l}>
              {l === 'ca' ? 'Català' : 'Español'}
            </option>
          ))}
        </Select>
      </Field>
      {names.map((name) => {
        const schema = shape[name];
        if (schema === undefined) return null;
        const kind = isVariableName(name) ? VARIABLE_KINDS[name] : 'text';
        const error = problemFor(name);
        const label = labelOf(name);
        const current = values[name];
        if (CHECK_FILLED_VARIABLES.has(name)) {
          // Rows from a database check: shown as the check gave them, refreshed by running it again.
          const rows = Array.isArray(current) ? (current as readonly AuthorisationRow[]) : [];
          return (
            <Field key={name}>
              <Field.Label>{label}</Field.Label>
              {rows.length === 0 ? null : (
                <table className="rows" data-testid={`reply-rows-${name}`}>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.asked}>
                        <td>{r.asked}</td>
                        <td>{r.pro}</td>
                        <td>{r.pre}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {error === undefined ? null : (
                <Field.Message validation="error" validationLabel={t('validation.error')}>
                  {error}
                </Field.Message>
              )}
            </Field>
          );
        }
        if (kind === 'boolean') {
          return (
            <Field key={name}>
              <Checkbox
                checked={current === true}
                onChange={(e) => {
                  setValue(name, e.target.checked);
                }}
              >
                <Field.Label>{label}</Field.Label>
              </Checkbox>
            </Field>
          );
        }
        const validation = error === undefined ? {} : { validation: 'error' as const };
        return (
          <Field key={name}>
            <Field.Label>{label}</Field.Label>
            {kind === 'list' ? <Field.Hint>{t('replies.onePerLine')}</Field.Hint> : null}
            {kind === 'list' ? (
              <Textarea
                rows={3}
                {...validation}
                value={Array.isArray(current) ? current.join('\n') : ''}
                onChange={(e) => {
                  setValue(
                    name,
                    e.target.value
                      .split('\n')
                      .map((l) => l.trim())
                      .filter((l) => l.length > 0),
                  );
                }}
              />
            ) : (
              <Input
                {...validation}
                type={kind === 'number' ? 'number' : 'text'}
                value={typeof current === 'string' || typeof current === 'number' ? String(current) : ''}
                onChange={(e) => {
                  setValue(
                    name,
                    kind === 'number' ? (e.target.value === '' ? '' : Number(e.target.value)) : e.target.value,
                  );
                }}
              />
            )}
            {error === undefined ? null : (
              <Field.Message validation="error" validationLabel={t('validation.error')}>
                {error}
              </Field.Message>
            )}
          </Field>
        );
      })}
      {problems.length > 0 ? (
        <Alert type="warning" role="alert" id="reply-blocked">
          {t('replies.problems', {
            list: problems
              .map((p) => (p.setting === undefined ? labelOf(p.variable) : `${labelOf(p.variable)} (${p.setting})`))
              .join(' · '),
          })}
        </Alert>
      ) : null}
      <h3>{t('replies.preview')}</h3>
      {/* The preview is our own template's output, with every value HTML-escaped by Handlebars. */}
      <div className="preview" data-testid="reply-preview" dangerouslySetInnerHTML={{ __html: preview?.html ?? '' }} />
      <div className="buttons">
        <Button
          size="small"
          isPrimary={def.channel === 'publicReply'}
          disabled={problems.length > 0}
          aria-describedby={problems.length > 0 ? 'reply-blocked' : undefined}
          onClick={() => void insert('publicReply')}
        >
          {t('replies.insertPublic')}
        </Button>
        <Button
          size="small"
          isPrimary={def.channel === 'internalNote'}
          disabled={problems.length > 0}
          aria-describedby={problems.length > 0 ? 'reply-blocked' : undefined}
          onClick={() => void insert('internalNote')}
        >
          {t('replies.insertInternal')}
        </Button>
        {def.audience === 'ens' ? null : (
          <Button size="small" disabled={problems.length > 0} onClick={() => void copy()}>
            {t('replies.copy')}
          </Button>
        )}
      </div>
      {pending?.decision.kind === 'refuse' ? (
        <Alert type="warning" role="alert">
          {t('replies.otherType', {
            editor: typeName(pending.decision.editorType),
            wanted: typeName(pending.type),
          })}
        </Alert>
      ) : null}
      {pending?.decision.kind === 'confirm' ? (
        <Alert type="warning" role="alert">
          <p>{t('replies.twice')}</p>
          <div className="buttons">
            <Button size="small" onClick={() => void insert(pending.type, true)}>
              {t('replies.insertAgain')}
            </Button>
            <Button
              size="small"
              isBasic
              onClick={() => {
                setPending(undefined);
              }}
            >
              {t('replies.cancel')}
            </Button>
          </div>
        </Alert>
      ) : null}
      <NoticeAlert notice={notice} />
      {tick === undefined ? null : (
        <TickOffer
          label={t('replies.tickStep', { step: text(tick.step.title, env.lang) })}
          onTick={() => a.progress.toggleStep(tick.step.id, true, a.plan.procedure?.id ?? 'none')}
        />
      )}
    </section>
  );
}
