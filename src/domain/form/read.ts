import { FormReadError } from './failure';
import { mapDatasets, type MapOptions } from './map';
import { readDatasetsXml } from './pdf';
import type { FormReading } from './schema';
import { parseXml } from './xml';

export interface ReadFormOptions extends MapOptions {
  /** The file's name, echoed as `file` in the answer. */
  readonly file?: string;
}

/**
 * Reads the ens's request form from a PDF's bytes. Never throws: a file that is not this form, or
 * not a readable PDF, gets an answer that says so and why.
 */
export async function readForm(bytes: Uint8Array, options: ReadFormOptions = {}): Promise<FormReading> {
  const file = options.file === undefined ? {} : { file: options.file };
  try {
    const xml = await readDatasetsXml(bytes);
    const data = mapDatasets(parseXml(xml), options);
    return { ...file, ...data };
  } catch (error) {
    if (error instanceof FormReadError)
      return { ...file, status: error.status, code: error.code, reason: error.message };
    // Anything else is a fault of a library on odd input: still an answer, never a crash.
    const detail = error instanceof Error ? error.message : 'unknown error';
    return { ...file, status: 'unreadable', code: 'DAMAGED', reason: `The file could not be read (${detail}).` };
  }
}
