/**
 * Finds personal data and internal addresses in text: national ID numbers, private-range IPv4
 * addresses, e-mail addresses and people's names. It knows no real value: each detector is a
 * general rule, and what is allowed is the fictitious or public data listed in ./allowed.ts and
 * tests/fixtures/invented-people.txt. docs/security.md states the rules.
 */
import { parsePersonNif } from '../../src/domain/identifiers';
import { GIVEN_NAMES, NOT_SURNAMES } from './given-names';

export type FindingKind = 'nif' | 'ip' | 'email' | 'name';

export interface Finding {
  readonly kind: FindingKind;
  readonly value: string;
  readonly line: number;
}

export interface ScanRules {
  /** Fictitious NIFs that may appear anywhere (canonical form: digits and letter, upper case). */
  readonly fictitiousNifs: ReadonlySet<string>;
  /** Private addresses that tests use as an example of one (they name no machine of AOC's). */
  readonly testPrivateHosts: ReadonlySet<string>;
  /** Whether 127.0.0.1 may appear in this file (code that binds or tests loopback). */
  readonly loopbackAllowed: boolean;
  /** An e-mail address that may appear (example domains, the desk's public mailboxes). */
  readonly emailAllowed: (address: string) => boolean;
  /** A "Firstname Surname…" that is an invented person (the demo set, the file's own declarations). */
  readonly nameAllowed: (name: string) => boolean;
}

const lineAt = (text: string, index: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

// A DNI (8 digits) or NIE (X/Y/Z and 7 digits) with its control letter, perhaps with a hyphen or
// a space before the letter; not inside a longer run of digits or letters.
const NIF_CANDIDATE = /(?<![0-9A-Za-z])(?:[0-9]{8}|[XYZxyz][-\s]?[0-9]{7})[-\s]?[A-Za-z](?![0-9A-Za-z])/g;

function findNifs(text: string, rules: ScanRules): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(NIF_CANDIDATE)) {
    const canonical = m[0].replace(/[-\s]/g, '').toUpperCase();
    if (!parsePersonNif(canonical).ok || rules.fictitiousNifs.has(canonical)) continue;
    found.push({ kind: 'nif', value: m[0], line: lineAt(text, m.index) });
  }
  return found;
}

// Dotted quads, and private prefixes of three parts written as a network (`x`, `*`, `0/24`, …).
const IPV4 = /(?<![0-9.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\.(\d{1,3}|[xX*]))?(?![0-9]|\.[0-9])/g;

/** RFC 1918 private ranges, shared address space (RFC 6598) and link-local. */
export function isPrivateOrInternal(a: number, b: number): boolean {
  return (
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254)
  );
}

function findAddresses(text: string, rules: ScanRules): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(IPV4)) {
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (a > 255 || b > 255 || c > 255) continue;
    const fourth = m[4];
    // A network's own address (10.0.0.0, 192.168.0.0/16) bounds a range and names no machine.
    if (fourth === '0') continue;
    if (a === 127) {
      // Loopback names no machine; allowed where code binds or tests it (127.0.0.1), never in the app.
      if (fourth !== undefined && !rules.loopbackAllowed)
        found.push({ kind: 'ip', value: m[0], line: lineAt(text, m.index) });
      continue;
    }
    if (!isPrivateOrInternal(a, b)) continue;
    // Three parts alone are a version number more often than a network ("10.4.2"): only a
    // prefix of 192.168 counts without its fourth part.
    if (fourth === undefined && a !== 192) continue;
    if (rules.testPrivateHosts.has(m[0])) continue;
    found.push({ kind: 'ip', value: m[0], line: lineAt(text, m.index) });
  }
  return found;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

function findEmails(text: string, rules: ScanRules): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(EMAIL)) {
    if (rules.emailAllowed(m[0])) continue;
    found.push({ kind: 'email', value: m[0], line: lineAt(text, m.index) });
  }
  return found;
}

const WORD = /[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ·]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ·]+)?/y;
const CAPITALISED = /^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ·]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ·]+)?$/;
/** A saint's name is a place's ("Sant Joan Despí"), not a person's. */
const AFTER_SAINT = /(?:^|[^\p{L}])(?:Sant|Santa|San|Sta\.|St\.)\s+$/u;

/** The capitalised word that starts at `at` (after spaces, not a line break), or undefined. */
function wordAt(text: string, at: number): { word: string; end: number } | undefined {
  let start = at;
  while (text[start] === ' ') start++;
  if (start === at) return undefined;
  WORD.lastIndex = start;
  const m = WORD.exec(text);
  return m === null ? undefined : { word: m[0], end: start + m[0].length };
}

/**
 * "Firstname Surname" pairs: a common Catalan or Spanish given name (one or two, "Maria Dolors")
 * followed by a capitalised word that is not a given name or a common capitalised word; the
 * finding is the whole run of capitalised words (first name and up to two surnames).
 */
function findNames(text: string, rules: ScanRules): Finding[] {
  const found: Finding[] = [];
  const candidate = /(?<![\p{L}\p{N}_])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+/gu;
  let consumed = 0; // a second given name or a surname is not the start of another name
  for (const m of text.matchAll(candidate)) {
    if (m.index < consumed) continue;
    if (!GIVEN_NAMES.has(m[0]) || AFTER_SAINT.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    const words = [m[0]];
    let end = m.index + m[0].length;
    let next = wordAt(text, end);
    if (next !== undefined && GIVEN_NAMES.has(next.word)) {
      words.push(next.word);
      end = next.end;
      next = wordAt(text, end);
    }
    if (next === undefined || GIVEN_NAMES.has(next.word) || NOT_SURNAMES.has(next.word)) continue;
    words.push(next.word);
    consumed = next.end;
    const second = wordAt(text, next.end);
    if (second !== undefined && CAPITALISED.test(second.word) && !NOT_SURNAMES.has(second.word)) {
      words.push(second.word);
      consumed = second.end;
    }
    const name = words.join(' ');
    if (rules.nameAllowed(name)) continue;
    found.push({ kind: 'name', value: name, line: lineAt(text, m.index) });
  }
  return found;
}

/** Every personal datum or internal address in `text` that the rules do not allow. */
export function scanText(text: string, rules: ScanRules): Finding[] {
  return [
    ...findNifs(text, rules),
    ...findAddresses(text, rules),
    ...findEmails(text, rules),
    ...findNames(text, rules),
  ].sort((a, b) => a.line - b.line);
}
