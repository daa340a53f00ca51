/**
 * The tracking rows as an .xlsx: one sheet named as the desk's sheet, the header in bold, every
 * cell written as text (an INE10 keeps its leading zero, a code never becomes a number or a
 * formula), columns wide enough to read.
 */
import XlsxPopulate from 'xlsx-populate';
import { trackingCells, type TrackingTable } from '../../domain/documents/tracking';

export const TRACKING_SHEET_NAMES = { vo: 'Seguiment VO', pscp: 'Integracions PSCP' } as const;

export async function buildTrackingWorkbook(table: TrackingTable): Promise<Uint8Array> {
  const workbook = await XlsxPopulate.fromBlankAsync();
  const sheet = workbook.sheet(0);
  if (sheet === undefined) throw new Error('a blank workbook has a sheet');
  sheet.name(TRACKING_SHEET_NAMES[table.sheet]);
  const cells = trackingCells(table);
  cells.forEach((row, r) => {
    row.forEach((value, c) => {
      const cell = sheet.cell(r + 1, c + 1);
      // Text format ("@"): what the desk pastes is codes, never numbers to be reformatted.
      cell.value(value).style({ numberFormat: '@', ...(r === 0 ? { bold: true } : {}) });
    });
  });
  (cells[0] ?? []).forEach((_, c) => {
    const longest = Math.max(...cells.map((row) => (row[c] ?? '').length));
    sheet.column(c + 1).width(Math.min(60, Math.max(8, longest + 2)));
  });
  return new Uint8Array(await workbook.outputAsync());
}
