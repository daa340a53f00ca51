import { describe, expect, it } from 'vitest';
import { correctClassification } from '../../../src/domain/procedures';
import { cls, run, status } from './helpers';

describe('a correction of the classification recomputes the flags', () => {
  const aeat = cls({ products: ['AEAT'], ambit: 'AGE', flags: ['AEAT_CERT'] });

  it('adding TFN to an AEAT ticket makes it MULTI_AMBIT, and the steps change', () => {
    const corrected = correctClassification(aeat, { products: ['AEAT', 'TFN'] });
    expect(corrected.ambit).toBe('MIXED');
    expect(corrected.flags).toEqual(['AEAT_CERT', 'MULTI_AMBIT']);
    expect(status(run(aeat), 'vo-pre.multi-ambit')).toBe('skipped');
    expect(status(run(corrected), 'vo-pre.multi-ambit')).toBe('applies');
    expect(status(run(corrected), 'vo-pre.alta-siri')).toBe('skipped');
  });

  it('replacing AEAT by DGT drops AEAT_CERT and raises MINHAP; ticket flags not from products stay', () => {
    const c = correctClassification({ ...aeat, flags: ['AEAT_CERT', 'MISSING_DOCS'] }, { products: ['DGT'] });
    expect(c.flags).toEqual(['MINHAP', 'MISSING_DOCS']);
    expect(c.ambit).toBe('AGE');
  });

  it('a service other than Via Oberta has no products, no àmbit and no product flags', () => {
    const c = correctClassification(aeat, { service: 'PSCP' });
    expect(c).toMatchObject({ service: 'PSCP', products: [], ambit: 'NONE', flags: [] });
  });

  it('flags the agent sets by hand are kept', () => {
    expect(correctClassification(aeat, { products: ['AEAT', 'TFN'], flags: ['AEAT_CERT'] }).flags).toEqual([
      'AEAT_CERT',
    ]);
  });
});
