import { Button } from '@zendeskgarden/react-buttons';
import { Checkbox, Field } from '@zendeskgarden/react-forms';
import { Alert } from '@zendeskgarden/react-notifications';
import { Tag } from '@zendeskgarden/react-tags';
import { lazy, Suspense, useState } from 'react';
import { Dots } from '@zendeskgarden/react-loaders';
import type { Facts } from '../../domain/procedures/conditions';
import { text, type Library, type Plan, type PlannedStep } from '../../domain/procedures/engine';
import type { Action, FactId, ShownSetting } from '../../domain/procedures/schema';
import type { ZendeskPort } from '../../zendesk/port';
import { useAssistantContext } from '../assistant/context';
import type { Navigation } from '../assistant/navigation';
import { NoticeAlert, problemText, zendeskErrorNotice, type Notice } from '../notice';
import type { ProgressState } from '../progress/useProgress';
import type { DocumentSources } from '../documents/MinhapDocument';
import type { EnsListUse } from '../documents/EnsListSection';
import type { AnswersState, SetFact } from './useAnswers';

// The documents' forms load only when a step that makes one is shown.
const MinhapDocument = lazy(async () => ({ default: (await import('../documents/sections')).MinhapDocument }));
const DcocLine = lazy(async () => ({ default: (await import('../documents/sections')).DcocLine }));
const TrackingRows = lazy(async () => ({ default: (await import('../documents/sections')).TrackingRows }));
const EnsListSection = lazy(async () => ({ default: (await import('../documents/sections')).EnsListSection }));
/** Steps of the manual that make a document the app can fill. */
const DOCUMENT_STEPS: Readonly<
  Record<string, 'minhap' | 'dcoc' | 'tracking-vo' | 'tracking-pscp' | `ens-${EnsListUse}`>
> = {
  'vo-pre.minhap-excel': 'minhap',
  'vo-pre.dcoc-configuracio': 'dcoc',
  'vo-pre.seguiment': 'tracking-vo',
  'vo-pro.seguiment': 'tracking-vo',
  'pscp-pre.seguiment': 'tracking-pscp',
  'pscp-pro.seguiment': 'tracking-pscp',
  // The attached list of ens (SetDIBA's template, Audifilm's bulk registrations).
  'setdiba.plantilla': 'ens-list',
  'vo-pre.massiu': 'ens-list',
  'vo-pro.massiu': 'ens-list',
  'setdiba.alta-pro': 'ens-ticks',
  'setdiba.certificat': 'ens-ticks',
  'setdiba.registre-integrador': 'ens-register',
  'setdiba.un-tiquet-per-servei': 'ens-children',
};

/** What the steps panel uses: the procedures, the plan, the answers so far and the shared progress. */
export interface StepsPanelProps {
  readonly library: Library | undefined;
  readonly plan: Plan;
  readonly facts: Facts;
  /** The shared answers, with who gave each and when, and the proxy's state. */
  readonly answers: Pick<AnswersState, 'answers' | 'problem' | 'retry'>;
  readonly setFact: SetFact;
  readonly progress: ProgressState;
  readonly go: (nav: Navigation) => void;
  /** What the documents of a step (the MINHAP Excel) are filled from; without it none is offered. */
  readonly documents?: DocumentSources;
}

/**
 * The procedure as a checklist in the manual's order: what applies and why, what waits on an
 * answer (asked right there), time windows, and the reply, check or ticket action of each step.
 * Ticking a step is shared with every agent on the ticket through the proxy.
 */
function when(iso: string, lang: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(lang === 'en' ? 'en-GB' : `${lang}-ES`, { dateStyle: 'short', timeStyle: 'short' });
}

async function apply(
  port: ZendeskPort,
  actions: readonly Action[],
  macros: Readonly<Record<string, number>>,
  stepId: string,
): Promise<string | undefined> {
  for (const action of actions) {
    if (action.type === 'macro') {
      const id = macros[stepId] ?? macros[action.macro];
      if (id === undefined) return action.macro;
      await port.invoke('macro', id);
    } else if (action.type === 'addTags') await port.invoke('ticket.tags.add', action.tags);
    else if (action.type === 'removeTags') await port.invoke('ticket.tags.remove', action.tags);
    else await port.set('ticket.status', action.status);
  }
  return undefined;
}

function Question({ fact, p }: { fact: FactId; p: StepsPanelProps }) {
  const { t, env } = useAssistantContext();
  const value = p.facts[fact];
  const given = p.answers.answers[fact];
  const q = text(p.library?.questions[fact], env.lang);
  return (
    <div className="question" role="group" aria-label={q}>
      <span>{q}</span>{' '}
      <Button
        size="small"
        isPrimary={value === true}
        aria-pressed={value === true}
        onClick={() => {
          p.setFact(fact, value === true ? undefined : true);
        }}
      >
        {t('steps.yes')}
      </Button>{' '}
      <Button
        size="small"
        isPrimary={value === false}
        aria-pressed={value === false}
        onClick={() => {
          p.setFact(fact, value === false ? undefined : false);
        }}
      >
        {t('steps.no')}
      </Button>
      {given === undefined || given.value === null ? null : (
        <span className="muted small" data-testid={`answered-${fact}`}>
          {' '}
          {t('steps.answeredBy', { who: given.byName ?? given.by, when: when(given.at, env.lang) })}
        </span>
      )}
    </div>
  );
}

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

function StepItem({ s, p }: { s: PlannedStep; p: StepsPanelProps }) {
  const { t, env, port } = useAssistantContext();
  const lang = env.lang;
  const done = p.progress.progress[s.step.id];
  const procedure = p.plan.procedure?.id ?? 'none';
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const isDone = done?.done === true;
  // Each open question is asked once, at the step that asks it; other steps say they wait for it.
  const questions: FactId[] = p.plan.questions.filter((q) => q.step === s.step.id).map((q) => q.question);
  return (
    <li className={`step ${s.status}${isDone ? ' done' : ''}`} data-testid={`step-${s.step.id}`}>
      <Field>
        <Checkbox checked={isDone} onChange={(e) => void p.progress.toggleStep(s.step.id, e.target.checked, procedure)}>
          <Field.Label>
            <Tag
              size="small"
              hue={
                s.step.kind === 'message'
                  ? 'purple'
                  : s.step.kind === 'check'
                    ? 'green'
                    : s.step.kind === 'action'
                      ? 'red'
                      : 'grey'
              }
            >
              {t(`steps.kind.${s.step.kind}`)}
            </Tag>{' '}
            {text(s.step.title, lang)}
          </Field.Label>
        </Checkbox>
      </Field>
      {isDone ? (
        <p className="muted small">{t('steps.doneBy', { who: done.byName ?? done.by, when: when(done.at, lang) })}</p>
      ) : null}
      {s.status === 'waiting' ? (
        <div className="waiting small" data-testid={`waits-${s.step.id}`}>
          <Tag size="small" hue="yellow">
            {t('steps.pending')}
          </Tag>{' '}
          {t('steps.waitsFor', { what: s.waitsFor.map((w) => w.text).join(' · ') })}
        </div>
      ) : null}
      {s.step.detail === undefined ? null : <p>{text(s.step.detail, lang)}</p>}
      {s.step.warning === undefined ? null : <p className="warning">⚠ {text(s.step.warning, lang)}</p>}
      {s.step.why === undefined ? null : <p className="muted">{text(s.step.why, lang)}</p>}
      {s.step.shows === undefined ? null : <Shows names={s.step.shows} />}
      {s.because === undefined ? null : <p className="muted small">{t('steps.because', { why: s.because })}</p>}
      {questions.map((f) => (
        <Question key={f} fact={f} p={p} />
      ))}
      {s.window === undefined ? null : (
        <p className={s.window.open ? 'muted small' : 'warning small'}>
          {s.window.open
            ? t('steps.windowOpen', { title: s.window.title })
            : t('steps.windowClosed', { title: s.window.title, hours: Math.ceil((s.window.opensInMinutes ?? 0) / 60) })}
        </p>
      )}
      {s.autoClose === undefined ? null : (
        <p className={s.autoClose.overdue ? 'warning small' : 'muted small'}>
          {s.autoClose.overdue
            ? t('steps.autoCloseOverdue', { when: when(s.autoClose.deadline, lang) })
            : t('steps.autoClose', { when: when(s.autoClose.deadline, lang) })}
        </p>
      )}
      <div className="buttons">
        {s.step.template === undefined ? null : (
          <Button
            size="small"
            onClick={() => {
              p.go({ tab: 'replies', template: s.step.template ?? '' });
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
            onClick={() =>
              void apply(port, s.step.actions ?? [], env.settings.macros, s.step.id)
                .then((missing) => {
                  setNotice(
                    missing === undefined
                      ? { kind: 'success', text: t('steps.applied') }
                      : { kind: 'error', text: t('steps.macroMissing', { name: missing }) },
                  );
                })
                .catch((error: unknown) => {
                  setNotice(zendeskErrorNotice(t, error));
                })
            }
          >
            {t('steps.apply')}
          </Button>
        )}
      </div>
      {DOCUMENT_STEPS[s.step.id] === undefined || p.documents === undefined ? null : (
        <Suspense fallback={<Dots aria-label={t('loading')} />}>
          {DOCUMENT_STEPS[s.step.id] === 'minhap' ? (
            <MinhapDocument sources={p.documents} />
          ) : DOCUMENT_STEPS[s.step.id] === 'dcoc' ? (
            <DcocLine sources={p.documents} />
          ) : DOCUMENT_STEPS[s.step.id]?.startsWith('ens-') === true ? (
            <EnsListSection
              sources={p.documents}
              stepId={s.step.id}
              use={(DOCUMENT_STEPS[s.step.id] ?? 'ens-list').slice(4) as EnsListUse}
            />
          ) : (
            <TrackingRows sources={p.documents} sheet={DOCUMENT_STEPS[s.step.id] === 'tracking-pscp' ? 'pscp' : 'vo'} />
          )}
        </Suspense>
      )}
      <NoticeAlert notice={notice} />
    </li>
  );
}

export function StepsPanel(p: StepsPanelProps) {
  const { t, env } = useAssistantContext();
  const { plan } = p;
  const [showHidden, setShowHidden] = useState(false);
  if (p.library === undefined) {
    return (
      <section aria-label={t('tabs.steps')}>
        <Dots aria-label={t('loading')} />
      </section>
    );
  }
  if (plan.procedure === undefined) {
    return (
      <section aria-label={t('tabs.steps')}>
        <p>{t('steps.none')}</p>
        <p className="muted">{plan.because}</p>
      </section>
    );
  }
  const visible = plan.steps.filter(
    (s) => showHidden || s.status === 'applies' || s.status === 'waiting' || s.status === 'done',
  );
  const hidden =
    plan.steps.length -
    plan.steps.filter((s) => s.status === 'applies' || s.status === 'waiting' || s.status === 'done').length;
  return (
    <section aria-label={t('tabs.steps')}>
      <h2 className="procedure-title">{text(plan.procedure.title, env.lang)}</h2>
      <p className="muted small">{text(plan.procedure.summary, env.lang)}</p>
      {/* One warning for one cause: when the progress cannot reach the proxy either, it says so. */}
      {p.answers.problem === undefined || p.progress.problem !== undefined ? null : (
        <Alert type="warning" role="alert">
          {t('steps.answersOffline', { reason: problemText(t, p.answers.problem) })}{' '}
          <Button size="small" isBasic onClick={() => void p.answers.retry()}>
            {t('retry')}
          </Button>
        </Alert>
      )}
      {p.progress.problem === undefined ? null : (
        <Alert type="warning" role="alert">
          {t('steps.progressOffline', { reason: problemText(t, p.progress.problem) })}{' '}
          <Button
            size="small"
            isBasic
            onClick={() => {
              void p.progress.retry();
              void p.answers.retry();
            }}
          >
            {t('retry')}
          </Button>
        </Alert>
      )}
      <ol className="steps">
        {visible.map((s) => (
          <StepItem key={s.step.id} s={s} p={p} />
        ))}
      </ol>
      {hidden > 0 && !showHidden ? (
        <p className="muted small">
          {t('steps.hidden', { count: hidden })}{' '}
          <Button
            size="small"
            isLink
            onClick={() => {
              setShowHidden(true);
            }}
          >
            {t('steps.showHidden')}
          </Button>
        </p>
      ) : null}
    </section>
  );
}
