import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusSchema } from '../../../src/cli/evaluate';
import { PRODUCT_IDS } from '../../../src/domain/catalogue';
import { classify, FLAGS } from '../../../src/domain/classifier';
import { FACT_IDS, isGatedEffect, library, plan, type Facts } from '../../../src/domain/procedures';
import { SAMPLE_TICKETS } from '../../../src/local/samples';
import devTickets from '../../fixtures/dev-tickets.json';
import { cls, expectGateRuleEitherWay, NOW, violations } from './helpers';

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
      expectGateRuleEitherWay(classify(ticket), {}, `ticket ${String(ticket.id)}`);
    }
  });

  it('asks, on every sample ticket just opened, only questions that a step waits for', () => {
    const tickets = [...SAMPLE_TICKETS, ...CorpusSchema.parse(devTickets).map((d) => d.ticket)];
    for (const ticket of tickets) {
      const p = plan(lib, { classification: classify(ticket), now: NOW });
      const waitedFor = new Set(p.steps.flatMap((s) => s.waitsFor.map((w) => w.question)));
      const noise = p.questions.filter((q) => !waitedFor.has(q.question)).map((q) => q.question);
      expect(noise, `ticket ${String(ticket.id)}`).toEqual([]);
    }
  });
});
