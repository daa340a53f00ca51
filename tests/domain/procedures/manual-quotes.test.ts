import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { library } from '../../../src/domain/procedures';

/**
 * What the procedures quote from the manual («…» in a step's source or in what the desk has to
 * confirm) is the manual's text. The manual is not part of the repository (it names staff and
 * internal machines): the test reads its pages from the folder `AOC_SEEDS_DIR` names, by default
 * `../shared/seeds/` beside the clone. A clone with the pages nowhere skips the file with a
 * message; a folder named in `AOC_SEEDS_DIR` that lacks them is a failure.
 */
const PAGES = ['pscp-alta-integracio.txt', 'vo-integracio.txt', 'setdiba-integracions.txt'];
const NAMED_DIR = process.env.AOC_SEEDS_DIR === '' ? undefined : process.env.AOC_SEEDS_DIR;
const SEEDS_DIR = NAMED_DIR ?? resolve(import.meta.dirname, '../../../../shared/seeds');

function available(): boolean {
  const missing = PAGES.filter((p) => !existsSync(resolve(SEEDS_DIR, p)));
  if (missing.length === 0) return true;
  const message =
    `${missing.join(', ')} missing in ${SEEDS_DIR}: the manual's pages are read from AOC_SEEDS_DIR ` +
    '(default ../shared/seeds/ beside the clone).';
  if (NAMED_DIR !== undefined) throw new Error(message);
  console.warn(`[procedures] manual-quotes.test.ts skipped: ${message}`);
  return false;
}

/** The manual's page as a reader sees it: links and images reduced to their text, no markup. */
function plain(page: string): string {
  return flat(
    page
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\\([\\_*[\]])/g, '$1')
      .replace(/[*_]/g, ''),
  );
}

function flat(s: string): string {
  return s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

const quotes = (s: string | undefined): string[] => [...(s ?? '').matchAll(/«([^»]+)»/g)].map((m) => m[1] ?? '');

describe.runIf(available())('the procedures’ quotes of the manual', () => {
  const manual = PAGES.map((p) => plain(readFileSync(resolve(SEEDS_DIR, p), 'utf8'))).join('\n');
  const steps = library().procedures.flatMap((p) => p.steps);

  it('are the manual’s words, in the step’s source and in what the desk has to confirm', () => {
    const quoted = steps.flatMap((s) => [...quotes(s.source), ...quotes(s.toConfirm?.ca)].map((q) => [s.id, q]));
    expect(quoted.length).toBeGreaterThan(0);
    const wrong = quoted.filter(([, q]) => !manual.includes(flat(q ?? '')));
    expect(wrong).toEqual([]);
  });
});
