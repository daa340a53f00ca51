import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusSchema } from '../../../src/cli/evaluate';
import { PRODUCT_IDS } from '../../../src/domain/catalogue';
import { classify, FLAGS, type Classification } from '../../../src/domain/classifier';
import {
  evaluate,
  FACT_IDS,
  isGatedEffect,
  library,
  plan,
  type Facts,
  type Plan,
} from '../../../src/domain/procedures';
import { SAMPLE_TICKETS } from '../../../src/local/samples';
import devTickets from '../../fixtures/dev-tickets.json';
import { cls, NOW } from './helpers';

/**
 * The rule a reader can hold the app to (`contracts/guide.md`): a step whose effect is authorises,
 * messages-ens or closes never applies while a step it depends on is unanswered or not done.
 * "Depends on" is read from the data here, not from the engine: the step's own condition, its
 * declared waits, and any earlier step that may end the procedure.
 */
function violations(p: Plan, facts: Facts, c: Classification): string[] {
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

const SERVICES = ['VO', 'PSCP', 'ELICITA', 'MUX', 'ENOTUM', 'ETAULER', 'OVER', 'UNKNOWN'] as const;
const lib = library();
const allSteps = lib.procedures.flatMap((p) => p.steps.map((s) => s.id));

const classification = fc
  .record({
    service: fc.constantFrom(...SERVICES),
    environment: fc.constantFrom('PRE' as const, 'PRO' as const, 'UNKNOWN' as const),
    products: fc.subarray([...PRODUCT_IDS], { maxLength: 3 }),
    flags: fc.subarray([...FLAGS]),
    ambit: fc.constantFrom(
      'AGE' as const,
      'GENERALITAT' as const,
      'LOCAL' as const,
      'COLLEGIS' as const,
      'MIXED' as const,
      'NONE' as const,
    ),
  })
  .map((r) => cls(r));
const answers = fc.dictionary(fc.constantFrom(...FACT_IDS), fc.boolean()) as fc.Arbitrary<Facts>;
const doneSet = fc.subarray(allSteps);

describe('the gate rule', () => {
  it('holds for every procedure × many classifications × random answers and ticks', () => {
    fc.assert(
      fc.property(classification, answers, doneSet, (c, facts, done) => {
        const progress = Object.fromEntries(done.map((id) => [id, { doneAt: NOW.toISOString() }]));
        const p = plan(lib, { classification: c, facts, progress, now: NOW });
        expect(violations(p, facts, c)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('reaches every procedure and every gated step of the data in the runs (the property is not vacuous)', () => {
    const applied = new Set<string>();
    fc.assert(
      fc.property(classification, answers, doneSet, (c, facts, done) => {
        const progress = Object.fromEntries(done.map((id) => [id, { doneAt: NOW.toISOString() }]));
        for (const s of plan(lib, { classification: c, facts, progress, now: NOW }).steps)
          if (s.status === 'applies' && isGatedEffect(s.step.effect)) applied.add(s.step.id);
      }),
      { numRuns: 3000, seed: 13 },
    );
    const gated = lib.procedures.flatMap((p) => p.steps.filter((s) => isGatedEffect(s.effect)).map((s) => s.id));
    const never = gated.filter((id) => !applied.has(id));
    expect(never.length / gated.length).toBeLessThan(0.4);
  });

  it('holds for the plan of every sample ticket, just opened and with every question answered either way', () => {
    const tickets = [...SAMPLE_TICKETS, ...CorpusSchema.parse(devTickets).map((d) => d.ticket)];
    expect(tickets.length).toBeGreaterThan(30);
    for (const ticket of tickets) {
      const c = classify(ticket);
      for (const value of [undefined, true, false]) {
        const facts: Facts = value === undefined ? {} : Object.fromEntries(FACT_IDS.map((f) => [f, value]));
        const p = plan(lib, { classification: c, facts, now: NOW });
        expect(violations(p, facts, c), `ticket ${c.id}`).toEqual([]);
      }
    }
  });
});
