import { PDFDocument, PDFName, PDFString, StandardFonts, type PDFRawStream } from '@cantoo/pdf-lib';
import { zlibSync } from 'fflate';
import type { SampleFile } from '../form-samples';
import { BLANK_VALUES, FORM_PATHS, SKELETON, type FormValues } from './form-paths';

/**
 * Builds XFA request forms for the tests and the local run's samples: a PDF whose AcroForm `XFA`
 * array carries a `datasets` packet laid out as the real form's (every element of
 * `contracts/request-form.md`, empty unless given), so no test depends on the real form being
 * present. Values are given by path below `form1`, e.g.
 * `PAG_DADES/SUB_DADES/SUB_DADES_ENS/TXT_NOM_ENS`.
 */
export type { FormValues } from './form-paths';
export { BLANK_VALUES, FORM_PATHS } from './form-paths';

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

/** A typical filled form: Barcelona asks Via Oberta AEAT and Cadastre, with an integrator. */
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

/** The PDF of a local sample's attachment (`src/local/form-samples.ts`). */
export function sampleFilePdf(file: SampleFile): Promise<Uint8Array> {
  return file.kind === 'form' ? buildFormPdf({ values: file.values }) : buildFormPdf({ xfa: 'none' });
}
