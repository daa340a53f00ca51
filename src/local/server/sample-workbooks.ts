/**
 * Builds the local samples' ens lists (`../ens-list-samples.ts`) as .xlsx files, with the library
 * the proxy fills the MINHAP template with: shared strings, styles and merged ranges as a
 * spreadsheet program writes them. For the local run only.
 */
import XlsxPopulate from 'xlsx-populate';
import type { EnsListSample, EnsListSheet } from '../ens-list-samples';

export async function ensListWorkbook(list: EnsListSheet): Promise<Uint8Array> {
  const book = await XlsxPopulate.fromBlankAsync();
  const sheet = book.sheet(0);
  if (sheet === undefined) throw new Error('A blank workbook has a sheet');
  sheet.name(list.sheet);
  list.rows.forEach((cells, r) => {
    cells.forEach((value, c) => {
      if (value !== null) sheet.cell(r + 1, c + 1).value(value);
    });
  });
  for (const range of list.merged ?? []) sheet.range(range).merged(true);
  return new Uint8Array(await book.outputAsync());
}

/** The stand-in's builders of one sample's attachments, by name. */
export function ensListBuilders(sample: EnsListSample): Record<string, () => Promise<Uint8Array>> {
  return Object.fromEntries(Object.entries(sample.lists).map(([name, list]) => [name, () => ensListWorkbook(list)]));
}
