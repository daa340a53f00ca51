/**
 * Builds small .xlsx files part by part, so that a test can hold exactly what a hostile or odd
 * workbook holds: formulas with or without a cached value, dates as numbers, merged ranges,
 * macros, external links, shared strings, hidden sheets, huge sheets.
 */
import { strToU8, zipSync } from 'fflate';

export type RawCell =
  | string
  | number
  | boolean
  | null
  | { readonly formula: string; readonly cached?: string | number }
  /** A number in a date format (style 1: numFmtId 14). */
  | { readonly date: number }
  /** A text kept in the shared strings table. */
  | { readonly shared: string }
  | { readonly error: string };

export interface RawSheet {
  readonly name: string;
  readonly rows: readonly (readonly RawCell[])[];
  /** First row number of `rows` (default 1). */
  readonly firstRow?: number;
  readonly merged?: readonly string[];
  readonly hidden?: boolean;
}

export interface RawWorkbook {
  readonly sheets: readonly RawSheet[];
  readonly macros?: boolean;
  readonly externalLink?: boolean;
  /** Extra parts, written as given (e.g. a part with a DTD). */
  readonly parts?: Readonly<Record<string, string>>;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE = 'http://schemas.openxmlformats.org/package/2006';
const rel = (id: string, type: string, target: string): string =>
  `<Relationship Id="${id}" Type="${OFFICE}/${type}" Target="${target}"/>`;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function letters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function rawXlsx(book: RawWorkbook): Uint8Array {
  const shared: string[] = [];
  const files: Record<string, Uint8Array> = {};
  const sheetXml = (sheet: RawSheet): string => {
    const first = sheet.firstRow ?? 1;
    const rows = sheet.rows
      .map((cells, i) => {
        const r = first + i;
        const xml = cells
          .map((cell, j) => {
            const ref = `${letters(j + 1)}${String(r)}`;
            if (cell === null) return '';
            if (typeof cell === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${esc(cell)}</t></is></c>`;
            if (typeof cell === 'number') return `<c r="${ref}"><v>${String(cell)}</v></c>`;
            if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? '1' : '0'}</v></c>`;
            if ('formula' in cell) {
              const cached = cell.cached;
              if (cached === undefined) return `<c r="${ref}"><f>${esc(cell.formula)}</f></c>`;
              return typeof cached === 'number'
                ? `<c r="${ref}"><f>${esc(cell.formula)}</f><v>${String(cached)}</v></c>`
                : `<c r="${ref}" t="str"><f>${esc(cell.formula)}</f><v>${esc(cached)}</v></c>`;
            }
            if ('date' in cell) return `<c r="${ref}" s="1"><v>${String(cell.date)}</v></c>`;
            if ('error' in cell) return `<c r="${ref}" t="e"><v>${esc(cell.error)}</v></c>`;
            shared.push(cell.shared);
            return `<c r="${ref}" t="s"><v>${String(shared.length - 1)}</v></c>`;
          })
          .join('');
        return `<row r="${String(r)}">${xml}</row>`;
      })
      .join('');
    const merged =
      sheet.merged === undefined || sheet.merged.length === 0
        ? ''
        : `<mergeCells>${sheet.merged.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
    return `${HEAD}<worksheet ${MAIN}><sheetData>${rows}</sheetData>${merged}</worksheet>`;
  };
  book.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${String(i + 1)}.xml`] = strToU8(sheetXml(s));
  });
  const sheetList = book.sheets
    .map((s, i) => {
      const state = s.hidden === true ? ' state="hidden"' : '';
      return `<sheet name="${esc(s.name)}" sheetId="${String(i + 1)}" r:id="rId${String(i + 1)}"${state}/>`;
    })
    .join('');
  files['xl/workbook.xml'] = strToU8(
    `${HEAD}<workbook ${MAIN} xmlns:r="${OFFICE}"><sheets>${sheetList}</sheets></workbook>`,
  );
  const rels = book.sheets
    .map((_s, i) => rel(`rId${String(i + 1)}`, 'worksheet', `worksheets/sheet${String(i + 1)}.xml`))
    .join('');
  const extra = rel('rIdS', 'styles', 'styles.xml') + rel('rIdT', 'sharedStrings', 'sharedStrings.xml');
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${HEAD}<Relationships xmlns="${PACKAGE}/relationships">${rels}${extra}</Relationships>`,
  );
  files['xl/styles.xml'] = strToU8(
    `${HEAD}<styleSheet ${MAIN}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  const strings = shared.map((t) => `<si><t>${esc(t)}</t></si>`).join('');
  files['xl/sharedStrings.xml'] = strToU8(`${HEAD}<sst ${MAIN}>${strings}</sst>`);
  if (book.macros === true) files['xl/vbaProject.bin'] = new Uint8Array([0xcc, 0x61, 0, 0]);
  if (book.externalLink === true)
    files['xl/externalLinks/externalLink1.xml'] = strToU8(
      `${HEAD}<externalLink ${MAIN}><externalBook/></externalLink>`,
    );
  for (const [name, text] of Object.entries(book.parts ?? {})) files[name] = strToU8(text);
  const types =
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`;
  files['[Content_Types].xml'] = strToU8(`${HEAD}<Types xmlns="${PACKAGE}/content-types">${types}</Types>`);
  return zipSync(files, { level: 6 });
}
