import { CATALOGUE } from './catalogue-data';
import type { Ambit, KnownServiceId, ProductAmbit, ProductId } from './ids';
import type { CatalogueCollegi, CatalogueModality, CatalogueProduct, CatalogueService } from './schema';

export { CATALOGUE };

export type Lang = 'ca' | 'es' | 'en';
/** Product names exist in Catalan and Spanish; English readers get the Catalan name, as AOC writes it. */
const caEs = (lang: Lang): 'ca' | 'es' => (lang === 'es' ? 'es' : 'ca');

const COLLEGI = '{COLLEGI}';
const productsById = new Map<ProductId, CatalogueProduct>(CATALOGUE.products.map((p) => [p.id, p]));
const servicesById = new Map<KnownServiceId, CatalogueService>(CATALOGUE.services.map((s) => [s.id, s]));

export function catalogueProduct(id: ProductId): CatalogueProduct {
  const found = productsById.get(id);
  // loadCatalogue guarantees every id; this cannot happen with a loaded catalogue.
  if (found === undefined) throw new Error(`catalogue has no product ${id}`);
  return found;
}

export function catalogueService(id: KnownServiceId): CatalogueService {
  const found = servicesById.get(id);
  if (found === undefined) throw new Error(`catalogue has no service ${id}`);
  return found;
}

/** A record with one entry per key, each computed from its key. */
export function recordOf<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  const out: Partial<Record<K, V>> = {};
  for (const k of keys) out[k] = value(k);
  return out as Record<K, V>; // every key was just set
}

export const collegis: readonly CatalogueCollegi[] = CATALOGUE.collegis;

/** A modality as it is authorised: the product family, AOC's product code and the modality. */
export interface ModalityRef {
  readonly product: ProductId;
  readonly productCode: string;
  readonly modality: CatalogueModality;
  /** The col·legi, for DCOC's per-col·legi modalities. */
  readonly collegi?: CatalogueCollegi;
}

const expand = (pattern: string, acronym: string) => pattern.replaceAll(COLLEGI, acronym);

/** Every modality with its product code, DCOC's patterns written out for each col·legi that integrates. */
export const MODALITIES: readonly ModalityRef[] = CATALOGUE.products.flatMap((p) =>
  p.codes.flatMap((c) => {
    if (!c.code.includes(COLLEGI))
      return c.modalities.map((modality) => ({ product: p.id, productCode: c.code, modality }));
    return collegis
      .filter((collegi) => collegi.integration)
      .flatMap((collegi) => [
        ...c.modalities.map((m) => ({
          product: p.id,
          productCode: expand(c.code, collegi.acronym),
          modality: { ...m, code: expand(m.code, collegi.acronym) },
          collegi,
        })),
        ...(collegi.legacyModalities ?? []).map((code) => ({
          product: p.id,
          productCode: expand(c.code, collegi.acronym),
          modality: { code, description: { ca: 'Modalitat antiga', es: 'Modalidad antigua' } },
          collegi,
        })),
      ]);
  }),
);

const key = (code: string) => code.trim().toUpperCase();
const byModality = new Map<string, ModalityRef>();
for (const ref of MODALITIES)
  for (const code of [ref.modality.code, ...(ref.modality.aliases ?? [])]) byModality.set(key(code), ref);
const byProductCode = new Map<string, ProductId>();
for (const ref of MODALITIES) byProductCode.set(key(ref.productCode), ref.product);
for (const p of CATALOGUE.products)
  for (const c of p.codes) if (!c.code.includes(COLLEGI)) byProductCode.set(key(c.code), p.id);

/** The product family of an AOC product code (`AEAT_IRPF` → AEAT, `DCOC_COAC` → DCOC); case does not matter. */
export function productByCode(code: string): ProductId | undefined {
  return byProductCode.get(key(code));
}

/** A modality by its AOC code or one of its other spellings (`VALIDAR_NIF`, `NOTA_MERCANTIL`). */
export function modalityByCode(code: string): ModalityRef | undefined {
  return byModality.get(key(code));
}

export function productByModality(code: string): ProductId | undefined {
  return modalityByCode(code)?.product;
}

export type CheckboxTarget =
  | { readonly kind: 'service'; readonly service: KnownServiceId; readonly caption: string }
  | {
      readonly kind: 'product';
      readonly product: ProductId;
      readonly caption: string;
      /** Set when the checkbox names one product code of the family (CHK_MERCANTIL) or one col·legi. */
      readonly productCode?: string;
      readonly collegi?: CatalogueCollegi;
    };

const byCheckbox = new Map<string, CheckboxTarget>();
for (const s of CATALOGUE.services)
  for (const c of s.checkboxes) byCheckbox.set(c.checkbox, { kind: 'service', service: s.id, caption: c.caption });
for (const p of CATALOGUE.products)
  if (p.checkbox !== null && !p.checkbox.shared)
    byCheckbox.set(p.checkbox.checkbox, { kind: 'product', product: p.id, caption: p.checkbox.caption });
for (const e of CATALOGUE.extraCheckboxes)
  byCheckbox.set(e.checkbox, { kind: 'product', product: e.product, caption: e.caption, productCode: e.productCode });
for (const c of collegis)
  byCheckbox.set(c.checkbox, {
    kind: 'product',
    product: 'DCOC',
    caption: c.caption,
    productCode: `DCOC_${c.acronym}`,
    collegi: c,
  });

/** What a request-form checkbox (`CHK_…`) asks for. */
export function checkboxTarget(checkbox: string): CheckboxTarget | undefined {
  return byCheckbox.get(checkbox);
}

export function productByCheckbox(checkbox: string): ProductId | undefined {
  const target = byCheckbox.get(checkbox);
  return target?.kind === 'product' ? target.product : undefined;
}

export function serviceByCheckbox(checkbox: string): KnownServiceId | undefined {
  const target = byCheckbox.get(checkbox);
  return target?.kind === 'service' ? target.service : undefined;
}

/** Every checkbox of the request form the catalogue knows, in the file's order. */
export const FORM_CHECKBOXES: readonly string[] = [...byCheckbox.keys()];

export function ambitOf(id: ProductId): ProductAmbit {
  return catalogueProduct(id).ambit;
}

/** The desk's "alta al MINHAP" rule, as the catalogue records it for each product. */
export function needsMinhap(id: ProductId): boolean {
  return catalogueProduct(id).minhap;
}

/** The àmbit of a set of products: the common one, `MIXED` when they differ, `NONE` when empty. */
export function ambitOfProducts(ids: readonly ProductId[]): Ambit {
  const ambits = new Set(ids.map(ambitOf));
  if (ambits.size === 0) return 'NONE';
  if (ambits.size > 1) return 'MIXED';
  const [only] = ambits;
  return only ?? 'NONE';
}

export function productName(id: ProductId, lang: Lang = 'ca'): string {
  return catalogueProduct(id).name[caEs(lang)];
}

export function serviceName(id: KnownServiceId): string {
  return catalogueService(id).name;
}

export function serviceDescription(id: KnownServiceId, lang: Lang = 'ca'): string {
  return catalogueService(id).description[lang];
}

/** AOC's product codes of a family (`AEAT` → AEAT_DADES, AEAT_IRPF, AEAT_IAE; DCOC → DCOC_<COL·LEGI>). */
export function productCodes(id: ProductId): readonly string[] {
  return catalogueProduct(id).codes.map((c) => c.code.replaceAll(COLLEGI, '<COL·LEGI>'));
}

/** The names people use for a product or service in one language, official name and acronyms first. */
export function namesOf(id: ProductId | KnownServiceId, lang: 'ca' | 'es'): readonly string[] {
  const entry = productsById.get(id as ProductId) ?? servicesById.get(id as KnownServiceId);
  if (entry === undefined) return [];
  const official = 'emissor' in entry ? [entry.name[lang]] : [entry.name];
  return [...new Set([...official, ...entry.acronyms, ...entry.names[lang]])];
}

/** What the sidebar shows for a product: its name, AOC's codes and its àmbit. */
export interface ProductLabel {
  readonly id: ProductId;
  readonly name: string;
  readonly codes: readonly string[];
  readonly ambit: ProductAmbit;
  readonly minhap: boolean;
}

export function productLabel(id: ProductId, lang: Lang = 'ca'): ProductLabel {
  const p = catalogueProduct(id);
  return { id, name: p.name[caEs(lang)], codes: productCodes(id), ambit: p.ambit, minhap: p.minhap };
}

/** One line for a product: "RCA - Registre Central d'Assegurats (CatSalut) · RCA · GENERALITAT". */
export function describeProduct(id: ProductId, lang: Lang = 'ca'): string {
  const l = productLabel(id, lang);
  return [l.name, l.codes.join(', ') || l.id, l.ambit].join(' · ');
}
