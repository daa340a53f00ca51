/**
 * Demo contents of the AOC databases the checks read, for the embedded default and the tests:
 * the real Catalan ajuntaments (public INE data) and invented authorisations, PSCP users and
 * DIR3 rows. Deterministic (a seeded generator), so tests and documentation can name examples.
 *
 * No real person appears: PSCP users get invented names and valid but fictitious NIFs
 * (99xxxxxx + the DNI control letter). Ajuntament CIFs are built as P + INE code + 00 + control
 * letter: valid, and right for some (Barcelona's P0801900B), but made up for the rest.
 */
import { CATALOGUE, MODALITIES, modalityByCode, type ProductId } from '../../../domain/catalogue';
import { cifControlDigit, dniLetter, ine10For } from '../../../domain/identifiers';
import type { Environment } from '../../../shared/api';
import { ajuntamentName, catalanMunicipalities } from './municipalities';
import { ine10Forms } from '../../checks/ens-lookup';

export interface OrganismeRow {
  id: number;
  codi: string;
  nom: string;
  cif: string | null;
}
export interface ProducteRow {
  id: number;
  codi: string;
  nom: string;
}
export interface ModalitatRow {
  id: number;
  id_producte: number;
  codi: string;
  nom: string;
}
export interface FinalitatRow {
  id: number;
  codi: string;
  nom: string;
  vigent_data_inici: Date | null;
  vigent_data_fi: Date | null;
}
export interface AutoritzacioRow {
  id: number;
  id_organisme: number;
  id_modalitat: number;
  id_finalitat: number;
  data_alta: Date;
}
export interface Dir3Row {
  ine10: string;
  codi_uo: string;
  nom_uo: string;
}
export interface OrganRow {
  id: number;
  cif: string;
  nom: string;
  sistema_extern_aoc: number;
}
export interface UsuariRow {
  id: number;
  nif: string;
  nom: string;
  actiu: number;
}
export interface PermisRow {
  id_usuari: number;
  id_organ: number;
  permis: string;
}

export interface EnvironmentData {
  organismes: OrganismeRow[];
  productes: ProducteRow[];
  modalitats: ModalitatRow[];
  finalitats: FinalitatRow[];
  autoritzacions: AutoritzacioRow[];
  dir3: Dir3Row[];
  organs: OrganRow[];
  usuaris: UsuariRow[];
  permisos: PermisRow[];
}

/** Examples the documentation and the tests refer to. */
export const DEMO = {
  barcelona: { ine10: '0801930008', cif: 'P0801900B' },
  vilaSeca: { ine10: '4317110007', finalitatSia: '4317110007_PROVES' },
  consorciAoc: { ine10: '9821920002', cif: 'Q0801175A' },
  /** A real non-municipal code whose check digits do not follow the rule. */
  agenciaHabitatge: { ine10: '7977100006', cif: 'Q0800000B' },
  /** PSCP users: ready on Barcelona; missing a permission; holding a forbidden one. */
  userReady: '99999972C',
  userMissing: '99999974E',
  userForbidden: '99999973K',
  /** A finalitat that expired: authorisations under it are not shown. */
  expiredFinalitat: 'GESTIO_2015',
  /**
   * Ens with partial authorisations, for comparing what an ens asks with what PRO and PRE hold:
   * Terrassa has AEAT, TGSS and Cadastre in PRE (its test finalitat stored both with and without
   * the leading zero) but only AEAT in PRO; Girona has Padró and DGT in PRE, only part of Padró in
   * PRO; Lleida has AEAT, TGSS and CORPME in PRO and nothing in PRE; Sabadell has a DCOC col·legi.
   */
  terrassa: { ine10: ine10For('08279'), finalitatSia: `${ine10For('08279')}_PROVES` },
  girona: { ine10: ine10For('17079'), finalitatSia: `${ine10For('17079')}_PROVES` },
  lleida: { ine10: ine10For('25120') },
  sabadell: { ine10: ine10For('08187') },
} as const;

type Grant = readonly [ProductId, string, string, string];
interface PartialEns {
  readonly ine10: string;
  readonly pre: readonly Grant[];
  readonly pro: readonly Grant[];
}
/** The Terrassa finalitat as a second agent created it: without the INE10's leading zero. */
const terrassaShortSia = `${DEMO.terrassa.ine10.slice(1)}_PROVES`;
const PARTIAL_ENS: readonly PartialEns[] = [
  {
    ine10: DEMO.terrassa.ine10,
    pre: [
      ['AEAT', 'ECOT101', terrassaShortSia, '2025-03-03'],
      ['AEAT', 'ECOT104', terrassaShortSia, '2025-03-03'],
      ['TGSS', 'Q2827003ATGSS001B', terrassaShortSia, '2025-03-03'],
      ['CADASTRE', 'DADES_CADASTRALS', DEMO.terrassa.finalitatSia, '2025-04-10'],
    ],
    pro: [['AEAT', 'ECOT101', 'GESTIO_TRIBUTARIA', '2025-05-20']],
  },
  {
    ine10: DEMO.girona.ine10,
    pre: [
      ['PADRO', 'RESIDENT', 'PROVES', '2024-09-02'],
      ['PADRO', 'TITULAR', 'PROVES', '2024-09-02'],
      ['DGT', 'DGT_DADES_VEHICLE', DEMO.girona.finalitatSia, '2024-10-15'],
    ],
    pro: [['PADRO', 'RESIDENT', 'PADRO_GESTIO', '2024-11-04']],
  },
  {
    ine10: DEMO.lleida.ine10,
    pre: [],
    pro: [
      ['AEAT', 'ECOT101', 'GESTIO_TRIBUTARIA', '2023-02-14'],
      ['AEAT', 'IRPF', 'SERVEIS_SOCIALS', '2023-02-14'],
      ['TGSS', 'Q2827003ATGSS001B', 'SERVEIS_SOCIALS', '2023-02-14'],
      ['CORPME', 'NOTA_SIMPLE', 'REGISTRE', '2024-06-01'],
    ],
  },
  {
    ine10: DEMO.sabadell.ine10,
    pre: [['DCOC', 'COAC_CONSULTA', 'PROVES', '2022-01-11']],
    pro: [
      ['DCOC', 'COAC_CONSULTA', 'REGISTRE', '2022-03-01'],
      ['DCOC', 'COAC_DESCARREGA_HTTP', 'REGISTRE', '2022-03-01'],
    ],
  },
];

/** SIRI's name of a product code: the family's name, with the code where the family has several. */
function producteName(product: ProductId, productCode: string): string {
  const family = CATALOGUE.products.find((p) => p.id === product);
  if (family === undefined) return productCode;
  return family.codes.length > 1 || productCode.startsWith('DCOC_')
    ? `${family.name.ca} (${productCode})`
    : family.name.ca;
}

/** mulberry32: a small deterministic generator, so that the demo data is the same every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function cifFor(letter: 'P' | 'Q', sevenDigits: string): string {
  return letter + sevenDigits + 'JABCDEFGHI'.charAt(cifControlDigit(sevenDigits));
}

function personNif(n: number): string {
  return String(n) + dniLetter(n);
}

/** SIRI stores many codes without the leading zero (the desk's query uses '801930008'). */
function siriCode(ine10: string): string {
  return ine10Forms(ine10).ine10short;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const FINALITATS: readonly Omit<FinalitatRow, 'id'>[] = [
  { codi: 'PROVES', nom: 'Monitoratge - Proves', vigent_data_inici: null, vigent_data_fi: null },
  { codi: 'REGISTRE', nom: 'Registre', vigent_data_inici: null, vigent_data_fi: null },
  {
    codi: 'GESTIO_TRIBUTARIA',
    nom: 'Gestió tributària',
    vigent_data_inici: day('2010-01-01'),
    vigent_data_fi: day('2099-12-31'),
  },
  { codi: 'SERVEIS_SOCIALS', nom: 'Serveis socials', vigent_data_inici: null, vigent_data_fi: null },
  { codi: 'PADRO_GESTIO', nom: "Gestió del padró d'habitants", vigent_data_inici: null, vigent_data_fi: null },
  {
    codi: 'SANCIONS',
    nom: 'Procediment sancionador',
    vigent_data_inici: day('2012-06-01'),
    vigent_data_fi: day('2099-12-31'),
  },
  {
    codi: DEMO.expiredFinalitat,
    nom: 'Gestió (pla 2015, caducada)',
    vigent_data_inici: day('2015-01-01'),
    vigent_data_fi: day('2019-12-31'),
  },
  // An SIA finalitat as the desk creates it: "Vigència des de" set, no end date.
  {
    codi: DEMO.vilaSeca.finalitatSia,
    nom: 'PROVES Ajuntament de Vila-seca',
    vigent_data_inici: day('2025-01-10'),
    vigent_data_fi: null,
  },
  { codi: 'PLA_FUTUR', nom: 'Finalitat encara no vigent', vigent_data_inici: day('2098-01-01'), vigent_data_fi: null },
  {
    codi: DEMO.terrassa.finalitatSia,
    nom: 'PROVES Ajuntament de Terrassa',
    vigent_data_inici: day('2025-04-01'),
    vigent_data_fi: null,
  },
  {
    codi: terrassaShortSia,
    nom: 'PROVES Ajuntament de Terrassa',
    vigent_data_inici: day('2025-03-01'),
    vigent_data_fi: null,
  },
  {
    codi: DEMO.girona.finalitatSia,
    nom: 'PROVES Ajuntament de Girona',
    vigent_data_inici: day('2024-10-01'),
    vigent_data_fi: null,
  },
];
const PRO_FINALITATS = ['GESTIO_TRIBUTARIA', 'SERVEIS_SOCIALS', 'PADRO_GESTIO', 'SANCIONS'];

const FIRST_NAMES = [
  'Laia',
  'Pau',
  'Marta',
  'Jordi',
  'Núria',
  'Oriol',
  'Aina',
  'Marc',
  'Clara',
  'Arnau',
  'Berta',
  'Roger',
  'Judit',
  'Guillem',
  'Mireia',
  'Xavier',
];
const SURNAMES = [
  'Ferrer',
  'Puig',
  'Serra',
  'Vidal',
  'Soler',
  'Roca',
  'Casals',
  'Font',
  'Pujol',
  'Riera',
  'Valls',
  'Camps',
  'Costa',
  'Prat',
  'Sala',
  'Vila',
];

interface Special {
  ine10: string;
  nom: string;
  cif: string | null;
  hyphenated?: boolean;
}

export function demoData(env: Environment): EnvironmentData {
  const rnd = generator(env === 'PRO' ? 2024 : 1717);
  const municipalities = catalanMunicipalities();

  const organismes: OrganismeRow[] = [];
  const dir3: Dir3Row[] = [];
  municipalities.forEach((m, i) => {
    const digits = m.ine5 + '00';
    const cif = cifFor('P', digits);
    // Every fifth CIF is stored hyphenated, as SIRI has some (the desk's query: 'Q-5850043-J').
    const stored = i % 5 === 4 ? `${cif.slice(0, 1)}-${cif.slice(1, 8)}-${cif.slice(8)}` : cif;
    organismes.push({ id: i + 1, codi: siriCode(m.ine10), nom: ajuntamentName(m.name), cif: stored });
    // About one ajuntament in ten has no DIR3 row (nor Vila-seca): the check derives those.
    if (i % 10 !== 3 && m.ine10 !== DEMO.vilaSeca.ine10) {
      dir3.push({ ine10: m.ine10, codi_uo: 'L01' + m.ine10.slice(0, 6), nom_uo: ajuntamentName(m.name) });
    }
  });
  const specials: Special[] = [
    { ine10: DEMO.consorciAoc.ine10, nom: 'Consorci Administració Oberta de Catalunya', cif: DEMO.consorciAoc.cif },
    {
      ine10: DEMO.agenciaHabitatge.ine10,
      nom: "Agència de l'Habitatge de Catalunya",
      cif: DEMO.agenciaHabitatge.cif,
      hyphenated: true,
    },
    {
      ine10: ine10For('08019', '431'),
      nom: "Institut Municipal d'Informàtica de Barcelona (demo)",
      cif: cifFor('P', '0801943'),
    },
  ];
  for (const s of specials) {
    const cif =
      s.cif === null
        ? null
        : s.hyphenated === true
          ? `${s.cif.slice(0, 1)}-${s.cif.slice(1, 8)}-${s.cif.slice(8)}`
          : s.cif;
    organismes.push({ id: organismes.length + 1, codi: s.ine10, nom: s.nom, cif });
  }
  const organismeId = (ine10: string): number => {
    const found = organismes.find((o) => o.codi === siriCode(ine10) || o.codi === ine10);
    if (found === undefined) throw new Error(`demo organisme ${ine10} missing`);
    return found.id;
  };

  // SIRI holds AOC's product codes (AEAT_DADES, SCSP_TGSS, DCOC_COAC...) and modality codes, one
  // producte row per product code, as the catalogue lists them.
  const productes: ProducteRow[] = [];
  const modalitats: ModalitatRow[] = [];
  const modalitatId = new Map<string, number>();
  const producteId = new Map<string, number>();
  for (const ref of MODALITIES) {
    let pid = producteId.get(ref.productCode);
    if (pid === undefined) {
      pid = productes.length + 1;
      producteId.set(ref.productCode, pid);
      productes.push({ id: pid, codi: ref.productCode, nom: producteName(ref.product, ref.productCode) });
    }
    const id = modalitats.length + 1;
    modalitats.push({ id, id_producte: pid, codi: ref.modality.code, nom: ref.modality.description.ca });
    modalitatId.set(ref.modality.code, id);
  }
  // The SIA finalitats (<INE10>_PROVES) exist only in PRE, where MINHAP asked for them.
  const finalitats: FinalitatRow[] = FINALITATS.filter((f) => env === 'PRE' || !/^\d+_PROVES$/.test(f.codi)).map(
    (f, i) => ({ id: i + 1, ...f }),
  );
  const finalitatId = (codi: string): number => finalitats.find((f) => f.codi === codi)?.id ?? 0;

  const autoritzacions: AutoritzacioRow[] = [];
  const seen = new Set<string>();
  const authorise = (ine10: string, product: ProductId, modality: string, finalitat: string, date: string) => {
    const id_modalitat = modalitatId.get(modality);
    if (id_modalitat === undefined || modalityByCode(modality)?.product !== product)
      throw new Error(`demo modality ${product}/${modality} missing`);
    if (finalitatId(finalitat) === 0) throw new Error(`demo finalitat ${finalitat} missing`);
    const key = `${ine10}/${id_modalitat}/${finalitat}`;
    if (seen.has(key)) return;
    seen.add(key);
    autoritzacions.push({
      id: autoritzacions.length + 1,
      id_organisme: organismeId(ine10),
      id_modalitat,
      id_finalitat: finalitatId(finalitat),
      data_alta: day(date),
    });
  };

  // Hand-picked cases the documentation names.
  const bcn = DEMO.barcelona.ine10;
  if (env === 'PRO') {
    authorise(bcn, 'AEAT', 'ECOT101', 'GESTIO_TRIBUTARIA', '2021-03-15');
    authorise(bcn, 'PADRO', 'RESIDENT', 'PADRO_GESTIO', '2019-11-04');
    authorise(bcn, 'DGT', 'DGT_DADES_VEHICLE', 'SANCIONS', '2022-06-20');
    authorise(bcn, 'CADASTRE', 'DADES_CADASTRALS', 'GESTIO_TRIBUTARIA', '2020-02-10');
    authorise(bcn, 'TGSS', 'Q2827003ATGSS001B', 'SERVEIS_SOCIALS', '2023-09-01');
    authorise(bcn, 'AEAT', 'VERIFICAR_NIF', DEMO.expiredFinalitat, '2016-05-05');
    authorise(DEMO.consorciAoc.ine10, 'PADRO', 'RESIDENT', 'REGISTRE', '2018-01-09');
    authorise(DEMO.agenciaHabitatge.ine10, 'TFN', 'TFN_VIGENCIA', 'SERVEIS_SOCIALS', '2022-12-12');
  } else {
    authorise(bcn, 'AEAT', 'ECOT101', 'PROVES', '2021-02-01');
    authorise(bcn, 'PADRO', 'RESIDENT', 'PROVES', '2019-10-01');
    authorise(bcn, 'AEAT', 'VERIFICAR_NIF', 'PLA_FUTUR', '2024-05-05');
    authorise(DEMO.vilaSeca.ine10, 'DGP_IDENTITAT', 'IDENTITAT_DADES', DEMO.vilaSeca.finalitatSia, '2025-01-15');
    authorise(DEMO.vilaSeca.ine10, 'AEAT', 'ECOT101', 'PROVES', '2025-01-15');
    authorise(DEMO.consorciAoc.ine10, 'PADRO', 'RESIDENT', 'PROVES', '2017-12-01');
  }

  // Then a deterministic spread over the other ajuntaments: roughly a third hold 1–5 authorisations.
  const partial = new Set<string>(PARTIAL_ENS.map((e) => e.ine10));
  for (const e of PARTIAL_ENS)
    for (const [product, modality, finalitat, date] of env === 'PRO' ? e.pro : e.pre)
      authorise(e.ine10, product, modality, finalitat, date);

  for (const m of municipalities) {
    if (m.ine10 === bcn || m.ine10 === DEMO.vilaSeca.ine10 || partial.has(m.ine10)) continue;
    if (rnd() > 0.35) continue;
    const count = 1 + Math.floor(rnd() * 5);
    for (let k = 0; k < count; k++) {
      const ref = MODALITIES[Math.floor(rnd() * MODALITIES.length)] ?? MODALITIES[0];
      if (ref === undefined) break;
      const product = ref.product;
      const modality = ref.modality.code;
      const finalitat =
        env === 'PRE' ? 'PROVES' : (PRO_FINALITATS[Math.floor(rnd() * PRO_FINALITATS.length)] ?? 'REGISTRE');
      const year = 2015 + Math.floor(rnd() * 11);
      const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
      authorise(m.ine10, product, modality, finalitat, `${year}-${month}-1${Math.floor(rnd() * 10)}`);
    }
  }

  // PSCP: òrgans de contractació, users and permissions.
  const organs: OrganRow[] = [];
  const usuaris: UsuariRow[] = [];
  const permisos: PermisRow[] = [];
  const organFor = (cif: string, nom: string, externalAoc: boolean): number => {
    const id = organs.length + 1;
    organs.push({ id, cif, nom, sistema_extern_aoc: externalAoc ? 1 : 0 });
    return id;
  };
  const user = (nif: string, nom: string, actiu = true): number => {
    const id = usuaris.length + 1;
    usuaris.push({ id, nif, nom, actiu: actiu ? 1 : 0 });
    return id;
  };
  const grant = (idUsuari: number, idOrgan: number, perms: readonly string[]) => {
    for (const permis of perms) permisos.push({ id_usuari: idUsuari, id_organ: idOrgan, permis });
  };
  const bcnOrgan = organFor(DEMO.barcelona.cif, 'Ajuntament de Barcelona', env === 'PRO');
  const aocOrgan = organFor(DEMO.consorciAoc.cif, 'Consorci Administració Oberta de Catalunya', true);
  const vilaSecaCif = cifFor('P', '4317100');
  const vilaSecaOrgan = env === 'PRE' ? organFor(vilaSecaCif, 'Ajuntament de Vila-seca', false) : undefined;
  const ready = user(DEMO.userReady, 'Laia Ferrer Puig');
  grant(ready, bcnOrgan, ['ADMINISTRADOR_ORGAN', 'VALIDADOR', 'EDITOR']);
  grant(ready, aocOrgan, ['EDITOR']);
  const missing = user(DEMO.userMissing, 'Pau Serra Vidal');
  grant(missing, vilaSecaOrgan ?? bcnOrgan, ['VALIDADOR', 'EDITOR']);
  const forbidden = user(DEMO.userForbidden, 'Marta Soler Roca');
  grant(forbidden, aocOrgan, ['ADMINISTRADOR_ORGAN', 'VALIDADOR', 'EDITOR', 'SUPORT']);
  municipalities.forEach((m, i) => {
    if (i % 9 !== 0 || m.ine10 === bcn) return;
    const organ = organFor(cifFor('P', m.ine5 + '00'), ajuntamentName(m.name), rnd() < 0.6);
    const people = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < people; k++) {
      const number = 99_000_000 + i * 10 + k;
      const pick = (list: readonly string[], fallback: string): string =>
        list[Math.floor(rnd() * list.length)] ?? fallback;
      const nom = `${pick(FIRST_NAMES, 'Anna')} ${pick(SURNAMES, 'Vila')} ${pick(SURNAMES, 'Prat')}`;
      const id = user(personNif(number), nom, rnd() < 0.95);
      grant(id, organ, rnd() < 0.7 ? ['ADMINISTRADOR_ORGAN', 'VALIDADOR', 'EDITOR'] : ['EDITOR']);
    }
  });

  return { organismes, productes, modalitats, finalitats, autoritzacions, dir3, organs, usuaris, permisos };
}
