import { compact, fail, isDigits, ok, type IdentifierResult } from './result';

/**
 * INE municipality codes and AOC's INE10 ens codes (`contracts/identifiers.md`).
 */
const WEIGHTS: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [0, 3, 8, 2, 7, 4, 1, 5, 9, 6],
  [0, 2, 4, 6, 8, 1, 3, 5, 7, 9],
];

/** INE's control digit over 5 digits (the province + municipality code). */
export function ineControlDigit(fiveDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 5; i++) {
    const row = WEIGHTS[2 - (i % 3)];
    sum += row?.[fiveDigits.charCodeAt(i) - 48] ?? 0;
  }
  return (10 - (sum % 10)) % 10;
}

/** Spanish provinces are numbered 01..52. */
function provinceOk(code: string): boolean {
  const p = Number(code.slice(0, 2));
  return p >= 1 && p <= 52;
}

/**
 * Reads an INE municipality code: 5 digits, or 6 with the control digit (which is then checked).
 * The canonical value is the 6-digit form.
 */
export function parseIne(input: string): IdentifierResult<'INE'> {
  const value = compact(input);
  if (value.length === 0) return fail('EMPTY', 'The INE code is empty.');
  if (!isDigits(value)) return fail('BAD_CHARACTERS', 'An INE code holds only digits.');
  if (value.length !== 5 && value.length !== 6) {
    return fail('BAD_LENGTH', `An INE code has 5 digits (6 with its control digit); this one has ${value.length}.`);
  }
  if (!provinceOk(value)) return fail('BAD_PROVINCE', `${value.slice(0, 2)} is not a Spanish province code (01–52).`);
  const dc = String(ineControlDigit(value.slice(0, 5)));
  if (value.length === 6 && value.charAt(5) !== dc) {
    return fail('BAD_CONTROL', `The control digit of ${value.slice(0, 5)} is ${dc}, not ${value.charAt(5)}.`, dc);
  }
  return ok('INE', value.slice(0, 5) + dc);
}

/**
 * Reads an INE10, the code of an ens in AOC's systems: 5-digit INE code + its control digit +
 * 3 digits for the entity + a check digit. Files often drop the leading zero, so 9 digits are
 * padded. Some real codes do not follow the check digits (non-municipal bodies), so a failed
 * check is a warning ("not verified"), never a refusal.
 */
export function parseIne10(input: string): IdentifierResult<'INE10'> {
  let value = compact(input);
  if (value.length === 0) return fail('EMPTY', 'The INE10 code is empty.');
  if (!isDigits(value)) return fail('BAD_CHARACTERS', 'An INE10 code holds only digits.');
  const warnings: string[] = [];
  if (value.length === 9) {
    value = '0' + value;
    warnings.push('The leading zero was missing and has been added.');
  }
  if (value.length !== 10) {
    return fail(
      'BAD_LENGTH',
      `An INE10 code has 10 digits (9 when the leading zero was lost); this one has ${value.length}.`,
    );
  }
  if (!ine10ChecksPass(value)) {
    warnings.push(
      'The check digits do not follow the municipal rule: the code is not verified (some non-municipal bodies have such codes).',
    );
  }
  return ok('INE10', value, warnings);
}

/** True when both control digits of a 10-digit INE10 follow the municipal rule. */
export function ine10ChecksPass(tenDigits: string): boolean {
  if (tenDigits.length !== 10 || !isDigits(tenDigits)) return false;
  const first = String(ineControlDigit(tenDigits.slice(0, 5)));
  const second = String(ineControlDigit('0' + tenDigits.slice(5, 9)));
  return tenDigits.charAt(5) === first && tenDigits.charAt(9) === second;
}

/** Builds the INE10 of an entity of a municipality (`000` is the ajuntament itself). */
export function ine10For(ine5: string, entity = '000'): string {
  const head = ine5 + String(ineControlDigit(ine5));
  const body = head + entity;
  return body + String(ineControlDigit('0' + body.slice(5, 9)));
}

/** The Via Oberta test finalitat code of an ens: its INE10 followed by `_PROVES`, no spaces. */
export function ine10Proves(ine10: string): IdentifierResult<'INE10_PROVES'> {
  const parsed = parseIne10(ine10);
  if (!parsed.ok) return parsed;
  return ok('INE10_PROVES', `${parsed.value}_PROVES`, parsed.warnings);
}
