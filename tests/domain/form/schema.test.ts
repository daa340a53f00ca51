import { describe, expect, it } from 'vitest';
import { FormReadingSchema } from '../../../src/domain/form/schema';

describe('the form reading schema', () => {
  it('fills absent text fields with null and lists with []', () => {
    const parsed = FormReadingSchema.parse({ status: 'read', services: ['VO'], products: ['AEAT'] });
    expect(parsed.status).toBe('read');
    if (parsed.status !== 'read') return;
    expect(parsed.ens).toEqual({ name: null, nif: null });
    expect(parsed.technicalContact.nif).toBeNull();
    expect(parsed.ips).toEqual({ pre: [], pro: [] });
    expect(parsed.integrator).toBeNull();
    expect(parsed.problems).toEqual([]);
  });

  it('refuses ids the catalogue does not have and statuses the contract does not name', () => {
    expect(FormReadingSchema.safeParse({ status: 'read', products: ['NOT_A_PRODUCT'] }).success).toBe(false);
    expect(FormReadingSchema.safeParse({ status: 'scanned' }).success).toBe(false);
  });

  it('needs a reason when the file was not read', () => {
    expect(FormReadingSchema.safeParse({ status: 'unreadable' }).success).toBe(false);
    expect(FormReadingSchema.parse({ status: 'not-a-form', reason: 'no XFA' })).toEqual({
      status: 'not-a-form',
      reason: 'no XFA',
    });
  });
});
