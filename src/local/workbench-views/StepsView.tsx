import type { Lang } from '../../domain/procedures/conditions';
import { text, type Plan, type PlannedStep } from '../../domain/procedures/engine';

/**
 * The procedure for a classification as a checklist: each step with its kind, why it applies (or
 * which question it waits on), its time window, and what it links to.
 */
const STATUS_LABEL: Readonly<Record<PlannedStep['status'], string>> = {
  applies: 'applies',
  waiting: 'waiting',
  skipped: 'does not apply',
  done: 'done',
};

const opensIn = (minutes: number | undefined): string =>
  minutes === undefined ? '' : `, opens in ${String(Math.ceil(minutes / 60))} h`;

export function StepsView({ plan, lang, questions }: { plan: Plan; lang: Lang; questions: (fact: string) => string }) {
  if (plan.procedure === undefined) {
    return (
      <section aria-label="Procedure" className="steps">
        <h3>Procedure</h3>
        <p className="muted">{plan.because}</p>
      </section>
    );
  }
  const visible = plan.steps.filter((s) => s.status === 'applies' || s.status === 'waiting' || s.status === 'done');
  const hidden = plan.steps.length - visible.length;
  return (
    <section aria-label="Procedure" className="steps">
      <h3>{text(plan.procedure.title, lang)}</h3>
      <p className="muted">{text(plan.procedure.summary, lang)}</p>
      <ol>
        {visible.map((s) => (
          <li key={s.step.id} className={`step ${s.status}`} data-testid={`step-${s.step.id}`}>
            <div>
              <span className={`chip kind-${s.step.kind}`}>{s.step.kind}</span>{' '}
              <strong>{text(s.step.title, lang)}</strong>
              {s.status === 'waiting' ? <span className="chip flag">{STATUS_LABEL.waiting}</span> : null}
            </div>
            {s.step.detail === undefined ? null : <p>{text(s.step.detail, lang)}</p>}
            {s.step.warning === undefined ? null : <p className="warning">⚠ {text(s.step.warning, lang)}</p>}
            {s.because === undefined ? null : <p className="muted">Because: {s.because}</p>}
            {s.waitsFor.length === 0 ? null : (
              <p className="muted">
                Waits for:{' '}
                {s.waitsFor.map((w) => (w.question === undefined ? w.text : questions(w.question))).join(' · ')}
              </p>
            )}
            {s.window === undefined ? null : (
              <p className={s.window.open ? 'muted' : 'warning'}>
                {s.window.title}
                {s.window.open ? ' — open now' : ` — closed now${opensIn(s.window.opensInMinutes)}`}
              </p>
            )}
            <p className="muted small">
              {s.step.template === undefined ? '' : `Reply: ${s.step.template} · `}
              {s.step.check === undefined
                ? ''
                : `Check: ${s.step.check.id}${s.step.check.environment === undefined ? '' : ` (${s.step.check.environment})`} · `}
              Source: {s.step.source}
            </p>
          </li>
        ))}
      </ol>
      {hidden > 0 ? <p className="muted">{hidden} other steps of this procedure do not apply to this ticket.</p> : null}
    </section>
  );
}
