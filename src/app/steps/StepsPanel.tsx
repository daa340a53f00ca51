import { Button } from '@zendeskgarden/react-buttons';
import { Alert } from '@zendeskgarden/react-notifications';
import { useState } from 'react';
import { Dots } from '@zendeskgarden/react-loaders';
import { text } from '../../domain/procedures/engine';
import { useAssistantContext } from '../assistant/context';
import { problemText } from '../notice';
import { opensExpanded } from './step-view';
import { StepItem } from './StepItem';
import type { StepsPanelProps } from './steps-panel-props';

/**
 * The procedure as a checklist in the manual's order: what applies and why, what waits on an
 * answer (asked right there), time windows, and the reply, check or ticket action of each step.
 * Ticking a step is shared with every agent on the ticket through the proxy. Steps to do now are
 * open; done, skipped and waiting steps are short until the agent opens them.
 */
export function StepsPanel(p: StepsPanelProps) {
  const { t, env } = useAssistantContext();
  const { plan } = p;
  const [showHidden, setShowHidden] = useState(false);
  // The agent's own opening or closing of a step wins over the default its state gives.
  const [opened, setOpened] = useState<Readonly<Record<string, boolean>>>({});
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
  const numbers = new Map(visible.map((s, i) => [s.step.id, i + 1]));
  // A step named in another's wait: opened, and the focus moved to it (which scrolls it into view).
  const jump = (stepId: string): void => {
    setOpened((o) => ({ ...o, [stepId]: true }));
    requestAnimationFrame(() => {
      document.getElementById(`step-toggle-${stepId}`)?.focus();
    });
  };
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
        {visible.map((s, i) => (
          <StepItem
            key={s.step.id}
            s={s}
            p={p}
            n={i + 1}
            numbers={numbers}
            expanded={opened[s.step.id] ?? opensExpanded(s)}
            setExpanded={(open) => {
              setOpened((o) => ({ ...o, [s.step.id]: open }));
            }}
            jump={jump}
          />
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
