import type { Layer, Meaning } from './lexicon-types';
import { LEXICON_TABLES, STOPWORDS } from './lexicon-data';
import { MIN_FUZZY_LENGTH, type CompiledPhrase, type EntryMeaning, type LexiconTables } from './lexicon-tables';
import { tokenize, type Token } from './normalize';

/**
 * Finds the lexicon's phrases in a text. The lexicon comes compiled into hash indexes
 * (lexicon-tables.ts, prebuilt by the app's build), so a ticket costs one pass over its tokens
 * plus a few map lookups per token; typo tolerance compares a word the lexicon does not know
 * with the lexicon's typo-tolerant words of its length give or take one, once per distinct word.
 */
export interface Match {
  readonly meaning: Meaning;
  readonly layer: Layer;
  /** Offsets in the matched text (end exclusive). */
  readonly start: number;
  readonly end: number;
  /** Index of the first and last content token (stop words excluded) of the match. */
  readonly first: number;
  readonly last: number;
  readonly sentence: number;
  /** For a "named after" trigger: the content words it covers, joined to it by "de" (see `ofRun`). */
  readonly window?: number;
}

export interface MatchedText {
  readonly tokens: readonly Token[];
  /** Tokens that are not stop words, in order. */
  readonly content: readonly Token[];
  readonly matches: readonly Match[];
}

const ARTICLES: ReadonlySet<string> = new Set(['el', 'la', 'els', 'les', 'los', 'las', 'lo']);
const OF: ReadonlySet<string> = new Set(['de', 'del', 'dels', 'd']);
/** Key marks of words that match only as written: capitals, capital initial, exact. */
const MARKS = '^~=';

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (sameFrom(a, i + 1, b, i + 1)) return true;
    return (
      i + 1 < la &&
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      sameFrom(a, i + 2, b, i + 2)
    );
  }
  return la > lb ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
}

/** a from `ia` on equals b from `ib` on (compared in place: this runs for every candidate word). */
function sameFrom(a: string, ia: number, b: string, ib: number): boolean {
  if (a.length - ia !== b.length - ib) return false;
  for (let k = 0; ia + k < a.length; k++) if (a.charCodeAt(ia + k) !== b.charCodeAt(ib + k)) return false;
  return true;
}

class CompiledLexicon {
  private readonly resolved = new Map<string, ResolvedWord>();
  private readonly resolvedUpper = new Map<string, ResolvedWord>();
  private readonly resolvedCapital = new Map<string, ResolvedWord>();

  /** The typo-tolerant words by length, grouped when first asked. */
  private byLength: Map<number, string[]> | undefined;

  constructor(private readonly tables: LexiconTables) {}

  /** The typo-tolerant words one edit away from a word (of its length, or one more or less). */
  private typoWords(norm: string): string[] {
    if (this.byLength === undefined) {
      const groups = new Map<number, string[]>();
      for (const w of this.tables.fuzzyWords) {
        const group = groups.get(w.length);
        if (group === undefined) groups.set(w.length, [w]);
        else group.push(w);
      }
      this.byLength = groups;
    }
    const found: string[] = [];
    for (let length = norm.length - 1; length <= norm.length + 1; length++)
      for (const w of this.byLength.get(length) ?? []) if (withinOneEdit(norm, w)) found.push(w);
    return found;
  }

  /** The entry a phrase belongs to. */
  entry(phrase: CompiledPhrase): EntryMeaning {
    const entry = this.tables.entries[phrase.entry];
    if (entry === undefined) throw new Error(`lexicon phrase ${String(phrase.order)} has no entry`);
    return entry;
  }

  /**
   * The pattern-word keys a text token satisfies, and the phrases they start. Cached by the
   * token's case (capitals, capital initial, other) and its normalised form, without building a
   * key string per token.
   */
  resolve(token: Token): ResolvedWord {
    const cache = token.upper ? this.resolvedUpper : token.capital ? this.resolvedCapital : this.resolved;
    const norm = token.norm;
    // Numbers (phone numbers, dates, file numbers) are most of a ticket's distinct words; when no
    // pattern word is (almost) all digits, none of them can match, and they need not be cached.
    const { exact, prefixes, byFirstKey, phrases, digitWords } = this.tables;
    if (!digitWords && isDigits(norm)) return NO_WORD;
    const cached = cache.get(norm);
    if (cached !== undefined) return cached;
    const keys: string[] = [];
    const exactKeys = exact.get(norm);
    if (exactKeys !== undefined) {
      for (const k of exactKeys) {
        const mark = k.charAt(0);
        if (mark === '^' ? token.upper : mark === '~' ? token.capital : true) keys.push(k);
      }
    }
    for (const p of prefixes) {
      if ((p.upperOnly && !token.upper) || (p.capitalOnly && !token.capital)) continue;
      if (norm.startsWith(p.text)) keys.push(p.key);
      else if (
        !p.exactOnly &&
        p.text.length >= MIN_FUZZY_LENGTH &&
        norm.length > p.text.length &&
        prefixWithinOneEdit(norm, p.text)
      ) {
        keys.push(p.key);
      }
    }
    // Words in capitals are codes and acronyms (EVIDENCIA, PROCESSAR_TRAMESA): exact only.
    if (exactKeys === undefined && norm.length >= MIN_FUZZY_LENGTH && !token.upper) {
      for (const w of this.typoWords(norm))
        for (const k of exact.get(w) ?? []) if (!MARKS.includes(k.charAt(0))) keys.push(k);
    }
    const starts: CompiledPhrase[] = [];
    for (const k of keys) {
      const list = byFirstKey.get(k);
      if (list !== undefined)
        for (const c of list) {
          const phrase = phrases[c];
          if (phrase !== undefined) starts.push(phrase);
        }
    }
    const word: ResolvedWord = keys.length === 0 ? NO_WORD : { keys, starts };
    // Bounded: a huge ticket of distinct words must not grow memory without limit.
    if (cache.size > 50_000) cache.clear();
    cache.set(norm, word);
    return word;
  }
}

/** What one text word is to the lexicon: the pattern-word keys it satisfies, the phrases it may start. */
interface ResolvedWord {
  readonly keys: readonly string[];
  readonly starts: readonly CompiledPhrase[];
}
const NO_WORD: ResolvedWord = { keys: [], starts: [] };

/** Longest run a "named after" trigger covers ("l'aplicació de gestió del padró": 2 words). */
const MAX_OF_RUN = 3;

/**
 * The content words after token `k` that are joined to it each by its own "de" (and articles):
 * "aplicació de gestió del padró" → 2; "aplicació amb l'AEAT" → 0 (another small word, "amb",
 * ends the name), "aplicació de personal obtingui ..." → 1.
 */
function ofRun(text: string, tokens: readonly Token[], k: number, sentence: number | undefined): number {
  let words = 0;
  let sawOf = false;
  for (let j = k + 1; j < tokens.length && words < MAX_OF_RUN; j++) {
    const t = tokens[j];
    const before = tokens[j - 1];
    if (t === undefined || before === undefined || t.sentence !== sentence) break;
    // A comma or a parenthesis ends the name ("des del programa de serveis socials, el padró").
    if (!onlySpaceOrApostrophe(text, before.end, t.start)) break;
    if (OF.has(t.norm)) {
      sawOf = true;
      continue;
    }
    if (ARTICLES.has(t.norm)) continue;
    // Each word of the name comes after its own "de": "gestió del padró", not "personal obtingui".
    if (STOPWORDS.has(t.norm) || !sawOf) break;
    sawOf = false;
    words++;
  }
  return words;
}

function onlySpaceOrApostrophe(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charAt(i);
    if (c !== ' ' && c !== "'" && c !== '’' && c !== '\t') return false;
  }
  return true;
}

function isDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return word.length > 0;
}

/** A word starts with a typo'd prefix: compare the prefix with the word's head of similar length. */
function prefixWithinOneEdit(word: string, prefix: string): boolean {
  const n = prefix.length;
  return (
    withinOneEdit(word.slice(0, n), prefix) ||
    withinOneEdit(word.slice(0, n + 1), prefix) ||
    withinOneEdit(word.slice(0, n - 1), prefix)
  );
}

let compiled: CompiledLexicon | undefined;

function lexicon(): CompiledLexicon {
  compiled ??= new CompiledLexicon(LEXICON_TABLES);
  return compiled;
}

function tokenHas(keys: readonly string[], key: string): boolean {
  for (const k of keys) if (k === key) return true;
  return false;
}

/** Matches every layer of the lexicon in a text. Inside a layer, the longest phrase wins. */
export function matchText(text: string): MatchedText {
  const lex = lexicon();
  const tokens = tokenize(text);
  const content: Token[] = [];
  /** Index in `tokens` of each content token, to look at the small words after a match. */
  const at: number[] = [];
  const resolved: ResolvedWord[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t === undefined || STOPWORDS.has(t.norm)) continue;
    content.push(t);
    at.push(k);
    resolved.push(lex.resolve(t));
  }
  const matches: Match[] = [];
  /** Per layer (entity, cue, scope): the first content word not yet inside a match. */
  const nextFree = [0, 0, 0];
  /** Per layer: the best phrase starting at the current word. */
  const best: (CompiledPhrase | undefined)[] = [undefined, undefined, undefined];
  /** Per layer: the words a "named after" trigger reaches (see `ofRun`). */
  const bestWindow: (number | undefined)[] = [undefined, undefined, undefined];

  for (let i = 0; i < content.length; i++) {
    const starts = resolved[i]?.starts;
    // Most words start no phrase: nothing to do for them.
    if (starts === undefined || starts.length === 0) continue;
    const sentence = content[i]?.sentence;
    let found = false;
    for (const cand of starts) {
      const layer = cand.layer;
      if (i < (nextFree[layer] ?? 0)) continue;
      const n = cand.keys.length;
      if (i + n > content.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) {
        const key = cand.keys[k];
        const tok = content[i + k];
        ok =
          key !== undefined &&
          tok !== undefined &&
          tok.sentence === sentence &&
          tokenHas(resolved[i + k]?.keys ?? [], key);
      }
      if (!ok) continue;
      const entry = lex.entry(cand);
      if (entry.notBeforeNumber === true) {
        // "DNI 99999972C", "DNI de proves 99999974E": someone's number, not the product.
        const next = [content[i + n], content[i + n + 1]];
        if (next.some((t) => t !== undefined && t.sentence === sentence && /\d/.test(t.norm))) continue;
      }
      if (entry.beforeNumber === true) {
        const t = content[i + n];
        if (t === undefined || t.sentence !== sentence || !isDigits(t.norm)) continue;
      }
      let window: number | undefined;
      if (entry.beforeOf === true) {
        const meaning = entry.meaning;
        const cap = meaning.kind === 'scope' ? (meaning.window ?? MAX_OF_RUN) : MAX_OF_RUN;
        window = Math.min(cap, ofRun(text, tokens, at[i + n - 1] ?? -1, sentence));
        if (window === 0) continue;
      }
      if (entry.beforeArticleOf === true) {
        const k = at[i + n - 1] ?? -1;
        const article = tokens[k + 1];
        const of = tokens[k + 2];
        const ok2 =
          article !== undefined &&
          article.sentence === sentence &&
          (OF.has(article.norm) || (of !== undefined && ARTICLES.has(article.norm) && OF.has(of.norm)));
        if (!ok2) continue;
      }
      const current = best[layer];
      if (
        current === undefined ||
        n > current.keys.length ||
        (n === current.keys.length && cand.order < current.order)
      ) {
        best[layer] = cand;
        bestWindow[layer] = window;
        found = true;
      }
    }
    if (!found) continue;
    for (let layer = 0; layer < 3; layer++) {
      const cand = best[layer];
      if (cand === undefined) continue;
      best[layer] = undefined;
      const firstTok = content[i];
      const lastTok = content[i + cand.keys.length - 1];
      if (firstTok === undefined || lastTok === undefined) continue;
      const window = bestWindow[layer];
      const entry = lex.entry(cand);
      matches.push({
        meaning: entry.meaning,
        layer: entry.layer,
        start: firstTok.start,
        end: lastTok.end,
        first: i,
        last: i + cand.keys.length - 1,
        sentence: firstTok.sentence,
        ...(window === undefined ? {} : { window }),
      });
      nextFree[layer] = i + cand.keys.length;
    }
  }
  return { tokens, content, matches };
}
