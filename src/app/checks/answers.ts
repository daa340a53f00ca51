import type { PlannedStep } from '../../domain/procedures/engine';
import type { FactId } from '../../domain/procedures/schema';
import type { CheckRequestFromStep } from '../assistant/navigation';
import type { CheckChoice } from './registry';

const sameCheck = (asked: CheckRequestFromStep, choice: CheckChoice): boolean =>
  asked.id === choice.check.id && (asked.environment === undefined || asked.environment === choice.env);

/**
 * The question a check run answers, as the procedure says (`check.answers` of the step): the
 * step that asked for the check if it is the one chosen, else any step of the plan that runs the
 * same check in the same environment. A check no step asks about answers nothing.
 */
export function questionAnswered(
  choice: CheckChoice,
  askedBy: CheckRequestFromStep | undefined,
  steps: readonly PlannedStep[],
): FactId | undefined {
  if (askedBy?.answers !== undefined && sameCheck(askedBy, choice)) return askedBy.answers;
  for (const s of steps) {
    const check = s.step.check;
    if (check?.answers !== undefined && sameCheck(check, choice)) return check.answers;
  }
  return undefined;
}
