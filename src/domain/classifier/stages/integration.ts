import { first, weightOf } from '../mentions';
import type { Mention } from '../reading';
import type { TicketReading } from '../ticket-reading';
import type { StageResult } from './stage';

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
  readonly positive: number;
  readonly negative: number;
  readonly cues: IntegrationCues;
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
  const delivered = own.find(
    (h) =>
      h.meaning.kind === 'homologation' &&
      own.some((d) => d.meaning.kind === 'deliver' && d.passage === h.passage && d.match.sentence === h.match.sentence),
  );
  const homologationDelivered = docs.homologation !== undefined || delivered !== undefined;

  let positive = weightOf(own, 'intent');
  if (reading.altaTag) positive += 2;
  if (docs.form !== undefined || docs.certificate !== undefined) positive += 2;
  if (homologationDelivered || toProduction !== undefined) positive += 2;
  if (mass !== undefined || setdiba !== undefined) positive += 2;
  const negative = weightOf(own, 'problem');
  const cues: IntegrationCues = {
    homologation,
    toProduction,
    setdiba,
    setdibaNamed: setdibaCue !== undefined,
    mass,
    delivered,
    homologationDelivered,
  };
  return { value: { asked: positive > 0 && positive > negative, positive, negative, cues }, evidence: [] };
}
