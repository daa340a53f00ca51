import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  ParseSpeeds,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { FormReadError } from './failure';
import { inflateBounded } from './inflate';
import { MAX_FORM_FILE_BYTES, MAX_INFLATED_BYTES } from './limits';
import { checkObjectStreams } from './object-streams';

/**
 * Reaches the XFA `datasets` packet of a PDF: the AcroForm dictionary's `XFA` entry, either an
 * array of (name, stream) pairs or one stream holding the whole XDP document. pdf-lib parses the
 * file; this module only inflates the one packet it needs, with a bound, and never looks at the
 * document's JavaScript (nothing in it is run: the reader only reads data).
 */
export async function readDatasetsXml(bytes: Uint8Array): Promise<string> {
  if (bytes.length > MAX_FORM_FILE_BYTES) {
    throw new FormReadError(
      'unreadable',
      'TOO_LARGE',
      `The file has ${String(bytes.length)} bytes; the reader opens files of at most ${String(MAX_FORM_FILE_BYTES)}.`,
    );
  }
  if (!startsLikePdf(bytes)) {
    throw new FormReadError('unreadable', 'NOT_PDF', 'The file is not a PDF (no "%PDF-" header).');
  }
  // pdf-lib inflates these while parsing, unbounded: they are measured first.
  checkObjectStreams(bytes);
  const doc = await load(bytes);
  if (doc.isEncrypted) {
    throw new FormReadError('unreadable', 'ENCRYPTED', 'The PDF is encrypted; its form data cannot be read.');
  }
  const acroForm = lookupDict(doc.catalog.get(PDFName.of('AcroForm')), doc);
  const xfa = acroForm === undefined ? undefined : doc.context.lookup(acroForm.get(PDFName.of('XFA')));
  if (xfa === undefined) {
    throw new FormReadError(
      'not-a-form',
      'NO_XFA',
      'The PDF has no XFA form data: a scan, a printed copy or another document. Read it by eye.',
    );
  }
  if (xfa instanceof PDFRawStream) return extractDatasetsPacket(decodeText(streamBytes(xfa)));
  if (xfa instanceof PDFArray) {
    for (let i = 0; i + 1 < xfa.size(); i += 2) {
      const name = xfa.lookup(i);
      if (packetName(name) !== 'datasets') continue;
      const stream = xfa.lookup(i + 1);
      if (!(stream instanceof PDFRawStream)) break;
      return decodeText(streamBytes(stream));
    }
    throw new FormReadError('not-a-form', 'NO_XFA', 'The PDF has an XFA form without a datasets packet.');
  }
  throw new FormReadError('unreadable', 'DAMAGED', 'The PDF’s XFA entry is neither an array nor a stream.');
}

function startsLikePdf(bytes: Uint8Array): boolean {
  // The header may follow some junk bytes (PDF readers accept it within the first kilobyte).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

async function load(bytes: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
      parseSpeed: ParseSpeeds.Fastest,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
    throw new FormReadError('unreadable', 'DAMAGED', `The PDF is damaged or truncated (${detail ?? ''}).`);
  }
}

function lookupDict(value: PDFObject | undefined, doc: PDFDocument): PDFDict | undefined {
  const found = value === undefined ? undefined : doc.context.lookup(value);
  return found instanceof PDFDict ? found : undefined;
}

function packetName(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.context.lookup(stream.dict.get(PDFName.of('Filter')));
  const filters: string[] = [];
  if (filter instanceof PDFName) filters.push(filter.asString());
  else if (filter instanceof PDFArray) {
    for (let i = 0; i < filter.size(); i++) {
      const f = filter.lookup(i);
      if (f instanceof PDFName) filters.push(f.asString());
    }
  } else if (filter !== undefined) {
    throw new FormReadError('unreadable', 'DAMAGED', 'The form data stream has an unreadable /Filter.');
  }
  if (stream.dict.has(PDFName.of('DecodeParms'))) {
    const parms = stream.dict.context.lookup(stream.dict.get(PDFName.of('DecodeParms')));
    const predictor = parms instanceof PDFDict ? parms.get(PDFName.of('Predictor')) : undefined;
    if (predictor !== undefined && predictor.toString() !== '1') {
      throw new FormReadError(
        'unreadable',
        'DAMAGED',
        'The form data stream uses a predictor the reader does not decode.',
      );
    }
  }
  let data = stream.contents;
  for (const name of filters) {
    if (name === '/FlateDecode' || name === '/Fl') data = inflateBounded(data, MAX_INFLATED_BYTES);
    else {
      throw new FormReadError(
        'unreadable',
        'DAMAGED',
        `The form data stream uses the ${name} filter, which the reader does not decode.`,
      );
    }
  }
  if (data.length > MAX_INFLATED_BYTES) {
    throw new FormReadError(
      'unreadable',
      'INFLATE_LIMIT',
      `The form data stream is larger than ${String(MAX_INFLATED_BYTES)} bytes.`,
    );
  }
  return data;
}

function decodeText(bytes: Uint8Array): string {
  // XFA packets are UTF-8 (the XDP specification); a BOM is dropped by the decoder.
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** In a single-stream XFA (a whole XDP document) the datasets packet is one element of it. */
function extractDatasetsPacket(xdp: string): string {
  const start = xdp.search(/<(?:[A-Za-z_][\w.-]*:)?datasets[\s>]/);
  const endMatch = /<\/(?:[A-Za-z_][\w.-]*:)?datasets\s*>/.exec(xdp.slice(Math.max(start, 0)));
  if (start < 0 || endMatch === null) {
    throw new FormReadError('not-a-form', 'NO_XFA', 'The PDF has an XFA form without a datasets packet.');
  }
  const doctype = xdp.slice(0, start).search(/<!DOCTYPE/i);
  if (doctype >= 0) {
    throw new FormReadError(
      'unreadable',
      'XML_REFUSED',
      'The form data declares a DTD (DOCTYPE); it is refused unread.',
    );
  }
  return xdp.slice(start, start + endMatch.index + endMatch[0].length);
}
