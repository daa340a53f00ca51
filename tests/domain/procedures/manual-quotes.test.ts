import { describe, expect, it } from 'vitest';
import { library } from '../../../src/domain/procedures';
import { flatText, manualText } from '../manual-pages';

/**
 * What the procedures quote from the manual («…» in a step's source or in what the desk has to
 * confirm) is the manual's text, word for word (read from AOC_SEEDS_DIR: ../manual-pages.ts).
 */
const manual = manualText('manual-quotes.test.ts');
const quotes = (s: string | undefined): string[] => [...(s ?? '').matchAll(/«([^»]+)»/g)].map((m) => m[1] ?? '');

describe.runIf(manual !== undefined)('the procedures’ quotes of the manual', () => {
  const steps = library().procedures.flatMap((p) => p.steps);

  it('are the manual’s words, in the step’s source and in what the desk has to confirm', () => {
    const quoted = steps.flatMap((s) => [...quotes(s.source), ...quotes(s.toConfirm?.ca)].map((q) => [s.id, q]));
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.filter(([, q]) => manual?.includes(flatText(q ?? '')) !== true)).toEqual([]);
  });
});
