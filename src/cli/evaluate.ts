import { z } from 'zod';
import { classify } from '../domain/classifier/classify-input';
import {
  ClassificationSchema,
  TicketSchema,
  type Classification,
  type Evidence,
  type Flag,
} from '../domain/classifier/schema';

/**
 * Scores the classifier on labelled tickets: per-field accuracy (service, products, environment,
 * ambit, flags; products in order, flags as exact sets; modalities only where a ticket is labelled
 * with them), per category (the labels' own categories, and each flag), the confusion of products,
 * and for each wrong value the evidence (rule or lexicon entry) that produced it.
 */
const Expected = ClassificationSchema.pick({
  service: true,
  products: true,
  environment: true,
  ambit: true,
  flags: true,
}).extend({ modalities: z.array(z.string()).optional() });

export const LabelledTicketSchema = z.object({
  ticket: TicketSchema,
  expected: Expected,
  /** What the ticket exercises ("already-have", "confusable", ...): one or several. */
  category: z.union([z.string(), z.array(z.string())]).optional(),
});
export const CorpusSchema = z.array(LabelledTicketSchema);
export type LabelledTicket = z.infer<typeof LabelledTicketSchema>;

export const SCORED_FIELDS = ['service', 'products', 'environment', 'ambit', 'flags'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];
type Field = ScoredField | 'modalities';

export interface WrongValue {
  readonly field: Field;
  readonly expected: string;
  readonly got: string;
  /** The evidence behind the wrong value: what produced it, or what set the missing value aside. */
  readonly because: readonly Evidence[];
}

export interface Miss {
  readonly id: string;
  readonly subject: string;
  readonly categories: readonly string[];
  readonly fields: readonly WrongValue[];
}

export interface Tally {
  readonly total: number;
  readonly correct: number;
}

export interface FlagTally {
  /** Tickets labelled with the flag. */
  readonly expected: number;
  /** ... of which the classifier raised it. */
  readonly found: number;
  /** Tickets where the classifier raised it without the label. */
  readonly extra: number;
}

export interface Score {
  readonly total: number;
  readonly correct: Record<ScoredField, number>;
  /** Modalities: scored only on tickets whose label lists them. */
  readonly modalities: Tally;
  readonly allCorrect: number;
  readonly categories: ReadonlyMap<string, Tally>;
  readonly flags: ReadonlyMap<Flag, FlagTally>;
  /** "expected → got" for products: `A → B` taken for, `A → (missed)`, `(extra) → B`. */
  readonly productConfusion: ReadonlyMap<string, number>;
  readonly misses: readonly Miss[];
}

function categoriesOf(item: LabelledTicket): string[] {
  const c = item.category;
  return c === undefined ? [] : typeof c === 'string' ? [c] : c;
}

function show(field: Field, c: Partial<Pick<Classification, Field>>): string {
  const v = c[field];
  if (field === 'flags' && Array.isArray(v)) return JSON.stringify([...v].sort());
  return JSON.stringify(v ?? []);
}

/** The evidence entries about one field (and, for lists, the given values). */
function evidenceFor(got: Classification, field: Field, values: readonly string[]): Evidence[] {
  const prefix = field === 'products' ? 'product' : field === 'flags' ? 'flag' : field;
  return got.evidence.filter((e) => {
    if (field === 'products' || field === 'flags' || field === 'modalities') {
      return values.some(
        (v) => e.means.startsWith(`${prefix} ${v}`) || (e.means.includes('not asked') && e.means.includes(v)),
      );
    }
    if (field === 'service') return e.means.startsWith('service') || e.means.includes('not asked');
    return e.means.startsWith(prefix);
  });
}

function diffList(expected: readonly string[], got: readonly string[]): { missed: string[]; extra: string[] } {
  return { missed: expected.filter((p) => !got.includes(p)), extra: got.filter((p) => !expected.includes(p)) };
}

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export function score(corpus: readonly LabelledTicket[]): Score {
  const correct: Record<ScoredField, number> = { service: 0, products: 0, environment: 0, ambit: 0, flags: 0 };
  const modalities = { total: 0, correct: 0 };
  const categories = new Map<string, { total: number; correct: number }>();
  const flags = new Map<Flag, { expected: number; found: number; extra: number }>();
  const productConfusion = new Map<string, number>();
  const misses: Miss[] = [];
  let allCorrect = 0;
  for (const item of corpus) {
    const { ticket, expected } = item;
    const got = classify(ticket);
    const wrong: WrongValue[] = [];
    for (const field of SCORED_FIELDS) {
      const e = show(field, expected);
      const g = show(field, got);
      if (e === g) {
        correct[field]++;
        continue;
      }
      const values =
        field === 'products' || field === 'flags'
          ? (() => {
              const d = diffList(expected[field], got[field]);
              return [...d.missed, ...d.extra];
            })()
          : [];
      wrong.push({ field, expected: e, got: g, because: evidenceFor(got, field, values) });
    }
    if (expected.modalities !== undefined) {
      modalities.total++;
      const e = show('modalities', expected);
      const g = show('modalities', got);
      if (e === g) modalities.correct++;
      else {
        const d = diffList(expected.modalities, got.modalities ?? []);
        wrong.push({
          field: 'modalities',
          expected: e,
          got: g,
          because: evidenceFor(got, 'modalities', [...d.missed, ...d.extra]),
        });
      }
    }
    const scoredWrong = wrong.filter((w) => w.field !== 'modalities');
    if (scoredWrong.length === 0) allCorrect++;
    if (wrong.length > 0)
      misses.push({ id: ticket.id, subject: ticket.subject, categories: categoriesOf(item), fields: wrong });

    for (const c of categoriesOf(item)) {
      const t = categories.get(c) ?? { total: 0, correct: 0 };
      t.total++;
      if (scoredWrong.length === 0) t.correct++;
      categories.set(c, t);
    }
    for (const f of new Set<Flag>([...expected.flags, ...got.flags])) {
      const t = flags.get(f) ?? { expected: 0, found: 0, extra: 0 };
      const labelled = expected.flags.includes(f);
      const raised = got.flags.includes(f);
      if (labelled) t.expected++;
      if (labelled && raised) t.found++;
      if (!labelled && raised) t.extra++;
      flags.set(f, t);
    }
    const { missed, extra } = diffList(expected.products, got.products);
    const pairs = Math.min(missed.length, extra.length);
    for (let i = 0; i < pairs; i++) bump(productConfusion, `${missed[i] ?? ''} → ${extra[i] ?? ''}`);
    for (const p of missed.slice(pairs)) bump(productConfusion, `${p} → (missed)`);
    for (const p of extra.slice(pairs)) bump(productConfusion, `(extra) → ${p}`);
  }
  return { total: corpus.length, correct, modalities, allCorrect, categories, flags, productConfusion, misses };
}

const pct = (n: number, total: number): string => (total === 0 ? '—' : `${((100 * n) / total).toFixed(1)}%`);

export function formatScore(s: Score, label: string): string {
  const lines = [`${label}: ${String(s.total)} tickets`];
  const row = (name: string, n: number, total: number): string =>
    `  ${name.padEnd(24)} ${pct(n, total).padStart(6)}  (${String(n)}/${String(total)})`;
  for (const field of SCORED_FIELDS) lines.push(row(field, s.correct[field], s.total));
  lines.push(row('all fields', s.allCorrect, s.total));
  if (s.modalities.total > 0) lines.push(row('modalities (labelled)', s.modalities.correct, s.modalities.total));

  if (s.categories.size > 0) {
    lines.push('', '  By category (all fields right):');
    for (const [name, t] of [...s.categories].sort((a, b) => a[0].localeCompare(b[0])))
      lines.push(`  ${row(name, t.correct, t.total)}`);
  }
  if (s.flags.size > 0) {
    lines.push('', '  By flag (labelled: found / missed; raised without the label):');
    for (const [flag, t] of [...s.flags].sort((a, b) => a[0].localeCompare(b[0]))) {
      lines.push(
        `    ${flag.padEnd(22)} ${pct(t.found, t.expected).padStart(6)}  found ` +
          `${String(t.found)}/${String(t.expected)}, missed ${String(t.expected - t.found)}, extra ${String(t.extra)}`,
      );
    }
  }
  if (s.productConfusion.size > 0) {
    lines.push('', '  Product confusion (expected → got):');
    for (const [pair, n] of [...s.productConfusion].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
      lines.push(`    ${pair.padEnd(40)} ${String(n)}`);
  }
  if (s.misses.length > 0) {
    lines.push('', '  Wrong:');
    for (const m of s.misses) {
      const cats = m.categories.length > 0 ? ` [${m.categories.join(', ')}]` : '';
      lines.push(`  - ${m.id} "${m.subject}"${cats}`);
      for (const f of m.fields) {
        lines.push(`      ${f.field}: expected ${f.expected}, got ${f.got}`);
        for (const e of f.because) lines.push(`        because ${e.field} "${e.text}": ${e.means}`);
      }
    }
  }
  return lines.join('\n');
}

/** Accuracy of each scored field, 0..1 (for thresholds). */
export function fieldAccuracy(s: Score): Record<ScoredField | 'all', number> {
  const r = (n: number): number => (s.total === 0 ? 1 : n / s.total);
  return {
    service: r(s.correct.service),
    products: r(s.correct.products),
    environment: r(s.correct.environment),
    ambit: r(s.correct.ambit),
    flags: r(s.correct.flags),
    all: r(s.allCorrect),
  };
}
