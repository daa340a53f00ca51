/**
 * Reads what xlsx-populate does not expose from a workbook's XML: which part holds a named sheet,
 * and the sheet's drop-downs (data validations of type list), both the classic ones and those
 * Excel keeps in the sheet's extension list (`x14:dataValidation`, used when a list refers to
 * another sheet). Read only, with saxes: a DTD is refused, no entity is expanded.
 */
import { SaxesParser } from 'saxes';
import { strFromU8, unzipSync } from 'fflate';

export interface DropDown {
  /** Space-separated cell ranges, as in the file: `E2:E500 G2`. */
  readonly sqref: string;
  /** The list's source: `"a,b,c"`, `Listas!$A$1:$A$9`, or a defined name. */
  readonly formula: string;
}

type Handler = (name: string, attributes: Readonly<Record<string, string>>) => void;

function scan(xml: string, open: Handler, close?: (name: string, text: string) => void): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let text = '';
  parser.on('doctype', () => {
    throw new Error('The workbook declares a DTD; it is refused.');
  });
  parser.on('opentag', (tag) => {
    text = '';
    open(tag.name, tag.attributes);
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    close?.(tag.name, text);
    text = '';
  });
  parser.write(xml).close();
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** The zip entry (e.g. `xl/worksheets/sheet2.xml`) of the sheet with this name. */
export function sheetPart(files: Readonly<Record<string, Uint8Array>>, sheetName: string): string | undefined {
  const workbook = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (workbook === undefined || rels === undefined) return undefined;
  let relId: string | undefined;
  scan(strFromU8(workbook), (name, attrs) => {
    if (local(name) === 'sheet' && attrs.name === sheetName) relId = attrs['r:id'];
  });
  if (relId === undefined) return undefined;
  let target: string | undefined;
  scan(strFromU8(rels), (name, attrs) => {
    if (local(name) === 'Relationship' && attrs.Id === relId) target = attrs.Target;
  });
  if (target === undefined) return undefined;
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** Every list drop-down of a sheet's XML. */
export function dropDownsOf(sheetXml: string): DropDown[] {
  const out: DropDown[] = [];
  let current: { sqref: string; formula: string; list: boolean } | undefined;
  let inFormula1 = false;
  scan(
    sheetXml,
    (name, attrs) => {
      const n = local(name);
      if (n === 'dataValidation') current = { sqref: attrs.sqref ?? '', formula: '', list: attrs.type === 'list' };
      else if (n === 'formula1') inFormula1 = true;
    },
    (name, text) => {
      const n = local(name);
      if (current === undefined) return;
      if (n === 'f' && inFormula1) current.formula = text.trim();
      else if (n === 'formula1') {
        if (current.formula === '') current.formula = text.trim();
        inFormula1 = false;
      }
      if (n === 'sqref') current.sqref = text.trim();
      if (n === 'dataValidation') {
        if (current.list && current.formula !== '') out.push({ sqref: current.sqref, formula: current.formula });
        current = undefined;
      }
    },
  );
  return out;
}

/** Drop-downs of the named sheet in an .xlsx (already checked by `inspectXlsx`). */
export function sheetDropDowns(bytes: Uint8Array, sheetName: string): DropDown[] {
  const files = unzipSync(bytes, { filter: (f) => f.name.startsWith('xl/') && !f.name.startsWith('xl/media/') });
  const part = sheetPart(files, sheetName);
  const xml = part === undefined ? undefined : files[part];
  return xml === undefined ? [] : dropDownsOf(strFromU8(xml));
}

const COLUMN = /^\$?([A-Z]{1,3})\$?(\d+)$/;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Whether a cell (1-based row and column) is in one of `sqref`'s ranges. */
export function covers(sqref: string, row: number, column: number): boolean {
  return sqref.split(/\s+/).some((range) => {
    const [from, to = from] = range.split(':');
    const a = COLUMN.exec(from ?? '');
    const b = COLUMN.exec(to ?? '');
    if (a === null || b === null) return false;
    const [r1, r2] = [Number(a[2]), Number(b[2])];
    const [c1, c2] = [columnNumber(a[1] ?? ''), columnNumber(b[1] ?? '')];
    return (
      row >= Math.min(r1, r2) && row <= Math.max(r1, r2) && column >= Math.min(c1, c2) && column <= Math.max(c1, c2)
    );
  });
}
