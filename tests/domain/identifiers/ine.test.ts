import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveAjuntamentDir3,
  ine10ChecksPass,
  ine10For,
  ine10Proves,
  ineControlDigit,
  parseDir3,
  parseIne,
  parseIne10,
} from '../../../src/domain/identifiers';

// Reference: the INE published weights written out per position (positions 1..5 use rows
// 3, 2, 1, 3, 2 of the table), no modular index arithmetic.
const ROW1 = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const ROW2 = [0, 3, 8, 2, 7, 4, 1, 5, 9, 6];
const ROW3 = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
const BY_POSITION = [ROW3, ROW2, ROW1, ROW3, ROW2];
function refControl(five: string): number {
  let sum = 0;
  BY_POSITION.forEach((row, i) => (sum += row[Number(five[i])] ?? 0));
  const unit = sum % 10;
  return unit === 0 ? 0 : 10 - unit;
}

const ine5 = fc
  .tuple(fc.integer({ min: 1, max: 52 }), fc.integer({ min: 0, max: 999 }))
  .map(([p, m]) => String(p).padStart(2, '0') + String(m).padStart(3, '0'));
const entity = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));

describe('INE municipality code', () => {
  it('computes the published control digits', () => {
    expect(ineControlDigit('08019')).toBe(3);
    expect(ineControlDigit('43171')).toBe(1);
    expect(ineControlDigit('17079')).toBe(2);
  });

  it('agrees with the reference on every code', () => {
    fc.assert(
      fc.property(ine5, (code) => {
        expect(ineControlDigit(code)).toBe(refControl(code));
      }),
    );
  });

  it('accepts 5 digits and returns the 6-digit form; checks a given control digit', () => {
    expect(parseIne('08019')).toMatchObject({ ok: true, value: '080193' });
    expect(parseIne('080193')).toMatchObject({ ok: true, value: '080193' });
    expect(parseIne('080194')).toMatchObject({
      ok: false,
      code: 'ine.control-digit',
      params: { code: '08019', expected: '3', found: '4' },
      expected: '3',
    });
    expect(parseIne('99001')).toMatchObject({ ok: false, code: 'ine.province', params: { province: '99' } });
  });
});

describe('INE10', () => {
  it('verifies the codes of the contract', () => {
    for (const code of ['0801930008', '4317110007', '9821920002']) {
      expect(parseIne10(code)).toMatchObject({ ok: true, value: code, warnings: [] });
    }
  });

  it('accepts a real code that breaks the rule, with a "not verified" warning', () => {
    const result = parseIne10('7977100006');
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.join(' ')).toMatch(/not verified/);
    expect(result.ok && result.notes.map((n) => n.code)).toEqual(['ine10.unverified']);
  });

  it('pads the 9-digit form that lost its leading zero', () => {
    const result = parseIne10('801930008');
    expect(result).toMatchObject({ ok: true, value: '0801930008' });
    expect(result.ok && result.warnings[0]).toMatch(/leading zero/);
    expect(result.ok && result.notes[0]?.code).toBe('ine10.padded');
  });

  it('refuses other lengths and non-digits, saying why', () => {
    expect(parseIne10('08019300')).toMatchObject({ ok: false, code: 'ine10.length', params: { length: 8 } });
    expect(parseIne10('08019300O8')).toMatchObject({ ok: false, code: 'ine10.characters' });
    expect(parseIne10('  ')).toMatchObject({ ok: false, code: 'ine10.empty' });
  });

  it('builds codes that verify, for every municipality and entity', () => {
    fc.assert(
      fc.property(ine5, entity, (code, ent) => {
        const ine10 = ine10For(code, ent);
        expect(ine10).toHaveLength(10);
        expect(ine10.slice(0, 6)).toBe(code + String(refControl(code)));
        expect(ine10.charAt(9)).toBe(String(refControl('0' + ine10.slice(5, 9))));
        expect(parseIne10(ine10)).toMatchObject({ ok: true, value: ine10, warnings: [] });
      }),
    );
  });

  it('flags (never refuses) a changed check digit', () => {
    fc.assert(
      fc.property(ine5, entity, fc.integer({ min: 1, max: 9 }), (code, ent, delta) => {
        const good = ine10For(code, ent);
        const bad = good.slice(0, 9) + String((Number(good.charAt(9)) + delta) % 10);
        expect(ine10ChecksPass(bad)).toBe(false);
        const result = parseIne10(bad);
        expect(result.ok && result.warnings.length).toBe(1);
      }),
    );
  });

  it('makes the Via Oberta test finalitat code without spaces', () => {
    expect(ine10Proves(' 4317110007 ')).toMatchObject({ ok: true, value: '4317110007_PROVES' });
    expect(ine10Proves('801930008')).toMatchObject({ ok: true, value: '0801930008_PROVES' });
  });
});

describe('DIR3', () => {
  it('derives an ajuntament’s DIR3 from its INE10', () => {
    expect(deriveAjuntamentDir3('0801930008')).toMatchObject({ ok: true, value: 'L01080193' });
    expect(deriveAjuntamentDir3(ine10For('17079'))).toMatchObject({ ok: true, value: 'L01170792' });
  });

  it('refuses to derive one for a dependent body (entity ≠ 000)', () => {
    expect(deriveAjuntamentDir3(ine10For('08019', '001'))).toMatchObject({ ok: false, code: 'dir3.not-ajuntament' });
  });

  it('validates DIR3 codes, including the INE control digit of L01 codes', () => {
    expect(parseDir3('l01-080193')).toMatchObject({ ok: true, value: 'L01080193' });
    expect(parseDir3('L02000008')).toMatchObject({ ok: true });
    expect(parseDir3('L01080194')).toMatchObject({
      ok: false,
      code: 'dir3.control-digit',
      params: { expected: '3', found: '4' },
    });
    expect(parseDir3('L0108019')).toMatchObject({ ok: false, code: 'dir3.length', params: { length: 8 } });
    expect(parseDir3('101080193')).toMatchObject({ ok: false, code: 'dir3.first-letter' });
  });

  it('derived codes always validate', () => {
    fc.assert(
      fc.property(ine5, (code) => {
        const derived = deriveAjuntamentDir3(ine10For(code));
        expect(derived.ok && parseDir3(derived.value).ok).toBe(true);
      }),
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        for (const parse of [parseIne, parseIne10, parseDir3, deriveAjuntamentDir3, ine10Proves]) parse(s);
      }),
    );
  });
});
