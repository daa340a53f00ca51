/**
 * Outcome of reading an identifier typed by an agent or found in a ticket. A refusal always says
 * why: a stable code with its parameters, which the app translates (`identifier.<code>` in
 * translations/*.json), and an English sentence for the command line and the logs.
 */
import { IDENTIFIER_TEXTS, type IdentifierCode, type IdentifierNoteCode } from './texts';

export type { IdentifierCode, IdentifierNoteCode } from './texts';
export { IDENTIFIER_CODES, IDENTIFIER_NOTE_CODES } from './texts';

/** Values a code's text refers to: the characters found, the ones expected, a length. */
export type IdentifierParams = Readonly<Record<string, string | number>>;

export interface IdentifierError {
  readonly ok: false;
  readonly code: IdentifierCode;
  readonly params: IdentifierParams;
  /** English, for the command line and logs; the app translates `code` instead. */
  readonly message: string;
  /** The control character that would have been correct, when the only fault is the control. */
  readonly expected?: string;
}

/** A non-blocking remark (e.g. an INE10 whose check digits cannot be verified). */
export interface IdentifierNote {
  readonly code: IdentifierNoteCode;
  readonly params: IdentifierParams;
  readonly message: string;
}

export interface IdentifierOk<K extends string> {
  readonly ok: true;
  /** Canonical form: upper case, without spaces, dots or hyphens; padded where the rule says. */
  readonly value: string;
  readonly kind: K;
  readonly notes: readonly IdentifierNote[];
  /** The notes' English sentences. */
  readonly warnings: readonly string[];
}

export type IdentifierResult<K extends string> = IdentifierOk<K> | IdentifierError;

/** The English sentence of a code, its `{{name}}` placeholders filled from the parameters. */
export function identifierText(code: IdentifierCode | IdentifierNoteCode, params: IdentifierParams = {}): string {
  return IDENTIFIER_TEXTS[code].replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(params[name] ?? ''));
}

export function fail(code: IdentifierCode, params: IdentifierParams = {}): IdentifierError {
  const message = identifierText(code, params);
  const expected = params['expected'];
  return expected === undefined
    ? { ok: false, code, params, message }
    : { ok: false, code, params, message, expected: String(expected) };
}

export function note(code: IdentifierNoteCode, params: IdentifierParams = {}): IdentifierNote {
  return { code, params, message: identifierText(code, params) };
}

export function ok<K extends string>(kind: K, value: string, notes: readonly IdentifierNote[] = []): IdentifierOk<K> {
  return { ok: true, kind, value, notes, warnings: notes.map((n) => n.message) };
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
