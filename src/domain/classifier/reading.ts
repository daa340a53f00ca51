import type { Meaning } from './lexicon';
import { matchText, type Match, type MatchedText } from './matcher';
import type { EvidenceField, Ticket } from './schema';
import { isForwardSubject, segmentDescription } from './segment';

/**
 * A ticket read into passages (subject, the description's own text, signature, quoted text,
 * organisation, requester, tags, attachment names) and the lexicon's matches in each, in the
 * order a person reads them.
 */
export type PassageZone = 'own' | 'signature' | 'quoted' | 'meta' | 'tags' | 'attachment';

export interface ReadPassage {
  readonly field: EvidenceField;
  readonly zone: PassageZone;
  readonly text: string;
  readonly matched: MatchedText;
}

export interface Mention {
  readonly meaning: Meaning;
  readonly field: EvidenceField;
  readonly zone: PassageZone;
  /** The ticket's own words. */
  readonly text: string;
  /** Reading order across the whole ticket. */
  readonly order: number;
  readonly passage: number;
  readonly match: Match;
  /** The ens says it already has this ("ja estem integrats amb la PSCP"). */
  readonly already: boolean;
}

const ORDER_STRIDE = 10_000_000;

function passagesOf(ticket: Ticket): { field: EvidenceField; zone: PassageZone; text: string }[] {
  const out: { field: EvidenceField; zone: PassageZone; text: string }[] = [];
  out.push({ field: 'subject', zone: 'own', text: ticket.subject });
  for (const p of segmentDescription(ticket.description, isForwardSubject(ticket.subject))) {
    out.push({ field: 'description', zone: p.zone, text: p.text });
  }
  const orgName = ticket.organization?.name;
  if (orgName) out.push({ field: 'organization', zone: 'meta', text: orgName });
  const requester = [ticket.requester?.name, ticket.requester?.email].filter((s): s is string => !!s).join(' ');
  if (requester) out.push({ field: 'requester', zone: 'meta', text: requester });
  for (const tag of ticket.tags ?? []) out.push({ field: 'tags', zone: 'tags', text: tag });
  for (const name of ticket.attachments ?? []) out.push({ field: 'attachments', zone: 'attachment', text: name });
  return out;
}

/**
 * Marks mentions the ens says it already has: from an "already" cue ("ja estem integrats", "ya
 * tenemos") to the end of its sentence, or until a turn ("i ara", "però", "volem").
 */
function alreadyFlags(matches: readonly Match[]): boolean[] {
  const flags = matches.map(() => false);
  const byPosition = matches
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.first - b.m.first || layerRank(a.m) - layerRank(b.m));
  let activeSentence = -1;
  for (const { m, i } of byPosition) {
    if (m.meaning.kind === 'already') {
      activeSentence = m.sentence;
    } else if (m.meaning.kind === 'contrast' || (m.meaning.kind === 'intent' && m.meaning.weight >= 2)) {
      activeSentence = -1;
    } else if (m.layer === 'entity' && m.sentence === activeSentence) {
      flags[i] = true;
    } else if (m.sentence !== activeSentence) {
      activeSentence = -1;
    }
  }
  return flags;
}

function layerRank(m: Match): number {
  return m.layer === 'scope' ? 0 : m.layer === 'cue' ? 1 : 2;
}

export function readTicket(ticket: Ticket): { passages: ReadPassage[]; mentions: Mention[] } {
  const passages: ReadPassage[] = [];
  const mentions: Mention[] = [];
  passagesOf(ticket).forEach((p, index) => {
    const matched = matchText(p.text);
    passages.push({ ...p, matched });
    const already = alreadyFlags(matched.matches);
    matched.matches.forEach((match, k) => {
      mentions.push({
        meaning: match.meaning,
        field: p.field,
        zone: p.zone,
        text: p.text.slice(match.start, match.end),
        order: index * ORDER_STRIDE + match.first,
        passage: index,
        match,
        already: already[k] ?? false,
      });
    });
  });
  mentions.sort((a, b) => a.order - b.order);
  return { passages, mentions };
}
