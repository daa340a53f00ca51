import { compact, fail, isDigits, ok, type IdentifierResult } from './result';

/**
 * Spanish tax identifiers: the NIF of a person (DNI, NIE, K/L/M) and of a legal entity (CIF).
 * Rules as `contracts/identifiers.md` gives them.
 */
export type NifKind = 'DNI' | 'NIE' | 'KLM' | 'CIF';

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const CIF_CONTROL_LETTERS = 'JABCDEFGHI';
/** Organisation letters; public bodies are P (local), Q (public bodies), S (Generalitat/state). */
const CIF_ORG_LETTERS = 'ABCDEFGHJNPQRSUVW';
const CIF_LETTER_CONTROL = 'PQRSNW';
const CIF_DIGIT_CONTROL = 'ABEH';

export function dniLetter(number: number): string {
  return DNI_LETTERS.charAt(number % 23);
}

/** The CIF control value `d` over the 7 digits (odd positions doubled and their digits summed). */
export function cifControlDigit(sevenDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const n = sevenDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      const doubled = n * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else {
      sum += n;
    }
  }
  return (10 - (sum % 10)) % 10;
}

function personNif(kind: 'DNI' | 'NIE' | 'KLM', value: string, digits: string): IdentifierResult<NifKind> {
  const letter = value.charAt(value.length - 1);
  if (!isDigits(digits)) {
    return kind === 'DNI' ? fail('nif.dni-digits') : fail('nif.nie-digits', { kind });
  }
  if (letter < 'A' || letter > 'Z') {
    return fail('nif.control-letter-missing', { kind });
  }
  const expected = dniLetter(Number(digits));
  if (letter !== expected) {
    return fail('nif.control-letter', { expected, found: letter });
  }
  return ok(kind, value);
}

function cif(value: string): IdentifierResult<NifKind> {
  const org = value.charAt(0);
  const digits = value.slice(1, 8);
  const control = value.charAt(8);
  if (!isDigits(digits)) return fail('nif.cif-digits');
  const d = cifControlDigit(digits);
  const asLetter = CIF_CONTROL_LETTERS.charAt(d);
  const asDigit = String(d);
  if (CIF_LETTER_CONTROL.includes(org)) {
    if (control !== asLetter) {
      return fail('nif.cif-control-letter', { org, expected: asLetter, found: control });
    }
  } else if (CIF_DIGIT_CONTROL.includes(org)) {
    if (control !== asDigit) {
      return fail('nif.cif-control-digit', { org, expected: asDigit, found: control });
    }
  } else if (control !== asDigit && control !== asLetter) {
    return fail('nif.cif-control', { expected: asDigit, letter: asLetter, found: control });
  }
  return ok('CIF', value);
}

/**
 * Reads any NIF (person or entity). Accepts lower case and the separators people type
 * ("Q-5850043-J", "47.000.000 T") and returns the canonical form.
 */
export function parseNif(input: string): IdentifierResult<NifKind> {
  const value = compact(input);
  if (value.length === 0) return fail('nif.empty');
  for (const ch of value) {
    if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z'))) {
      return fail('nif.characters', { found: ch });
    }
  }
  if (value.length !== 9) return fail('nif.length', { length: value.length });
  const first = value.charAt(0);
  if (first >= '0' && first <= '9') return personNif('DNI', value, value.slice(0, 8));
  if (first === 'X' || first === 'Y' || first === 'Z') {
    return personNif('NIE', value, String('XYZ'.indexOf(first)) + value.slice(1, 8));
  }
  if (first === 'K' || first === 'L' || first === 'M') return personNif('KLM', value, value.slice(1, 8));
  if (CIF_ORG_LETTERS.includes(first)) return cif(value);
  return fail('nif.first-letter', { found: first });
}

/** Reads the NIF of a person only (DNI, NIE, K/L/M): e.g. the user who publishes in PSCP. */
export function parsePersonNif(input: string): IdentifierResult<NifKind> {
  const result = parseNif(input);
  if (result.ok && result.kind === 'CIF') {
    return fail('nif.not-person');
  }
  return result;
}

/** Reads the NIF of a legal entity only (CIF): e.g. the òrgan de contractació, `organSACId`. */
export function parseCif(input: string): IdentifierResult<NifKind> {
  const result = parseNif(input);
  if (result.ok && result.kind !== 'CIF') {
    return fail('nif.not-organisation');
  }
  return result;
}

/** Public bodies' CIFs start with P (local entities), Q (public bodies) or S (Generalitat, state). */
export function isPublicBodyCif(value: string): boolean {
  const result = parseCif(value);
  return result.ok && 'PQS'.includes(result.value.charAt(0));
}
