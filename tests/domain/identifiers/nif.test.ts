import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPublicBodyCif, parseCif, parseNif, parsePersonNif } from '../../../src/domain/identifiers';

// Reference implementations, written independently of the product code (table lookups instead
// of arithmetic), so that a shared mistake is unlikely.
const LETTERS = [
  'T',
  'R',
  'W',
  'A',
  'G',
  'M',
  'Y',
  'F',
  'P',
  'D',
  'X',
  'B',
  'N',
  'J',
  'Z',
  'S',
  'Q',
  'V',
  'H',
  'L',
  'C',
  'K',
  'E',
];
function refDniLetter(digits: string): string {
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 23;
  return LETTERS[rest] ?? '?';
}
const DOUBLED_DIGIT_SUM = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
function refCifControl(digits: string): number {
  const odd = [0, 2, 4, 6].reduce((s, i) => s + (DOUBLED_DIGIT_SUM[Number(digits[i])] ?? 0), 0);
  const even = [1, 3, 5].reduce((s, i) => s + Number(digits[i]), 0);
  const unit = (odd + even) % 10;
  return unit === 0 ? 0 : 10 - unit;
}

const digitString = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

describe('NIF of a person', () => {
  it('accepts the fictitious test values of AOC homologation documents', () => {
    expect(parseNif('99999972C')).toMatchObject({ ok: true, kind: 'DNI', value: '99999972C' });
    expect(parseNif('99999974E')).toMatchObject({ ok: true, kind: 'DNI' });
  });

  it('normalises case and separators', () => {
    expect(parseNif(' 99.999.972-c ')).toMatchObject({ ok: true, value: '99999972C' });
  });

  it('says which letter was expected when the control letter is wrong', () => {
    expect(parseNif('99999972D')).toMatchObject({
      ok: false,
      code: 'nif.control-letter',
      params: { expected: 'C', found: 'D' },
      expected: 'C',
      message: 'The control letter should be C, not D.',
    });
  });

  it('explains wrong lengths and characters', () => {
    expect(parseNif('')).toMatchObject({ ok: false, code: 'nif.empty' });
    expect(parseNif('1234567Z')).toMatchObject({ ok: false, code: 'nif.length', params: { length: 8 } });
    expect(parseNif('12345678#')).toMatchObject({ ok: false, code: 'nif.characters', params: { found: '#' } });
    expect(parseNif('I2345678Z')).toMatchObject({ ok: false, code: 'nif.first-letter', params: { found: 'I' } });
  });

  it('accepts every DNI whose letter follows the rule, and refuses every other letter', () => {
    fc.assert(
      fc.property(digitString(8), fc.constantFrom(...LETTERS), (digits, letter) => {
        const result = parseNif(digits + letter);
        expect(result.ok).toBe(letter === refDniLetter(digits));
      }),
    );
  });

  it('reads NIE X/Y/Z as 0/1/2 in front of the digits', () => {
    fc.assert(
      fc.property(fc.constantFrom('X', 'Y', 'Z'), digitString(7), (first, digits) => {
        const letter = refDniLetter(String('XYZ'.indexOf(first)) + digits);
        expect(parseNif(first + digits + letter)).toMatchObject({ ok: true, kind: 'NIE' });
      }),
    );
  });

  it('applies the DNI rule to the 7 digits of K/L/M NIFs', () => {
    fc.assert(
      fc.property(fc.constantFrom('K', 'L', 'M'), digitString(7), (first, digits) => {
        expect(parseNif(first + digits + refDniLetter(digits))).toMatchObject({ ok: true, kind: 'KLM' });
      }),
    );
  });

  it('parsePersonNif refuses an organisation’s NIF with a reason', () => {
    expect(parsePersonNif('P0801900B')).toMatchObject({ ok: false, code: 'nif.not-person' });
    expect(parsePersonNif('99999972C').ok).toBe(true);
  });
});

describe('NIF of a legal entity (CIF)', () => {
  it('accepts the real public bodies of the contract', () => {
    for (const cif of ['Q0801175A', 'P0801900B', 'S0811001G', 'P1708500B']) {
      expect(parseCif(cif)).toMatchObject({ ok: true, kind: 'CIF', value: cif });
      expect(isPublicBodyCif(cif)).toBe(true);
    }
  });

  it('accepts the hyphenated spelling found in SIRI queries', () => {
    expect(parseCif('q-0801175-a')).toMatchObject({ ok: true, value: 'Q0801175A' });
  });

  it('requires a letter control for P, Q, R, S, N, W and a digit for A, B, E, H', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Array.from('ABCDEFGHJNPQRSUVW')), digitString(7), (org, digits) => {
        const d = refCifControl(digits);
        const letter = 'JABCDEFGHI'.charAt(d);
        const asLetter = parseCif(org + digits + letter).ok;
        const asDigit = parseCif(org + digits + String(d)).ok;
        if ('PQRSNW'.includes(org)) expect([asLetter, asDigit]).toEqual([true, false]);
        else if ('ABEH'.includes(org)) expect([asLetter, asDigit]).toEqual([false, true]);
        else expect([asLetter, asDigit]).toEqual([true, true]);
      }),
    );
  });

  it('refuses every wrong control, naming the right one', () => {
    fc.assert(
      fc.property(digitString(7), fc.constantFrom(...Array.from('JABCDEFGHI')), (digits, control) => {
        const right = 'JABCDEFGHI'.charAt(refCifControl(digits));
        fc.pre(control !== right);
        expect(parseCif('Q' + digits + control)).toMatchObject({
          ok: false,
          code: 'nif.cif-control-letter',
          expected: right,
        });
      }),
    );
  });

  it('is not a public body when the CIF is a company’s', () => {
    expect(isPublicBodyCif('A58818501')).toBe(false);
  });
});

describe('robustness', () => {
  it('never throws and always explains a refusal, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        for (const parse of [parseNif, parseCif, parsePersonNif]) {
          const result = parse(s);
          if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
