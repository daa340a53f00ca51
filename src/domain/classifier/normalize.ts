/**
 * Turns free text into comparable tokens while remembering where each token came from, so that
 * the evidence shown to the agent quotes the ticket's own words.
 *
 * Normalisation: lower case, accents dropped (agents and ens often write without them), the
 * Catalan middle dot of "l·l" (and its "l.l" spelling) removed so "col·legi" = "col.legi" =
 * "collegi", hyphens inside words removed so "e-NOTUM" = "eNOTUM", and everything else that is
 * not a letter or digit (apostrophes, underscores of product codes, punctuation) splits tokens.
 * It is a single linear pass: no regular expressions, so no input can make it slow.
 */
export interface Token {
  /** Normalised form. */
  readonly norm: string;
  /** Offsets in the source text (end exclusive). */
  readonly start: number;
  readonly end: number;
  /** The source text is all capitals (acronyms such as SOC that collide with common words). */
  readonly upper: boolean;
  /** The source text starts with a capital letter (names: "Servei d'Arxiu"). */
  readonly capital: boolean;
  /** Index of the sentence the token belongs to (sentence ends: . ! ? ; : and line breaks). */
  readonly sentence: number;
}

const STRIP_CACHE = new Map<string, string>();

/** Lower-cases one character and drops its diacritics ("À" → "a", "ç" → "c", "ñ" → "n"). */
function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  let cached = STRIP_CACHE.get(ch);
  if (cached === undefined) {
    cached = '';
    for (const part of ch.normalize('NFD').toLowerCase()) {
      const c = part.charCodeAt(0);
      if (c >= 0x300 && c <= 0x36f) continue;
      cached += part;
    }
    if (STRIP_CACHE.size < 4096) STRIP_CACHE.set(ch, cached);
  }
  return cached;
}

function isWordChar(folded: string): boolean {
  if (folded.length === 0) return false;
  const c = folded.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  if (c >= 48 && c <= 57) return true;
  // Letters of other scripts and ligatures (ß, æ, œ...) still belong to words.
  return c > 127 && folded.toLowerCase() !== folded.toUpperCase();
}

/** Letter case of non-ASCII characters, computed once each: 1 upper, 2 lower, 0 neither. */
const CASE_CACHE = new Map<string, number>();

function caseOf(ch: string): number {
  let cached = CASE_CACHE.get(ch);
  if (cached === undefined) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    cached = ch !== lower && ch === upper ? 1 : ch !== upper && ch === lower ? 2 : 0;
    if (CASE_CACHE.size < 4096) CASE_CACHE.set(ch, cached);
  }
  return cached;
}

function isUpperLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return caseOf(ch) === 1;
}

function isLowerLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return caseOf(ch) === 2;
}

function endsSentence(ch: string): boolean {
  return ch === '.' || ch === '!' || ch === '?' || ch === ';' || ch === ':' || ch === '\n' || ch === '\r';
}

/**
 * Abbreviations whose dot does not end a sentence ("Seg. Social", "Sra. Puig", "núm. 3"), so
 * that phrases such as "Seg. Social" still match across the dot.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'seg',
  'gral',
  'gen',
  'dir',
  'sr',
  'sra',
  'srs',
  'num',
  'aj',
  'ajunt',
  'adm',
  'admin',
  'av',
  'avda',
  'dept',
  'tel',
  'ext',
  'ref',
  'ex',
  'etc',
  'tec',
  'serv',
  'min',
  'ca',
  'pl',
  'c',
  'dr',
  'dra',
  'ntra',
  'sta',
  'st',
  'vol',
  'pag',
]);

function foldedIsL(ch: string | undefined): boolean {
  return ch !== undefined && (ch === 'l' || ch === 'L');
}

/** An ASCII letter or digit: most characters of every ticket, handled without folding. */
function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let norm = '';
  let start = -1;
  let end = -1;
  let hasUpper = false;
  let hasLower = false;
  let capital = false;
  let sentence = 0;
  /**
   * The word so far is plain ASCII letters and digits, written without a joining mark: its
   * normalised form is its own text in lower case, taken in one slice when the word ends rather
   * than built a character at a time.
   */
  let plain = true;

  const current = (): string => (plain ? (start < 0 ? '' : text.slice(start, end).toLowerCase()) : norm);

  const flush = (): void => {
    if (start >= 0) {
      const word = plain ? text.slice(start, end) : norm;
      tokens.push({
        norm: plain && hasUpper ? word.toLowerCase() : word,
        start,
        end,
        upper: hasUpper && !hasLower,
        capital,
        sentence,
      });
    }
    norm = '';
    start = -1;
    hasUpper = false;
    hasLower = false;
    plain = true;
  };

  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && isAsciiWordCode(code)) {
      // ASCII inline: this loop runs once per character of every ticket.
      const upper = code >= 65 && code <= 90;
      if (start < 0) {
        start = i;
        capital = upper;
      }
      if (!plain) norm += upper ? String.fromCharCode(code + 32) : text.charAt(i);
      end = i + 1;
      if (upper) hasUpper = true;
      else if (code >= 97) hasLower = true;
      continue;
    }
    const ch = text.charAt(i);
    if (code >= 128) {
      const folded = fold(ch);
      if (isWordChar(folded)) {
        const upper = isUpperLetter(ch);
        if (plain) {
          // From here on the word is built character by character.
          norm = start < 0 ? '' : text.slice(start, i).toLowerCase();
          plain = false;
        }
        if (start < 0) {
          start = i;
          capital = upper;
        }
        norm += folded;
        end = i + 1;
        if (upper) hasUpper = true;
        else if (isLowerLetter(ch)) hasLower = true;
        continue;
      }
    }
    const inWordNow = start >= 0;
    const prev = text.charAt(i - 1);
    const next = text.charAt(i + 1);
    // "l·l" / "l.l": the geminated l of Catalan, one word.
    if ((ch === '·' || ch === '.' || ch === '•') && inWordNow && foldedIsL(prev) && foldedIsL(next)) {
      if (plain) {
        norm = text.slice(start, i).toLowerCase();
        plain = false;
      }
      continue;
    }
    // A hyphen inside a word ("e-NOTUM", "Vila-seca") joins; one between spaces splits.
    if ((ch === '-' || ch === '‐') && inWordNow && isWordChar(fold(next))) {
      if (plain) {
        norm = text.slice(start, i).toLowerCase();
        plain = false;
      }
      continue;
    }
    const abbreviation = ch === '.' && inWordNow && current().length <= 5 && ABBREVIATIONS.has(current());
    flush();
    // A dot between digits or letters without a space (an IP, "diba.cat") does not end a
    // sentence, nor does the dot of an abbreviation.
    const inWord = ch === '.' && next !== '' && next !== ' ' && next !== '\n' && isWordChar(fold(next));
    if (endsSentence(ch) && !inWord && !abbreviation) {
      sentence++;
    }
  }
  flush();
  return tokens;
}

/**
 * The normalised words of a text joined by single spaces, as `normaliseWords(text).join(' ')`
 * gives them, without building tokens: the segmenter calls it on every line of every ticket.
 */
export function normalisedLine(text: string): string {
  let out = '';
  let inWord = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 128 && isAsciiWordCode(code)) {
      // A run of ASCII letters and digits is taken as one slice.
      let j = i + 1;
      let upper = code <= 90 && code >= 65;
      for (; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (c >= 128 || !isAsciiWordCode(c)) break;
        if (c <= 90 && c >= 65) upper = true;
      }
      if (!inWord && out.length > 0) out += ' ';
      const run = text.slice(i, j);
      out += upper ? run.toLowerCase() : run;
      inWord = true;
      i = j;
      continue;
    }
    const ch = text.charAt(i);
    const folded = code < 128 ? ch : fold(ch);
    if (code >= 128 && isWordChar(folded)) {
      if (!inWord && out.length > 0) out += ' ';
      out += folded;
      inWord = true;
      i++;
      continue;
    }
    if (inWord) {
      const next = text.charAt(i + 1);
      if ((ch === '·' || ch === '.' || ch === '•') && foldedIsL(text.charAt(i - 1)) && foldedIsL(next)) {
        i++;
        continue;
      }
      if ((ch === '-' || ch === '‐') && isWordChar(fold(next))) {
        i++;
        continue;
      }
    }
    inWord = false;
    i++;
  }
  return out;
}

/** Normalises a phrase the same way tokens are normalised, as a list of words. */
export function normaliseWords(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}
