import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorpusSchema } from '../../../src/cli/evaluate';
import { classify, ClassificationSchema, EVIDENCE_CODES } from '../../../src/domain/classifier';

/** Every labelled and development ticket the tests may read (the held-out sets stay unread). */
function tickets() {
  const fixtures = new URL('../../fixtures/', import.meta.url);
  const corpusDir = new URL('corpus/', fixtures);
  const files = [
    ...['dev-tickets.json', 'tickets.json', 'blind-tickets.json'].map((f) => new URL(f, fixtures)),
    ...(existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('-dev.json')) : []).map(
      (f) => new URL(f, corpusDir),
    ),
  ];
  return files.flatMap((f) => CorpusSchema.parse(JSON.parse(readFileSync(f, 'utf8'))).map((c) => c.ticket));
}

describe('evidence codes', () => {
  const all = tickets().map((t) => classify(t));

  it('come with every evidence item the classifier gives, from the list the app translates', () => {
    expect(all.length).toBeGreaterThan(100);
    const known = new Set<string>(EVIDENCE_CODES);
    for (const c of all) {
      expect(ClassificationSchema.parse(c)).toEqual(c);
      for (const e of c.evidence) {
        expect(e.code !== undefined && known.has(e.code), `${c.id}: ${e.means}`).toBe(true);
        for (const v of Object.values(e.params ?? {})) expect(typeof v, `${c.id}: ${e.means}`).toBe('string');
      }
    }
  });

  it('keep the English sentence of the contract beside the code', () => {
    const starts: Record<string, string> = {
      intent: 'intent: ',
      service: 'service ',
      notAsked: 'not asked: ',
      product: 'product ',
      ambit: 'ambit ',
      modality: 'modality ',
      flag: 'flag ',
      environment: 'environment ',
    };
    for (const c of all) {
      for (const e of c.evidence) {
        const family = (e.code ?? '').split('.')[0] ?? '';
        expect(e.means.startsWith(starts[family] ?? '\u0000'), `${c.id}: ${String(e.code)} ${e.means}`).toBe(true);
      }
    }
  });

  it('name the same values as the sentence: one code per flag the classification raises', () => {
    for (const c of all) {
      const flagged = new Set(
        c.evidence.flatMap((e) => (e.code?.startsWith('flag.') === true ? [e.code.split('.')[1]] : [])),
      );
      expect([...flagged].sort(), c.id).toEqual([...new Set(c.flags)].sort());
    }
  });
});
