import { PRODUCTS, type ProductId } from '../../catalogue/products';
import type { KnownServiceId, ServiceId } from '../../catalogue/services';
import { isFormRead } from '../../form/is-form-read';
import type { ScopeKind } from '../lexicon-types';
import { ev, isOwn, isProduct, isService, type Source } from '../mentions';
import { normaliseWords } from '../normalize';
import type { Mention, PassageZone, ReadPassage } from '../reading';
import { isReplySubject } from '../segment';
import type { EvidenceCode, EvidenceParams } from '../evidence';
import type { CodedEvidence } from '../schema';
import type { TicketReading } from '../ticket-reading';
import type { IntegrationAsked } from './integration';
import type { StageResult } from './stage';

/**
 * Stage 2: which AOC service is asked, and the Via Oberta products with it. A read request form
 * decides (what it ticks is what is asked); otherwise the ens's own words, where a mention counts
 * only if it is asked (not in a negated, historical, hypothetical or other-subject scope, not
 * excluded by an "only"); when they name none, the attachment names, then EACAT (which tickets
 * write when they mean OVER), then tags, then quoted text. A Via Oberta product implies VO.
 */
export type ServiceSource = 'form' | 'own' | 'attachments' | 'eacat' | 'tags' | 'quoted';

export interface ServiceHit {
  readonly service: KnownServiceId;
  readonly source: Source;
  /** Set when the service is implied by a Via Oberta product. */
  readonly viaProduct?: ProductId;
}

export interface ServiceDecision {
  readonly service: ServiceId;
  /** Every service asked, in order of appearance (the first decides). */
  readonly services: readonly ServiceHit[];
  readonly source: ServiceSource | undefined;
  /** The products asked, in order, with the words (or the form's caption) that asked each. */
  readonly products: ReadonlyMap<ProductId, Source>;
  /** The asked mentions of the source that decided (modality codes among them). */
  readonly asked: readonly Mention[];
}

/** Products with a more specific sibling: a bare "TGSS" next to "vida laboral" names the provider. */
const PARENT_OF: Partial<Record<ProductId, ProductId>> = {
  TGSS_VIDA_LABORAL: 'TGSS',
  DGT_IVTM: 'DGT',
  DGP_RESIDENCIA: 'DGP_IDENTITAT',
  ESTRANGERIA: 'DGP_IDENTITAT',
};

/**
 * Words that describe what a modality or a service returns, not another product: INFOCAT (AEAT)
 * returns cadastral data, SCT-DEV looks up credentials of the Servei Català de Trànsit by DNI. A
 * product mention in the same sentence as one of these is absorbed by it.
 */
const ABSORBED_BY_MODALITY: Readonly<Record<string, readonly ProductId[]>> = {
  INFOCAT: ['CADASTRE'],
};
const ABSORBED_BY_SERVICE: Partial<Record<KnownServiceId, readonly ProductId[]>> = {
  SCT_DEV: ['SCT', 'DGP_IDENTITAT', 'DGT'],
};
/**
 * Services whose name is data a product returns: the Registre d'Entitats Jurídiques gives an
 * entity's governing bodies ("els òrgans de govern de les entitats"), not the Òrgans col·legiats
 * service. A service mention in the same sentence as the product is absorbed by it.
 */
const SERVICES_ABSORBED_BY_PRODUCT: Partial<Record<ProductId, readonly KnownServiceId[]>> = {
  REGISTRE_ENTITATS: ['ORGANS'],
};

/**
 * A product and its more specific sibling: when the ticket asks for the specific one, the generic
 * name describes it ("el grado de discapacidad ... de otras comunidades" is GRAU_DISCAPACITAT_CCAA).
 */
const SPECIALISED: Partial<Record<ProductId, ProductId>> = {
  GRAU_DISCAPACITAT_CCAA: 'GRAU_DISCAPACITAT',
  TFN_CCAA: 'TFN',
};

const CONJUNCTIONS = new Set(['i', 'y', 'o', 'u', 'and', 'or', 'ni']);

const SCOPE_REASON: Record<ScopeKind, string> = {
  historical: 'named as already there or asked before',
  negated: 'named as not needed',
  hypothetical: 'named for later, not now',
  'other-subject': 'names an office of the ens, not what it asks',
  elsewhere: 'asked in another ticket, not in this one',
  only: 'the ticket asks only for something else',
};

function entityId(m: Mention): string | undefined {
  if (isService(m)) return m.meaning.service;
  if (isProduct(m)) return m.meaning.product;
  return undefined;
}

function entityName(m: Mention): string {
  if (isService(m)) return `service ${m.meaning.service}`;
  if (isProduct(m)) return `product ${m.meaning.product}`;
  return m.text;
}

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
 * Drops a provider or data-set name ("TGSS", "DGT", "dades de vehicles") that only qualifies a more
 * specific product next to it ("vida laboral (TGSS)", "dades de vehicles per a l'IVTM (modalitat
 * ATEX) de la DGT"), unless a conjunction or comma separates them ("la TGSS i la vida laboral"
 * asks for both).
 */
function absorbedByChild(
  m: Mention,
  children: ReadonlyMap<ProductId, readonly Mention[]>,
  passages: readonly ReadPassage[],
): boolean {
  // A modality names its product on purpose; a provider or data-set name next to the child qualifies it.
  if (!isProduct(m) || m.meaning.level === 'modality' || m.meaning.modality !== undefined) return false;
  for (const other of children.get(m.meaning.product) ?? []) {
    if (other.passage !== m.passage || other.match.sentence !== m.match.sentence) continue;
    const gap =
      other.match.first > m.match.last ? other.match.first - m.match.last - 1 : m.match.first - other.match.last - 1;
    if (gap < 0 || gap > 3) continue;
    const text = passages[m.passage]?.text ?? '';
    const between = text.slice(Math.min(m.match.end, other.match.end), Math.max(m.match.start, other.match.start));
    if (/[,;+&/]/.test(between)) continue;
    if (normaliseWords(between).some((w) => CONJUNCTIONS.has(w))) continue;
    return true;
  }
  return false;
}

/** The products that a modality or a service named in a sentence absorbs there, by sentence. */
function absorbedInSentences(all: readonly Mention[]): Set<string> {
  const out = new Set<string>();
  for (const o of all) {
    const absorbs =
      isProduct(o) && o.meaning.modality !== undefined
        ? ABSORBED_BY_MODALITY[o.meaning.modality]
        : isService(o)
          ? ABSORBED_BY_SERVICE[o.meaning.service]
          : undefined;
    for (const p of absorbs ?? []) out.add(`${String(o.passage)}:${String(o.match.sentence)}:${p}`);
    if (isProduct(o))
      for (const sv of SERVICES_ABSORBED_BY_PRODUCT[o.meaning.product] ?? [])
        out.add(`${String(o.passage)}:${String(o.match.sentence)}:service:${sv}`);
  }
  return out;
}

/** A product (or service) mention that describes a modality, service or product named in the same sentence. */
function absorbedByDescription(m: Mention, absorbed: ReadonlySet<string>): boolean {
  if (isService(m))
    return absorbed.has(`${String(m.passage)}:${String(m.match.sentence)}:service:${m.meaning.service}`);
  if (!isProduct(m) || m.meaning.level === 'modality') return false;
  return absorbed.has(`${String(m.passage)}:${String(m.match.sentence)}:${m.meaning.product}`);
}

/**
 * "el grau de discapacitat ... i de les que el tenen reconegut en una altra comunitat autònoma":
 * the other regions named with a product that has a variant for them (SPECIALISED) ask for that
 * variant. It comes after the product; it replaces it when the product is named only in the
 * sentence of the other regions and Catalonia is not named.
 */
function withOtherRegions(
  reading: TicketReading,
  asked: readonly Mention[],
  products: Map<ProductId, Source>,
): Map<ProductId, Source> {
  // A reply's subject repeats the thread's first request: it asks nothing again.
  const reply = isReplySubject(reading.ticket.subject);
  const cue = reading.own.find(
    (m) => m.meaning.kind === 'otherRegions' && !m.setAside && !(reply && m.field === 'subject'),
  );
  if (cue === undefined) return products;
  const catalonia = reading.own.some((m) => m.meaning.kind === 'catalonia');
  const sentence = (m: Mention): string => `${String(m.passage)}:${String(m.match.sentence)}`;
  const out = new Map<ProductId, Source>();
  for (const [product, source] of products) {
    const variant = REGIONAL_VARIANT[product];
    if (variant === undefined || products.has(variant)) {
      out.set(product, source);
      continue;
    }
    const only = asked
      .filter((m) => isProduct(m) && m.meaning.product === product)
      .every((m) => sentence(m) === sentence(cue));
    if (catalonia || !only) out.set(product, source);
    out.set(variant, cue);
  }
  return out;
}

const REGIONAL_VARIANT: Partial<Record<ProductId, ProductId>> = Object.fromEntries(
  Object.entries(SPECIALISED).map(([specific, generic]) => [generic, specific]),
);

/** A modality code that is an ordinary word ("TITULAR") names no product by itself. */
const asksByItself = (m: Mention): boolean => !isProduct(m) || m.meaning.implies !== false;

/** Services named in one source, in order of first appearance (a product implies Via Oberta). */
function servicesIn(mentions: readonly Mention[]): ServiceHit[] {
  const hits: ServiceHit[] = [];
  const seen = new Set<KnownServiceId>();
  for (const m of mentions) {
    let hit: ServiceHit | undefined;
    if (isService(m)) hit = { service: m.meaning.service, source: m };
    else if (isProduct(m) && asksByItself(m)) hit = { service: 'VO', source: m, viaProduct: m.meaning.product };
    if (hit !== undefined && !seen.has(hit.service)) {
      seen.add(hit.service);
      hits.push(hit);
    }
  }
  return hits;
}

function productsIn(mentions: readonly Mention[]): Map<ProductId, Source> {
  const out = new Map<ProductId, Source>();
  for (const m of mentions)
    if (isProduct(m) && asksByItself(m) && !out.has(m.meaning.product)) out.set(m.meaning.product, m);
  return out;
}

function zoneMentions(reading: TicketReading, zone: PassageZone): Mention[] {
  return reading.mentions.filter((m) => m.zone === zone && !m.setAside && (isService(m) || isProduct(m)));
}

interface SetAside {
  readonly mention: Mention;
  readonly why: string;
  readonly code: EvidenceCode;
  readonly params?: EvidenceParams;
}

/** The own entity mentions that are asked, and those set aside with the reason. */
function askedOwn(reading: TicketReading): { asked: Mention[]; setAside: SetAside[] } {
  const entities = reading.mentions.filter((m) => isOwn(m) && (isService(m) || isProduct(m)));
  const setAside: SetAside[] = [];
  let asked: Mention[] = [];
  for (const m of entities) {
    if (m.setAside && m.scope !== undefined) {
      const trigger = reading.passages[m.passage]?.text.slice(m.scope.trigger.start, m.scope.trigger.end) ?? '';
      setAside.push({
        mention: m,
        why: `${SCOPE_REASON[m.scope.kind]} ("${trigger}")`,
        code: `notAsked.${m.scope.kind}`,
        params: { trigger },
      });
    } else asked.push(m);
  }
  // "únicament l'e-NOTUM": what an "only" covers is asked; the rest of its kind is not.
  const only = asked.filter((m) => m.scope?.kind === 'only');
  if (only.length > 0) {
    const onlyIds = new Set(only.map(entityId));
    const onlyProducts = only.some(isProduct);
    const onlyServices = only.some((m) => isService(m) && m.meaning.service !== 'VO');
    const excluded = (m: Mention): boolean =>
      !onlyIds.has(entityId(m)) && ((isProduct(m) && (onlyProducts || onlyServices)) || (isService(m) && onlyServices));
    const names = only.map((o) => o.text).join(', ');
    for (const m of asked.filter(excluded)) {
      setAside.push({
        mention: m,
        why: `the ticket asks only for ${names}`,
        code: 'notAsked.onlyOther',
        params: { only: names },
      });
    }
    asked = asked.filter((m) => !excluded(m));
  }
  const children = childrenByParent(asked);
  const absorbed = absorbedInSentences(asked);
  asked = asked.filter((m) => !absorbedByChild(m, children, reading.passages) && !absorbedByDescription(m, absorbed));
  const askedProducts = new Set(asked.filter(isProduct).map((m) => m.meaning.product));
  const generic = new Set([...askedProducts].map((p) => SPECIALISED[p]).filter((p): p is ProductId => p !== undefined));
  asked = asked.filter((m) => !(isProduct(m) && generic.has(m.meaning.product)));
  // The text says more than the subject: what it says is not wanted ("No demanem el producte
  // Cadastre") is not asked by a subject that names it; a reply's subject names the thread's earlier
  // request, so there whatever the text sets aside stays aside.
  const reply = isReplySubject(reading.ticket.subject);
  const asideIds = new Set(
    setAside
      .filter((a) => reply || a.mention.scope === undefined || a.mention.scope.kind === 'negated')
      .map((a) => entityId(a.mention)),
  );
  const askedInText = new Set(asked.filter((m) => m.field !== 'subject').map(entityId));
  const stale = asked.filter(
    (m) => m.field === 'subject' && asideIds.has(entityId(m)) && (reply || !askedInText.has(entityId(m))),
  );
  for (const m of stale)
    setAside.push({
      mention: m,
      why: reply
        ? "named in the reply's subject only, set aside in the text"
        : 'named in the subject, not wanted in the text',
      code: reply ? 'notAsked.replySubject' : 'notAsked.subjectOnly',
    });
  asked = asked.filter((m) => !stale.includes(m));
  return { asked, setAside };
}

/** Words before EACAT that make it the channel of the request ("via EACAT", "des d'EACAT"), not a service. */
const CHANNEL = /(via|trav[eé]s|des d|desde|mitjan|mediante|per l|por el)\W*$/i;

/**
 * EACAT listed with another service asked ("integrar amb l'e-TAULER i amb EACAT per a les
 * trameses") is one more service: OVER, as tickets name it. Alone, EACAT is only a fallback.
 */
function coordinatedEacat(
  reading: TicketReading,
  asked: readonly Mention[],
  hits: readonly ServiceHit[],
): ServiceHit | undefined {
  if (hits.length === 0 || hits.some((h) => h.service === 'OVER')) return undefined;
  for (const e of reading.own) {
    if (e.meaning.kind !== 'eacat' || e.setAside) continue;
    const text = reading.passages[e.passage]?.text ?? '';
    for (const s of asked) {
      if (!isService(s) || s.passage !== e.passage || s.match.sentence !== e.match.sentence) continue;
      if (s.match.end > e.match.start) continue;
      const between = text.slice(s.match.end, e.match.start);
      if (between.length > 80 || CHANNEL.test(between)) continue;
      if (/(^|[\s,(])(i|y|and)\s/i.test(between) || between.includes(',')) return { service: 'OVER', source: e };
    }
  }
  return undefined;
}

function fromForm(reading: TicketReading, textHits: readonly ServiceHit[], textProducts: ReadonlySet<ProductId>) {
  const form = reading.ticket.form;
  if (!isFormRead(form) || form.services.length + form.products.length === 0) return undefined;
  const caption = (service: KnownServiceId | undefined, product: ProductId | undefined): string =>
    form.ticked.find(
      (t) => (service !== undefined && t.service === service) || (product !== undefined && t.product === product),
    )?.caption ??
    product ??
    service ??
    '';
  const services: KnownServiceId[] = [...form.services];
  if (form.products.length > 0 && !services.includes('VO')) services.unshift('VO');
  const hits: ServiceHit[] = services.map((s) => ({
    service: s,
    source: { field: 'form', text: caption(s, undefined) },
  }));
  const products = new Map<ProductId, Source>();
  for (const p of form.products) products.set(p, { field: 'form', text: caption(undefined, p) });
  const notTicked = [
    ...textHits.filter((h) => h.viaProduct === undefined && !services.includes(h.service)).map((h) => h.service),
    ...[...textProducts].filter((p) => !products.has(p)),
  ];
  return { hits, products, notTicked };
}

function findService(
  reading: TicketReading,
  integration: IntegrationAsked,
): { decision: ServiceDecision; setAside: SetAside[]; notTicked: string[] } {
  const own0 = askedOwn(reading);
  let { asked } = own0;
  const { setAside } = own0;
  // A move to production concerns what the ens already has in PRE ("ja tenim l'e-NOTUM a PRE,
  // ens podeu passar a PRO"): with nothing else named, what is named as there is the subject.
  const moving = integration.intent === 'to-production' || integration.intent === 'homologation';
  if (moving && !asked.some((m) => isService(m) || isProduct(m))) {
    const there = setAside.filter((a) => a.mention.scope?.kind === 'historical').map((a) => a.mention);
    if (there.length > 0) {
      asked = there;
      setAside.splice(0, setAside.length, ...setAside.filter((a) => !there.includes(a.mention)));
    }
  }
  const own = servicesIn(asked);
  const eacat = coordinatedEacat(reading, asked, own);
  if (eacat !== undefined) own.push(eacat);
  const ownProducts = withOtherRegions(reading, asked, productsIn(asked));
  const form = fromForm(reading, own, new Set(ownProducts.keys()));
  if (form !== undefined) {
    const decision: ServiceDecision = {
      service: form.hits[0]?.service ?? 'UNKNOWN',
      services: form.hits,
      source: 'form',
      products: form.products,
      asked,
    };
    return { decision, setAside, notTicked: form.notTicked };
  }
  if (own.length > 0) {
    const decision: ServiceDecision = {
      service: own[0]?.service ?? 'UNKNOWN',
      services: own,
      source: 'own',
      products: ownProducts,
      asked,
    };
    return { decision, setAside, notTicked: [] };
  }
  const fallbacks: [ServiceSource, Mention[]][] = [
    ['attachments', zoneMentions(reading, 'attachment')],
    ['eacat', reading.mentions.filter((m) => isOwn(m) && m.meaning.kind === 'eacat' && !m.setAside)],
    ['tags', zoneMentions(reading, 'tags')],
    ['quoted', zoneMentions(reading, 'quoted')],
  ];
  for (const [source, mentions] of fallbacks) {
    if (source === 'eacat') {
      const m = mentions[0];
      if (m !== undefined) {
        const decision: ServiceDecision = {
          service: 'OVER',
          services: [{ service: 'OVER', source: m }],
          source,
          products: new Map(),
          asked: [],
        };
        return { decision, setAside, notTicked: [] };
      }
      continue;
    }
    const hits = servicesIn(mentions);
    if (hits.length > 0) {
      const decision: ServiceDecision = {
        service: hits[0]?.service ?? 'UNKNOWN',
        services: hits,
        source,
        products: productsIn(mentions),
        asked: mentions,
      };
      return { decision, setAside, notTicked: [] };
    }
  }
  return {
    decision: { service: 'UNKNOWN', services: [], source: undefined, products: new Map(), asked: [] },
    setAside,
    notTicked: [],
  };
}

/** Evidence for the mentions set aside, once per service or product that is not asked anyway. */
function setAsideEvidence(decision: ServiceDecision, setAside: readonly SetAside[]): CodedEvidence[] {
  const askedIds = new Set<string>([...decision.services.map((h) => h.service), ...decision.products.keys()]);
  const seen = new Set<string>();
  const out: CodedEvidence[] = [];
  for (const { mention, why, code, params } of setAside) {
    const id = entityId(mention);
    if (id === undefined || askedIds.has(id) || seen.has(id)) continue;
    seen.add(id);
    out.push(ev(mention, `not asked: ${entityName(mention)} ${why}`, code, { ...params, entity: id }));
  }
  return out;
}

export function decideService(reading: TicketReading, integration: IntegrationAsked): StageResult<ServiceDecision> {
  const { decision, setAside, notTicked } = findService(reading, integration);
  const evidence: CodedEvidence[] = [];
  const hit = decision.services[0];
  if (hit !== undefined) {
    const params: Record<string, string> = { service: decision.service };
    if (hit.viaProduct !== undefined) params.product = hit.viaProduct;
    if (notTicked.length > 0) params.notTicked = notTicked.join(', ');
    const how =
      hit.viaProduct === undefined
        ? ''
        : ` (product ${hit.viaProduct} is a Via Oberta product: ${PRODUCTS[hit.viaProduct].name})`;
    const where =
      decision.source === 'own'
        ? ''
        : decision.source === 'form'
          ? ' (ticked in the request form)'
          : decision.source === 'eacat'
            ? ' (EACAT is how tickets often name OVER)'
            : ` (found only in ${String(decision.source)})`;
    const also = notTicked.length > 0 ? ` (the text also names ${notTicked.join(', ')}, not ticked in the form)` : '';
    const code = `service.${decision.source ?? 'own'}` as const;
    evidence.push(ev(hit.source, `service ${decision.service}${how}${where}${also}`, code, params));
  }
  evidence.push(...setAsideEvidence(decision, setAside));
  return { value: decision, evidence };
}
