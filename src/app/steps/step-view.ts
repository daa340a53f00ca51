/**
 * What one step of the plan shows, decided apart from React: which questions it asks, whether it
 * opens collapsed, how its waits are said in a few words, and what is still undecided before its
 * action is applied.
 */
import type { Facts } from '../../domain/procedures/conditions';
import type { Plan, PlannedStep, Wait } from '../../domain/procedures/engine';
import type { FactId } from '../../domain/procedures/schema';

/**
 * The questions a step asks: those still open that the plan asks here, and those already answered
 * that the step itself asks (so the agent sees the answer and can change it). A question has one
 * asking step per procedure, so each question shows once.
 */
export function stepQuestions(s: PlannedStep, plan: Plan, facts: Facts): { open: FactId[]; answered: FactId[] } {
  const open = plan.questions.filter((q) => q.step === s.step.id).map((q) => q.question);
  const answered: FactId[] = [];
  for (const own of [s.step.asks, s.step.check?.answers]) {
    if (own !== undefined && facts[own] !== undefined && !open.includes(own) && !answered.includes(own))
      answered.push(own);
  }
  return { open, answered };
}

/**
 * Steps the agent acts on now open with their details; the others open as one line (done, skipped)
 * or as their title and what they wait for (waiting), until the agent opens them.
 */
export const opensExpanded = (s: PlannedStep): boolean => s.status === 'applies';

/** A step of the list shown that another waits for, by its number; `text` says what, in words. */
export interface StepRef {
  readonly n: number;
  readonly id: string;
  readonly text: string;
}

/** What a waiting step waits for, as short as the plan allows. */
export interface WaitSummary {
  /** Steps whose question is still unanswered. */
  readonly answers: readonly StepRef[];
  /** Steps still to be done. */
  readonly steps: readonly StepRef[];
  /** What the list does not show (a hidden step, a question no step asks), in words. */
  readonly texts: readonly string[];
}

/**
 * A waiting step's waits, naming each question by the number of the step that asks it: each
 * question is said in full once, at its own step, not again at every step that waits for it.
 */
export function summariseWaits(waits: readonly Wait[], numbers: ReadonlyMap<string, number>): WaitSummary {
  const answers = new Map<number, StepRef>();
  const steps = new Map<number, StepRef>();
  const texts: string[] = [];
  for (const w of waits) {
    const n = w.step === undefined ? undefined : numbers.get(w.step);
    if (n === undefined || w.step === undefined) {
      if (!texts.includes(w.text)) texts.push(w.text);
      continue;
    }
    const into = w.question === undefined ? steps : answers;
    if (!into.has(n)) into.set(n, { n, id: w.step, text: w.text });
  }
  const sorted = (m: Map<number, StepRef>) => [...m.values()].sort((a, b) => a.n - b.n);
  return { answers: sorted(answers), steps: sorted(steps), texts };
}

/**
 * What is still undecided when the agent applies a step's action: the questions unanswered and
 * the steps not done that the step waits for, in words. Empty when nothing is pending. The step's
 * own question is not among them: the manual answers it after the step is done.
 */
export function pendingBeforeApply(s: PlannedStep): string[] {
  if (s.status !== 'waiting') return [];
  return [...new Set(s.waitsFor.map((w) => w.text))];
}
