import type { ScopeKind } from './lexicon-types';
import type { Match } from './matcher';

/**
 * The NegEx / ConText algorithm (Chapman et al. 2001; Harkema et al. 2009) over one passage: a
 * trigger phrase of the lexicon opens a scope (negated, historical, hypothetical, other subject,
 * only) over the service and product mentions after it (forward), before it (backward) or both;
 * a terminator ("però", "ara volem", "i també", an asking verb) or the end of the sentence closes
 * it. A mention in a negated, historical, hypothetical or other-subject scope is named, not asked.
 *
 * One pass over the passage's matches, sorted by position: linear in the passage's length.
 */
export interface ScopeMark {
  readonly kind: ScopeKind;
  /** The trigger, for the evidence ("ja tenim"). */
  readonly trigger: Match;
}

/** Content words between a backward trigger and a mention it may still cover. */
const BACKWARD_WINDOW = 6;

const layerRank = (m: Match): number => (m.layer === 'scope' ? 0 : m.layer === 'cue' ? 1 : 2);

function isCovered(m: Match): boolean {
  const k = m.meaning.kind;
  return m.layer === 'entity' || k === 'intent';
}

interface Forward {
  readonly kind: ScopeKind;
  readonly trigger: Match;
  /**
   * Last content-word index a windowed scope reaches; undefined: to the terminator. A mention it
   * covers extends it by one word, so a list of names ("Secció de Registre Civil, Padró i
   * Estadística") stays in the office's name.
   */
  reach: number | undefined;
}

/** The scope each match falls in (entity and intent matches only), by index into `matches`. */
export function scopesOf(matches: readonly Match[]): (ScopeMark | undefined)[] {
  // Most passages (signatures, tags, attachment names) hold no trigger: nothing to scope.
  if (!matches.some((m) => m.meaning.kind === 'scope')) return [];
  const marks: (ScopeMark | undefined)[] = matches.map(() => undefined);
  const order = matches.map((_, i) => i);
  order.sort((a, b) => {
    const ma = matches[a];
    const mb = matches[b];
    return ma === undefined || mb === undefined ? 0 : ma.first - mb.first || layerRank(ma) - layerRank(mb);
  });
  let sentence = -1;
  let active: Forward | undefined;
  /** Entities and intent cues of the sentence since its last asking verb, for backward triggers. */
  let recent: { m: Match; i: number }[] = [];
  /** Index in `recent` after the last contrast terminator. */
  let sinceContrast = 0;
  let lastTriggerEnd = -1;
  /** A verb of having seen in the sentence since its last asking verb. */
  let having = false;
  /** Positions inside a name: a trigger word there ("Servei" of "Servei Català de Trànsit") is the name's. */
  let size = 0;
  for (const e of matches) if (e.last >= size) size = e.last + 1;
  const named = new Uint8Array(size);
  for (const e of matches) if (e.layer === 'entity') named.fill(1, e.first, e.last + 1);
  const insideName = (t: Match): boolean => named[t.first] === 1;
  /** The first name each forward trigger covers ("només volem la TGSS ..." → TGSS). */
  const firstCovered = new Map<Match, number>();

  for (const i of order) {
    const m = matches[i];
    if (m === undefined) continue;
    if (m.sentence !== sentence) {
      sentence = m.sentence;
      active = undefined;
      recent = [];
      sinceContrast = 0;
      lastTriggerEnd = -1;
      having = false;
    }
    const meaning = m.meaning;
    if (meaning.kind === 'having') {
      having = true;
      continue;
    }
    if (meaning.kind === 'scope') {
      if (insideName(m)) continue;
      if (meaning.afterHaving === true && !having) continue;
      // A windowed trigger ("des de") inside an open scope does not end it.
      if (meaning.window !== undefined && active !== undefined && active.reach === undefined) continue;
      if (meaning.direction !== 'forward') {
        // Only the mentions within the window can be covered: scan back from the latest, so a long
        // sentence costs the window, not its length.
        let windowStart = recent.length;
        while (windowStart > 0) {
          const r = recent[windowStart - 1];
          if (r === undefined || m.first - r.m.last - 1 > BACKWARD_WINDOW) break;
          windowStart--;
        }
        // After a contrast ("..., però el Cadastre no"), the mentions since it, if any is still open.
        let start = windowStart;
        if (sinceContrast > windowStart) {
          for (let k = sinceContrast; k < recent.length; k++) {
            const r = recent[k];
            if (r !== undefined && marks[r.i] === undefined) {
              start = sinceContrast;
              break;
            }
          }
        }
        for (let k = start; k < recent.length; k++) {
          const r = recent[k];
          if (r === undefined) continue;
          const gap = m.first - r.m.last - 1;
          if (gap > BACKWARD_WINDOW) continue;
          const mark = marks[r.i];
          // "Només volem la TGSS, el Cadastre no ens cal": a negation right after a later name of an
          // "only" sets it aside; the only's first name stays asked.
          const refused =
            mark?.kind === 'only' && meaning.scope !== 'only' && gap <= 2 && firstCovered.get(mark.trigger) !== r.i;
          if (mark === undefined || refused) {
            marks[r.i] = { kind: meaning.scope, trigger: m };
          }
        }
      }
      // A backward trigger ("... en marxa") leaves an open forward scope ("ja tenim ...") open.
      active =
        meaning.direction === 'backward'
          ? active
          : {
              kind: meaning.scope,
              trigger: m,
              reach: meaning.window === undefined ? undefined : m.last + (m.window ?? meaning.window),
            };
      lastTriggerEnd = m.last;
      continue;
    }
    if (meaning.kind === 'terminator') {
      // "només volem", "de moment no volem": the asking verb right after an "only" or a negation is
      // part of it.
      const joins = active?.kind === 'only' || active?.kind === 'negated';
      if (meaning.strength === 'ask' && joins && m.first === lastTriggerEnd + 1) {
        lastTriggerEnd = m.last;
        continue;
      }
      active = undefined;
      if (meaning.strength === 'ask') {
        having = false;
        recent = [];
        sinceContrast = 0;
      } else {
        sinceContrast = recent.length;
      }
      continue;
    }
    if (!isCovered(m)) continue;
    // A cue inside a trigger's own words ("ja estem integrats") belongs to the trigger.
    if (m.layer !== 'entity' && m.first <= lastTriggerEnd && active !== undefined) {
      marks[i] = { kind: active.kind, trigger: active.trigger };
      continue;
    }
    if (active !== undefined && m.first > active.trigger.last) {
      const covers = active.reach === undefined || (m.layer === 'entity' && m.first <= active.reach);
      if (covers) {
        marks[i] = { kind: active.kind, trigger: active.trigger };
        if (m.layer === 'entity' && !firstCovered.has(active.trigger)) firstCovered.set(active.trigger, i);
        if (active.reach !== undefined) active.reach = m.last + 1;
      }
    }
    recent.push({ m, i });
  }
  return marks;
}
