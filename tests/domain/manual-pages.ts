import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The desk's manual (three pages) for the tests that hold the project's texts to it. The manual is
 * not part of the repository (it names staff and internal machines): it is read from the folder
 * `AOC_SEEDS_DIR` names, by default `../shared/seeds/` beside the clone. A clone with the pages
 * nowhere gets `undefined` (the test skips, saying so); a folder named in `AOC_SEEDS_DIR` that
 * lacks them is an error.
 */
const PAGES = ['pscp-alta-integracio.txt', 'vo-integracio.txt', 'setdiba-integracions.txt'];
const NAMED_DIR = process.env.AOC_SEEDS_DIR === '' ? undefined : process.env.AOC_SEEDS_DIR;
const SEEDS_DIR = NAMED_DIR ?? resolve(import.meta.dirname, '../../../shared/seeds');

/**
 * Compares as a reader would: quotes, apostrophes, spacing and case unified, and the characters the
 * manual's pages use as markup (* and _) left out on both sides.
 */
export function flatText(s: string): string {
  return s
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ([:;,.)])/g, '$1')
    .trim()
    .toLowerCase();
}

/** A page as a reader sees it: links and images reduced to their text, no markup. */
function plain(page: string): string {
  return flatText(
    page
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\\([\\_*[\]])/g, '$1'),
  );
}

/** The manual's pages as one flat text, or undefined (with a warning) when this clone has none. */
export function manualText(test: string): string | undefined {
  const missing = PAGES.filter((p) => !existsSync(resolve(SEEDS_DIR, p)));
  if (missing.length > 0) {
    const message =
      `${missing.join(', ')} missing in ${SEEDS_DIR}: the manual's pages are read from AOC_SEEDS_DIR ` +
      '(default ../shared/seeds/ beside the clone).';
    if (NAMED_DIR !== undefined) throw new Error(message);
    console.warn(`[manual] ${test} skipped: ${message}`);
    return undefined;
  }
  return PAGES.map((p) => plain(readFileSync(resolve(SEEDS_DIR, p), 'utf8'))).join('\n');
}
