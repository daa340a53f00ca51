import { ambitOfProducts, ambitOf, needsMinhap, PRODUCTS, type ProductId } from '../catalogue/products';
import type { KnownServiceId, ServiceId } from '../catalogue/services';
import { readAttachments, type AttachmentFacts } from './attachments';
import { normaliseWords } from './normalize';
import { readTicket, type Mention, type PassageZone, type ReadPassage } from './reading';
import {
  DEFAULT_CLASSIFIER_OPTIONS,
  TicketSchema,
  type Classification,
  type ClassifierOptions,
  type Environment,
  type Evidence,
  type Flag,
  type TicketInput,
} from './schema';

/**
 * The ticket classifier: which integration procedure applies to a ticket. Deterministic rules over
 * the lexicon's matches; every value it returns comes with the ticket's words that decided it.
 * Rules follow `contracts/classification.md`.
 */

/** Products with a more specific sibling: a bare "TGSS" next to "vida laboral" names the provider. */
const PARENT_OF: Partial<Record<ProductId, ProductId>> = {
  TGSS_VIDA_LABORAL: 'TGSS',
  DGT_IVTM: 'DGT',
};

const CONJUNCTIONS = new Set(['i', 'y', 'o', 'u', 'and', 'or', 'ni']);

type ServiceSource = 'own' | 'attachments' | 'eacat' | 'tags' | 'quoted';

interface ServiceHit {
  readonly service: KnownServiceId;
  readonly mention: Mention;
  /** Set when the service is implied by a Via Oberta product. */
  readonly viaProduct?: ProductId;
}

interface Facts {
  readonly mentions: readonly Mention[];
  readonly passages: readonly ReadPassage[];
  readonly attachments: AttachmentFacts;
  readonly attachmentNames: readonly string[];
  readonly tags: readonly string[];
  readonly altaTag: boolean;
}

const isOwn = (m: Mention): boolean => m.zone === 'own';

function kindIs<K extends Mention['meaning']['kind']>(kind: K) {
  return (m: Mention): m is Mention & { meaning: Extract<Mention['meaning'], { kind: K }> } => m.meaning.kind === kind;
}
const isService = kindIs('service');
const isProduct = kindIs('product');

/** Mentions of products that have a parent ("vida laboral" → TGSS), grouped by that parent. */
function childrenByParent(products: readonly Mention[]): Map<ProductId, Mention[]> {
  const out = new Map<ProductId, Mention[]>();
  for (const m of products) {
    if (!isProduct(m)) continue;
    const parent = PARENT_OF[m.meaning.product];
    if (parent === undefined) continue;
    const list = out.get(parent) ?? [];
    list.push(m);
    out.set(parent, list);
  }
  return out;
}

/**
 * Drops a bare provider name ("TGSS", "DGT") that only qualifies a more specific product next to it
 * ("vida laboral (TGSS)", "l'IVTM (modalitat ATEX) de la DGT"), unless a conjunction or comma
 * separates them ("la TGSS i la vida laboral" asks for both).
 */
function absorbedByChild(
  m: Mention,
  children: ReadonlyMap<ProductId, readonly Mention[]>,
  passages: readonly ReadPassage[],
): boolean {
  if (!isProduct(m) || m.meaning.level !== 'org') return false;
  for (const other of children.get(m.meaning.product) ?? []) {
    if (other.passage !== m.passage || other.match.sentence !== m.match.sentence) continue;
    const gap =
      other.match.first > m.match.last ? other.match.first - m.match.last - 1 : m.match.first - other.match.last - 1;
    if (gap < 0 || gap > 3) continue;
    const text = passages[m.passage]?.text ?? '';
    const between = text.slice(Math.min(m.match.end, other.match.end), Math.max(m.match.start, other.match.start));
    if (between.includes(',') || between.includes(';')) continue;
    if (normaliseWords(between).some((w) => CONJUNCTIONS.has(w))) continue;
    return true;
  }
  return false;
}

/** Services named in one source, in order of first appearance (a product implies Via Oberta). */
function servicesIn(mentions: readonly Mention[]): ServiceHit[] {
  const hits: ServiceHit[] = [];
  const seen = new Set<KnownServiceId>();
  for (const m of mentions) {
    let hit: ServiceHit | undefined;
    if (isService(m)) hit = { service: m.meaning.service, mention: m };
    else if (isProduct(m)) hit = { service: 'VO', mention: m, viaProduct: m.meaning.product };
    if (hit !== undefined && !seen.has(hit.service)) {
      seen.add(hit.service);
      hits.push(hit);
    }
  }
  return hits;
}

function productsIn(mentions: readonly Mention[]): Map<ProductId, Mention> {
  const out = new Map<ProductId, Mention>();
  for (const m of mentions) if (isProduct(m) && !out.has(m.meaning.product)) out.set(m.meaning.product, m);
  return out;
}

function zoneMentions(facts: Facts, zone: PassageZone): Mention[] {
  return facts.mentions.filter((m) => m.zone === zone && !m.already);
}

function weightOf(mentions: readonly Mention[], kind: 'intent' | 'problem'): number {
  let sum = 0;
  for (const m of mentions) {
    if (m.meaning.kind === kind) sum += m.meaning.weight;
  }
  return sum;
}

function first(mentions: readonly Mention[], kind: Mention['meaning']['kind']): Mention | undefined {
  return mentions.find((m) => m.meaning.kind === kind);
}

function ev(m: Mention, means: string): Evidence {
  return { field: m.field, text: m.text, means };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

interface Decision {
  service: ServiceId;
  services: ServiceHit[];
  source: ServiceSource | undefined;
  products: Map<ProductId, Mention>;
}

function decideService(facts: Facts): Decision {
  const ownEntities = facts.mentions.filter((m) => isOwn(m) && !m.already && (isService(m) || isProduct(m)));
  const children = childrenByParent(ownEntities);
  const kept = ownEntities.filter((m) => !absorbedByChild(m, children, facts.passages));
  const own = servicesIn(kept);
  if (own.length > 0)
    return { service: own[0]?.service ?? 'UNKNOWN', services: own, source: 'own', products: productsIn(kept) };

  // Nothing named in the ens's own words: attachment names ("Plantilla_OVER.xlsx"), then EACAT
  // (which SetDIBA and others write when they mean OVER), then tags, then quoted text.
  const fallbacks: [ServiceSource, Mention[]][] = [
    ['attachments', zoneMentions(facts, 'attachment')],
    ['eacat', facts.mentions.filter((m) => isOwn(m) && m.meaning.kind === 'eacat')],
    ['tags', zoneMentions(facts, 'tags')],
    ['quoted', zoneMentions(facts, 'quoted')],
  ];
  for (const [source, mentions] of fallbacks) {
    if (source === 'eacat') {
      const m = mentions[0];
      if (m !== undefined)
        return { service: 'OVER', services: [{ service: 'OVER', mention: m }], source, products: new Map() };
      continue;
    }
    const hits = servicesIn(mentions);
    if (hits.length > 0)
      return { service: hits[0]?.service ?? 'UNKNOWN', services: hits, source, products: productsIn(mentions) };
  }
  return { service: 'UNKNOWN', services: [], source: undefined, products: new Map() };
}

export function classify(input: TicketInput, options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS): Classification {
  const ticket = TicketSchema.parse(input);
  const { passages, mentions } = readTicket(ticket);
  const tags = ticket.tags ?? [];
  const attachmentNames = ticket.attachments ?? [];
  const altaTagName = options.altaTag.trim().toLowerCase();
  const facts: Facts = {
    mentions,
    passages,
    attachments: readAttachments(attachmentNames),
    attachmentNames,
    tags,
    altaTag: altaTagName.length > 0 && tags.some((t) => t.trim().toLowerCase() === altaTagName),
  };
  const own = mentions.filter(isOwn);
  const nearOwn = mentions.filter((m) => m.zone === 'own' || m.zone === 'signature' || m.zone === 'meta');
  const evidence: Evidence[] = [];

  // ── Is an integration asked at all? ──
  const homologationCue = first(own, 'homologation');
  const toProductionCue = first(own, 'toProduction');
  const setdibaCue = first(nearOwn, 'setdiba');
  const diputacioCue = first(nearOwn, 'diputacio');
  const severalEnsCue = first(own, 'severalEns');
  const massCue = first(nearOwn, 'mass');
  const docs = facts.attachments;

  const setdiba = setdibaCue ?? (diputacioCue !== undefined && severalEnsCue !== undefined ? diputacioCue : undefined);
  // Delivered means said so in the same sentence ("us adjuntem el document d'homologació"), or a
  // homologation document attached; a word such as EVIDENCIA elsewhere is not a delivery.
  const deliveredCue = own.find(
    (h) =>
      h.meaning.kind === 'homologation' &&
      own.some((d) => d.meaning.kind === 'deliver' && d.passage === h.passage && d.match.sentence === h.match.sentence),
  );
  const homologationDelivered = docs.homologation !== undefined || deliveredCue !== undefined;

  let positive = weightOf(own, 'intent');
  if (facts.altaTag) positive += 2;
  if (docs.form !== undefined || docs.certificate !== undefined) positive += 2;
  if (homologationDelivered || toProductionCue !== undefined) positive += 2;
  if (massCue !== undefined || setdiba !== undefined) positive += 2;
  const negative = weightOf(own, 'problem');
  const integrationAsked = positive > 0 && positive > negative;

  const decision = decideService(facts);
  if (decision.service === 'UNKNOWN' || !integrationAsked) {
    const problem = first(own, 'problem');
    const named = decision.services[0];
    if (named !== undefined && problem !== undefined) {
      evidence.push(
        ev(
          problem,
          `service UNKNOWN: not an integration request (${named.service} is named, but about a problem or another matter)`,
        ),
      );
    } else if (named !== undefined) {
      evidence.push(ev(named.mention, `service UNKNOWN: ${named.service} is named but no integration is asked`));
    } else {
      evidence.push({
        field: 'subject',
        text: ticket.subject,
        means: 'service UNKNOWN: no AOC service integration is asked',
      });
    }
    const confidence =
      named === undefined ? (integrationAsked ? 0.5 : 0.9) : round2(Math.min(0.95, 0.6 + 0.1 * negative));
    return {
      id: ticket.id,
      service: 'UNKNOWN',
      products: [],
      environment: 'UNKNOWN',
      ambit: 'NONE',
      flags: [],
      confidence,
      evidence,
    };
  }

  const service = decision.service;
  const serviceHit = decision.services[0];
  if (serviceHit !== undefined) {
    const how =
      serviceHit.viaProduct === undefined ? '' : ` (product ${serviceHit.viaProduct} is a Via Oberta product)`;
    const where =
      decision.source === 'own'
        ? ''
        : decision.source === 'eacat'
          ? ' (EACAT is how tickets often name OVER)'
          : ` (found only in ${decision.source})`;
    evidence.push(ev(serviceHit.mention, `service ${service}${how}${where}`));
  }

  // ── Products and àmbit (Via Oberta only) ──
  const products: ProductId[] = service === 'VO' ? [...decision.products.keys()] : [];
  for (const id of products) {
    const m = decision.products.get(id);
    if (m !== undefined) evidence.push(ev(m, `product ${id} (${PRODUCTS[id].name}; àmbit ${ambitOf(id)})`));
  }
  const ambit = service === 'VO' ? ambitOfProducts(products) : 'NONE';
  if (ambit !== 'NONE') {
    const firstProduct = decision.products.get(products[0] ?? 'AEAT');
    const detail = ambit === 'MIXED' ? products.map((p) => `${p}: ${ambitOf(p)}`).join(', ') : products.join(', ');
    if (firstProduct !== undefined) evidence.push(ev(firstProduct, `ambit ${ambit} (${detail})`));
  }

  // ── Flags ──
  const flags = new Set<Flag>();
  const flagEvidence = (flag: Flag, e: Evidence): void => {
    flags.add(flag);
    evidence.push(e);
  };

  if (setdiba !== undefined) {
    flagEvidence(
      'SETDIBA',
      ev(
        setdiba,
        setdibaCue
          ? 'flag SETDIBA (request from SetDIBA on behalf of its ajuntaments)'
          : 'flag SETDIBA (Diputació de Barcelona asking for several ajuntaments)',
      ),
    );
  }
  if (massCue !== undefined && setdiba === undefined) {
    flagEvidence('MASS_EXCEL', ev(massCue, 'flag MASS_EXCEL (bulk registrations sent as a spreadsheet)'));
  }
  if (decision.services.length > 1) {
    const others = decision.services.slice(1);
    const second = others[0];
    if (second !== undefined) {
      flagEvidence(
        'MULTI_SERVICE',
        ev(second.mention, `flag MULTI_SERVICE (also ${others.map((o) => o.service).join(', ')})`),
      );
    }
  }
  if (ambit === 'MIXED') {
    const m = decision.products.get(products[1] ?? products[0] ?? 'AEAT');
    if (m !== undefined)
      flagEvidence('MULTI_AMBIT', ev(m, 'flag MULTI_AMBIT (products of different àmbits: one ticket per àmbit)'));
  }
  for (const id of products) {
    const m = decision.products.get(id);
    if (m === undefined) continue;
    if (id === 'AEAT')
      flagEvidence('AEAT_CERT', ev(m, 'flag AEAT_CERT (the ens registers its CDA at AEAT; AOC loads it in PRE)'));
    if (id === 'PADRO') flagEvidence('PADRO', ev(m, 'flag PADRO (internal review with the head of service)'));
    if (id === 'CORPME') flagEvidence('CORPME', ev(m, 'flag CORPME (production only, no credentials in PRE)'));
    if (id === 'DCOC') flagEvidence('DCOC', ev(m, "flag DCOC (ask the col·legi's permission first)"));
    if (needsMinhap(id) && !flags.has('MINHAP')) {
      flagEvidence('MINHAP', ev(m, `flag MINHAP (${id} needs the state's authorisation through CAID)`));
    }
  }
  if (products.includes('DCOC')) {
    const coetc = first(own, 'coetc');
    if (coetc !== undefined)
      flagEvidence('COETC', ev(coetc, 'flag COETC (no integration with COETC: reply with its template and close)'));
  }
  if (homologationDelivered) {
    const m = deliveredCue ?? homologationCue;
    flagEvidence(
      'HOMOLOGATION',
      m !== undefined
        ? ev(m, 'flag HOMOLOGATION (the homologation document / test evidence is delivered)')
        : {
            field: 'attachments',
            text: docs.homologation ?? '',
            means: 'flag HOMOLOGATION (homologation document attached)',
          },
    );
  }
  const fromAltaForm = facts.altaTag || /^\s*c[oò]pia\b/i.test(ticket.subject);
  if (
    service === 'VO' &&
    !fromAltaForm &&
    !flags.has('HOMOLOGATION') &&
    !flags.has('MASS_EXCEL') &&
    !flags.has('SETDIBA') &&
    toProductionCue === undefined
  ) {
    flagEvidence('NOT_VIA_ALTA', {
      field: 'tags',
      text: tags.join(', '),
      means: `flag NOT_VIA_ALTA (no "${options.altaTag}" tag: Via Oberta integrations come through EACAT "altes de serveis")`,
    });
  }
  const newRequest =
    !flags.has('NOT_VIA_ALTA') &&
    !flags.has('HOMOLOGATION') &&
    !flags.has('SETDIBA') &&
    !flags.has('MASS_EXCEL') &&
    toProductionCue === undefined;
  if (newRequest) {
    const missing: string[] = [];
    if (docs.form === undefined) missing.push('the integration request form');
    if (docs.certificate === undefined && docs.archive === undefined) missing.push('the CDA certificate');
    if (missing.length > 0) {
      flagEvidence('MISSING_DOCS', {
        field: 'attachments',
        text: attachmentNames.join(', '),
        means: `flag MISSING_DOCS (missing: ${missing.join(' and ')})`,
      });
    }
  }

  // ── Environment ──
  let environment: Environment = 'PRE';
  if (flags.has('HOMOLOGATION')) {
    environment = 'PRO';
    evidence.push(
      homologationCue !== undefined
        ? ev(homologationCue, 'environment PRO (homologation delivered: move to production)')
        : { field: 'attachments', text: docs.homologation ?? '', means: 'environment PRO (homologation delivered)' },
    );
  } else if (toProductionCue !== undefined) {
    environment = 'PRO';
    evidence.push(ev(toProductionCue, 'environment PRO (asks to move to production)'));
  } else if (flags.has('SETDIBA') || flags.has('CORPME') || flags.has('MASS_EXCEL')) {
    environment = 'PRO';
    const why = flags.has('SETDIBA') ? 'SETDIBA' : flags.has('CORPME') ? 'CORPME' : 'MASS_EXCEL';
    const m = why === 'SETDIBA' ? setdiba : why === 'CORPME' ? decision.products.get('CORPME') : massCue;
    if (m !== undefined) evidence.push(ev(m, `environment PRO (${why} goes straight to production)`));
  } else {
    const intent = first(own, 'intent');
    evidence.push(
      intent !== undefined
        ? ev(intent, 'environment PRE (a new integration starts in preproducció)')
        : { field: 'tags', text: tags.join(', '), means: 'environment PRE (a new integration starts in preproducció)' },
    );
  }

  return {
    id: ticket.id,
    service,
    products,
    environment,
    ambit,
    flags: [...flags].sort(),
    confidence: serviceConfidence(decision, facts, positive, negative),
    evidence,
  };
}

/**
 * How sure the classifier is of `service`: grows with the number and place of the mentions of the
 * chosen service (subject counts more), with the integration cues, and drops when other services
 * compete or the service is only inferred from attachments, EACAT or quoted text.
 */
function serviceConfidence(decision: Decision, facts: Facts, positive: number, negative: number): number {
  const chosen = decision.service;
  let score = 0;
  for (const m of facts.mentions) {
    if (m.already) continue;
    const names = (isService(m) && m.meaning.service === chosen) || (chosen === 'VO' && isProduct(m));
    if (!names) continue;
    const weight = m.zone === 'own' ? (m.field === 'subject' ? 1.2 : 0.8) : m.zone === 'attachment' ? 0.4 : 0.2;
    score += weight;
  }
  if (decision.source === 'eacat') score += 0.5;
  score += Math.min(positive, 6) * 0.15;
  score -= negative * 0.2;
  score -= (decision.services.length - 1) * 0.3;
  const confidence = 1 - Math.exp(-Math.max(score, 0.05));
  const cap = decision.source === 'own' ? 0.99 : 0.75;
  return round2(Math.min(cap, Math.max(0.05, confidence)));
}
