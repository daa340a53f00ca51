import { ev, isProduct, isService, round2 } from './mentions';
import { DEFAULT_CLASSIFIER_OPTIONS, type ClassifierOptions } from './options';
import type { Classification, CodedEvidence, Ticket } from './schema';
import { decideEnvironment } from './stages/environment';
import { decideFlags } from './stages/flags';
import { decideIntegrationAsked, type IntegrationAsked } from './stages/integration';
import { decideProducts } from './stages/products';
import { decideService, type ServiceDecision } from './stages/service';
import type { StageResult } from './stages/stage';
import { readForClassifier, type TicketReading } from './ticket-reading';

/**
 * The ticket classifier: which integration procedure applies to a ticket. Deterministic rules over
 * the lexicon's matches, in stages (integration asked, service, products, flags, environment); each
 * stage returns its value with the ticket's words that decided it. Rules follow
 * `contracts/classification.md`.
 */
export function classifyTicket(
  ticket: Ticket,
  options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS,
): Classification {
  const reading = readForClassifier(ticket, options);
  const integration = decideIntegrationAsked(reading);
  const service = decideService(reading, integration.value);
  if (service.value.service === 'UNKNOWN' || !integration.value.asked) {
    return notAnIntegration(reading, integration, service);
  }
  const products = decideProducts(service.value);
  const flags = decideFlags(reading, integration.value, service.value, products.value, options);
  const environment = decideEnvironment(reading, integration.value, products.value, flags.value);
  return {
    id: ticket.id,
    service: service.value.service,
    products: [...products.value.products],
    environment: environment.value,
    ambit: products.value.ambit,
    flags: [...flags.value].sort(),
    modalities: [...products.value.modalities],
    confidence: serviceConfidence(service.value, reading, integration.value),
    evidence: [
      ...integration.evidence,
      ...service.evidence,
      ...products.evidence,
      ...flags.evidence,
      ...environment.evidence,
    ],
  };
}

/** The contract's answer when no integration is asked: UNKNOWN, empty, with the reason. */
function notAnIntegration(
  reading: TicketReading,
  intent: StageResult<IntegrationAsked>,
  stage: StageResult<ServiceDecision>,
): Classification {
  const integration = intent.value;
  const service = stage.value;
  const evidence: CodedEvidence[] = [];
  const problem = reading.own.find((m) => m.meaning.kind === 'problem' && !m.setAside);
  const named = service.services[0];
  if (named !== undefined && problem !== undefined) {
    evidence.push(
      ev(
        problem,
        `service UNKNOWN: not an integration request (${named.service} is named, but about a problem or another matter)`,
        'service.unknown.problem',
        { service: named.service },
      ),
    );
  } else if (named !== undefined) {
    evidence.push(
      ev(
        named.source,
        `service UNKNOWN: ${named.service} is named but no integration is asked`,
        'service.unknown.notAsked',
        {
          service: named.service,
        },
      ),
    );
  } else {
    evidence.push(
      ev(
        { field: 'subject', text: reading.ticket.subject },
        'service UNKNOWN: no AOC service integration is asked',
        'service.unknown.none',
      ),
    );
  }
  const confidence =
    named === undefined ? (integration.asked ? 0.5 : 0.9) : round2(Math.min(0.95, 0.6 + 0.1 * integration.negative));
  return {
    id: reading.ticket.id,
    service: 'UNKNOWN',
    products: [],
    environment: 'UNKNOWN',
    ambit: 'NONE',
    flags: [],
    modalities: [],
    confidence,
    evidence: [...evidence, ...intent.evidence, ...stage.evidence.filter((e) => e.code.startsWith('notAsked.'))],
  };
}

/**
 * How sure the classifier is of `service`: grows with the number and place of the mentions of the
 * chosen service (subject counts more), with the integration cues, and drops when other services
 * compete or the service is only inferred from attachments, EACAT or quoted text.
 */
function serviceConfidence(decision: ServiceDecision, reading: TicketReading, integration: IntegrationAsked): number {
  const chosen = decision.service;
  let score = 0;
  for (const m of reading.mentions) {
    if (m.setAside) continue;
    const names = (isService(m) && m.meaning.service === chosen) || (chosen === 'VO' && isProduct(m));
    if (!names) continue;
    const weight = m.zone === 'own' ? (m.field === 'subject' ? 1.2 : 0.8) : m.zone === 'attachment' ? 0.4 : 0.2;
    score += weight;
  }
  if (decision.source === 'eacat') score += 0.5;
  score += Math.min(integration.positive, 6) * 0.15;
  score -= integration.negative * 0.2;
  score -= (decision.services.length - 1) * 0.3;
  const confidence = 1 - Math.exp(-Math.max(score, 0.05));
  if (decision.source === 'form') return 0.97;
  const cap = decision.source === 'own' ? 0.99 : 0.75;
  return round2(Math.min(cap, Math.max(0.05, confidence)));
}
