/**
 * The identifiers of the classification contract (version 2). They are code, not data: the
 * classifier, the procedures and the proxy's schemas are typed by them, and the catalogue file
 * (data/catalogue.json) must describe every one of them, and nothing else, or it does not load.
 */
export const SERVICE_IDS = [
  'PSCP',
  'ELICITA',
  'VO',
  'MUX',
  'ENOTUM',
  'ETAULER',
  'OVER',
  'BOE_TEU',
  'COPIA',
  'ESPAI_CIUTADA',
  'IARXIU',
  'HESTIA',
  'ORGANS',
  'RPC',
  'DOGC',
  'REPRESENTA',
  'SCT_DEV',
  'SEGELL',
  'SIGNADOR',
  'VALID',
  'VALIDADOR',
] as const;
export type KnownServiceId = (typeof SERVICE_IDS)[number];
export type ServiceId = KnownServiceId | 'UNKNOWN';

export const AMBITS = ['AGE', 'GENERALITAT', 'LOCAL', 'COLLEGIS'] as const;
export type ProductAmbit = (typeof AMBITS)[number];
/** The classification's àmbit: a product àmbit, `MIXED` across several, `NONE` outside Via Oberta. */
export type Ambit = ProductAmbit | 'MIXED' | 'NONE';

export const PRODUCT_IDS = [
  'AEAT',
  'TGSS',
  'TGSS_VIDA_LABORAL',
  'DGT',
  'DGT_IVTM',
  'DGP_IDENTITAT',
  'CADASTRE',
  'SEPE',
  'INSS',
  'TITOLS',
  'REGISTRE_CIVIL',
  'DEPENDENCIA',
  'ESTRANGERIA',
  'IGAE',
  'PODERS_NOTARIALS',
  'ANTECEDENTS_PENALS',
  'GRAU_DISCAPACITAT_CCAA',
  'TFN_CCAA',
  'INE',
  'MUFACE',
  'DGP_RESIDENCIA',
  'TFN',
  'TFM',
  'SOC',
  'RCA',
  'GRAU_DISCAPACITAT',
  'ATC',
  'RGC',
  'RPE',
  'PADRO_HISTORIC',
  'SCT',
  'REGISTRE_ENTITATS',
  'ACTIC',
  'BDSEU',
  'CERTIFICAT_CATALA',
  'PADRO',
  'DCOC',
  'CORPME',
] as const;
export type ProductId = (typeof PRODUCT_IDS)[number];

export function isProductId(value: string): value is ProductId {
  return (PRODUCT_IDS as readonly string[]).includes(value);
}

export function isKnownService(value: string): value is KnownServiceId {
  return (SERVICE_IDS as readonly string[]).includes(value);
}
