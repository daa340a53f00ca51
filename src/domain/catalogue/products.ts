/**
 * The Via Oberta product catalogue of the classification contract: each product's àmbit (the
 * administration that provides the data) and whether the state (MINHAP, through CAID) must
 * authorise it before the desk authorises it in SIRI.
 */
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
  'PADRO',
  'DCOC',
  'CORPME',
] as const;
export type ProductId = (typeof PRODUCT_IDS)[number];

export interface ProductInfo {
  readonly id: ProductId;
  readonly ambit: ProductAmbit;
  /** Name as the desk writes it, in Catalan. */
  readonly name: string;
  /** Modalities (PCI `CodigoCertificado`) as AOC names them; a non-exhaustive list for forms and checks. */
  readonly modalities: readonly string[];
}

function product(id: ProductId, ambit: ProductAmbit, name: string, modalities: readonly string[]): ProductInfo {
  return { id, ambit, name, modalities };
}

export const PRODUCTS: Readonly<Record<ProductId, ProductInfo>> = {
  AEAT: product('AEAT', 'AGE', 'AEAT - Agència Estatal d’Administració Tributària', [
    'ECOT101',
    'ECOT102',
    'ECOT103',
    'ECOT104',
    'ECOTGEN',
    'VERIFICAR_NIF',
    'IRPF',
    'IAE',
  ]),
  TGSS: product('TGSS', 'AGE', 'TGSS - Tresoreria General de la Seguretat Social', [
    'Q2827003ATGSS001B',
    'Q2827003ATGSS006',
    'Q2827003ATGSS008',
  ]),
  TGSS_VIDA_LABORAL: product('TGSS_VIDA_LABORAL', 'AGE', 'TGSS - Vida Laboral', ['VIDA_LABORAL', 'NUMEROS_AFILIACIO']),
  DGT: product('DGT', 'AGE', 'DGT - Direcció General de Trànsit', [
    'DGT_DADES_VEHICLE',
    'DGT_VEHICLE_SANCIONS',
    'DGT_PERMISOS_CONDUCTOR',
    'DGT_TITULAR_VIA',
    'DGT_SANCIONS_CONDUCTOR',
    'DGT_VEHICLES_CONDUCTOR',
    'DGT_DISTINTIU_MEDIAMBIENTAL',
  ]),
  DGT_IVTM: product('DGT_IVTM', 'AGE', 'DGT - IVTM / ATEX', ['ATMV_ALTA', 'ATMV_CONSULTA']),
  DGP_IDENTITAT: product('DGP_IDENTITAT', 'AGE', 'DGP - Dades d’identitat', [
    'IDENTITAT_DADES',
    'IDENTITAT_VERIFICACIO',
  ]),
  CADASTRE: product('CADASTRE', 'AGE', 'Cadastre', [
    'DADES_CADASTRALS',
    'CERTIFICACIO_TITULARITAT',
    'DESCRIPTIVA_GRAFICA',
    'DOCUMENT_CSV',
  ]),
  SEPE: product('SEPE', 'AGE', 'SEPE (INEM) - Atur', [
    'VERIF_DADES_ATUR',
    'VERIF_IMPORTS_ACTUALS',
    'VERIF_IMPORTS_PERIODE',
  ]),
  INSS: product('INSS', 'AGE', 'INSS - Prestacions socials', ['PRESTACIONS', 'PRESTACIONS_HISTORIC']),
  TITOLS: product('TITOLS', 'AGE', 'Títols universitaris i no universitaris', [
    'TITOLS_UNIVERSITARIS',
    'TITOLS_NO_UNIVERSITARIS',
  ]),
  REGISTRE_CIVIL: product('REGISTRE_CIVIL', 'AGE', 'Registre Civil', ['NAIXEMENT', 'MATRIMONI', 'DEFUNCIO']),
  DEPENDENCIA: product('DEPENDENCIA', 'AGE', 'Dependència (IMSERSO)', ['GRAU_DEPENDENCIA']),
  ESTRANGERIA: product('ESTRANGERIA', 'AGE', 'Estrangeria', ['RESIDENCIA_LEGAL']),
  IGAE: product('IGAE', 'AGE', 'IGAE', ['IGAE_INHABILITACIONS', 'IGAE_MINIMIS', 'IGAE_CONCESSIONS']),
  PODERS_NOTARIALS: product('PODERS_NOTARIALS', 'AGE', 'Poders notarials', []),
  TFN: product('TFN', 'GENERALITAT', 'Títol de família nombrosa', ['TFN_VIGENCIA', 'TFN_DADESCOMPLETES']),
  TFM: product('TFM', 'GENERALITAT', 'Títol de família monoparental', ['TFM_VIGENCIA', 'TFM_DADESCOMPLETES']),
  SOC: product('SOC', 'GENERALITAT', 'SOC - Servei d’Ocupació de Catalunya', ['SOC_CERT_INSCRIPCIO']),
  RCA: product('RCA', 'GENERALITAT', 'RCA', []),
  GRAU_DISCAPACITAT: product('GRAU_DISCAPACITAT', 'GENERALITAT', 'Grau de discapacitat', [
    'GRAU_DISCAPACITAT_SIMPLE',
    'GRAU_DISCAPACITAT_TOTAL',
  ]),
  ATC: product('ATC', 'GENERALITAT', 'ATC - Agència Tributària de Catalunya', ['ATC_INF_DEUTES_TMP']),
  RGC: product('RGC', 'GENERALITAT', 'RGC', []),
  RPE: product('RPE', 'GENERALITAT', 'RPE', []),
  PADRO_HISTORIC: product('PADRO_HISTORIC', 'GENERALITAT', 'Padró històric', []),
  SCT: product('SCT', 'GENERALITAT', 'SCT - Servei Català de Trànsit', ['SCT_DENUNCIES']),
  PADRO: product('PADRO', 'LOCAL', 'Padró municipal', [
    'RESIDENT',
    'MUNICIPI_RESIDENCIA',
    'NUMERO_CONVIVENTS',
    'COMPROVACIO_CONVIVENTS',
    'TITULAR',
    'CONVIVENTS',
    'TITULAR_PDF',
  ]),
  DCOC: product('DCOC', 'COLLEGIS', 'DCOC - Col·legis professionals', []),
  CORPME: product('CORPME', 'COLLEGIS', 'CORPME - Registre de la Propietat i Mercantil', [
    'NOTA_SIMPLE',
    'NOTA_LOCALITZACIO',
    'NOTA_MERCANTIL',
  ]),
};

/**
 * AGE products that the state's own services provide without the MINHAP/CAID request: AEAT, TGSS
 * (its debt and registration certificates) and DGT's ATEX/IVTM modalities. TGSS Vida Laboral is a
 * separate product precisely because it does go through MINHAP.
 */
const AGE_WITHOUT_MINHAP: ReadonlySet<ProductId> = new Set<ProductId>(['AEAT', 'TGSS', 'DGT_IVTM']);

export function needsMinhap(id: ProductId): boolean {
  return PRODUCTS[id].ambit === 'AGE' && !AGE_WITHOUT_MINHAP.has(id);
}

export function ambitOf(id: ProductId): ProductAmbit {
  return PRODUCTS[id].ambit;
}

/** The àmbit of a set of products: the common one, `MIXED` when they differ, `NONE` when empty. */
export function ambitOfProducts(ids: readonly ProductId[]): Ambit {
  const ambits = new Set(ids.map(ambitOf));
  if (ambits.size === 0) return 'NONE';
  if (ambits.size > 1) return 'MIXED';
  const [only] = ambits;
  return only ?? 'NONE';
}

export function isProductId(value: string): value is ProductId {
  return (PRODUCT_IDS as readonly string[]).includes(value);
}
