import { PDFDocument, PDFName, PDFString, StandardFonts, type PDFRawStream } from '@cantoo/pdf-lib';
import { zlibSync } from 'fflate';

/**
 * Builds XFA request forms for the tests and the local run's samples: a PDF whose AcroForm `XFA`
 * array carries a `datasets` packet laid out as the real form's (every element of
 * `contracts/request-form.md`, empty unless given), so no test depends on the real form being
 * present. Values are given by path below `form1`, e.g.
 * `PAG_DADES/SUB_DADES/SUB_DADES_ENS/TXT_NOM_ENS`.
 */
export type FormValues = Readonly<Record<string, string>>;

export interface BuildFormOptions {
  readonly values?: FormValues;
  /** Replaces the generated datasets XML (hostile tests write their own). */
  readonly datasetsXml?: string;
  /** `array` (as Designer writes it), `stream` (one XDP stream), `none` (a PDF without XFA). */
  readonly xfa?: 'array' | 'stream' | 'none';
  /** Replaces the datasets stream's compressed bytes, keeping `/Filter /FlateDecode`. */
  readonly rawDatasets?: Uint8Array;
  /** Adds a document-level JavaScript action, as the real form has. */
  readonly javascript?: string;
  /** Encrypts the document with this user password. */
  readonly encryptWithPassword?: string;
  /** Pads the file with a template-like packet up to about this many bytes. */
  readonly padToBytes?: number;
}

const P = 'PAG_DADES/SUB_DADES';
/** Paths of the real form's elements, in its order (the blank form's datasets packet). */
const SKELETON: readonly string[] = [
  'SUB_IDENTIFICACIO_DADES_TRAMIT/TXT_NOM_TRAMIT_INICIAL',
  'SUB_IDENTIFICACIO_DADES_TRAMIT/TXT_TIPUS_TRAMIT',
  'SUB_IDENTIFICACIO_DADES_TRAMIT/TXT_CODI_ENS_CATALEG',
  'SUB_IDENTIFICACIO_DADES_TRAMIT/TXT_CIF_ENS_CATALEG',
  'SUB_IDENTIFICACIO_DADES_TRAMIT/TXT_NOM_ENS_CATALEG',
  'PAG_DADES/TXT_VERSI_FORMU',
  'PAG_DADES/Id_Formulari',
  'PAG_DADES/TXT_ESTAT_VALIDACIO',
  `${P}/SUB_DADES_ENS/TXT_NOM_ENS`,
  `${P}/SUB_DADES_ENS/TXT_NIF_ENS`,
  ...['TXT_NOM_TEC', 'TXT_COGNOMS_TEC', 'TXT_NIF_TEC', 'TXT_CARREC', 'TXT_TELEFON', 'TXT_ADRECA'].map(
    (name) => `${P}/SUB_DADES_TECNIC/${name}`,
  ),
  ...[
    'CHK_BOE_TEU',
    'CHK_COPIA',
    'CHK_EACAT',
    'CHK_ESPAI_MYGOV',
    'CHK_ELICITA',
    'CHK_ENOTUM',
    'CHK_ETAULER',
    'CHK_IARXIU',
    'CHK_HESTIA',
    'CHK_ORGANS',
    'CHK_PSCP',
    'CHK_RPC',
    'CHK_DOGC',
    'CHK_REGISTRE',
    'CHK_CARREGA',
    'CHK_CONSULTA',
    'CHK_ALTA',
    'CHK_REPRESENTA',
    'CHK_SCT',
    'CHK_SEGELL',
    'CHK_SIGNADOR',
    'CHK_VALID_IDENTI',
    'CHK_VALID_EINA',
    'CHK_VALID_CERTIFICATS',
    'CHK_VIA_OBERTA',
  ].map((name) => `${P}/SUB_SERVEI/${name}`),
  ...[
    'CHK_AGENCIA',
    'CHK_ANTECEDENTES',
    'CHK_SIDCAPACITATS',
    'CHK_FAM_NOMBROSA',
    'CHK_CATASTRO',
    'CHK_DGP',
    'CHK_MINEXT_ESTRANGERIA',
    'CHK_DGT',
    'CHK_INE',
    'CHK_INSS',
    'CHK_IMSERSO',
    'CHK_IGAE',
    'CHK_MIN_EDU',
    'CHK_MUFACE',
    'CHK_PODERS',
    'CHK_REG_CIV',
    'CHK_SEPE',
    'CHK_IVTM',
    'CHK_TGSS',
  ].map((name) => `${P}/SUB_SERVEI/SUB_VIA_OBERTA/SUB_ADMIN_GEN_ESTADO/${name}`),
  ...[
    'CHK_ACTIC',
    'CHK_ATC',
    'CHK_BDSEU',
    'CHK_CATSALUT',
    'CHK_SISPAP',
    'CHK_IDESCAT',
    'CHK_ENT_JUR',
    'CHK_RENDA_GARANTIDA',
    'CHK_SCT_DENUNCIES',
    'CHK_SOC',
    'CHK_FAM_NUM',
    'CHK_FAM_MON',
    'CHK_CERF_CAT',
  ].map((name) => `${P}/SUB_SERVEI/SUB_VIA_OBERTA/SUB_GENERALITAT_CAT/${name}`),
  `${P}/SUB_SERVEI/SUB_VIA_OBERTA/SUB_ADMIN_LOCAL/CHK_PADRO`,
  ...[
    'CHK_ARQITECTES',
    'CHK_COL_BAR',
    'CHK_COL_TARR',
    'CHK_COL_GIR',
    'CHK_COL_TELECO',
    'CHK_COL_ENGINYERS',
    'CHK_COL_TECNICS',
    'CHK_ECA',
    'CHK_CORPME',
    'CHK_MERCANTIL',
  ].map((name) => `${P}/SUB_SERVEI/SUB_VIA_OBERTA/SUB_COL_PRO/${name}`),
  ...['TXT_NOM_APP', 'TXT_DESCRIPCIO', 'TXT_TECNOLOGIA', 'TXT_ALTRES'].map((name) => `${P}/SUB_DADES_APP/${name}`),
  ...['TXT_IP_APP_PROVES', 'TXT_IP_APP_PRO', 'TXT_CDA_PROVES', 'TXT_CDA_PRO'].map(
    (name) => `${P}/SUB_AUTENTICACIO_APP/${name}`,
  ),
  ...[
    'TXT_NOM_EMPRESA',
    'TXT_NIF',
    'TXT_NOM_TEC',
    'TXT_COGNOMS_TEC',
    'TXT_NIF_TEC',
    'TXT_CARREC',
    'TXT_TELEFON',
    'TXT_ADRECA',
    'TXT_IP',
    'TXT_CDA',
  ].map((name) => `${P}/SUB_AUTORIZACIO/${name}`),
  'PAG_DADES/SUB_DATA/TXT_CIUTAT',
  'PAG_DADES/SUB_DATA/LLISTA_DIA',
  'PAG_DADES/SUB_DATA/LLISTA_ANY',
  'PAG_DADES/SUB_DATA/LLISTA_MES',
];

/** What the blank form holds before anyone types. */
export const BLANK_VALUES: FormValues = {
  'PAG_DADES/TXT_VERSI_FORMU': '2026-03-18',
  'PAG_DADES/Id_Formulari': '1515_AOC_SOL_INTEGRACIO_SERVEIS_2021',
  'PAG_DADES/TXT_ESTAT_VALIDACIO': ' E S B O R R A N Y',
  [`${P}/SUB_AUTENTICACIO_APP/TXT_CDA_PROVES`]:
    '[cal adjuntar el fitxer de la clau pública del certificat de Proves juntament amb aquesta sol·licitud]',
  [`${P}/SUB_AUTENTICACIO_APP/TXT_CDA_PRO`]:
    '[cal adjuntar el fitxer de la clau pública del certificat juntament amb aquesta sol·licitud]',
  [`${P}/SUB_AUTORIZACIO/TXT_CDA`]:
    '[cal adjuntar el fitxer de la clau pública del CDA de Proves juntament amb aquesta sol·licitud]',
  'PAG_DADES/SUB_DATA/LLISTA_DIA': '19',
  'PAG_DADES/SUB_DATA/LLISTA_MES': '3',
  'PAG_DADES/SUB_DATA/LLISTA_ANY': '2026',
};

/** Shorthands for the paths tests use most. */
export const FORM_PATHS = {
  ensName: `${P}/SUB_DADES_ENS/TXT_NOM_ENS`,
  ensNif: `${P}/SUB_DADES_ENS/TXT_NIF_ENS`,
  tech: (name: string) => `${P}/SUB_DADES_TECNIC/${name}`,
  service: (checkbox: string) => `${P}/SUB_SERVEI/${checkbox}`,
  age: (checkbox: string) => `${P}/SUB_SERVEI/SUB_VIA_OBERTA/SUB_ADMIN_GEN_ESTADO/${checkbox}`,
  generalitat: (checkbox: string) => `${P}/SUB_SERVEI/SUB_VIA_OBERTA/SUB_GENERALITAT_CAT/${checkbox}`,
  local: (checkbox: string) => `${P}/SUB_SERVEI/SUB_VIA_OBERTA/SUB_ADMIN_LOCAL/${checkbox}`,
  collegis: (checkbox: string) => `${P}/SUB_SERVEI/SUB_VIA_OBERTA/SUB_COL_PRO/${checkbox}`,
  app: (name: string) => `${P}/SUB_DADES_APP/${name}`,
  auth: (name: string) => `${P}/SUB_AUTENTICACIO_APP/${name}`,
  integrator: (name: string) => `${P}/SUB_AUTORIZACIO/${name}`,
  date: (name: string) => `PAG_DADES/SUB_DATA/${name}`,
} as const;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface Node {
  readonly name: string;
  readonly children: Node[];
  value?: string;
}

/** The datasets packet for the given values: every skeleton element, plus any extra path given. */
export function datasetsXml(values: FormValues = {}): string {
  const all: Record<string, string> = { ...BLANK_VALUES, ...values };
  const root: Node = { name: 'form1', children: [] };
  const paths = [...SKELETON, ...Object.keys(all).filter((path) => !SKELETON.includes(path))];
  for (const path of paths) {
    let at = root;
    for (const name of path.split('/')) {
      let next = at.children.find((c) => c.name === name);
      if (next === undefined) {
        next = { name, children: [] };
        at.children.push(next);
      }
      at = next;
    }
    const value = all[path];
    if (value !== undefined) at.value = value;
  }
  const write = (node: Node): string => {
    if (node.children.length > 0) return `<${node.name}\n>${node.children.map(write).join('')}</${node.name}\n>`;
    if (node.value === undefined || node.value === '') return `<${node.name}\n/>`;
    return `<${node.name}\n>${escapeXml(node.value)}</${node.name}\n>`;
  };
  const open = '\n\n<xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"\n><xfa:data\n>';
  return `${open}${write(root)}</xfa:data\n></xfa:datasets\n>\n`;
}

/** Deterministic filler that compresses about as badly as a real template packet. */
function filler(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let seed = 0x2545f491;
  for (let i = 0; i < bytes; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    out[i] = 32 + ((seed >>> 0) % 95);
  }
  return out;
}

export async function buildFormPdf(options: BuildFormOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Sol·licitud d’integració de serveis del Consorci AOC (formulari de proves)', {
    x: 40,
    y: 800,
    size: 11,
    font,
  });
  const context = doc.context;
  const xml = options.datasetsXml ?? datasetsXml(options.values);
  const encoder = new TextEncoder();
  const datasets: PDFRawStream =
    options.rawDatasets === undefined
      ? context.flateStream(encoder.encode(xml))
      : context.stream(options.rawDatasets, { Filter: 'FlateDecode' });
  if (options.xfa !== 'none') {
    const xfa =
      options.xfa === 'stream'
        ? context.register(
            context.flateStream(
              encoder.encode(
                `<?xml version="1.0" encoding="UTF-8"?>\n<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/">${xml}</xdp:xdp>`,
              ),
            ),
          )
        : context.obj([
            PDFString.of('preamble'),
            context.register(context.flateStream(encoder.encode('<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/">'))),
            ...(options.padToBytes === undefined
              ? []
              : [
                  PDFString.of('template'),
                  context.register(context.stream(zlibSync(filler(options.padToBytes)), { Filter: 'FlateDecode' })),
                ]),
            PDFString.of('datasets'),
            context.register(datasets),
            PDFString.of('postamble'),
            context.register(context.stream(encoder.encode('</xdp:xdp>'))),
          ]);
    const acroForm = context.obj({ Fields: [], XFA: xfa, NeedsRendering: false });
    doc.catalog.set(PDFName.of('AcroForm'), context.register(acroForm));
  }
  if (options.javascript !== undefined) doc.addJavaScript('init', options.javascript);
  if (options.encryptWithPassword !== undefined) {
    doc.encrypt({ userPassword: options.encryptWithPassword, ownerPassword: `${options.encryptWithPassword}-owner` });
  }
  return doc.save();
}

/** A typical filled form: Vila-seca asks Via Oberta AEAT and Cadastre, with an integrator. */
export const SAMPLE_FILLED_VALUES: FormValues = {
  [FORM_PATHS.ensName]: 'Ajuntament de Barcelona',
  [FORM_PATHS.ensNif]: 'P0801900B',
  [FORM_PATHS.tech('TXT_NOM_TEC')]: 'Laia',
  [FORM_PATHS.tech('TXT_COGNOMS_TEC')]: 'Exemple Prova',
  [FORM_PATHS.tech('TXT_NIF_TEC')]: '99999972C',
  [FORM_PATHS.tech('TXT_CARREC')]: 'Tècnica de sistemes',
  [FORM_PATHS.tech('TXT_TELEFON')]: '930000000',
  [FORM_PATHS.tech('TXT_ADRECA')]: 'tecnica@example.cat',
  [FORM_PATHS.service('CHK_VIA_OBERTA')]: '1',
  [FORM_PATHS.age('CHK_AGENCIA')]: '1',
  [FORM_PATHS.age('CHK_CATASTRO')]: '1',
  [FORM_PATHS.app('TXT_NOM_APP')]: 'Gestor d’expedients',
  [FORM_PATHS.app('TXT_DESCRIPCIO')]: 'Consulta de dades per als tràmits de subvencions',
  [FORM_PATHS.app('TXT_TECNOLOGIA')]: 'Java',
  [FORM_PATHS.auth('TXT_IP_APP_PROVES')]: '83.44.12.7',
  [FORM_PATHS.auth('TXT_IP_APP_PRO')]: '83.44.12.8, 83.44.12.9',
  [FORM_PATHS.integrator('TXT_NOM_EMPRESA')]: 'Integradora Exemple SL',
  [FORM_PATHS.integrator('TXT_NIF')]: 'B00000000',
  [FORM_PATHS.integrator('TXT_NOM_TEC')]: 'Pau',
  [FORM_PATHS.integrator('TXT_COGNOMS_TEC')]: 'Integrador Prova',
  [FORM_PATHS.integrator('TXT_NIF_TEC')]: '99999974E',
  [FORM_PATHS.integrator('TXT_ADRECA')]: 'integracions@example.org',
  [FORM_PATHS.date('TXT_CIUTAT')]: 'Barcelona',
  [FORM_PATHS.date('LLISTA_DIA')]: '19',
  [FORM_PATHS.date('LLISTA_MES')]: '3',
  [FORM_PATHS.date('LLISTA_ANY')]: '2026',
};
