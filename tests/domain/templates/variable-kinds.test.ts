import { describe, expect, it } from 'vitest';
import { Var, VARIABLE_KINDS, CHECK_FILLED_VARIABLES, type VariableName } from '../../../src/domain/templates';

/** A value of each kind that a rule of that kind must accept, and the kinds it must refuse. */
const SAMPLES = {
  list: ['uno@example.org'],
  boolean: true,
  number: 7,
  checkRows: [{ asked: 'TFN_VIG · Consulta', pro: 'Sí', pre: 'No' }],
} as const;

describe('each variable declares how the agent fills it, and its rule agrees', () => {
  const names = Object.keys(Var) as VariableName[];

  it.each(names)('%s', (name) => {
    const kind = VARIABLE_KINDS[name];
    const accepts = (v: unknown): boolean => Var[name].safeParse(v).success;
    if (kind === 'text') {
      // A text field's rule takes a string (the agent types one) and never a list, a yes/no or rows.
      expect(accepts(SAMPLES.list)).toBe(false);
      expect(accepts(SAMPLES.boolean)).toBe(false);
      expect(accepts(SAMPLES.checkRows)).toBe(false);
      expect(accepts(12) && !accepts('12')).toBe(false);
    } else {
      expect(accepts(SAMPLES[kind])).toBe(true);
      for (const other of Object.keys(SAMPLES) as (keyof typeof SAMPLES)[])
        if (other !== kind && !(kind === 'list' && other === 'checkRows')) expect(accepts(SAMPLES[other])).toBe(false);
    }
  });

  it('the variables only a check fills are the check-rows ones', () => {
    expect([...CHECK_FILLED_VARIABLES]).toEqual(names.filter((n) => VARIABLE_KINDS[n] === 'checkRows'));
    expect(CHECK_FILLED_VARIABLES.size).toBeGreaterThan(0);
  });
});
