import { z } from 'zod';
import { classify } from '../domain/classifier/classify';
import { ClassificationSchema, TicketSchema, type Classification } from '../domain/classifier/schema';

/**
 * Scores the classifier on labelled tickets: per-field accuracy (service, products, environment,
 * ambit, flags; products in order, flags as exact sets) and the tickets it got wrong.
 */
export const LabelledTicketSchema = z.object({
  ticket: TicketSchema,
  expected: ClassificationSchema.pick({ service: true, products: true, environment: true, ambit: true, flags: true }),
});
export const CorpusSchema = z.array(LabelledTicketSchema);
export type LabelledTicket = z.infer<typeof LabelledTicketSchema>;

export const SCORED_FIELDS = ['service', 'products', 'environment', 'ambit', 'flags'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface Miss {
  readonly id: string;
  readonly subject: string;
  readonly fields: readonly { field: ScoredField; expected: string; got: string }[];
}

export interface Score {
  readonly total: number;
  readonly correct: Record<ScoredField, number>;
  readonly allCorrect: number;
  readonly misses: readonly Miss[];
}

function show(field: ScoredField, c: Pick<Classification, ScoredField>): string {
  const v = c[field];
  if (field === 'flags') return JSON.stringify([...(v as string[])].sort());
  return JSON.stringify(v);
}

export function score(corpus: readonly LabelledTicket[]): Score {
  const correct: Record<ScoredField, number> = { service: 0, products: 0, environment: 0, ambit: 0, flags: 0 };
  const misses: Miss[] = [];
  let allCorrect = 0;
  for (const { ticket, expected } of corpus) {
    const got = classify(ticket);
    const wrong: { field: ScoredField; expected: string; got: string }[] = [];
    for (const field of SCORED_FIELDS) {
      const e = show(field, expected);
      const g = show(field, got);
      if (e === g) correct[field]++;
      else wrong.push({ field, expected: e, got: g });
    }
    if (wrong.length === 0) allCorrect++;
    else misses.push({ id: ticket.id, subject: ticket.subject, fields: wrong });
  }
  return { total: corpus.length, correct, allCorrect, misses };
}

export function formatScore(s: Score, label: string): string {
  const pct = (n: number): string => (s.total === 0 ? '—' : `${((100 * n) / s.total).toFixed(1)}%`);
  const lines = [`${label}: ${s.total} tickets`];
  for (const field of SCORED_FIELDS)
    lines.push(`  ${field.padEnd(12)} ${pct(s.correct[field]).padStart(6)}  (${s.correct[field]}/${s.total})`);
  lines.push(`  ${'all fields'.padEnd(12)} ${pct(s.allCorrect).padStart(6)}  (${s.allCorrect}/${s.total})`);
  if (s.misses.length > 0) {
    lines.push('', '  Wrong:');
    for (const m of s.misses) {
      lines.push(`  - ${m.id} "${m.subject}"`);
      for (const f of m.fields) lines.push(`      ${f.field}: expected ${f.expected}, got ${f.got}`);
    }
  }
  return lines.join('\n');
}
