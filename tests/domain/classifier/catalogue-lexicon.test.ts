import { describe, expect, it } from 'vitest';
import { CATALOGUE, MODALITIES, PRODUCT_IDS, SERVICE_IDS, type ProductId } from '../../../src/domain/catalogue';
import { classify, type TicketInput } from '../../../src/domain/classifier';
import {
  catalogueEntries,
  catalogueNameConflicts,
  droppedCatalogueNames,
  GENERIC_WORDS,
} from '../../../src/domain/classifier/catalogue-names';
import { matchText } from '../../../src/domain/classifier/matcher';

/**
 * The lexicon's names come from the catalogue file: every product and service is found by its main
 * names in Catalan and Spanish, the confusable pairs stay apart, the MINHAP rule holds for every AGE
 * product, and ordinary words of official names never become triggers.
 */
const FORM = 'formulari_sol-licitud_integracio_serveis_caoc.pdf';
const CER = 'clau_publica_cda.cer';
const alta = (description: string): TicketInput => ({
  id: 't',
  subject: 'Sol·licitud',
  description,
  tags: ['alta_servei'],
  attachments: [FORM, CER],
});

/** Each product by a main name in Catalan and in Spanish, as an ens writes it. */
const PRODUCT_NAMES: Record<ProductId, readonly [string, string]> = {
  AEAT: ["les dades tributàries de l'Agència Tributària", 'los datos tributarios de la Agencia Tributaria'],
  TGSS: ['la Tresoreria General de la Seguretat Social', 'la Tesorería General de la Seguridad Social'],
  TGSS_VIDA_LABORAL: ["l'informe de vida laboral", 'el informe de vida laboral'],
  DGT: ['el registre de vehicles de la DGT', 'el registro de vehículos de la DGT'],
  DGT_IVTM: ["l'impost sobre vehicles de tracció mecànica", 'el impuesto sobre vehículos de tracción mecánica'],
  DGP_IDENTITAT: ["la verificació d'identitat", 'la verificación de identidad'],
  DGP_RESIDENCIA: ['els tràmits de residència', 'los trámites de residencia'],
  CADASTRE: ['el Cadastre', 'el Catastro'],
  SEPE: ["les prestacions d'atur", 'las prestaciones por desempleo'],
  INSS: ["les prestacions socials públiques de l'INSS", 'las prestaciones sociales públicas'],
  TITOLS: ['els títols universitaris', 'los títulos universitarios'],
  REGISTRE_CIVIL: ['el Registre Civil', 'el Registro Civil'],
  DEPENDENCIA: ['el grau de dependència', 'el grado de dependencia'],
  ESTRANGERIA: ["la residència legal d'estrangers", 'la residencia legal de extranjeros'],
  IGAE: ['la Base de Dades Nacional de Subvencions', 'la Base de Datos Nacional de Subvenciones'],
  PODERS_NOTARIALS: ['els poders notarials', 'los poderes notariales'],
  ANTECEDENTS_PENALS: ["el certificat d'antecedents penals", 'los antecedentes penales'],
  GRAU_DISCAPACITAT_CCAA: ["la discapacitat d'altres comunitats", 'la discapacidad de otras comunidades'],
  TFN_CCAA: ["la família nombrosa d'altres comunitats", 'la familia numerosa de otras comunidades'],
  INE: ["l'Institut Nacional d'Estadística", 'el Instituto Nacional de Estadística'],
  MUFACE: ["la Mutualitat General de Funcionaris Civils de l'Estat", 'MUFACE'],
  TFN: ['el títol de família nombrosa', 'el título de familia numerosa'],
  TFM: ['el títol de família monoparental', 'el título de familia monoparental'],
  SOC: ["els demandants d'ocupació del Servei d'Ocupació de Catalunya", 'los demandantes de empleo'],
  RCA: ["el Registre Central d'Assegurats del CatSalut", 'el Registro Central de Asegurados'],
  GRAU_DISCAPACITAT: ['el grau de discapacitat', 'el grado de discapacidad'],
  ATC: ["l'Agència Tributària de Catalunya", 'la Agencia Tributaria de Cataluña'],
  RGC: ['la Renda Garantida Ciutadana', 'la Renta Garantizada Ciudadana'],
  RPE: ['el Registre de Parelles Estables', 'el registro de parejas de hecho'],
  PADRO_HISTORIC: ['el padró històric', 'el padrón histórico'],
  SCT: ['les denúncies de trànsit', 'las denuncias de tráfico'],
  REGISTRE_ENTITATS: ["el Registre d'Entitats Jurídiques", 'el Registro de Entidades Jurídicas'],
  ACTIC: ["l'acreditació de competències TIC", 'la acreditación de competencias TIC'],
  BDSEU: ['la base de dades de la Seu electrònica', 'la base de datos de la Sede electrónica'],
  CERTIFICAT_CATALA: ['el certificat de nivell de català', 'el certificado de catalán'],
  PADRO: ["el padró d'habitants", 'el padrón de habitantes'],
  DCOC: ["els documents visats del Col·legi d'Arquitectes", 'los documentos visados'],
  CORPME: ['el Registre de la Propietat', 'el Registro Mercantil'],
};

/** The flags a product brings by itself (contract: flags that belong to a product), written out. */
const NO_MINHAP_AGE: readonly ProductId[] = ['AEAT', 'TGSS', 'DGT_IVTM'];
const OWN_FLAGS: Partial<Record<ProductId, readonly string[]>> = {
  AEAT: ['AEAT_CERT'],
  PADRO: ['PADRO'],
  CORPME: ['CORPME'],
  REGISTRE_ENTITATS: ['CORPME'],
  DCOC: ['DCOC'],
};
const AGE: readonly ProductId[] = [
  'AEAT',
  'TGSS',
  'TGSS_VIDA_LABORAL',
  'DGT',
  'DGT_IVTM',
  'DGP_IDENTITAT',
  'DGP_RESIDENCIA',
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
];
const expectedFlags = (id: ProductId): string[] =>
  [...(OWN_FLAGS[id] ?? []), ...(AGE.includes(id) && !NO_MINHAP_AGE.includes(id) ? ['MINHAP'] : [])].sort();

describe('every product by its main names (from the catalogue), in Catalan and Spanish', () => {
  it('names every product id', () => {
    expect(Object.keys(PRODUCT_NAMES).sort()).toEqual([...PRODUCT_IDS].sort());
  });
  it.each(Object.entries(PRODUCT_NAMES) as [ProductId, readonly [string, string]][])('%s', (id, [ca, es]) => {
    const c = classify(alta(`Sol·licitem l'alta de Via Oberta per consultar ${ca}.`));
    expect({ service: c.service, products: c.products, flags: c.flags }).toEqual({
      service: 'VO',
      products: [id],
      flags: expectedFlags(id),
    });
    expect(classify(alta(`Solicitamos el alta de Vía Oberta para consultar ${es}.`)).products).toEqual([id]);
  });
});

describe('the MINHAP rule through the classifier, for every AGE product', () => {
  it.each(AGE)('%s', (id) => {
    const c = classify(alta(`Volem integrar ${PRODUCT_NAMES[id][0]}.`));
    expect(c.ambit).toBe('AGE');
    expect(c.flags.includes('MINHAP')).toBe(!NO_MINHAP_AGE.includes(id));
  });
});

/** Each service by a main name in Catalan and Spanish. */
const SERVICE_NAMES: Record<(typeof SERVICE_IDS)[number], readonly [string, string]> = {
  PSCP: ['la Plataforma de Serveis de Contractació Pública', 'la Plataforma de Servicios de Contratación Pública'],
  ELICITA: ["l'e-Licita", 'la licitación electrónica e-Licita'],
  VO: ['la Via Oberta', 'la Vía Oberta'],
  MUX: ['el Registre Unificat', 'el Registro Unificado'],
  ENOTUM: ["l'e-NOTUM", 'las notificaciones electrónicas e-NOTUM'],
  ETAULER: ["el tauler d'edictes electrònic", 'el tablón de edictos'],
  OVER: ["l'Oficina Virtual d'Emissió i Recepció", 'la Oficina Virtual de Emisión y Recepción'],
  BOE_TEU: ['el Tauler Edictal Únic', 'el Tablón Edictal Único'],
  COPIA: ['les còpies autèntiques', 'las copias auténticas'],
  ESPAI_CIUTADA: ['El meu espai', 'la carpeta ciudadana'],
  IARXIU: ["l'iArxiu", 'el archivo electrónico iArxiu'],
  HESTIA: ["l'Hèstia", 'Hèstia'],
  ORGANS: ['els Òrgans col·legiats', 'los Órganos colegiados'],
  RPC: ['el Registre Públic de Contractes', 'el Registro Público de Contratos'],
  DOGC: ['la publicació al DOGC', 'el Diario Oficial de la Generalitat de Cataluña'],
  REPRESENTA: ['el registre de representacions', 'el registro de representaciones'],
  SCT_DEV: ["l'SCT-DEV", 'la consulta de credenciales'],
  SEGELL: ['el segellat de temps', 'el sellado de tiempo'],
  SIGNADOR: ['el Signador centralitzat', 'el Firmador centralizado'],
  VALID: ["el validador d'identitats", 'el validador de identidades'],
  VALIDADOR: ['la validació de certificats', 'la validación de firmas'],
};

describe('every service by its main names (from the catalogue), in Catalan and Spanish', () => {
  it.each(Object.entries(SERVICE_NAMES) as [(typeof SERVICE_IDS)[number], readonly [string, string]][])(
    '%s',
    (id, [ca, es]) => {
      expect(classify(alta(`Volem integrar ${ca} amb el nostre gestor.`)).service).toBe(id);
      expect(classify(alta(`Queremos integrar ${es} con nuestro gestor.`)).service).toBe(id);
    },
  );
});

describe('catalogue / lexicon consistency', () => {
  const ids = (kind: 'service' | 'product') =>
    new Set(
      catalogueEntries().flatMap((e) =>
        e.meaning.kind === 'service' && kind === 'service'
          ? [e.meaning.service]
          : e.meaning.kind === 'product' && kind === 'product'
            ? [e.meaning.product]
            : [],
      ),
    );
  it('gives every service and product of the catalogue names in the lexicon', () => {
    expect([...ids('service')].sort()).toEqual([...SERVICE_IDS].sort());
    expect([...ids('product')].sort()).toEqual([...PRODUCT_IDS].sort());
  });
  it('has no name that the catalogue gives to two ids', () => {
    expect(catalogueNameConflicts()).toEqual([]);
  });
  it('never makes an ordinary word a trigger ("Còpia", "Registre", "Dades")', () => {
    for (const word of GENERIC_WORDS) {
      const entities = matchText(`Bon dia, ${word}.`).matches.filter((m) => m.layer === 'entity');
      expect({ word, entities }).toEqual({ word, entities: [] });
    }
    expect(droppedCatalogueNames()).toContainEqual({ owner: 'COPIA', phrase: 'Còpia', why: 'generic word' });
    expect(classify(alta('Us adjuntem còpia del formulari signat: volem integrar el MUX.')).service).toBe('MUX');
  });
  it('takes an emissor shared by several products for none of them', () => {
    const shared = droppedCatalogueNames().filter((d) => d.why === 'claimed by several ids');
    expect(shared.map((d) => d.phrase)).toContain('Departament de Drets Socials');
    const m = matchText('Des del Departament de Drets Socials.').matches.filter((x) => x.layer === 'entity');
    expect(m).toEqual([]);
  });
  it('reads a unique emissor as its product (Direcció General del Cadastre, Consell General del Notariat)', () => {
    expect(classify(alta('Volem les dades de la Direcció General del Cadastre.')).products).toEqual(['CADASTRE']);
    expect(classify(alta('Volem consultar el Consell General del Notariat.')).products).toEqual(['PODERS_NOTARIALS']);
  });
  it('reports a modality named by its name ("nota simple") for its product', () => {
    const c = classify(alta('Volem demanar la nota simple del Registre de la Propietat.'));
    expect(c).toMatchObject({ products: ['CORPME'], modalities: ['NOTA_SIMPLE'] });
  });
  it('finds every modality code of the catalogue as its product', () => {
    for (const ref of MODALITIES) {
      const found = matchText(`Modalitat ${ref.modality.code}.`).matches.find(
        (m) => m.meaning.kind === 'product' && m.meaning.modality === ref.modality.code,
      );
      expect({
        code: ref.modality.code,
        product: found?.meaning.kind === 'product' ? found.meaning.product : '',
      }).toEqual({ code: ref.modality.code, product: ref.product });
    }
  });
  it('reads the PCI codes of a service (CONSULTA_CREDENCIALS is SCT-DEV, OVER_TRAMITACIO is OVER)', () => {
    expect(classify(alta('Volem integrar CONSULTA_CREDENCIALS_LOT.')).service).toBe('SCT_DEV');
    expect(classify(alta('Volem integrar OVER_TRAMITACIO.')).service).toBe('OVER');
    expect(CATALOGUE.services.find((s) => s.id === 'SCT_DEV')?.pciProducts?.[0]?.code).toBe('ENOTUM_CREDENCIALS');
  });
  it('matches short acronyms and acronyms that are words in capitals only (SOC, ERES)', () => {
    expect(classify(alta('Sóc la tècnica i volem integrar el padró.')).products).toEqual(['PADRO']);
    expect(classify(alta('Volem integrar el SOC.')).products).toEqual(['SOC']);
    expect(classify(alta('Eres muy amable; queremos integrar el MUX.')).service).toBe('MUX');
  });
});
