/**
 * Fills the desk's MINHAP template (`Plantilla-Procedimientos-Administrativos.xlsx`) with the rows
 * of `domain/documents/minhap`: its second sheet, `Autorizacion_Procedimientos`, from the line
 * under the header, one row per modality; the six filled columns get the ens's values, every other
 * cell is copied (value and format) from the template's first line. xlsx-populate writes the file
 * back keeping every part it did not change: the drop-downs, formats, other sheets.
 */
import XlsxPopulate, { type CellValue, type Sheet, type Workbook } from 'xlsx-populate';
import {
  MINHAP_COLUMNS,
  MINHAP_SHEET,
  minhapColumns,
  minhapRows,
  type MinhapColumn,
  type MinhapDropDowns,
  type MinhapProblem,
  type MinhapRequest,
  type MinhapRow,
} from '../../domain/documents/minhap';
import { inspectXlsx } from '../../domain/documents/xlsx-archive';
import { covers, sheetDropDowns, type DropDown } from './workbook-xml';
import { TemplateError } from './template-error';

export { TemplateError };

/** Rows the header may be on: MINHAP's template has a title above it in some versions. */
const HEADER_SEARCH_ROWS = 10;
const MAX_COLUMNS = 60;
const STYLE_NAMES = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'fontSize',
  'fontFamily',
  'fontColor',
  'fill',
  'border',
  'horizontalAlignment',
  'verticalAlignment',
  'wrapText',
  'numberFormat',
] as const;

export interface TemplateLayout {
  readonly headerRow: number;
  /** 1-based column of each filled column. */
  readonly columns: Readonly<Record<MinhapColumn, number>>;
  readonly lastColumn: number;
  readonly dropDowns: MinhapDropDowns;
  /** Drop-downs whose list could not be read (e.g. a formula): not enforced, and said so. */
  readonly unreadLists: readonly MinhapColumn[];
}

export type MinhapBuild =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array;
      readonly rows: readonly MinhapRow[];
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly MinhapProblem[] };

function cellText(value: CellValue): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'object' && !(value instanceof Date)) return value.text();
  return value instanceof Date ? value.toISOString() : String(value);
}

function listValues(workbook: Workbook, sheet: Sheet, formula: string): string[] | undefined {
  const f = formula.replace(/^=/, '').trim();
  if (f.startsWith('"')) {
    return f
      .replace(/^"|"$/g, '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
  const ref = /^(?:'((?:[^']|'')+)'|([^!'"]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/.exec(f);
  let range: { value(): CellValue[][] } | { value(): CellValue } | undefined;
  if (ref !== null) {
    const name = ref[1]?.replaceAll("''", "'") ?? ref[2] ?? '';
    const target = workbook.sheet(name);
    const address = (ref[3] ?? '').replaceAll('$', '');
    range = target === undefined ? undefined : address.includes(':') ? target.range(address) : target.cell(address);
  } else if (/^\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+$/.test(f)) {
    range = sheet.range(f.replaceAll('$', ''));
  } else if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(f)) {
    const named = workbook.definedName(f);
    range = typeof named === 'object' ? named : undefined;
  }
  if (range === undefined) return undefined;
  const raw: unknown = range.value();
  const flat = (Array.isArray(raw) ? (raw as CellValue[][]).flat() : [raw as CellValue]).map(cellText);
  return flat.filter((v): v is string => v !== undefined && v.trim() !== '');
}

/** Finds the header, the filled columns and their drop-downs; a template without them is refused. */
export function templateLayout(workbook: Workbook, dropDowns: readonly DropDown[]): TemplateLayout {
  const sheet = workbook.sheet(MINHAP_SHEET);
  if (sheet === undefined) throw new TemplateError(`The template has no sheet named ${MINHAP_SHEET}.`);
  let missing: readonly string[] = [];
  for (let row = 1; row <= HEADER_SEARCH_ROWS; row++) {
    const headers: (string | undefined)[] = [];
    for (let c = 1; c <= MAX_COLUMNS; c++) headers.push(cellText(sheet.cell(row, c).value()));
    const found = minhapColumns(headers);
    if (!found.ok) {
      if (missing.length === 0 || found.missing.length < missing.length) missing = found.missing;
      continue;
    }
    const columns = Object.fromEntries(MINHAP_COLUMNS.map((k) => [k, found.columns[k] + 1])) as Record<
      MinhapColumn,
      number
    >;
    let lastColumn = 0;
    headers.forEach((h, i) => {
      if (h !== undefined && h.trim() !== '') lastColumn = i + 1;
    });
    const lists: Partial<Record<MinhapColumn, readonly string[]>> = {};
    const unreadLists: MinhapColumn[] = [];
    for (const column of ['cedente', 'servicio'] as const) {
      const dd = dropDowns.find((d) => covers(d.sqref, row + 1, columns[column]));
      if (dd === undefined) continue;
      const values = listValues(workbook, sheet, dd.formula);
      if (values === undefined || values.length === 0) unreadLists.push(column);
      else lists[column] = values;
    }
    return { headerRow: row, columns, lastColumn, dropDowns: lists, unreadLists };
  }
  throw new TemplateError(
    `The template's sheet ${MINHAP_SHEET} has no header row with ${missing.join(', ')} (in its first ${String(HEADER_SEARCH_ROWS)} rows).`,
  );
}

/** Opens the template, checks it like any uploaded workbook and reads its layout. */
export async function openTemplate(bytes: Uint8Array): Promise<{ workbook: Workbook; layout: TemplateLayout }> {
  const inspected = inspectXlsx(bytes);
  if (!inspected.ok) throw new TemplateError(`The MINHAP template cannot be used: ${inspected.message}`);
  const workbook = await XlsxPopulate.fromDataAsync(bytes);
  return { workbook, layout: templateLayout(workbook, sheetDropDowns(bytes, MINHAP_SHEET)) };
}

function copyCell(sheet: Sheet, fromRow: number, toRow: number, column: number): void {
  const from = sheet.cell(fromRow, column);
  const to = sheet.cell(toRow, column);
  const value = from.value();
  to.value(
    value === undefined ? undefined : typeof value === 'object' && !(value instanceof Date) ? value.text() : value,
  );
  const style = Object.fromEntries(Object.entries(from.style(STYLE_NAMES)).filter(([, v]) => v !== undefined));
  if (Object.keys(style).length > 0) to.style(style);
}

/** Builds the filled Excel, or says every value that is missing or wrong. */
export async function buildMinhapWorkbook(template: Uint8Array, request: MinhapRequest): Promise<MinhapBuild> {
  const { workbook, layout } = await openTemplate(template);
  const result = minhapRows(request, layout.dropDowns);
  if (!result.ok) return result;
  const sheet = workbook.sheet(MINHAP_SHEET);
  if (sheet === undefined) throw new TemplateError(`The template has no sheet named ${MINHAP_SHEET}.`);
  const first = layout.headerRow + 1;
  const filled = new Set(Object.values(layout.columns));
  const used = sheet.usedRange();
  const lastRow = used === undefined ? first : used.endCell().rowNumber();
  result.rows.forEach((row, i) => {
    const r = first + i;
    for (let c = 1; c <= layout.lastColumn; c++) {
      if (!filled.has(c) && i > 0) copyCell(sheet, first, r, c);
    }
    for (const column of MINHAP_COLUMNS) {
      const c = layout.columns[column];
      if (i > 0) copyCell(sheet, first, r, c);
      sheet.cell(r, c).value(row.cells[column]);
    }
  });
  // Example lines the template may carry below its first one are not the ens's.
  for (let r = first + result.rows.length; r <= lastRow; r++)
    for (let c = 1; c <= layout.lastColumn; c++) sheet.cell(r, c).value(undefined);
  const notes = layout.unreadLists.map(
    (column) => `The template's ${column} drop-down list could not be read; its values were not checked against it.`,
  );
  return { ok: true, bytes: new Uint8Array(await workbook.outputAsync()), rows: result.rows, notes };
}
