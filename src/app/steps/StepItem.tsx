import { Button } from '@zendeskgarden/react-buttons';
import { Checkbox, Field } from '@zendeskgarden/react-forms';
import { Alert } from '@zendeskgarden/react-notifications';
import { Tag } from '@zendeskgarden/react-tags';
import { useState } from 'react';
import { text, type PlannedStep } from '../../domain/procedures/engine';
import type { ShownSetting } from '../../domain/procedures/schema';
import { useAssistantContext } from '../assistant/context';
import { NoticeAlert, zendeskErrorNotice, type Notice } from '../notice';
import { applyActions } from './apply-actions';
import { Question } from './Question';
import { hasDocument, StepDocument } from './StepDocument';
import { pendingBeforeApply, stepQuestions, summariseWaits, type StepRef, type WaitSummary } from './step-view';
import type { StepsPanelProps } from './steps-panel-props';
import { TickOffer } from './TickOffer';
import { when } from './when';

const KIND_HUE = { message: 'purple', check: 'green', action: 'red', manual: 'grey', question: 'grey' } as const;

/** Desk settings a step shows (a contact, a link), or says plainly that the setting is empty. */
function Shows({ names }: { names: readonly ShownSetting[] }) {
  const { t, env } = useAssistantContext();
  return (
    <>
      {names.map((name) => {
        const raw = env.settings.desk[name];
        const value = Array.isArray(raw) ? raw.join(', ') : raw;
        return (
          <p key={name} className="small" data-testid={`shows-${name}`}>
            <strong>{t(`steps.shows.${name}`)}:</strong>{' '}
            {value === '' ? (
              <span className="warning">{t('steps.shows.notSet', { setting: name })}</span>
            ) : /^https:\/\//.test(value) ? (
              <a href={value} target="_blank" rel="noopener noreferrer">
                {value}
              </a>
            ) : (
              value
            )}
          </p>
        );
      })}
    </>
  );
}

// Where the step links go in a translated phrase ("la resposta dels passos {{list}}").
const SLOT = '\u0001';

/** A phrase of the waits line with its steps' numbers as links that open those steps. */
function Refs({ phrase, refs, jump }: { phrase: string; refs: readonly StepRef[]; jump: (id: string) => void }) {
  const { t } = useAssistantContext();
  const [before = '', after = ''] = phrase.split(SLOT);
  return (
    <>
      {before}
      {refs.map((r, i) => (
        <span key={r.id}>
          {i > 0 ? ', ' : null}
          <Button
            size="small"
            isLink
            title={r.text}
            aria-label={t('steps.goTo', { n: r.n, what: r.text })}
            onClick={() => {
              jump(r.id);
            }}
          >
            {String(r.n)}
          </Button>
        </span>
      ))}
      {after}
    </>
  );
}

/** "Cal abans: la resposta dels passos 2, 5 · el pas 7 fet", each number opening its step. */
function WaitsLine({ summary, jump }: { summary: WaitSummary; jump: (id: string) => void }) {
  const { t } = useAssistantContext();
  const parts: React.ReactNode[] = [];
  const { answers, steps, texts } = summary;
  // What the step waits for: other steps' answers, then other steps done (one phrase or its plural).
  const waits = [
    { key: 'answers', refs: answers, one: 'steps.waitAnswer', many: 'steps.waitAnswers' },
    { key: 'steps', refs: steps, one: 'steps.waitDone', many: 'steps.waitDones' },
  ] as const;
  for (const { key, refs, one, many } of waits)
    if (refs.length > 0)
      parts.push(
        <Refs
          key={key}
          phrase={refs.length === 1 ? t(one, { n: SLOT }) : t(many, { list: SLOT })}
          refs={refs}
          jump={jump}
        />,
      );
  for (const x of texts) parts.push(<span key={x}>{x}</span>);
  return (
    <>
      {t('steps.waitsForShort')}{' '}
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 ? ' · ' : null}
          {part}
        </span>
      ))}
    </>
  );
}

export interface StepItemProps {
  readonly s: PlannedStep;
  readonly p: StepsPanelProps;
  /** The step's number in the list shown. */
  readonly n: number;
  /** Every shown step's number, to name the steps this one waits for. */
  readonly numbers: ReadonlyMap<string, number>;
  readonly expanded: boolean;
  readonly setExpanded: (expanded: boolean) => void;
  /** Opens another step of the list and moves the focus to it. */
  readonly jump: (stepId: string) => void;
}

/**
 * One step: its tick, kind and title always; what it waits for, its open questions and its
 * buttons unless it is done or skipped; the manual's text, the reasons and the answered questions
 * when open (steps to do now open so; the others on a click).
 */
export function StepItem({ s, p, n, numbers, expanded, setExpanded, jump }: StepItemProps) {
  const { t, env, port } = useAssistantContext();
  const lang = env.lang;
  const done = p.progress.progress[s.step.id];
  const procedure = p.plan.procedure?.id ?? 'none';
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  // Applying ahead of what the step waits for: what is pending, until the agent says yes or cancels.
  const [confirming, setConfirming] = useState<readonly string[] | undefined>(undefined);
  const [offerTick, setOfferTick] = useState(false);
  // Whether the step was ever open: its document is offered from then on, and stays.
  const [opened, setOpened] = useState(expanded);
  if (expanded && !opened) setOpened(true);
  const isDone = done?.done === true;
  const quiet = isDone || s.status === 'skipped';
  const questions = stepQuestions(s, p.plan, p.facts);
  const detailsId = `step-details-${s.step.id}`;
  const title = text(s.step.title, lang);

  const apply = async (): Promise<void> => {
    setConfirming(undefined);
    try {
      const missing = await applyActions(port, s.step.actions ?? [], env.settings.macros, s.step.id);
      setNotice(
        missing === undefined
          ? { kind: 'success', text: t('steps.applied') }
          : { kind: 'error', text: t('steps.macroMissing', { name: missing }) },
      );
      setOfferTick(missing === undefined);
    } catch (error) {
      setNotice(zendeskErrorNotice(t, error));
      setOfferTick(false);
    }
  };

  const question = (f: (typeof questions.open)[number]) => (
    <Question key={f} fact={f} library={p.library} facts={p.facts} answers={p.answers} setFact={p.setFact} />
  );

  return (
    <li className={`step ${s.status}${isDone ? ' done' : ''}`} data-testid={`step-${s.step.id}`}>
      <div className="step-head">
        <Field>
          <Checkbox
            checked={isDone}
            onChange={(e) => void p.progress.toggleStep(s.step.id, e.target.checked, procedure)}
          >
            <Field.Label>
              <Tag size="small" hue={KIND_HUE[s.step.kind]}>
                {t(`steps.kind.${s.step.kind}`)}
              </Tag>{' '}
              {title}
            </Field.Label>
          </Checkbox>
        </Field>
        <Button
          size="small"
          isBasic
          className="step-toggle"
          id={`step-toggle-${s.step.id}`}
          aria-expanded={expanded}
          aria-controls={detailsId}
          aria-label={t(expanded ? 'steps.collapse' : 'steps.expand', { n })}
          onClick={() => {
            setExpanded(!expanded);
          }}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
        </Button>
      </div>
      {/* Who ticked it stays in the folded line: the desk shares the ticket. */}
      {isDone ? (
        <p className="muted small done-by">
          {t('steps.doneBy', { who: done.byName ?? done.by, when: when(done.at, lang) })}
        </p>
      ) : null}
      {s.status === 'waiting' && !isDone ? (
        <div className="waiting small" data-testid={`waits-${s.step.id}`}>
          <Tag size="small" hue="yellow">
            {t('steps.pending')}
          </Tag>{' '}
          <WaitsLine summary={summariseWaits(s.waitsFor, numbers)} jump={jump} />
        </div>
      ) : null}
      <div id={detailsId} hidden={!expanded}>
        {expanded ? (
          <>
            {s.step.detail === undefined ? null : <p>{text(s.step.detail, lang)}</p>}
            {s.step.warning === undefined ? null : <p className="warning">⚠ {text(s.step.warning, lang)}</p>}
            {s.step.why === undefined ? null : <p className="muted">{text(s.step.why, lang)}</p>}
            {s.step.toConfirm === undefined ? null : (
              <p className="warning small" data-testid={`to-confirm-${s.step.id}`}>
                {text(s.step.toConfirm, lang)}
              </p>
            )}
            {s.step.shows === undefined ? null : <Shows names={s.step.shows} />}
            {s.because === undefined ? null : <p className="muted small">{t('steps.because', { why: s.because })}</p>}
            {s.window === undefined ? null : (
              <p className={s.window.open ? 'muted small' : 'warning small'}>
                {s.window.open
                  ? t('steps.windowOpen', { title: s.window.title })
                  : t('steps.windowClosed', {
                      title: s.window.title,
                      hours: Math.ceil((s.window.opensInMinutes ?? 0) / 60),
                    })}
              </p>
            )}
            {s.autoClose === undefined ? null : (
              <p className={s.autoClose.overdue ? 'warning small' : 'muted small'}>
                {s.autoClose.overdue
                  ? t('steps.autoCloseOverdue', { when: when(s.autoClose.deadline, lang) })
                  : t('steps.autoClose', { when: when(s.autoClose.deadline, lang) })}
              </p>
            )}
          </>
        ) : null}
        {/* Kept once opened, hidden with the step: values typed in a document are not lost. */}
        {opened && p.documents !== undefined && hasDocument(s.step.id) ? (
          <StepDocument stepId={s.step.id} sources={p.documents} />
        ) : null}
      </div>
      {/* Open questions stay in sight even on a closed step: a done step may still ask one. */}
      {questions.open.map(question)}
      {expanded ? questions.answered.map(question) : null}
      {quiet && !expanded ? null : (
        <div className="buttons">
          {s.step.template === undefined ? null : (
            <Button
              size="small"
              onClick={() => {
                p.go({ tab: 'replies', template: s.step.template ?? '', step: s.step.id });
              }}
            >
              {t('steps.writeReply')}
            </Button>
          )}
          {s.step.check === undefined ? null : (
            <Button
              size="small"
              onClick={() => {
                const check = s.step.check;
                if (check !== undefined) p.go({ tab: 'checks', check });
              }}
            >
              {t('steps.runCheck')}
            </Button>
          )}
          {s.step.actions === undefined ? null : (
            <Button
              size="small"
              isBasic
              onClick={() => {
                const pending = pendingBeforeApply(s);
                setNotice(undefined);
                setOfferTick(false);
                if (pending.length > 0) setConfirming(pending);
                else void apply();
              }}
            >
              {t('steps.apply')}
            </Button>
          )}
        </div>
      )}
      {confirming === undefined ? null : (
        <Alert type="warning" role="alert" data-testid={`apply-confirm-${s.step.id}`}>
          <p>{t('steps.applyPending')}</p>
          <ul className="pending-list">
            {confirming.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
          <div className="buttons">
            <Button size="small" onClick={() => void apply()}>
              {t('steps.applyAnyway')}
            </Button>
            <Button
              size="small"
              isBasic
              onClick={() => {
                setConfirming(undefined);
              }}
            >
              {t('steps.cancel')}
            </Button>
          </div>
        </Alert>
      )}
      <NoticeAlert notice={notice} />
      {offerTick && !isDone ? (
        <TickOffer label={t('steps.tickThis')} onTick={() => p.progress.toggleStep(s.step.id, true, procedure)} />
      ) : null}
    </li>
  );
}
