import type { ProductId } from '../../catalogue/products';
import type { KnownServiceId, ServiceId } from '../../catalogue/services';
import { ev, isOwn, isProduct, isService } from '../mentions';
import { normaliseWords } from '../normalize';
import type { Mention, PassageZone, ReadPassage } from '../reading';
import type { TicketReading } from '../ticket-reading';
import type { StageResult } from './stage';

/**
 * Stage 2: which AOC service is asked. The ens's own words decide; when they name none, the
 * attachment names, then EACAT (which tickets write when they mean OVER), then tags, then quoted
 * text. A Via Oberta product implies the VO service.
 */
export type ServiceSource = 'own' | 'attachments' | 'eacat' | 'tags' | 'quoted';

export interface ServiceHit {
  readonly service: KnownServiceId;
  readonly mention: Mention;
  /** Set when the service is implied by a Via Oberta product. */
  readonly viaProduct?: ProductId;
}

export interface ServiceDecision {
  readonly service: ServiceId;
  /** Every service asked, in order of appearance (the first decides). */
  readonly services: readonly ServiceHit[];
  readonly source: ServiceSource | undefined;
  /** The product mentions of the source that decided, first mention of each product. */
  readonly products: ReadonlyMap<ProductId, Mention>;
}

/** Products with a more specific sibling: a bare "TGSS" next to "vida laboral" names the provider. */
const PARENT_OF: Partial<Record<ProductId, ProductId>> = {
  TGSS_VIDA_LABORAL: 'TGSS',
  DGT_IVTM: 'DGT',
};

const CONJUNCTIONS = new Set(['i', 'y', 'o', 'u', 'and', 'or', 'ni']);

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

function zoneMentions(reading: TicketReading, zone: PassageZone): Mention[] {
  return reading.mentions.filter((m) => m.zone === zone && !m.already);
}

function findService(reading: TicketReading): ServiceDecision {
  const ownEntities = reading.mentions.filter((m) => isOwn(m) && !m.already && (isService(m) || isProduct(m)));
  const children = childrenByParent(ownEntities);
  const kept = ownEntities.filter((m) => !absorbedByChild(m, children, reading.passages));
  const own = servicesIn(kept);
  if (own.length > 0)
    return { service: own[0]?.service ?? 'UNKNOWN', services: own, source: 'own', products: productsIn(kept) };

  const fallbacks: [ServiceSource, Mention[]][] = [
    ['attachments', zoneMentions(reading, 'attachment')],
    ['eacat', reading.mentions.filter((m) => isOwn(m) && m.meaning.kind === 'eacat')],
    ['tags', zoneMentions(reading, 'tags')],
    ['quoted', zoneMentions(reading, 'quoted')],
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

export function decideService(reading: TicketReading): StageResult<ServiceDecision> {
  const decision = findService(reading);
  const hit = decision.services[0];
  if (hit === undefined) return { value: decision, evidence: [] };
  const how = hit.viaProduct === undefined ? '' : ` (product ${hit.viaProduct} is a Via Oberta product)`;
  const where =
    decision.source === 'own'
      ? ''
      : decision.source === 'eacat'
        ? ' (EACAT is how tickets often name OVER)'
        : ` (found only in ${String(decision.source)})`;
  return { value: decision, evidence: [ev(hit.mention, `service ${decision.service}${how}${where}`)] };
}
