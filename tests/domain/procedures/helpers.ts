import { expect } from 'vitest';
import type { Classification } from '../../../src/domain/classifier';
import {
  evaluate,
  FACT_IDS,
  isGatedEffect,
  library,
  plan,
  type Facts,
  type Plan,
  type PlannedStep,
} from '../../../src/domain/procedures';

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

/**
 * The rule a reader can hold the app to (`contracts/guide.md`): a step whose effect is authorises,
 * messages-ens or closes never applies while a step it depends on is unanswered or not done.
 * "Depends on" is read from the data here, not from the engine: the step's own condition, its
 * declared waits, and any earlier step that may end the procedure.
 */
export function violations(p: Plan, facts: Facts, c: Classification): string[] {
  const out: string[] = [];
  const known: Facts = { 'docs.complete': !c.flags.includes('MISSING_DOCS'), ...facts };
  const byId = new Map(p.steps.map((s) => [s.step.id, s]));
  p.steps.forEach((s, i) => {
    if (s.status !== 'applies' || !isGatedEffect(s.step.effect)) return;
    if (s.step.when !== undefined && evaluate(s.step.when, c, known) !== 'yes')
      out.push(`${s.step.id} applies with its condition undecided`);
    for (const g of s.step.waitsFor ?? []) {
      const other = byId.get(g.step);
      if (other === undefined || other.status === 'skipped') continue;
      if (g.question !== undefined) {
        if (known[g.question] === undefined) out.push(`${s.step.id} applies while ${g.question} is unanswered`);
        else if (g.is !== undefined && known[g.question] !== g.is)
          out.push(`${s.step.id} applies against ${g.question}`);
      } else if (other.status !== 'done') out.push(`${s.step.id} applies while ${g.step} is not done`);
    }
    for (const earlier of p.steps.slice(0, i)) {
      if (earlier.step.ends === true && earlier.status !== 'skipped' && earlier.step.when !== undefined) {
        if (evaluate(earlier.step.when, c, known) === 'unknown')
          out.push(`${s.step.id} applies while ${earlier.step.id} may still end the procedure`);
      }
    }
  });
  return out;
}

/**
 * The gate rule on one classification's plan three ways: with the given answers only, then with
 * every other question answered yes, then no (the given answers and ticks always stand).
 */
export function expectGateRuleEitherWay(
  c: Classification,
  given: { readonly facts?: Facts | undefined; readonly done?: readonly string[] | undefined } = {},
  label = c.id,
): void {
  const progress = Object.fromEntries((given.done ?? []).map((id) => [id, { doneAt: NOW.toISOString() }]));
  for (const others of [undefined, true, false]) {
    const facts: Facts = {
      ...(others === undefined ? {} : Object.fromEntries(FACT_IDS.map((f) => [f, others]))),
      ...given.facts,
    };
    const p = plan(library(), { classification: c, facts, progress, now: NOW });
    expect(violations(p, facts, c), `${label} (others ${String(others)})`).toEqual([]);
  }
}

/** The steps a DCOC ticket holds until the col·legi's permission is known, and skips if refused. */
export const DCOC_GATED_STEPS = [
  'vo-pre.dcoc-configuracio',
  'vo-pre.alta-siri',
  'vo-pre.ips',
  'vo-pre.homologacio',
  'vo-pre.tancar',
] as const;
