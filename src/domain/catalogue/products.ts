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
    'SCPWIJ1R',
    'INFOCAT',
    'VERIFICAR_NIF',
    'IRPF',
    'C2',
    'C4',
    'C6',
    'PPE',
    'AEATIAE',
  ]),
  TGSS: product('TGSS', 'AGE', 'TGSS - Deute i situació d’alta a la Seguretat Social', [
    'Q2827003ATGSS001B',
    'Q2827003ATGSS006',
    'Q2827003ATGSS008',
  ]),
  TGSS_VIDA_LABORAL: product('TGSS_VIDA_LABORAL', 'AGE', 'TGSS - Vida laboral', [
    'VIDA_LABORAL',
    'VIDA_LABORAL5',
    'NUMEROS_AFILIACIO',
  ]),
  DGT: product('DGT', 'AGE', 'DGT - Registre de vehicles i conductors', [
    'DGT_DADES_VEHICLE',
    'DGT_DADES_VEHICLE_SANCIONS',
    'DGT_PERMISOS_CONDUCTOR',
    'DGT_TITULAR_VIA',
    'DGT_SANCIONS_CONDUCTOR',
    'DGT_VEHICLES_CONDUCTOR',
    'DGT_DISTINTIU_MEDIAMBIENTAL',
    'DGT_EUCARIS',
    'DGT_DADES_VEHICLE_IVTM',
    'DGT_VERIFICACIO_TITULAR',
    'DGT_HISTORIAL_DOMICILIS_PROPIETARI',
    'DGT_HISTORIAL_DOMICILIS_VEHICLE',
  ]),
  DGT_IVTM: product('DGT_IVTM', 'AGE', 'DGT - Deutors de l’IVTM (ATMV) i accés ATEX', [
    'ATMV_ALTA',
    'ATMV_CONSULTA',
    'ATMV_ELIMINAR',
  ]),
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
  SEPE: product('SEPE', 'AGE', 'SEPE (INEM) - Prestacions per desocupació', [
    'VERIF_DADES_ATUR',
    'VERIF_IMPORTS_ACTUALS',
    'VERIF_IMPORTS_PERIODE',
  ]),
  INSS: product('INSS', 'AGE', 'INSS - Prestacions socials públiques', [
    'PRESTACIONS',
    'PRESTACIONS_HISTORIC',
    'TSD_PRESTACIONS',
    'TSD_INTEGRANTS',
    'TSD_DADES_ECONOMIQUES',
  ]),
  TITOLS: product('TITOLS', 'AGE', 'Títols universitaris i no universitaris (Ministeri d’Educació)', [
    'TITOLS_UNIVERSITARIS',
    'TITOLS_NO_UNIVERSITARIS',
    'TITOLS_UNIVERSITARIS_LLISTAT',
    'TITOLS_NO_UNIVERSITARIS_LLISTAT',
  ]),
  REGISTRE_CIVIL: product('REGISTRE_CIVIL', 'AGE', 'Registre Civil', ['NAIXEMENT', 'MATRIMONI', 'DEFUNCIO']),
  DEPENDENCIA: product('DEPENDENCIA', 'AGE', 'Dependència (IMSERSO)', ['GRAU_DEPENDENCIA']),
  ESTRANGERIA: product('ESTRANGERIA', 'AGE', 'Estrangeria - Residència legal d’estrangers (DGP)', [
    'RESIDENCIA_LEGAL',
    'RESIDENCIA_LEGAL_DOCUMENTACIO',
    'RESIDENCIA_LEGAL_FILIACIO',
    'IDENTITAT_ESTRANGERS_AMPLIADA',
  ]),
  IGAE: product('IGAE', 'AGE', 'IGAE - Base de Dades Nacional de Subvencions', [
    'IGAE_INHABILITACIONS',
    'IGAE_MINIMIS',
    'IGAE_CONCESSIONS',
    'IGAE_MINIMIS_AMPLIAT',
    'IGAE_CONCESSIONS_AMPLIAT',
    'IGAE_AJUDES_ESTAT',
  ]),
  PODERS_NOTARIALS: product('PODERS_NOTARIALS', 'AGE', 'Poders notarials', [
    'SUBSISTENCIA_ADMINISTRADORS',
    'SUBSISTENCIA_PODERS',
    'COPIA_SIMPLE',
    'CONSULTA_NOTARIS',
  ]),
  ANTECEDENTS_PENALS: product('ANTECEDENTS_PENALS', 'AGE', 'Antecedents penals i delictes sexuals', [
    'ANTECEDENTS_PENALS',
    'DELICTES_SEXUALS',
  ]),
  GRAU_DISCAPACITAT_CCAA: product('GRAU_DISCAPACITAT_CCAA', 'AGE', 'Grau de discapacitat (resta de CCAA)', [
    'GRAU_DISCAPACITAT_CCAA',
    'GRAU_DISCAPACITAT_CCAA_RD8882022',
  ]),
  TFN_CCAA: product('TFN_CCAA', 'AGE', 'Títol de família nombrosa (resta de CCAA)', ['TFN_CCAA']),
  INE: product('INE', 'AGE', 'INE - Institut Nacional d’Estadística', []),
  MUFACE: product('MUFACE', 'AGE', 'MUFACE', []),
  DGP_RESIDENCIA: product('DGP_RESIDENCIA', 'AGE', 'DGP - Tràmits de residència', ['TRAMITS_RESIDENCIA']),
  TFN: product('TFN', 'GENERALITAT', 'Títol de família nombrosa', [
    'TFN_VIGENCIA',
    'TFN_DADESCOMPLETES',
    'TFN_DADESCOMPLETES_DIS',
    'TFN_DADESCOMPLETES_MASSIU',
    'TFN_DADESCOMPLETES_DIS_MASSIU',
  ]),
  TFM: product('TFM', 'GENERALITAT', 'Títol de família monoparental', [
    'TFM_VIGENCIA',
    'TFM_DADESCOMPLETES',
    'TFM_DADESCOMPLETES_DIS',
    'TFM_DADESCOMPLETES_MASSIU',
    'TFM_DADESCOMPLETES_DIS_MASSIU',
  ]),
  SOC: product('SOC', 'GENERALITAT', 'SOC - Demandants d’ocupació', [
    'SOC_CERT_INSCRIPCIO',
    'SOC_CERT_ULTIMPERIODE',
    'SOC_CERT_DADESPERSONALS',
    'SOC_CERT_DONO',
  ]),
  RCA: product('RCA', 'GENERALITAT', 'RCA - Registre Central d’Assegurats (CatSalut)', [
    'RCA_CONSULTA',
    'RCA_VERIFICACIO',
  ]),
  GRAU_DISCAPACITAT: product('GRAU_DISCAPACITAT', 'GENERALITAT', 'Grau de discapacitat', [
    'GRAU_DISCAPACITAT_SIMPLE',
    'GRAU_DISCAPACITAT_TOTAL',
    'GRAU_DISCAPACITAT_AMPLIADA',
  ]),
  ATC: product('ATC', 'GENERALITAT', 'ATC - Agència Tributària de Catalunya', ['ATC_INF_DEUTES_TMP']),
  RGC: product('RGC', 'GENERALITAT', 'RGC - Renda Garantida Ciutadana', ['RGC_CONSULTA', 'RGC_CONSULTA_HISTORIC']),
  RPE: product('RPE', 'GENERALITAT', 'RPE - Registre de Parelles Estables', ['RPE_CONSULTA', 'RPE_VERIFICACIO']),
  PADRO_HISTORIC: product('PADRO_HISTORIC', 'GENERALITAT', 'Padró històric (IDESCAT)', [
    'TITULAR_HISTORIC',
    'CONVIVENTS_HISTORIC',
  ]),
  SCT: product('SCT', 'GENERALITAT', 'SCT - Denúncies de trànsit (Servei Català de Trànsit)', [
    'SCT_REMESA',
    'SCT_BUTLLETES',
    'SCT_CATALEG',
  ]),
  REGISTRE_ENTITATS: product('REGISTRE_ENTITATS', 'GENERALITAT', 'Registre d’Entitats Jurídiques', [
    'ENTITAT_INSCRIPCIO',
    'ENTITAT_DADES',
    'ENTITAT_ESTATUTS',
    'ENTITAT_COMPTES',
    'ENTITAT_ESCRIPTURES',
  ]),
  ACTIC: product('ACTIC', 'GENERALITAT', 'ACTIC - Acreditació de competències TIC', ['ACTIC_CERTIFICAT']),
  BDSEU: product('BDSEU', 'GENERALITAT', 'BDSEU - Base de dades de la Seu-e de la Generalitat', [
    'BDSEU_DADES_CONTACTE',
  ]),
  CERTIFICAT_CATALA: product('CERTIFICAT_CATALA', 'GENERALITAT', 'Certificat de català', [
    'CERTIFICAT_CATALA_CONSULTA',
    'CERTIFICAT_CATALA_VERIFICACIO',
  ]),
  PADRO: product('PADRO', 'LOCAL', 'Padró municipal d’habitants', [
    'RESIDENT',
    'MUNICIPI_RESIDENCIA',
    'RESIDENT_MUNICIPI',
    'NUMERO_CONVIVENTS',
    'COMPROVACIO_CONVIVENTS',
    'TITULAR',
    'CONVIVENTS',
    'VALIDACIO_CONVIVENTS',
    'TITULAR_PDF',
    'CONVIVENTS_PDF',
    'TITULAR_IDESCAT',
    'TITULAR_PROPI',
    'CONVIVENTS_PROPI',
    'TITULAR_CERCA',
  ]),
  DCOC: product('DCOC', 'COLLEGIS', 'DCOC - Documents visats dels col·legis professionals', []),
  CORPME: product('CORPME', 'COLLEGIS', 'CORPME - Registre de la Propietat i Registre Mercantil', [
    'NOTA_SIMPLE',
    'NOTA_LOCALITZACIO',
    'INFO_MERCANTIL',
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
