import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorpusSchema, fieldAccuracy, score } from '../../../src/cli/evaluate';
import { classify } from '../../../src/domain/classifier';

const load = (file: string) =>
  CorpusSchema.parse(JSON.parse(readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8')));

describe.each(['dev-tickets.json', 'tickets.json', 'blind-tickets.json'])('labelled corpus %s', (file) => {
  const corpus = load(file);

  it.each(corpus.map((c) => [c.ticket.id, c] as const))('classifies %s as labelled', (_id, { ticket, expected }) => {
    const got = classify(ticket);
    expect({ ...got, flags: [...got.flags].sort() }).toMatchObject(expected);
  });

  it('scores 100% on every field', () => {
    const s = score(corpus);
    expect(s.misses).toEqual([]);
    expect(s.allCorrect).toBe(s.total);
  });
});

/**
 * The corpus writers' development sets (written blind to the classifier's code): per-field
 * thresholds, so that one new hard ticket does not fail the suite. The held-out sets
 * (`*-holdout.json`) are for scoring with `npm run eval` only and are not read here.
 */
const corpusDir = new URL('../../fixtures/corpus/', import.meta.url);
const devSets = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('-dev.json')) : [];

describe.runIf(devSets.length > 0)('development corpora', () => {
  it.each(devSets)('%s scores at least 95 percent on every field', (file) => {
    const s = score(CorpusSchema.parse(JSON.parse(readFileSync(new URL(file, corpusDir), 'utf8'))));
    for (const [field, accuracy] of Object.entries(fieldAccuracy(s))) {
      expect({ field, ok: accuracy >= 0.95 }).toEqual({ field, ok: true });
    }
  });
});
