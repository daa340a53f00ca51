/**
 * An attached list of ens (SetDIBA's template: N ajuntaments for a service; Audifilm's bulk
 * registrations): the header row and its columns are found by the header synonyms of
 * `data/ens-list-columns.json` (data, not code), each row's identifiers are validated, and each
 * row says how the ens is to be looked up. The database look-up itself is the proxy's. Nothing is
 * guessed: a header the synonyms do not know is reported as unknown, a value that is not an
 * identifier makes the row invalid with its reason.
 */
import columnsFile from './data/ens-list-columns.json';
import { PRODUCT_IDS, SERVICE_IDS, namesOf, productByCode, type KnownServiceId, type ProductId } from '../catalogue';
import { ine10For, parseCif, parseIne, parseIne10, type IdentifierCode } from '../identifiers';
import { fold } from './fold';
import { cellRef, columnLetters, type Cell, type CellValue, type SheetRows } from './xlsx-cells';

export const ENS_LIST_COLUMN_KINDS = ['name', 'ine', 'ine10', 'cif', 'service', 'product', 'ignored'] as const;
export type EnsListColumnKind = (typeof ENS_LIST_COLUMN_KINDS)[number];

/** The services SetDIBA's lists integrate (its manual page), offered for child tickets. */
export const SETDIBA_SERVICES: readonly KnownServiceId[] = ['MUX', 'ENOTUM', 'ETAULER', 'OVER'];

/** A header is looked for in the first rows of a sheet only. */
export const HEADER_SEARCH_ROWS = 20;

const SYNONYMS: ReadonlyMap<string, EnsListColumnKind> = (() => {
  const map = new Map<string, EnsListColumnKind>();
  const columns = columnsFile.columns as Readonly<Record<EnsListColumnKind, readonly string[]>>;
  for (const kind of ENS_LIST_COLUMN_KINDS) for (const s of columns[kind]) map.set(fold(s), kind);
  return map;
})();

/** The folded header, without text in brackets ("CIF (sense guions)" is "cif"). */
export function headerKey(header: string): string {
  return fold(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
}

export function columnKindOf(header: string): EnsListColumnKind | undefined {
  return SYNONYMS.get(headerKey(header));
}

export interface EnsListColumn {
  /** Column letters (`B`). */
  readonly column: string;
  readonly header: string;
  readonly kind: EnsListColumnKind;
}

export const ENS_ROW_PROBLEMS = [
  'noIdentifier',
  'ine10',
  'ine',
  'cif',
  'ineMismatch',
  'date',
  'errorValue',
  'service',
  'product',
] as const;
export type EnsRowProblemCode = (typeof ENS_ROW_PROBLEMS)[number];

export interface EnsRowProblem {
  readonly code: EnsRowProblemCode;
  /** The cell (`C7`) and the value as read. */
  readonly cell?: string;
  readonly value?: string;
  /** For identifiers: the validator's code, which the app translates (`identifier.<code>`). */
  readonly identifier?: IdentifierCode;
  readonly message: string;
}

export const ENS_ROW_NOTES = ['formula', 'merged', 'ineDerived', 'ine10Padded', 'ine10Unverified', 'number'] as const;
export type EnsRowNoteCode = (typeof ENS_ROW_NOTES)[number];

export interface EnsRowNote {
  readonly code: EnsRowNoteCode;
  readonly cell: string;
  readonly detail?: string;
}

/** How the proxy is to find the row's ens: by INE10, by CIF, or by its name alone. */
export type EnsRowKey =
  | { readonly by: 'ine10'; readonly value: string }
  | { readonly by: 'nif'; readonly value: string }
  | { readonly by: 'name'; readonly value: string };

export interface EnsListRow {
  /** The sheet's row number (1-based). */
  readonly row: number;
  readonly name: string | null;
  readonly ine10: string | null;
  readonly cif: string | null;
  readonly services: readonly KnownServiceId[];
  readonly products: readonly ProductId[];
  /** Null when the row is invalid (see `problems`). */
  readonly key: EnsRowKey | null;
  readonly problems: readonly EnsRowProblem[];
  readonly notes: readonly EnsRowNote[];
}

export const ENS_LIST_NOTES = [
  'macros',
  'externalLinks',
  'truncated',
  'emptyRows',
  'uncachedFormulas',
  'otherSheets',
  'duplicateColumn',
] as const;
export type EnsListNoteCode = (typeof ENS_LIST_NOTES)[number];

export interface EnsListNote {
  readonly code: EnsListNoteCode;
  readonly detail?: string;
  readonly count?: number;
}

export type EnsListReading =
  | {
      readonly ok: true;
      readonly sheet: string;
      readonly headerRow: number;
      readonly columns: readonly EnsListColumn[];
      /** Headers no synonym knows: their values are not read. */
      readonly unknownColumns: readonly { readonly column: string; readonly header: string }[];
      readonly rows: readonly EnsListRow[];
      readonly notes: readonly EnsListNote[];
    }
  | { readonly ok: false; readonly reason: 'noSheet' | 'noHeader' | 'noRows'; readonly message: string };

export interface EnsListContext {
  /** What the workbook holds that is never run or followed (from `inspectXlsx`). */
  readonly macros?: boolean;
  readonly externalLinks?: boolean;
}

/** A cell's value as text: numbers without exponent or grouping, booleans as Excel shows them. */
export function cellText(value: CellValue): string {
  if (typeof value === 'number')
    return Number.isInteger(value) ? value.toFixed(0) : String(value).replace(/e\+?/i, 'E');
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.trim();
}

const SERVICE_NAMES: ReadonlyMap<string, KnownServiceId> = (() => {
  const map = new Map<string, KnownServiceId>();
  for (const id of SERVICE_IDS) {
    for (const n of [id, ...namesOf(id, 'ca'), ...namesOf(id, 'es')]) if (!map.has(fold(n))) map.set(fold(n), id);
  }
  // The manual: "a vegades parlen d'EACAT però es refereixen a OVER".
  map.set('eacat', 'OVER');
  return map;
})();

const PRODUCT_NAMES: ReadonlyMap<string, ProductId> = (() => {
  const map = new Map<string, ProductId>();
  for (const id of PRODUCT_IDS) {
    for (const n of [id, ...namesOf(id, 'ca'), ...namesOf(id, 'es')]) if (!map.has(fold(n))) map.set(fold(n), id);
  }
  return map;
})();

/** The services a cell names ("MUX, e-NOTUM"); the parts no service is named by, apart. */
export function servicesIn(text: string): { services: KnownServiceId[]; unknown: string[] } {
  return namesIn(text, (part) => SERVICE_NAMES.get(fold(part)));
}

export function productsIn(text: string): { services: ProductId[]; unknown: string[] } {
  return namesIn(text, (part) => PRODUCT_NAMES.get(fold(part)) ?? productByCode(part.trim().toUpperCase()));
}

function namesIn<T>(text: string, find: (part: string) => T | undefined): { services: T[]; unknown: string[] } {
  const whole = find(text);
  if (whole !== undefined) return { services: [whole], unknown: [] };
  const found: T[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,;/\n+]|\s+i\s+|\s+y\s+/)) {
    if (part.trim() === '') continue;
    const id = find(part);
    if (id === undefined) unknown.push(part.trim());
    else if (!found.includes(id)) found.push(id);
  }
  return { services: found, unknown };
}

interface Header {
  readonly row: number;
  readonly columns: EnsListColumn[];
  readonly unknown: { column: string; header: string }[];
}

function headerIn(rows: readonly (readonly Cell[])[]): Header | undefined {
  for (const cells of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columns: EnsListColumn[] = [];
    const unknown: { column: string; header: string }[] = [];
    for (const c of cells) {
      if (typeof c.value !== 'string') continue;
      const kind = columnKindOf(c.value);
      const column = columnLetters(c.column);
      if (kind === undefined) unknown.push({ column, header: c.value.trim() });
      else columns.push({ column, header: c.value.trim(), kind });
    }
    const identifies = columns.some((c) => ['name', 'ine', 'ine10', 'cif'].includes(c.kind));
    const used = columns.filter((c) => c.kind !== 'ignored').length;
    if (identifies && used >= 2) return { row: cells[0]?.row ?? 0, columns, unknown };
  }
  return undefined;
}

/**
 * The ens of the first visible sheet that has a header of known columns (at least an identifier
 * or a name, and one more column); `defaults` are the ticket's services and products, for rows
 * whose sheet has no such column.
 */
export function readEnsList(
  sheets: readonly SheetRows[],
  context: EnsListContext = {},
  defaults: { services?: readonly KnownServiceId[]; products?: readonly ProductId[] } = {},
): EnsListReading {
  if (sheets.length === 0) return { ok: false, reason: 'noSheet', message: 'The workbook has no visible sheet.' };
  let sheet: SheetRows | undefined;
  let header: Header | undefined;
  for (const s of sheets) {
    header = headerIn(s.rows);
    if (header !== undefined) {
      sheet = s;
      break;
    }
  }
  if (sheet === undefined || header === undefined) {
    return {
      ok: false,
      reason: 'noHeader',
      message:
        `No sheet has, in its first ${String(HEADER_SEARCH_ROWS)} rows, a header with the ens's name, ` +
        'INE, INE10 or CIF and another known column.',
    };
  }

  const notes: EnsListNote[] = [];
  if (context.macros === true) notes.push({ code: 'macros' });
  if (context.externalLinks === true) notes.push({ code: 'externalLinks' });
  if (sheets.length > 1) notes.push({ code: 'otherSheets', detail: sheet.name, count: sheets.length - 1 });

  // The first column of a kind is read; a second one is reported, never merged into the first.
  const used = new Map<EnsListColumnKind, EnsListColumn>();
  for (const c of header.columns) {
    if (c.kind === 'ignored') continue;
    if (used.has(c.kind)) notes.push({ code: 'duplicateColumn', detail: `${c.column} (${c.header})` });
    else used.set(c.kind, c);
  }

  const body = sheet.rows.filter((cells) => (cells[0]?.row ?? 0) > header.row);
  const rows = body.map((cells) => rowOf(cells, used, defaults)).filter((r): r is EnsListRow => r !== undefined);
  if (rows.length === 0) return { ok: false, reason: 'noRows', message: 'The list has a header but no ens under it.' };

  const last = rows[rows.length - 1]?.row ?? header.row;
  const empty = last - header.row - body.length;
  if (empty > 0) notes.push({ code: 'emptyRows', count: empty });
  if (sheet.truncated) notes.push({ code: 'truncated', count: rows.length });
  const uncached = sheet.uncachedFormulas.filter((ref) => Number(/\d+$/.exec(ref)?.[0]) > header.row);
  if (uncached.length > 0)
    notes.push({ code: 'uncachedFormulas', detail: uncached.slice(0, 10).join(', '), count: uncached.length });

  return {
    ok: true,
    sheet: sheet.name,
    headerRow: header.row,
    columns: header.columns,
    unknownColumns: header.unknown,
    rows,
    notes,
  };
}

function rowOf(
  cells: readonly Cell[],
  columns: ReadonlyMap<EnsListColumnKind, EnsListColumn>,
  defaults: { services?: readonly KnownServiceId[]; products?: readonly ProductId[] },
): EnsListRow | undefined {
  const at = (kind: EnsListColumnKind): Cell | undefined => {
    const c = columns.get(kind);
    return c === undefined ? undefined : cells.find((x) => columnLetters(x.column) === c.column);
  };
  const read = [at('name'), at('ine'), at('ine10'), at('cif'), at('service'), at('product')];
  // A row with nothing in the list's own columns (a total, a note under the table) is no ens.
  if (read.every((c) => c === undefined)) return undefined;
  const row = cells[0]?.row ?? 0;
  const problems: EnsRowProblem[] = [];
  const notes: EnsRowNote[] = [];
  for (const c of read) {
    if (c === undefined) continue;
    const ref = cellRef(c.row, c.column);
    if (c.formula === true) notes.push({ code: 'formula', cell: ref });
    if (c.mergedFrom !== undefined) notes.push({ code: 'merged', cell: ref, detail: c.mergedFrom });
  }

  const identifier = (kind: 'ine' | 'ine10' | 'cif'): { text: string; ref: string } | undefined => {
    const c = at(kind);
    if (c === undefined) return undefined;
    const ref = cellRef(c.row, c.column);
    const text = cellText(c.value);
    if (c.error === true) {
      problems.push({ code: 'errorValue', cell: ref, value: text, message: `${ref} holds Excel's error ${text}.` });
      return undefined;
    }
    if (c.date !== undefined) {
      problems.push({
        code: 'date',
        cell: ref,
        value: text,
        message: `${ref} is formatted as a date (${text}), not a code; retype it as text.`,
      });
      return undefined;
    }
    if (typeof c.value === 'number') notes.push({ code: 'number', cell: ref, detail: text });
    return { text, ref };
  };

  const nameCell = at('name');
  const name = nameCell === undefined ? null : cellText(nameCell.value) || null;

  let ine10: string | null = null;
  const rawIne10 = identifier('ine10');
  if (rawIne10 !== undefined) {
    const parsed = parseIne10(rawIne10.text);
    if (parsed.ok) {
      ine10 = parsed.value;
      if (parsed.notes.some((n) => n.code === 'ine10.padded')) notes.push({ code: 'ine10Padded', cell: rawIne10.ref });
      if (parsed.notes.some((n) => n.code === 'ine10.unverified'))
        notes.push({ code: 'ine10Unverified', cell: rawIne10.ref });
    } else
      problems.push({
        code: 'ine10',
        cell: rawIne10.ref,
        value: rawIne10.text,
        identifier: parsed.code,
        message: `${rawIne10.ref}: ${parsed.message}`,
      });
  }
  const rawIne = identifier('ine');
  if (rawIne !== undefined) {
    // A 5-digit code typed as a number loses its leading zero (08019 → 8019).
    const text = /^\d{4}$/.test(rawIne.text) ? `0${rawIne.text}` : rawIne.text;
    const parsed = parseIne(text);
    if (!parsed.ok)
      problems.push({
        code: 'ine',
        cell: rawIne.ref,
        value: rawIne.text,
        identifier: parsed.code,
        message: `${rawIne.ref}: ${parsed.message}`,
      });
    else {
      const derived = ine10For(parsed.value.slice(0, 5));
      if (ine10 === null) {
        ine10 = derived;
        notes.push({ code: 'ineDerived', cell: rawIne.ref, detail: derived });
      } else if (ine10.slice(0, 6) !== parsed.value)
        problems.push({
          code: 'ineMismatch',
          cell: rawIne.ref,
          value: rawIne.text,
          message: `${rawIne.ref}: the INE ${parsed.value} is not the municipality of the INE10 ${ine10}.`,
        });
    }
  }
  let cif: string | null = null;
  const rawCif = identifier('cif');
  if (rawCif !== undefined) {
    const parsed = parseCif(rawCif.text);
    if (parsed.ok) cif = parsed.value;
    else
      problems.push({
        code: 'cif',
        cell: rawCif.ref,
        value: rawCif.text,
        identifier: parsed.code,
        message: `${rawCif.ref}: ${parsed.message}`,
      });
  }

  const listed = <T>(
    kind: 'service' | 'product',
    find: (text: string) => { services: T[]; unknown: string[] },
    fallback: readonly T[],
  ): T[] => {
    const c = at(kind);
    if (c === undefined) return [...fallback];
    const ref = cellRef(c.row, c.column);
    const found = find(cellText(c.value));
    for (const u of found.unknown)
      problems.push({ code: kind, cell: ref, value: u, message: `${ref}: “${u}” is no ${kind} the catalogue knows.` });
    return found.services;
  };
  const services = listed('service', servicesIn, defaults.services ?? []);
  const products = listed('product', productsIn, defaults.products ?? []);

  const hasIdentifier = rawIne10 !== undefined || rawIne !== undefined || rawCif !== undefined;
  if (!hasIdentifier && name === null && !problems.some((p) => p.code === 'date' || p.code === 'errorValue'))
    problems.push({ code: 'noIdentifier', message: `Row ${String(row)} names no ens (no name, INE, INE10 or CIF).` });

  const key: EnsRowKey | null =
    problems.length > 0
      ? null
      : ine10 !== null
        ? { by: 'ine10', value: ine10 }
        : cif !== null
          ? { by: 'nif', value: cif }
          : name !== null
            ? { by: 'name', value: name }
            : null;
  return { row, name, ine10, cif, services, products, key, problems, notes };
}
