import type { LexiconEntry } from './lexicon-types';
import { tokenize } from './normalize';

/**
 * The lexicon in the matcher's normal form: every phrase folded into its pattern words, and the
 * hash indexes the matcher looks words up in. Plain data (arrays, Maps, strings), so the app's
 * build computes it in Node and bundles it as it is (lexicon-data.ts, tools/vite/prebuilt-data.ts)
 * and the sidebar's first classification compiles nothing; tests and the command-line tools
 * compute it when they load.
 */
export interface PatternWord {
  readonly key: string;
  readonly text: string;
  readonly prefix: boolean;
  readonly upperOnly: boolean;
  readonly capitalOnly: boolean;
  /** No typo tolerance ("=matrimoni" must not match "patrimoni"). */
  readonly exactOnly: boolean;
}

/** What the matcher needs of a lexicon entry once its phrases are compiled. */
export type EntryMeaning = Omit<LexiconEntry, 'phrases'>;

/** One phrase of a lexicon entry, folded. */
export interface CompiledPhrase {
  /** Index of the phrase's entry in `LexiconTables.entries`. */
  readonly entry: number;
  /** Its pattern words' keys, in order (`PatternWord.key`). */
  readonly keys: readonly string[];
  /** The phrase's place in the lexicon: of two equally long matches, the earlier wins. */
  readonly order: number;
  /** The entry's layer as an index (entity 0, cue 1, scope 2). */
  readonly layer: number;
}

export interface LexiconTables {
  readonly entries: readonly EntryMeaning[];
  readonly phrases: readonly CompiledPhrase[];
  /** Pattern-word key → the phrases (indexes in `phrases`) it starts. */
  readonly byFirstKey: ReadonlyMap<string, readonly number[]>;
  /** Word → the keys of the pattern words written so (with their marks). */
  readonly exact: ReadonlyMap<string, readonly string[]>;
  /** Prefix pattern words ("integr*"), each key once. */
  readonly prefixes: readonly PatternWord[];
  /**
   * The typo-tolerant words (six letters or more, no capitals-only, capital-initial or exact mark),
   * each once: a text word one edit away from one of them matches it. A list, not a deletion index:
   * the index (every word with each letter removed, some 8,000 keys) cost the sidebar's first view
   * more to load than comparing a ticket's few unknown words with the words of their length costs.
   */
  readonly fuzzyWords: readonly string[];
  /** Some pattern word has at most one character that is not a digit: a number may match it. */
  readonly digitWords: boolean;
}

export const MIN_FUZZY_LENGTH = 6;
export const MIN_PREFIX_LENGTH = 3;

export const LAYER_ORDER = ['entity', 'cue', 'scope'] as const;

function parseWord(raw: string, stopwords: ReadonlySet<string>): PatternWord[] {
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
    .filter((w) => !stopwords.has(w))
    .map((w, i, all) => {
      const isPrefix = prefix && i === all.length - 1;
      const mark = upperOnly ? '^' : capitalOnly ? '~' : exactOnly ? '=' : '';
      const key = `${mark}${w}${isPrefix ? '*' : ''}`;
      return { key, text: w, prefix: isPrefix, upperOnly, capitalOnly, exactOnly };
    });
}

function compilePhrase(phrase: string, stopwords: ReadonlySet<string>): PatternWord[] {
  const out: PatternWord[] = [];
  for (const raw of phrase.split(/\s+/)) {
    if (raw.length > 0) out.push(...parseWord(raw, stopwords));
  }
  return out;
}

/** Folds the lexicon's phrases and builds the matcher's indexes. */
export function compileLexicon(entries: readonly LexiconEntry[], stopwords: ReadonlySet<string>): LexiconTables {
  const phrases: CompiledPhrase[] = [];
  const byFirstKey = new Map<string, number[]>();
  const exact = new Map<string, string[]>();
  const prefixes: PatternWord[] = [];
  const fuzzy = new Set<string>();
  const seenPrefix = new Set<string>();
  let digitWords = false;

  const registerWord = (w: PatternWord): void => {
    let other = 0;
    for (let i = 0; i < w.text.length; i++) {
      const c = w.text.charCodeAt(i);
      if (c < 48 || c > 57) other++;
    }
    if (other === 0 || (other === 1 && w.text.length >= MIN_FUZZY_LENGTH)) digitWords = true;
    if (w.prefix) {
      if (w.text.length >= MIN_PREFIX_LENGTH && !seenPrefix.has(w.key)) {
        seenPrefix.add(w.key);
        prefixes.push(w);
      }
      return;
    }
    const keys = exact.get(w.text) ?? [];
    if (!keys.includes(w.key)) keys.push(w.key);
    exact.set(w.text, keys);
    if (!w.upperOnly && !w.capitalOnly && !w.exactOnly && w.text.length >= MIN_FUZZY_LENGTH) fuzzy.add(w.text);
  };

  entries.forEach((entry, index) => {
    for (const phrase of entry.phrases) {
      const words = compilePhrase(phrase, stopwords);
      const head = words[0];
      if (head === undefined) continue;
      const order = phrases.length;
      phrases.push({ entry: index, keys: words.map((w) => w.key), order, layer: LAYER_ORDER.indexOf(entry.layer) });
      const list = byFirstKey.get(head.key) ?? [];
      list.push(order);
      byFirstKey.set(head.key, list);
      for (const w of words) registerWord(w);
    }
  });
  return {
    entries: entries.map(({ phrases: _phrases, ...meaning }) => meaning),
    phrases,
    byFirstKey,
    exact,
    prefixes,
    fuzzyWords: [...fuzzy],
    digitWords,
  };
}
