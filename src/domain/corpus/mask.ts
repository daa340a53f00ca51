/**
 * Masks the personal identifiers a ticket carries (e-mail addresses, phone numbers, NIF/NIE of
 * persons) before a correction leaves the store as a corpus or a fixture file.
 *
 * Every replacement keeps the shape of what it replaces, so the classifier reads the masked
 * ticket as it read the real one: a masked DNI is a valid DNI (or stays invalid, if the original
 * was), a NIE keeps its X/Y/Z, a phone keeps its first digit (mobile or landline) and separators,
 * an e-mail keeps its domain (the ens, or SetDIBA) and the letter/digit pattern of its local part.
 *
 * Deterministic per value: the same person masks the same way in every ticket and every export,
 * because each replacement is drawn from a keyed digest of the canonical value. The digest is
 * given by the caller (HMAC-SHA256 with a secret in Node), which keeps this module pure and makes
 * the masks impossible to reverse by trying every DNI without the key.
 *
 * Organisations' NIFs (CIFs: P0801900B...) are not personal and stay as they are.
 */
import { dniLetter } from '../identifiers';

/** A keyed, deterministic digest: at least 16 bytes, different for different inputs. */
export type Digest = (input: string) => Uint8Array;

export interface Masker {
  /** Masks every identifier found in a free text. */
  readonly text: (text: string) => string;
  /** Masks every string inside a JSON-like value (a ticket, a form reading), keeping its structure. */
  readonly deep: <T>(value: T) => T;
}

/** Draws pseudo-random values from the digest of one value: the same value, the same draws. */
function draws(digest: Digest, seed: string): () => number {
  let block = digest(seed);
  let counter = 0;
  let index = 0;
  return () => {
    if (index >= block.length) {
      counter++;
      block = digest(`${seed}#${counter}`);
      index = 0;
    }
    const byte = block[index] ?? 0;
    index++;
    return byte;
  };
}

const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();

function pick(alphabet: string, next: () => number): string {
  // 256 is not a multiple of 10 or 26; the slight bias does not matter for masking.
  return alphabet.charAt(next() % alphabet.length);
}

/** Same letters/digits pattern and separators, new characters. */
function reshape(original: string, next: () => number): string {
  let out = '';
  for (const ch of original) {
    if (DIGITS.includes(ch)) out += pick(DIGITS, next);
    else if (LOWER.includes(ch)) out += pick(LOWER, next);
    else if (UPPER.includes(ch)) out += pick(UPPER, next);
    else out += ch;
  }
  return out;
}

const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';
const digitsOf = (s: string): string => s.replace(/\D/g, '');

/** `X1234567L` → the number its control letter is computed from (X=0, Y=1, Z=2; K/L/M none). */
function controlNumber(prefix: string, digits: string): number {
  const lead = 'XYZ'.indexOf(prefix.toUpperCase());
  return Number((lead >= 0 ? String(lead) : '') + digits);
}

/**
 * A person's NIF, its separators kept: digits replaced, the prefix letter kept, the control letter
 * recomputed (a wrong one stays wrong, by a fixed offset, so a typo stays a typo).
 */
function maskPersonNif(match: string, digest: Digest): string {
  const compact = match.replace(/[\s.-]/g, '').toUpperCase();
  const first = compact.charAt(0);
  const prefix = isDigit(first) ? '' : first;
  const digits = compact.slice(prefix.length, -1);
  const letter = compact.charAt(compact.length - 1);
  const valid = dniLetter(controlNumber(prefix, digits)) === letter;
  const next = draws(digest, `nif:${compact}`);
  const newDigits = digits.replace(/\d/g, () => pick(DIGITS, next));
  const right = dniLetter(controlNumber(prefix, newDigits));
  const wrong = dniLetter(controlNumber(prefix, newDigits) + 1);
  const newLetter = valid ? right : wrong;
  const lowerLetter = match.charAt(match.length - 1) !== match.charAt(match.length - 1).toUpperCase();
  let d = 0;
  let out = '';
  for (const ch of match.slice(0, -1)) {
    if (isDigit(ch)) out += newDigits.charAt(d++);
    else out += ch;
  }
  return out + (lowerLetter ? newLetter.toLowerCase() : newLetter);
}

function maskEmail(match: string, digest: Digest): string {
  const at = match.lastIndexOf('@');
  const local = match.slice(0, at);
  return reshape(local, draws(digest, `email:${match.toLowerCase()}`)) + match.slice(at);
}

/** Phone: the first digit and every separator kept, the rest drawn; an international prefix kept. */
function maskPhone(prefix: string, number: string, digest: Digest): string {
  const next = draws(digest, `phone:${digitsOf(number)}`);
  return prefix + number.charAt(0) + reshape(number.slice(1), next);
}

// Boundaries are "not a letter, digit or identifier character": a NIF glued into a word is not one.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const DNI = /(?<![\p{L}\p{N}])\d{2}\.?\d{3}\.?\d{3}[ -]?[A-Za-z](?![\p{L}\p{N}])/gu;
const NIE_KLM = /(?<![\p{L}\p{N}])[XYZKLMxyzklm][ -]?\d{7}[ -]?[A-Za-z](?![\p{L}\p{N}])/gu;
/** Spanish numbers: 9 digits from 6 to 9, grouped as people write them, maybe +34 / 0034 first. */
const PHONE = /(?<![\p{L}\p{N}+.])((?:\+|00)34[ .-]?)?([6-9](?:[ .-]?\d){8})(?![\p{N}]|\.\d)/gu;
const isIpv4 = (s: string): boolean => {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
};

export function createMasker(digest: Digest): Masker {
  const text = (input: string): string =>
    input
      .replace(EMAIL, (m) => maskEmail(m, digest))
      .replace(DNI, (m) => maskPersonNif(m, digest))
      .replace(NIE_KLM, (m) => maskPersonNif(m, digest))
      .replace(PHONE, (m, prefix: string | undefined, number: string) => {
        // Not a phone: an IPv4 address, or 8xxxxxxxx with nothing around it (the unpadded INE10
        // of a municipality of Barcelona province looks exactly like that).
        if (isIpv4(number)) return m;
        if (prefix === undefined && number.startsWith('8') && /^\d+$/.test(number)) return m;
        return maskPhone(prefix ?? '', number, digest);
      });
  const deep = <T>(value: T): T => walk(value, text) as T;
  return { text, deep };
}

function walk(value: unknown, text: (s: string) => string): unknown {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, text));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, text)]));
  }
  return value;
}
