import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LEXICON, STOPWORDS } from '../../../src/domain/classifier/lexicon';
import type { LexiconEntry } from '../../../src/domain/classifier/lexicon-types';
import { compileLexicon } from '../../../src/domain/classifier/lexicon-tables';
import { prebuiltModule } from '../../../tools/vite/prebuilt-data';

/**
 * The app's build bundles the lexicon already compiled into the matcher's tables
 * (src/domain/classifier/lexicon-data.ts through tools/vite/prebuilt-data.ts), so the sidebar's
 * first classification compiles nothing. What the browser gets must be what compiling lexicon.ts
 * gives now: a change to the lexicon or to its compilation cannot leave the bundled form behind.
 */
const dir = mkdtempSync(join(tmpdir(), 'aoc-lexicon-tables-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the prebuilt lexicon', () => {
  it('equals the tables compiled at run time from lexicon.ts', async () => {
    const file = join(dir, 'lexicon-data.mjs');
    writeFileSync(file, await prebuiltModule(resolve('src/domain/classifier/lexicon-data.ts')));
    const bundled = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
    const runtime = compileLexicon(LEXICON, STOPWORDS);
    expect(bundled['LEXICON_TABLES']).toEqual(runtime);
    expect(bundled['STOPWORDS']).toEqual(STOPWORDS);
    expect(runtime.phrases.length).toBe(LEXICON.reduce((n, e) => n + e.phrases.length, 0));
  });
});

describe('compileLexicon', () => {
  const entry = (phrases: string[]): LexiconEntry => ({ layer: 'cue', meaning: { kind: 'mass' }, phrases });

  it('folds phrases into pattern-word keys, without stop words, with their marks', () => {
    const tables = compileLexicon([entry(['Integr* de la ^SOC', '=Matrimoni', 'Còpia   ~Simple'])], STOPWORDS);
    expect(tables.phrases.map((p) => p.keys)).toEqual([['integr*', '^soc'], ['=matrimoni'], ['copia', '~simple']]);
    expect(tables.entries).toEqual([{ layer: 'cue', meaning: { kind: 'mass' } }]);
    expect(tables.phrases.map((p) => [p.entry, p.order, p.layer])).toEqual([
      [0, 0, 1],
      [0, 1, 1],
      [0, 2, 1],
    ]);
    expect([...tables.byFirstKey]).toEqual([
      ['integr*', [0]],
      ['=matrimoni', [1]],
      ['copia', [2]],
    ]);
    expect(tables.prefixes.map((p) => p.key)).toEqual(['integr*']);
  });

  it('lists each typo-tolerant word of six letters or more once, and no exact, capitals or short one', () => {
    const tables = compileLexicon([entry(['padrons', 'els padrons', '=matrimoni', '^ABCDEFG', 'soc'])], STOPWORDS);
    expect(tables.fuzzyWords).toEqual(['padrons']);
    expect(tables.exact.get('abcdefg')).toEqual(['^abcdefg']);
  });
});
