import { normalisedLine } from './normalize';

/**
 * What a ticket's attachment names tell: the integration request form, the CDA certificate's
 * public key, the homologation document, spreadsheets (SetDIBA templates, mass registrations).
 */
export interface AttachmentFacts {
  readonly form?: string;
  readonly certificate?: string;
  /** A .zip/.rar may hold the certificate: the desk itself suggests zipping it to attach it. */
  readonly archive?: string;
  readonly homologation?: string;
  readonly spreadsheet?: string;
}

const CERT_EXTENSIONS = new Set(['cer', 'crt', 'pem', 'der', 'cert', 'p7b', 'key', 'pub']);
const ARCHIVE_EXTENSIONS = new Set(['zip', 'rar', '7z', 'gz', 'tgz']);
const SHEET_EXTENSIONS = new Set(['xlsx', 'xls', 'xlsm', 'csv', 'ods']);
/** Documents a test report comes in ("proves_MUX.docx"); a certificate named "cda_proves.cer" is not one. */
const DOCUMENT_EXTENSIONS = new Set(['doc', 'docx', 'odt', 'pdf']);

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function readAttachments(names: readonly string[]): AttachmentFacts {
  let form: string | undefined;
  let certificate: string | undefined;
  let archive: string | undefined;
  let homologation: string | undefined;
  let spreadsheet: string | undefined;
  for (const name of names) {
    const ext = extension(name);
    const words = normalisedLine(name).split(' ');
    const has = (w: string): boolean => words.includes(w);
    if (
      has('homologacio') ||
      has('homologacion') ||
      ((has('joc') || has('jocs') || has('juego')) && (has('proves') || has('pruebas'))) ||
      has('evidencies') ||
      has('evidencias') ||
      (DOCUMENT_EXTENSIONS.has(ext) && (has('proves') || has('pruebas')) && !has('formulari') && !has('formulario'))
    ) {
      homologation ??= name;
    } else if (has('formulari') || has('formulario') || has('sollicitud') || has('solicitud')) {
      form ??= name;
    }
    if (
      CERT_EXTENSIONS.has(ext) ||
      has('cda') ||
      (has('clau') && has('publica')) ||
      has('certificat') ||
      has('certificado')
    ) {
      certificate ??= name;
    }
    if (ARCHIVE_EXTENSIONS.has(ext)) archive ??= name;
    if (SHEET_EXTENSIONS.has(ext)) spreadsheet ??= name;
  }
  // Only the facts found, as keys (no spread: this runs for every ticket).
  const facts: { -readonly [K in keyof AttachmentFacts]: AttachmentFacts[K] } = {};
  if (form !== undefined) facts.form = form;
  if (certificate !== undefined) facts.certificate = certificate;
  if (archive !== undefined) facts.archive = archive;
  if (homologation !== undefined) facts.homologation = homologation;
  if (spreadsheet !== undefined) facts.spreadsheet = spreadsheet;
  return facts;
}
