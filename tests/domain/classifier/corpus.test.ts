import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorpusSchema, score } from '../../../src/cli/evaluate';
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
