import { describe, expect, it } from 'vitest';
import { SAMPLE_TICKETS } from '../../src/local/samples';

/**
 * The local run's ticket page picks a sample by its id and keys its list by it: two samples with
 * one id would open the wrong ticket and warn in the console.
 */
describe('local samples', () => {
  it('have one id each', () => {
    const seen = new Map<string | number, number>();
    for (const t of SAMPLE_TICKETS) seen.set(t.id, (seen.get(t.id) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([id]) => id)).toEqual([]);
  });
});
