import type { Meaning } from './lexicon-types';
import { matchText, type Match, type MatchedText } from './matcher';
import { scopesOf, type ScopeMark } from './scopes';
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
  /** The scope the mention falls in ("ja tenim" → historical), if any. */
  readonly scope: ScopeMark | undefined;
  /** Named, not asked: in a negated, historical, hypothetical or other-subject scope. */
  readonly setAside: boolean;
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

export function readTicket(ticket: Ticket): { passages: ReadPassage[]; mentions: Mention[] } {
  const passages: ReadPassage[] = [];
  const mentions: Mention[] = [];
  passagesOf(ticket).forEach((p, index) => {
    const matched = matchText(p.text);
    // An object literal, not a spread: this runs for every passage of every ticket.
    passages.push({ field: p.field, zone: p.zone, text: p.text, matched });
    const scopes = scopesOf(matched.matches);
    matched.matches.forEach((match, k) => {
      const scope = scopes[k];
      mentions.push({
        meaning: match.meaning,
        field: p.field,
        zone: p.zone,
        text: p.text.slice(match.start, match.end),
        order: index * ORDER_STRIDE + match.first,
        passage: index,
        match,
        scope,
        setAside: scope !== undefined && scope.kind !== 'only',
      });
    });
  });
  mentions.sort((a, b) => a.order - b.order);
  return { passages, mentions };
}
