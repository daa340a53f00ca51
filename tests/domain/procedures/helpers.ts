import type { Classification } from '../../../src/domain/classifier';
import { library, plan, type Facts, type Plan, type PlannedStep } from '../../../src/domain/procedures';

/** A classification as the classifier would give it, for engine tests that need no ticket text. */
export function cls(over: Partial<Classification>): Classification {
  return {
    id: 't',
    service: 'VO',
    products: [],
    environment: 'PRE',
    ambit: 'NONE',
    flags: [],
    confidence: 0.9,
    evidence: [],
    ...over,
    ...(over.flags === undefined ? {} : { flags: [...over.flags].sort() }),
  };
}

export const NOW = new Date('2026-11-23T09:00:00Z'); // Monday 10:00 in Barcelona

export function run(c: Classification, facts: Facts = {}, done: readonly string[] = []): Plan {
  const progress = Object.fromEntries(done.map((id) => [id, { doneAt: NOW.toISOString() }]));
  return plan(library(), { classification: c, facts, progress, now: NOW, autoCloseDays: 7 });
}

export function step(p: Plan, id: string): PlannedStep {
  const s = p.steps.find((x) => x.step.id === id);
  if (s === undefined) throw new Error(`no step ${id} in ${p.procedure?.id ?? 'no procedure'}`);
  return s;
}

export const status = (p: Plan, id: string): PlannedStep['status'] => step(p, id).status;

export const ids = (p: Plan, ...statuses: PlannedStep['status'][]): string[] =>
  p.steps.filter((s) => statuses.includes(s.status)).map((s) => s.step.id);

/** What a step waits for: question ids, or step ids for steps to be done. */
export const waits = (p: Plan, id: string): string[] => step(p, id).waitsFor.map((w) => w.question ?? w.step ?? '');
