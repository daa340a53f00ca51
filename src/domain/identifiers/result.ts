/**
 * Outcome of reading an identifier typed by an agent or found in a ticket. A refusal always says
 * why, with a stable code (for translated messages in the app) and an English explanation.
 */
export type IdentifierErrorCode =
  'EMPTY' | 'BAD_LENGTH' | 'BAD_CHARACTERS' | 'BAD_FORMAT' | 'BAD_CONTROL' | 'BAD_PROVINCE';

export interface IdentifierError {
  readonly ok: false;
  readonly code: IdentifierErrorCode;
  readonly message: string;
  /** The control character that would have been correct, when the only fault is the control. */
  readonly expected?: string;
}

export interface IdentifierOk<K extends string> {
  readonly ok: true;
  /** Canonical form: upper case, without spaces, dots or hyphens; padded where the rule says. */
  readonly value: string;
  readonly kind: K;
  /** Non-blocking remarks (e.g. an INE10 whose check digits cannot be verified). */
  readonly warnings: readonly string[];
}

export type IdentifierResult<K extends string> = IdentifierOk<K> | IdentifierError;

export function fail(code: IdentifierErrorCode, message: string, expected?: string): IdentifierError {
  return expected === undefined ? { ok: false, code, message } : { ok: false, code, message, expected };
}

export function ok<K extends string>(kind: K, value: string, warnings: readonly string[] = []): IdentifierOk<K> {
  return { ok: true, kind, value, warnings };
}

/** Removes the separators people type inside identifiers (spaces, dots, hyphens, slashes). */
export function compact(input: string): string {
  let out = '';
  for (const ch of input) {
    if (ch === ' ' || ch === '.' || ch === '-' || ch === '/' || ch === '\t' || ch === '\u00a0') continue;
    out += ch;
  }
  return out.toUpperCase();
}

export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
