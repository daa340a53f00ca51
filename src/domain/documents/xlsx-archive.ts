/**
 * A first look at an uploaded .xlsx before any spreadsheet library parses it: the archive is
 * inflated here, entry by entry, in small slices, counting the bytes it really inflates to (a zip
 * bomb's declared sizes lie), and refused as soon as one part or the whole passes its limit. It
 * also says what the workbook holds that the reader must never act on: macros, external links.
 * Only then does the parser see it, and it can then inflate no more than was counted here.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';

export interface ArchiveLimits {
  /** Bytes of the archive itself. */
  readonly fileBytes: number;
  /** Bytes all parts inflate to together. */
  readonly totalBytes: number;
  /** Bytes one part inflates to (a sheet's XML is the largest). */
  readonly entryBytes: number;
  readonly entries: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  fileBytes: 10 * 1024 * 1024,
  totalBytes: 30 * 1024 * 1024,
  entryBytes: 20 * 1024 * 1024,
  entries: 2000,
};

export type ArchiveRefusal =
  'notZip' | 'tooLarge' | 'inflatesTooLarge' | 'tooManyEntries' | 'damaged' | 'encrypted' | 'notWorkbook' | 'dtd';

export interface ArchiveFacts {
  readonly entries: readonly string[];
  readonly inflatedBytes: number;
  /** A VBA project (.xlsm): never run, the reader takes cell values only. */
  readonly macros: boolean;
  /** Links to other workbooks: never followed, the cached values are read. */
  readonly externalLinks: boolean;
}

export type ArchiveResult =
  | { readonly ok: true; readonly facts: ArchiveFacts }
  | { readonly ok: false; readonly refusal: ArchiveRefusal; readonly message: string };

const SLICE = 1024;
const refuse = (refusal: ArchiveRefusal, message: string): ArchiveResult => ({ ok: false, refusal, message });

/** The bytes of an OLE2 compound file: what Excel writes for a password-protected workbook. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

export function inspectXlsx(bytes: Uint8Array, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): ArchiveResult {
  if (bytes.length > limits.fileBytes)
    return refuse(
      'tooLarge',
      `The file has ${String(bytes.length)} bytes; at most ${String(limits.fileBytes)} are read.`,
    );
  if (OLE2.every((b, i) => bytes[i] === b))
    return refuse('encrypted', 'The workbook is password-protected (or an old .xls): save it as a plain .xlsx.');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return refuse('notZip', 'This is not an .xlsx file (not a zip archive).');

  const names: string[] = [];
  const state = { total: 0, entry: 0, failure: undefined as ArchiveResult | undefined, dtd: false };
  // The tail of the last chunk, so that "<!DOCTYPE" split across two chunks is still seen.
  let tail = '';
  const unzip = new Unzip((file: UnzipFile) => {
    if (state.failure !== undefined) return;
    names.push(file.name);
    if (names.length > limits.entries) {
      state.failure = refuse('tooManyEntries', `The archive has more than ${String(limits.entries)} parts.`);
      file.terminate();
      return;
    }
    state.entry = 0;
    tail = '';
    const xml = /\.(xml|rels|vml)$/i.test(file.name);
    file.ondata = (error, chunk) => {
      if (state.failure !== undefined) return;
      if (error !== null) {
        state.failure = refuse('damaged', `The part ${file.name} cannot be inflated (${error.message}).`);
        return;
      }
      state.entry += chunk.length;
      state.total += chunk.length;
      if (state.entry > limits.entryBytes || state.total > limits.totalBytes) {
        const limit = state.entry > limits.entryBytes ? limits.entryBytes : limits.totalBytes;
        state.failure = refuse(
          'inflatesTooLarge',
          `The workbook inflates past ${String(limit)} bytes (${file.name}); it is refused.`,
        );
        file.terminate();
        return;
      }
      if (xml) {
        const text = tail + latin1(chunk.subarray(0, Math.min(chunk.length, 64 * 1024)));
        if (/<!(DOCTYPE|ENTITY)/i.test(text)) state.dtd = true;
        tail = latin1(chunk.subarray(Math.max(0, chunk.length - 16)));
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && state.failure === undefined; at += SLICE) {
      const end = Math.min(at + SLICE, bytes.length);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (error) {
    return refuse('damaged', `The archive is damaged (${error instanceof Error ? error.message : 'unknown error'}).`);
  }
  if (state.failure !== undefined) return state.failure;
  if (state.dtd) return refuse('dtd', 'A part of the workbook declares a DTD or entities; such files are refused.');
  if (!names.includes('xl/workbook.xml') || !names.includes('[Content_Types].xml'))
    return refuse('notWorkbook', 'The archive is not an Excel workbook (no xl/workbook.xml).');
  return {
    ok: true,
    facts: {
      entries: names,
      inflatedBytes: state.total,
      macros: names.some((n) => /vbaProject\.bin$/i.test(n)),
      externalLinks: names.some((n) => n.startsWith('xl/externalLinks/')),
    },
  };
}

function latin1(chunk: Uint8Array): string {
  let s = '';
  for (const b of chunk) s += String.fromCharCode(b);
  return s;
}
