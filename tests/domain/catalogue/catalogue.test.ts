import { describe, expect, it } from 'vitest';
import {
  ambitOfProducts,
  CATALOGUE,
  checkboxTarget,
  FORM_CHECKBOXES,
  MODALITIES,
  modalityByCode,
  namesOf,
  needsMinhap,
  PRODUCT_IDS,
  PRODUCTS,
  productByCheckbox,
  productByCode,
  productByModality,
  productCodes,
  SERVICE_IDS,
  serviceByCheckbox,
  type ProductId,
} from '../../../src/domain/catalogue';

describe('Via Oberta catalogue', () => {
  it('lists the àmbits of the contract', () => {
    const by = (ambit: string) => PRODUCT_IDS.filter((id) => PRODUCTS[id].ambit === ambit);
    expect(by('LOCAL')).toEqual(['PADRO']);
    expect(by('COLLEGIS')).toEqual(['DCOC', 'CORPME']);
    expect(by('GENERALITAT')).toEqual([
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
    ]);
    expect(by('AGE')).toHaveLength(21);
  });

  it('tells the àmbit of a set of products', () => {
    expect(ambitOfProducts([])).toBe('NONE');
    expect(ambitOfProducts(['AEAT', 'TGSS'])).toBe('AGE');
    expect(ambitOfProducts(['AEAT', 'TFN'])).toBe('MIXED');
  });
});

describe('the MINHAP rule', () => {
  const withoutMinhap: readonly ProductId[] = ['AEAT', 'TGSS', 'DGT_IVTM'];
  const age = PRODUCT_IDS.filter((id) => PRODUCTS[id].ambit === 'AGE');
  it.each(age)('AGE product %s: MINHAP unless it is AEAT, TGSS or DGT_IVTM', (id) => {
    expect(needsMinhap(id)).toBe(!withoutMinhap.includes(id));
  });
  it('never for products of the other àmbits', () => {
    expect(PRODUCT_IDS.filter((id) => PRODUCTS[id].ambit !== 'AGE' && needsMinhap(id))).toEqual([]);
  });
});

// AOC's product codes and a main name in Catalan and Spanish for each product, from vo-catalogue.md.
const EXPECTED_PRODUCTS: readonly (readonly [ProductId, readonly string[], string, string])[] = [
  ['AEAT', ['AEAT_DADES', 'AEAT_IRPF', 'AEAT_IAE'], 'Agència Tributària', 'Agencia Tributaria'],
  ['TGSS', ['SCSP_TGSS'], 'Seguretat Social', 'Seguridad Social'],
  ['TGSS_VIDA_LABORAL', ['TGSS_Vida_Laboral'], 'vida laboral', 'vida laboral'],
  ['DGT', ['DGT'], 'Direcció General de Trànsit', 'Dirección General de Tráfico'],
  ['DGT_IVTM', ['ATMV'], 'ATEX', 'impuesto sobre vehículos de tracción mecánica'],
  ['DGP_IDENTITAT', ['DGP_IDENTITAT'], "dades d'identitat", 'datos de identidad'],
  ['DGP_RESIDENCIA', ['DGP_RESIDENCIA'], 'tràmits de residència', 'trámites de residencia'],
  ['CADASTRE', ['CADASTRE'], 'Cadastre', 'Catastro'],
  ['SEPE', ['INEM'], 'atur', 'desempleo'],
  ['INSS', ['PRESTACIONS_SOCIALS'], 'prestacions socials públiques', 'prestaciones sociales públicas'],
  ['TITOLS', ['MEPSYD'], 'títols universitaris', 'títulos universitarios'],
  ['REGISTRE_CIVIL', ['REGISTRE_CIVIL'], 'Registre Civil', 'Registro Civil'],
  ['DEPENDENCIA', ['DEPENDENCIA'], 'grau de dependència', 'grado de dependencia'],
  ['ESTRANGERIA', ['ESTRANGERIA', 'DGP_RESIDENCIA_LEGAL'], 'estrangeria', 'extranjería'],
  ['IGAE', ['IGAE'], 'Base de Dades Nacional de Subvencions', 'Base de Datos Nacional de Subvenciones'],
  ['PODERS_NOTARIALS', ['PODERS_NOTARIALS'], 'poders notarials', 'poderes notariales'],
  ['ANTECEDENTS_PENALS', ['RCP'], 'antecedents penals', 'antecedentes penales'],
  [
    'GRAU_DISCAPACITAT_CCAA',
    ['GRAU_DISCAPACITAT_CCAA'],
    'Grau de discapacitat (resta de CCAA)',
    'Grado de discapacidad (resto de CCAA)',
  ],
  ['TFN_CCAA', ['TFN_CCAA'], 'Títol de família nombrosa (resta de CCAA)', 'Título de familia numerosa (resto de CCAA)'],
  ['INE', [], "Institut Nacional d'Estadística", 'Instituto Nacional de Estadística'],
  [
    'MUFACE',
    [],
    "Mutualitat General de Funcionaris Civils de l'Estat",
    'Mutualidad General de Funcionarios Civiles del Estado',
  ],
  ['TFN', ['TFN'], 'família nombrosa', 'familia numerosa'],
  ['TFM', ['TFM'], 'família monoparental', 'familia monoparental'],
  ['SOC', ['SOC'], "Servei d'Ocupació de Catalunya", 'demandante de empleo'],
  ['RCA', ['RCA'], "Registre Central d'Assegurats", 'Registro Central de Asegurados'],
  ['GRAU_DISCAPACITAT', ['GRAU_DISCAPACITAT'], 'grau de discapacitat', 'grado de discapacidad'],
  ['ATC', ['ATC'], 'Agència Tributària de Catalunya', 'Agencia Tributaria de Cataluña'],
  ['RGC', ['RGC'], 'Renda Garantida Ciutadana', 'Renta Garantizada Ciudadana'],
  ['RPE', ['RPE'], 'Registre de Parelles Estables', 'parejas de hecho'],
  ['PADRO_HISTORIC', ['PADRO_HISTORIC'], 'padró històric', 'padrón histórico'],
  ['SCT', ['SCT_DENUNCIES'], 'denúncies de trànsit', 'denuncias de tráfico'],
  ['REGISTRE_ENTITATS', ['REGISTRE_ENTITATS'], "Registre d'Entitats Jurídiques", 'Registro de Entidades Jurídicas'],
  ['ACTIC', ['ACTIC'], 'Acreditació de competències TIC', 'Acreditación de competencias TIC'],
  ['BDSEU', ['BDSEU'], 'BDSEU', 'BDSEU'],
  ['CERTIFICAT_CATALA', ['CERTIFICAT_CATALA'], 'certificat de català', 'certificado de catalán'],
  ['PADRO', ['PADRO'], "padró d'habitants", 'padrón de habitantes'],
  ['DCOC', ['DCOC_<COL·LEGI>'], 'documents visats', 'documentos visados'],
  ['CORPME', ['REGISTRE_PROPIETAT', 'REGISTRE_MERCANTIL'], 'Registre de la Propietat', 'Registro Mercantil'],
];

describe('every product: AOC codes and names in Catalan and Spanish', () => {
  it('covers every product id of the contract', () => {
    expect(EXPECTED_PRODUCTS.map(([id]) => id).sort()).toEqual([...PRODUCT_IDS].sort());
  });
  it.each(EXPECTED_PRODUCTS)('%s has codes %j and the names people use', (id, codes, ca, es) => {
    expect(productCodes(id)).toEqual(codes);
    for (const code of codes.filter((c) => !c.includes('<'))) expect(productByCode(code)).toBe(id);
    expect(namesOf(id, 'ca')).toContain(ca);
    expect(namesOf(id, 'es')).toContain(es);
  });
});

// The 135 modality codes of vo-catalogue.md (DCOC's per-col·legi patterns once, as COAC's).
const EXPECTED_MODALITIES =
  `ECOT101 ECOT102 ECOT103 ECOT104 ECOTGEN SCPWIJ1R INFOCAT VERIFICAR_NIF IRPF C2 C4 C6 PPE AEATIAE
Q2827003ATGSS001B Q2827003ATGSS006 Q2827003ATGSS008 VIDA_LABORAL VIDA_LABORAL5 NUMEROS_AFILIACIO
DGT_DADES_VEHICLE DGT_DADES_VEHICLE_SANCIONS DGT_PERMISOS_CONDUCTOR DGT_TITULAR_VIA DGT_SANCIONS_CONDUCTOR
DGT_VEHICLES_CONDUCTOR DGT_DISTINTIU_MEDIAMBIENTAL DGT_EUCARIS DGT_DADES_VEHICLE_IVTM DGT_VERIFICACIO_TITULAR
DGT_HISTORIAL_DOMICILIS_PROPIETARI DGT_HISTORIAL_DOMICILIS_VEHICLE ATMV_ALTA ATMV_CONSULTA ATMV_ELIMINAR
IDENTITAT_DADES IDENTITAT_VERIFICACIO TRAMITS_RESIDENCIA RESIDENCIA_LEGAL_DOCUMENTACIO RESIDENCIA_LEGAL_FILIACIO
IDENTITAT_ESTRANGERS_AMPLIADA RESIDENCIA_LEGAL DADES_CADASTRALS CERTIFICACIO_TITULARITAT DESCRIPTIVA_GRAFICA DOCUMENT_CSV
VERIF_DADES_ATUR VERIF_IMPORTS_ACTUALS VERIF_IMPORTS_PERIODE PRESTACIONS PRESTACIONS_HISTORIC TSD_PRESTACIONS
TSD_INTEGRANTS TSD_DADES_ECONOMIQUES TITOLS_UNIVERSITARIS TITOLS_NO_UNIVERSITARIS TITOLS_UNIVERSITARIS_LLISTAT
TITOLS_NO_UNIVERSITARIS_LLISTAT NAIXEMENT MATRIMONI DEFUNCIO ANTECEDENTS_PENALS DELICTES_SEXUALS GRAU_DEPENDENCIA
IGAE_INHABILITACIONS IGAE_MINIMIS IGAE_CONCESSIONS IGAE_MINIMIS_AMPLIAT IGAE_CONCESSIONS_AMPLIAT IGAE_AJUDES_ESTAT
SUBSISTENCIA_ADMINISTRADORS SUBSISTENCIA_PODERS COPIA_SIMPLE CONSULTA_NOTARIS GRAU_DISCAPACITAT_CCAA
GRAU_DISCAPACITAT_CCAA_RD8882022 TFN_CCAA
TFN_VIGENCIA TFN_DADESCOMPLETES TFN_DADESCOMPLETES_DIS TFN_DADESCOMPLETES_MASSIU TFN_DADESCOMPLETES_DIS_MASSIU
TFM_VIGENCIA TFM_DADESCOMPLETES TFM_DADESCOMPLETES_DIS TFM_DADESCOMPLETES_MASSIU TFM_DADESCOMPLETES_DIS_MASSIU
RGC_CONSULTA RGC_CONSULTA_HISTORIC SOC_CERT_INSCRIPCIO SOC_CERT_ULTIMPERIODE SOC_CERT_DADESPERSONALS SOC_CERT_DONO
GRAU_DISCAPACITAT_SIMPLE GRAU_DISCAPACITAT_TOTAL GRAU_DISCAPACITAT_AMPLIADA ATC_INF_DEUTES_TMP ENTITAT_INSCRIPCIO
ENTITAT_DADES ENTITAT_ESTATUTS ENTITAT_COMPTES ENTITAT_ESCRIPTURES RPE_CONSULTA RPE_VERIFICACIO RCA_CONSULTA
RCA_VERIFICACIO TITULAR_HISTORIC CONVIVENTS_HISTORIC SCT_REMESA SCT_BUTLLETES SCT_CATALEG ACTIC_CERTIFICAT
BDSEU_DADES_CONTACTE CERTIFICAT_CATALA_CONSULTA CERTIFICAT_CATALA_VERIFICACIO
RESIDENT MUNICIPI_RESIDENCIA RESIDENT_MUNICIPI NUMERO_CONVIVENTS COMPROVACIO_CONVIVENTS TITULAR CONVIVENTS
VALIDACIO_CONVIVENTS TITULAR_PDF CONVIVENTS_PDF TITULAR_IDESCAT TITULAR_PROPI CONVIVENTS_PROPI TITULAR_CERCA
COAC_CONSULTA COAC_DESCARREGA_HTTP COAC_DADES_TECNIQUES NOTA_SIMPLE NOTA_LOCALITZACIO INFO_MERCANTIL`.split(/\s+/);

describe('modality codes', () => {
  it('marks as homologation-only the 15 codes vo-catalogue.md marks [hom] in its tables', () => {
    const hom = CATALOGUE.products
      .flatMap((p) => p.codes.flatMap((c) => c.modalities))
      .filter((m) => m.source === 'hom');
    expect(hom.map((m) => m.code).sort()).toEqual(
      [
        'DGT_EUCARIS',
        'RESIDENCIA_LEGAL_DOCUMENTACIO',
        'RESIDENCIA_LEGAL_FILIACIO',
        'IDENTITAT_ESTRANGERS_AMPLIADA',
        'TSD_PRESTACIONS',
        'TSD_INTEGRANTS',
        'TSD_DADES_ECONOMIQUES',
        'IGAE_MINIMIS_AMPLIAT',
        'IGAE_CONCESSIONS_AMPLIAT',
        'IGAE_AJUDES_ESTAT',
        'GRAU_DISCAPACITAT_CCAA_RD8882022',
        'ACTIC_CERTIFICAT',
        'BDSEU_DADES_CONTACTE',
        'CERTIFICAT_CATALA_CONSULTA',
        'CERTIFICAT_CATALA_VERIFICACIO',
      ].sort(),
    );
  });
  it('holds the 135 codes of vo-catalogue.md, each once', () => {
    expect(EXPECTED_MODALITIES).toHaveLength(135);
    const codes = MODALITIES.filter((m) => m.collegi === undefined || m.collegi.acronym === 'COAC')
      .map((m) => m.modality.code)
      .filter((c) => c !== 'COAC_DESCARREGA_FTP');
    expect([...codes].sort()).toEqual([...EXPECTED_MODALITIES].sort());
    const all = MODALITIES.map((m) => m.modality.code);
    expect(new Set(all).size).toBe(all.length);
  });
  it('gives every modality a description in Catalan and Spanish', () => {
    for (const m of MODALITIES) {
      expect(m.modality.description.ca.length, m.modality.code).toBeGreaterThan(0);
      expect(m.modality.description.es.length, m.modality.code).toBeGreaterThan(0);
    }
  });
  it('finds the product of a modality, also by another spelling and for each col·legi', () => {
    expect(productByModality('IRPF')).toBe('AEAT');
    expect(productByModality('Q2827003ATGSS001B')).toBe('TGSS');
    expect(modalityByCode('VALIDAR_NIF')?.modality.code).toBe('VERIFICAR_NIF');
    expect(modalityByCode('NOTA_MERCANTIL')?.productCode).toBe('REGISTRE_MERCANTIL');
    expect(modalityByCode('cerca_titular')?.modality.code).toBe('TITULAR_CERCA');
    expect(modalityByCode('CETIB_CONSULTA')).toMatchObject({ product: 'DCOC', productCode: 'DCOC_CETIB' });
    expect(modalityByCode('CAATB_DESCARREGA_FTP')?.product).toBe('DCOC');
    expect(modalityByCode('COETC_CONSULTA')).toBeUndefined();
    expect(modalityByCode('TGSS_DEUTE')).toBeUndefined();
  });
  it('finds a family by product code whatever its case', () => {
    expect(productByCode('tgss_vida_laboral')).toBe('TGSS_VIDA_LABORAL');
    expect(productByCode('DCOC_COAC')).toBe('DCOC');
    expect(productByCode('AEAT')).toBeUndefined();
  });
});

// Every checkbox of the request form (version 2026-03-18), read from its XFA template.
const FORM = {
  services: `CHK_BOE_TEU CHK_COPIA CHK_EACAT CHK_ESPAI_MYGOV CHK_ELICITA CHK_ENOTUM CHK_ETAULER CHK_IARXIU CHK_HESTIA
CHK_ORGANS CHK_PSCP CHK_RPC CHK_DOGC CHK_REGISTRE CHK_CARREGA CHK_CONSULTA CHK_ALTA CHK_REPRESENTA CHK_SCT CHK_SEGELL
CHK_SIGNADOR CHK_VALID_IDENTI CHK_VALID_EINA CHK_VALID_CERTIFICATS CHK_VIA_OBERTA`,
  products: `CHK_AGENCIA CHK_ANTECEDENTES CHK_SIDCAPACITATS CHK_FAM_NOMBROSA CHK_CATASTRO CHK_DGP CHK_MINEXT_ESTRANGERIA
CHK_DGT CHK_INE CHK_INSS CHK_IMSERSO CHK_IGAE CHK_MIN_EDU CHK_MUFACE CHK_PODERS CHK_REG_CIV CHK_SEPE CHK_IVTM CHK_TGSS
CHK_ACTIC CHK_ATC CHK_BDSEU CHK_CATSALUT CHK_SISPAP CHK_IDESCAT CHK_ENT_JUR CHK_RENDA_GARANTIDA CHK_SCT_DENUNCIES CHK_SOC
CHK_FAM_NUM CHK_FAM_MON CHK_CERF_CAT CHK_PADRO CHK_ARQITECTES CHK_COL_BAR CHK_COL_TARR CHK_COL_GIR CHK_COL_TELECO
CHK_COL_ENGINYERS CHK_COL_TECNICS CHK_ECA CHK_CORPME CHK_MERCANTIL`,
};
const words = (s: string) => s.split(/\s+/);

describe('the request form’s checkboxes', () => {
  it('maps every checkbox of the form to one id, and knows no other', () => {
    expect([...FORM_CHECKBOXES].sort()).toEqual([...words(FORM.services), ...words(FORM.products)].sort());
    for (const c of words(FORM.services)) expect(serviceByCheckbox(c), c).toBeDefined();
    for (const c of words(FORM.products)) expect(productByCheckbox(c), c).toBeDefined();
  });
  it('gives every service id a checkbox', () => {
    const ticked = new Set(words(FORM.services).map(serviceByCheckbox));
    for (const id of SERVICE_IDS) expect(ticked.has(id), id).toBe(true);
  });
  it.each([
    ['CHK_CATSALUT', 'RCA'],
    ['CHK_RENDA_GARANTIDA', 'RGC'],
    ['CHK_ENT_JUR', 'REGISTRE_ENTITATS'],
    ['CHK_IDESCAT', 'PADRO_HISTORIC'],
    ['CHK_SISPAP', 'GRAU_DISCAPACITAT'],
    ['CHK_SCT_DENUNCIES', 'SCT'],
    ['CHK_IVTM', 'DGT_IVTM'],
    ['CHK_MERCANTIL', 'CORPME'],
    ['CHK_COL_TELECO', 'DCOC'],
    ['CHK_ANTECEDENTES', 'ANTECEDENTS_PENALS'],
    ['CHK_FAM_NOMBROSA', 'TFN_CCAA'],
    ['CHK_FAM_NUM', 'TFN'],
  ])('%s asks for product %s', (checkbox, product) => {
    expect(productByCheckbox(checkbox)).toBe(product);
  });
  it.each([
    ['CHK_SCT', 'SCT_DEV'],
    ['CHK_RPC', 'RPC'],
    ['CHK_EACAT', 'OVER'],
    ['CHK_ALTA', 'MUX'],
    ['CHK_VALID_EINA', 'VALID'],
    ['CHK_VALID_CERTIFICATS', 'VALIDADOR'],
    ['CHK_ESPAI_MYGOV', 'ESPAI_CIUTADA'],
  ])('%s asks for service %s', (checkbox, service) => {
    expect(serviceByCheckbox(checkbox)).toBe(service);
  });
  it('says which col·legi a DCOC checkbox names', () => {
    expect(checkboxTarget('CHK_COL_BAR')).toMatchObject({ product: 'DCOC', productCode: 'DCOC_CAATB' });
    expect(checkboxTarget('CHK_COL_TELECO')).toMatchObject({ collegi: { acronym: 'COETC', integration: false } });
  });
});

describe('services: names in Catalan and Spanish', () => {
  it.each([
    ['RPC', 'Registre Públic de Contractes', 'Registro Público de Contratos'],
    ['SCT_DEV', 'consulta de credencials', 'consulta de credenciales'],
    ['IARXIU', 'iArxiu', 'iArxiu'],
    ['HESTIA', 'Hèstia', 'Hèstia'],
    ['BOE_TEU', 'Tauler Edictal Únic', 'Tablón Edictal Único'],
    ['OVER', "Oficina Virtual d'Emissió i Recepció", 'Oficina Virtual de Emisión y Recepción'],
    ['MUX', 'Registre Unificat', 'Registro Unificado'],
    ['SEGELL', 'segell de temps', 'sello de tiempo'],
    ['PSCP', 'perfil de contractant', 'perfil del contratante'],
  ] as const)('%s', (id, ca, es) => {
    expect(namesOf(id, 'ca')).toContain(ca);
    expect(namesOf(id, 'es')).toContain(es);
  });
  it('gives every service names in both languages', () => {
    for (const id of SERVICE_IDS) {
      expect(namesOf(id, 'ca').length, id).toBeGreaterThan(1);
      expect(namesOf(id, 'es').length, id).toBeGreaterThan(1);
    }
  });
});

describe('confusable pairs are told apart in the data', () => {
  const has = (id: Parameters<typeof namesOf>[0], name: string) =>
    [...namesOf(id, 'ca'), ...namesOf(id, 'es')].some((n) => n.toLowerCase().includes(name.toLowerCase()));
  it('RPC (service) is the contracts register; RCA (product) is CatSalut’s insured register', () => {
    expect(has('RPC', 'Contractes')).toBe(true);
    expect(has('RCA', 'Contract')).toBe(false);
    expect(has('RCA', 'CatSalut')).toBe(true);
    expect(has('RPC', 'CatSalut')).toBe(false);
  });
  it('SCT_DEV (credentials) is not SCT (SCT_DENUNCIES, traffic fines)', () => {
    expect(has('SCT', 'denúncies')).toBe(true);
    expect(has('SCT_DEV', 'denúnc')).toBe(false);
    expect(has('SCT_DEV', 'credencials')).toBe(true);
    expect(has('SCT', 'credencial')).toBe(false);
  });
  it('the Registre d’Entitats Jurídiques is the Generalitat’s, not a CORPME registry', () => {
    expect(PRODUCTS.REGISTRE_ENTITATS.ambit).toBe('GENERALITAT');
    expect(has('CORPME', 'Entitats')).toBe(false);
    expect(has('REGISTRE_ENTITATS', 'Propietat')).toBe(false);
    expect(has('REGISTRE_ENTITATS', 'Mercantil')).toBe(false);
  });
  it('ATEX and IVTM are DGT_IVTM (no MINHAP), not the DGT vehicle registry', () => {
    expect(has('DGT_IVTM', 'ATEX')).toBe(true);
    expect(has('DGT_IVTM', 'IVTM')).toBe(true);
    expect(has('DGT', 'ATEX')).toBe(false);
    expect(has('DGT', 'IVTM')).toBe(false);
    expect([needsMinhap('DGT_IVTM'), needsMinhap('DGT')]).toEqual([false, true]);
  });
  it('AEAT’s INFOCAT is an AEAT modality (no MINHAP), not CADASTRE', () => {
    expect(productByModality('INFOCAT')).toBe('AEAT');
    expect([needsMinhap('AEAT'), needsMinhap('CADASTRE')]).toEqual([false, true]);
  });
});
