import { compact, fail, isDigits, note, ok, type IdentifierNote, type IdentifierResult } from './result';

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
  if (value.length === 0) return fail('ine.empty');
  if (!isDigits(value)) return fail('ine.characters');
  if (value.length !== 5 && value.length !== 6) {
    return fail('ine.length', { length: value.length });
  }
  if (!provinceOk(value)) return fail('ine.province', { province: value.slice(0, 2) });
  const dc = String(ineControlDigit(value.slice(0, 5)));
  if (value.length === 6 && value.charAt(5) !== dc) {
    return fail('ine.control-digit', { code: value.slice(0, 5), expected: dc, found: value.charAt(5) });
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
  if (value.length === 0) return fail('ine10.empty');
  if (!isDigits(value)) return fail('ine10.characters');
  const notes: IdentifierNote[] = [];
  if (value.length === 9) {
    value = '0' + value;
    notes.push(note('ine10.padded'));
  }
  if (value.length !== 10) {
    return fail('ine10.length', { length: value.length });
  }
  if (!ine10ChecksPass(value)) {
    notes.push(note('ine10.unverified'));
  }
  return ok('INE10', value, notes);
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
  return ok('INE10_PROVES', `${parsed.value}_PROVES`, parsed.notes);
}
