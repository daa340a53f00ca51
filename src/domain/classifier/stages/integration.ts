import { ev, first, weightOf, type Source } from '../mentions';
import type { OtherTopic } from '../lexicon-types';
import type { CodedEvidence } from '../schema';
import type { Mention } from '../reading';
import type { TicketReading } from '../ticket-reading';
import { isReplySubject } from '../segment';
import type { StageResult } from './stage';

/**
 * What the ticket asks, decided before services and products: a new integration, the delivery of
 * the homologation (move to production), a move to production, or another matter (an incident, a
 * change of contact, a certificate, statistics or data, a question, other) — then no integration.
 */
export const INTENTS = [
  'new-integration',
  'homologation',
  'to-production',
  'incident',
  'contact-change',
  'certificate',
  'statistics',
  'question',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];

const INTENT_OF_TOPIC: Record<OtherTopic, Intent> = {
  incident: 'incident',
  'contact-change': 'contact-change',
  certificate: 'certificate',
  statistics: 'statistics',
  question: 'question',
  account: 'other',
  invoice: 'other',
  other: 'other',
};

const INTENT_TEXT: Record<Intent, string> = {
  'new-integration': 'a new integration',
  homologation: 'the homologation is delivered (move to production)',
  'to-production': 'a move to production',
  incident: 'an incident in an integration (not a new integration)',
  'contact-change': 'a change of contact (not a new integration)',
  certificate: 'a certificate matter (not a new integration)',
  statistics: 'statistics or data about the service (not a new integration)',
  question: 'a question about how a service works (not a new integration)',
  other: 'another matter (not an integration)',
};

/**
 * Stage 1: is an integration asked at all? Weighs the cues that ask for one (alta, integrar, the
 * alta tag, the form and certificate attached, a homologation delivered, SetDIBA, mass
 * registrations) against the cues of another matter (an error, an invoice, a user account).
 */
export interface IntegrationCues {
  readonly homologation: Mention | undefined;
  readonly toProduction: Mention | undefined;
  /** SetDIBA, or the Diputació de Barcelona asking for several ajuntaments. */
  readonly setdiba: Mention | undefined;
  /** True when SetDIBA names itself (not inferred from the Diputació plus several ens). */
  readonly setdibaNamed: boolean;
  readonly mass: Mention | undefined;
  /** "us adjuntem el document d'homologació": a homologation word delivered in the same sentence. */
  readonly delivered: Mention | undefined;
  readonly homologationDelivered: boolean;
}

export interface IntegrationAsked {
  readonly asked: boolean;
  readonly intent: Intent;
  readonly positive: number;
  readonly negative: number;
  readonly cues: IntegrationCues;
}

/**
 * An asking verb with a service or product after it in the same sentence, asked (not set aside):
 * "necesitamos que la aplicación compruebe la residencia legal (Estrangeria)" asks for it, whatever
 * verb follows. Counts once per ticket: a cue, not a proof.
 */
function askedByVerb(mentions: readonly Mention[]): number {
  const asking = new Set<string>();
  for (const m of mentions) {
    const where = `${String(m.passage)}:${String(m.match.sentence)}`;
    if (m.meaning.kind === 'terminator' && m.meaning.strength === 'ask') asking.add(where);
    else if ((m.meaning.kind === 'service' || m.meaning.kind === 'product') && !m.setAside && asking.has(where))
      return 1;
  }
  return 0;
}

export function decideIntegrationAsked(reading: TicketReading): StageResult<IntegrationAsked> {
  const { own, nearOwn, attachments: docs } = reading;
  const homologation = first(own, 'homologation');
  const toProduction = first(own, 'toProduction');
  const setdibaCue = first(nearOwn, 'setdiba');
  const diputacio = first(nearOwn, 'diputacio');
  const severalEns = first(own, 'severalEns');
  const mass = first(nearOwn, 'mass');
  const setdiba = setdibaCue ?? (diputacio !== undefined && severalEns !== undefined ? diputacio : undefined);
  // Delivered means said so in the same sentence ("us adjuntem el document d'homologació"), or a
  // homologation document attached; a word such as EVIDENCIA elsewhere is not a delivery.
  const deliverSentences = new Set<string>();
  for (const d of own)
    if (d.meaning.kind === 'deliver') deliverSentences.add(`${String(d.passage)}:${String(d.match.sentence)}`);
  const delivered = own.find(
    (h) =>
      h.meaning.kind === 'homologation' && deliverSentences.has(`${String(h.passage)}:${String(h.match.sentence)}`),
  );
  const homologationDelivered = docs.homologation !== undefined || delivered !== undefined;

  // A reply's subject repeats the thread's first request: what the reply itself says decides.
  const reply = isReplySubject(reading.ticket.subject);
  const asking = reply ? own.filter((m) => m.field !== 'subject') : own;
  let positive = weightOf(asking, 'intent') + askedByVerb(asking);
  if (reading.altaTag) positive += 2;
  if (docs.form !== undefined || docs.certificate !== undefined) positive += 2;
  // Each is a step of an integration; the errors a delivered test report lists are expected ones.
  if (homologationDelivered) positive += 2;
  if (toProduction !== undefined) positive += 2;
  // Who sends (SetDIBA) is not what is asked: an incident sent by SetDIBA asks no integration.
  if (mass !== undefined) positive += 2;
  // "No cal integració", "no queremos darnos de alta": an asking cue the ens negates counts against.
  // A delivered test report lists the errors its tests expect ("retorna l'error previst"): with
  // the homologation delivered, an error is part of the report, not an incident.
  let negative = 0;
  for (const m of own) {
    if (m.meaning.kind !== 'problem' || m.setAside) continue;
    if (homologationDelivered && m.meaning.topic === 'incident') continue;
    negative += m.meaning.weight;
  }
  for (const m of asking) if (m.meaning.kind === 'intent' && m.scope?.kind === 'negated') negative += m.meaning.weight;
  const cues: IntegrationCues = {
    homologation,
    toProduction,
    setdiba,
    setdibaNamed: setdibaCue !== undefined,
    mass,
    delivered,
    homologationDelivered,
  };
  const asked = positive > 0 && positive > negative;
  const problems = own.filter((m) => m.meaning.kind === 'problem' && !m.setAside);
  let intent: Intent;
  let because: Source | undefined;
  if (asked && homologationDelivered) {
    intent = 'homologation';
    because = delivered ?? homologation;
  } else if (asked && toProduction !== undefined) {
    intent = 'to-production';
    because = toProduction;
  } else if (asked) {
    intent = 'new-integration';
    const cue = first(
      own.filter((m) => !m.setAside),
      'intent',
    );
    because = cue;
  } else {
    // The heaviest topic among the cues of another matter.
    const weights = new Map<Intent, number>();
    for (const m of problems) {
      if (m.meaning.kind !== 'problem') continue;
      const i = INTENT_OF_TOPIC[m.meaning.topic];
      weights.set(i, (weights.get(i) ?? 0) + m.meaning.weight);
    }
    intent = [...weights].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
    because = problems.find((m) => m.meaning.kind === 'problem' && INTENT_OF_TOPIC[m.meaning.topic] === intent);
  }
  const means = `intent: ${INTENT_TEXT[intent]}`;
  const code = `intent.${intent}` as const;
  const evidence: CodedEvidence[] = [ev(because ?? { field: 'subject', text: reading.ticket.subject }, means, code)];
  return { value: { asked, intent, positive, negative, cues }, evidence };
}
