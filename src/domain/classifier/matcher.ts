import type { Layer, LexiconEntry, Meaning } from './lexicon';
import { LEXICON, STOPWORDS } from './lexicon-data';
import { tokenize, type Token } from './normalize';

/**
 * Finds the lexicon's phrases in a text. The lexicon is compiled once into hash indexes, so a
 * ticket costs one pass over its tokens plus a few map lookups per token; typo tolerance uses a
 * deletion index (every word with one letter removed), not a scan of the vocabulary.
 */
interface PatternWord {
  readonly key: string;
  readonly text: string;
  readonly prefix: boolean;
  readonly upperOnly: boolean;
  readonly capitalOnly: boolean;
  /** No typo tolerance ("=matrimoni" must not match "patrimoni"). */
  readonly exactOnly: boolean;
}

interface CompiledEntry {
  readonly entry: LexiconEntry;
  readonly words: readonly PatternWord[];
  readonly order: number;
  /** The entry's layer as an index (entity 0, cue 1, scope 2). */
  readonly layer: number;
}

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

const MIN_FUZZY_LENGTH = 6;
const ARTICLES: ReadonlySet<string> = new Set(['el', 'la', 'els', 'les', 'los', 'las', 'lo']);
const OF: ReadonlySet<string> = new Set(['de', 'del', 'dels', 'd']);
/** Key marks of words that match only as written: capitals, capital initial, exact. */
const MARKS = '^~=';
const MIN_PREFIX_LENGTH = 3;

function parseWord(raw: string): PatternWord[] {
  let text = raw;
  let upperOnly = false;
  let capitalOnly = false;
  let exactOnly = false;
  let prefix = false;
  if (text.startsWith('^')) {
    upperOnly = true;
    text = text.slice(1);
  } else if (text.startsWith('~')) {
    capitalOnly = true;
    text = text.slice(1);
  } else if (text.startsWith('=')) {
    exactOnly = true;
    text = text.slice(1);
  }
  if (text.endsWith('*')) {
    prefix = true;
    text = text.slice(0, -1);
  }
  return tokenize(text)
    .map((t) => t.norm)
    .filter((w) => !STOPWORDS.has(w))
    .map((w, i, all) => {
      const isPrefix = prefix && i === all.length - 1;
      const mark = upperOnly ? '^' : capitalOnly ? '~' : exactOnly ? '=' : '';
      const key = `${mark}${w}${isPrefix ? '*' : ''}`;
      return { key, text: w, prefix: isPrefix, upperOnly, capitalOnly, exactOnly };
    });
}

function compilePhrase(phrase: string): PatternWord[] {
  const out: PatternWord[] = [];
  for (const raw of phrase.split(/\s+/)) {
    if (raw.length > 0) out.push(...parseWord(raw));
  }
  return out;
}

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return (
      i + 1 < la &&
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      a.slice(i + 2) === b.slice(i + 2)
    );
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

const LAYERS: readonly Layer[] = ['entity', 'cue', 'scope'];
const layerIndex = (layer: Layer): number => LAYERS.indexOf(layer);

class CompiledLexicon {
  private readonly byFirstKey = new Map<string, CompiledEntry[]>();
  private readonly exact = new Map<string, string[]>();
  private readonly prefixes: PatternWord[] = [];
  private readonly fuzzy = new Map<string, Set<string>>();
  private readonly resolved = new Map<string, ResolvedWord>();
  private readonly resolvedUpper = new Map<string, ResolvedWord>();
  private readonly resolvedCapital = new Map<string, ResolvedWord>();
  /** Some pattern word has at most one character that is not a digit: a number may match it. */
  private digitWords = false;

  constructor(entries: readonly LexiconEntry[]) {
    let order = 0;
    const seenPrefix = new Set<string>();
    for (const entry of entries) {
      for (const phrase of entry.phrases) {
        const words = compilePhrase(phrase);
        const head = words[0];
        if (head === undefined) continue;
        const compiled: CompiledEntry = { entry, words, order: order++, layer: layerIndex(entry.layer) };
        const list = this.byFirstKey.get(head.key) ?? [];
        list.push(compiled);
        this.byFirstKey.set(head.key, list);
        for (const w of words) this.registerWord(w, seenPrefix);
      }
    }
  }

  private registerWord(w: PatternWord, seenPrefix: Set<string>): void {
    let other = 0;
    for (let i = 0; i < w.text.length; i++) {
      const c = w.text.charCodeAt(i);
      if (c < 48 || c > 57) other++;
    }
    if (other === 0 || (other === 1 && w.text.length >= MIN_FUZZY_LENGTH)) this.digitWords = true;
    if (w.prefix) {
      if (w.text.length >= MIN_PREFIX_LENGTH && !seenPrefix.has(w.key)) {
        seenPrefix.add(w.key);
        this.prefixes.push(w);
      }
      return;
    }
    const keys = this.exact.get(w.text) ?? [];
    if (!keys.includes(w.key)) keys.push(w.key);
    this.exact.set(w.text, keys);
    if (!w.upperOnly && !w.capitalOnly && !w.exactOnly && w.text.length >= MIN_FUZZY_LENGTH) {
      for (const variant of [w.text, ...deletions(w.text)]) {
        const set = this.fuzzy.get(variant) ?? new Set<string>();
        set.add(w.text);
        this.fuzzy.set(variant, set);
      }
    }
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
    if (!this.digitWords && isDigits(norm)) return NO_WORD;
    const cached = cache.get(norm);
    if (cached !== undefined) return cached;
    const keys: string[] = [];
    const exactKeys = this.exact.get(norm);
    if (exactKeys !== undefined) {
      for (const k of exactKeys) {
        const mark = k.charAt(0);
        if (mark === '^' ? token.upper : mark === '~' ? token.capital : true) keys.push(k);
      }
    }
    for (const p of this.prefixes) {
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
      const found = new Set<string>();
      for (const variant of [norm, ...deletions(norm)]) {
        const words = this.fuzzy.get(variant);
        if (words === undefined) continue;
        for (const w of words) if (!found.has(w) && withinOneEdit(norm, w)) found.add(w);
      }
      for (const w of found) for (const k of this.exact.get(w) ?? []) if (!MARKS.includes(k.charAt(0))) keys.push(k);
    }
    const starts: CompiledEntry[] = [];
    for (const k of keys) {
      const list = this.byFirstKey.get(k);
      if (list !== undefined) for (const c of list) starts.push(c);
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
  readonly starts: readonly CompiledEntry[];
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
  compiled ??= new CompiledLexicon(LEXICON);
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
  const best: (CompiledEntry | undefined)[] = [undefined, undefined, undefined];
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
      const n = cand.words.length;
      if (i + n > content.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) {
        const word = cand.words[k];
        const tok = content[i + k];
        ok =
          word !== undefined &&
          tok !== undefined &&
          tok.sentence === sentence &&
          tokenHas(resolved[i + k]?.keys ?? [], word.key);
      }
      if (!ok) continue;
      if (cand.entry.notBeforeNumber === true) {
        // "DNI 99999972C", "DNI de proves 99999974E": someone's number, not the product.
        const next = [content[i + n], content[i + n + 1]];
        if (next.some((t) => t !== undefined && t.sentence === sentence && /\d/.test(t.norm))) continue;
      }
      if (cand.entry.beforeNumber === true) {
        const t = content[i + n];
        if (t === undefined || t.sentence !== sentence || !isDigits(t.norm)) continue;
      }
      let window: number | undefined;
      if (cand.entry.beforeOf === true) {
        const meaning = cand.entry.meaning;
        const cap = meaning.kind === 'scope' ? (meaning.window ?? MAX_OF_RUN) : MAX_OF_RUN;
        window = Math.min(cap, ofRun(text, tokens, at[i + n - 1] ?? -1, sentence));
        if (window === 0) continue;
      }
      if (cand.entry.beforeArticleOf === true) {
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
        n > current.words.length ||
        (n === current.words.length && cand.order < current.order)
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
      const lastTok = content[i + cand.words.length - 1];
      if (firstTok === undefined || lastTok === undefined) continue;
      const window = bestWindow[layer];
      matches.push({
        meaning: cand.entry.meaning,
        layer: cand.entry.layer,
        start: firstTok.start,
        end: lastTok.end,
        first: i,
        last: i + cand.words.length - 1,
        sentence: firstTok.sentence,
        ...(window === undefined ? {} : { window }),
      });
      nextFree[layer] = i + cand.words.length;
    }
  }
  return { tokens, content, matches };
}
