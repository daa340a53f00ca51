/**
 * Reads the cell values of an .xlsx that `inspectXlsx` has already passed (so its parts inflate to
 * a bounded size), for lists people fill by hand: each cell's shown value, never evaluated. A
 * formula gives the value Excel cached when the file was last saved (and says so); a number in a
 * date format is a date; a merged range's value belongs to every cell of the range (and says so).
 * Read with saxes (a DTD is refused, no entity is expanded) over fflate: no Node, no DOM.
 */
import { SaxesParser } from 'saxes';
import { strFromU8, unzipSync } from 'fflate';

export type CellValue = string | number | boolean;

export interface Cell {
  /** 1-based row and column. */
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
  /** The cell holds a formula: `value` is the result Excel cached, not computed here. */
  readonly formula?: boolean;
  /** A number shown as a date: `value` is the ISO date (yyyy-mm-dd), `serial` the number. */
  readonly date?: { readonly serial: number };
  /** The value is the merged range's, read from its first cell (e.g. `A2`). */
  readonly mergedFrom?: string;
  /** Excel's error value (`#REF!`...), as the file holds it. */
  readonly error?: boolean;
}

export interface SheetRows {
  readonly name: string;
  /** Rows that hold at least one value, in order; cells in column order. */
  readonly rows: readonly (readonly Cell[])[];
  /** More rows than `maxRows` held values: reading stopped there. */
  readonly truncated: boolean;
  /** Merged ranges (`A2:A5`). */
  readonly merged: readonly string[];
  /** Formulas without a cached value (never computed): their cells are left empty. */
  readonly uncachedFormulas: readonly string[];
}

export interface ReadLimits {
  /** Rows with values kept per sheet. */
  readonly maxRows: number;
  /** Columns kept per row (a cell further right is dropped). */
  readonly maxColumns: number;
  readonly maxSheets: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxRows: 2000, maxColumns: 60, maxSheets: 20 };

/** A DTD in a part (refused), or a part that is not XML. */
export class SheetReadError extends Error {
  override readonly name = 'SheetReadError';
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Stops a parse early: the row cap is reached. */
class Enough extends Error {}

function scan(
  xml: string,
  open: (name: string, attrs: Readonly<Record<string, string>>) => void,
  close: (name: string, text: string) => void,
): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let text = '';
  parser.on('doctype', () => {
    throw new SheetReadError('A part of the workbook declares a DTD; it is refused.');
  });
  parser.on('opentag', (tag) => {
    text = '';
    open(local(tag.name), tag.attributes);
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    close(local(tag.name), text);
    text = '';
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof Enough || error instanceof SheetReadError) throw error;
    throw new SheetReadError(`A part of the workbook is not well-formed XML (${(error as Error).message}).`);
  }
}

const REF = /^([A-Z]{1,3})(\d+)$/;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const cellRef = (row: number, column: number): string => `${columnLetters(column)}${String(row)}`;

function parseRef(ref: string): { row: number; column: number } | undefined {
  const m = REF.exec(ref.replace(/\$/g, ''));
  if (m === null) return undefined;
  return { row: Number(m[2]), column: columnNumber(m[1] ?? '') };
}

/** Excel's built-in date and time formats (ECMA-376, 18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** Whether a custom number format shows a date: d, m or y outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dmy]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Serial day number (1900 system) to yyyy-mm-dd; Excel's phantom 29 Feb 1900 included. */
export function serialToIsoDate(serial: number): string {
  const days = Math.floor(serial);
  const epoch = Date.UTC(1899, 11, 30);
  const adjusted = days < 61 ? days + 1 : days;
  return new Date(epoch + adjusted * 86_400_000).toISOString().slice(0, 10);
}

function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const out: string[] = [];
  let current: string | undefined;
  let inPhonetic = false;
  scan(
    xml,
    (name) => {
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic = true;
    },
    (name, text) => {
      if (name === 't' && current !== undefined && !inPhonetic) current += text;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        out.push(current ?? '');
        current = undefined;
      }
    },
  );
  return out;
}

/** Which cell styles (index of `cellXfs`) show numbers as dates. */
function dateStyles(xml: string | undefined): Set<number> {
  const styles = new Set<number>();
  if (xml === undefined) return styles;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  scan(
    xml,
    (name, attrs) => {
      if (name === 'numFmt') custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attrs.numFmtId ?? 0);
        const code = custom.get(id);
        if (BUILTIN_DATE_FORMATS.has(id) || (code !== undefined && isDateFormat(code))) styles.add(index);
        index++;
      }
    },
    (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  );
  return styles;
}

interface SheetEntry {
  readonly name: string;
  readonly part: string;
  readonly hidden: boolean;
}

function sheetsOf(files: Readonly<Record<string, Uint8Array>>): SheetEntry[] {
  const workbook = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (workbook === undefined || rels === undefined) return [];
  const targets = new Map<string, string>();
  scan(
    strFromU8(rels),
    (name, attrs) => {
      if (name === 'Relationship' && attrs.Id !== undefined && attrs.Target !== undefined)
        targets.set(attrs.Id, attrs.Target);
    },
    () => undefined,
  );
  const out: SheetEntry[] = [];
  scan(
    strFromU8(workbook),
    (name, attrs) => {
      if (name !== 'sheet') return;
      const target = targets.get(attrs['r:id'] ?? '');
      if (target === undefined) return;
      const part = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      out.push({ name: attrs.name ?? '', part, hidden: attrs.state === 'hidden' || attrs.state === 'veryHidden' });
    },
    () => undefined,
  );
  return out;
}

interface Context {
  readonly strings: readonly string[];
  readonly dates: ReadonlySet<number>;
  readonly limits: ReadLimits;
}

function readSheet(name: string, xml: string, ctx: Context): SheetRows {
  const rows = new Map<number, Cell[]>();
  const merged: string[] = [];
  const uncached: string[] = [];
  let truncated = false;
  let cell: { ref: string; type: string; style: number; formula: boolean; v?: string; inline: string } | undefined;
  let lastRow = 0;
  let lastColumn = 0;
  let inInline = false;

  const push = (): void => {
    if (cell === undefined) return;
    const at = parseRef(cell.ref) ?? { row: lastRow, column: lastColumn + 1 };
    lastColumn = at.column;
    const value = cellValue(cell, ctx);
    if (value === undefined) {
      if (cell.formula) uncached.push(cellRef(at.row, at.column));
      return;
    }
    if (at.column > ctx.limits.maxColumns) return;
    let list = rows.get(at.row);
    if (list === undefined) {
      if (rows.size >= ctx.limits.maxRows) {
        truncated = true;
        throw new Enough();
      }
      list = [];
      rows.set(at.row, list);
    }
    list.push({ row: at.row, column: at.column, ...value, ...(cell.formula ? { formula: true } : {}) });
  };

  try {
    scan(
      xml,
      (tag, attrs) => {
        if (tag === 'row') {
          lastRow = Number(attrs.r ?? lastRow + 1);
          lastColumn = 0;
        } else if (tag === 'c') {
          cell = {
            ref: attrs.r ?? '',
            type: attrs.t ?? 'n',
            style: Number(attrs.s ?? 0),
            formula: false,
            inline: '',
          };
        } else if (tag === 'f' && cell !== undefined) cell.formula = true;
        else if (tag === 'is') inInline = true;
        else if (tag === 'mergeCell' && attrs.ref !== undefined) merged.push(attrs.ref);
      },
      (tag, text) => {
        if (cell === undefined) return;
        if (tag === 'v') cell.v = text;
        else if (tag === 't' && inInline) cell.inline += text;
        else if (tag === 'is') inInline = false;
        else if (tag === 'c') {
          push();
          cell = undefined;
        }
      },
    );
  } catch (error) {
    if (!(error instanceof Enough)) throw error;
  }

  spreadMerged(rows, merged, ctx.limits);
  const ordered = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, cells]) => cells.sort((a, b) => a.column - b.column));
  return { name, rows: ordered, truncated, merged, uncachedFormulas: uncached };
}

function cellValue(
  cell: { type: string; style: number; v?: string; inline: string },
  ctx: Context,
): Pick<Cell, 'value' | 'date' | 'error'> | undefined {
  switch (cell.type) {
    case 'inlineStr':
      return cell.inline === '' ? undefined : { value: cell.inline };
    case 's': {
      const s = ctx.strings[Number(cell.v)];
      return s === undefined || s === '' ? undefined : { value: s };
    }
    case 'str':
      return cell.v === undefined || cell.v === '' ? undefined : { value: cell.v };
    case 'b':
      return cell.v === undefined ? undefined : { value: cell.v === '1' };
    case 'e':
      return cell.v === undefined ? undefined : { value: cell.v, error: true };
    case 'd':
      return cell.v === undefined ? undefined : { value: cell.v.slice(0, 10) };
    default: {
      if (cell.v === undefined || cell.v.trim() === '') return undefined;
      const n = Number(cell.v);
      if (!Number.isFinite(n)) return { value: cell.v };
      if (ctx.dates.has(cell.style) && n > 0 && n < 2_958_466)
        return { value: serialToIsoDate(n), date: { serial: n } };
      return { value: n };
    }
  }
}

/** Gives every cell of a merged range the value of its first cell. */
function spreadMerged(rows: Map<number, Cell[]>, merged: readonly string[], limits: ReadLimits): void {
  for (const range of merged) {
    const [from, to] = range.split(':');
    const a = parseRef(from ?? '');
    const b = parseRef(to ?? from ?? '');
    if (a === undefined || b === undefined) continue;
    const first = rows.get(a.row)?.find((c) => c.column === a.column);
    if (first === undefined) continue;
    for (let r = a.row; r <= Math.min(b.row, a.row + limits.maxRows); r++) {
      for (let c = a.column; c <= Math.min(b.column, limits.maxColumns); c++) {
        if (r === a.row && c === a.column) continue;
        let list = rows.get(r);
        if (list === undefined) {
          // A merged range reaching rows without values does not make rows past the cap.
          if (rows.size >= limits.maxRows) continue;
          list = [];
          rows.set(r, list);
        }
        if (list.some((x) => x.column === c)) continue;
        const { value, date, formula } = first;
        list.push({
          row: r,
          column: c,
          value,
          ...(date === undefined ? {} : { date }),
          ...(formula === true ? { formula } : {}),
          mergedFrom: cellRef(a.row, a.column),
        });
      }
    }
  }
}

/**
 * The visible sheets' values, first sheet first (hidden sheets are lists behind drop-downs, not
 * data). `bytes` must have passed `inspectXlsx`.
 */
export function readWorkbookRows(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): SheetRows[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) =>
        f.name === 'xl/workbook.xml' ||
        f.name === 'xl/_rels/workbook.xml.rels' ||
        f.name === 'xl/sharedStrings.xml' ||
        f.name === 'xl/styles.xml' ||
        f.name.startsWith('xl/worksheets/sheet'),
    });
  } catch (error) {
    throw new SheetReadError(`The archive is damaged (${(error as Error).message}).`);
  }
  const text = (name: string): string | undefined => {
    const part = files[name];
    return part === undefined ? undefined : strFromU8(part);
  };
  const ctx: Context = {
    strings: sharedStrings(text('xl/sharedStrings.xml')),
    dates: dateStyles(text('xl/styles.xml')),
    limits,
  };
  return sheetsOf(files)
    .filter((s) => !s.hidden)
    .slice(0, limits.maxSheets)
    .flatMap((s) => {
      const xml = text(s.part);
      return xml === undefined ? [] : [readSheet(s.name, xml, ctx)];
    });
}
