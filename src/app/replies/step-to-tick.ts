import type { Plan, PlannedStep } from '../../domain/procedures/engine';
import type { StepProgress } from '../../shared/api/progress';

/**
 * The step whose message a reply is, to offer ticking once the reply is in the ticket: the step
 * the agent came from when it has this reply, else the plan's first step with it that applies or
 * waits. None when that step is already done.
 */
export function stepToTick(
  plan: Plan,
  template: string,
  from: string | undefined,
  progress: Readonly<Record<string, StepProgress>>,
): PlannedStep | undefined {
  const own = (s: PlannedStep) => s.step.template === template;
  const step =
    plan.steps.find((s) => s.step.id === from && own(s)) ??
    plan.steps.find((s) => own(s) && (s.status === 'applies' || s.status === 'waiting'));
  if (step === undefined || progress[step.step.id]?.done === true) return undefined;
  return step;
}
