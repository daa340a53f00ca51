/**
 * Opens a generated workbook in LibreOffice (Debian's libreoffice-calc-nogui) and reads one sheet
 * back as CSV: the proof that a file the proxy writes opens in a spreadsheet application with the
 * expected cells. Without `soffice` the suite is skipped locally and fails under CI.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe } from 'vitest';

const run = promisify(execFile);
const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));

const inCi = (): boolean => process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

export function describeWithLibreOffice(name: string, body: () => void): void {
  if (SOFFICE === undefined) {
    if (inCi()) throw new Error(`${name}: soffice is missing in CI (.ci/run installs libreoffice-calc-nogui)`);
    process.stderr.write(`Skipping "${name}": no soffice (apt-get install -y libreoffice-calc-nogui)\n`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

/** A minimal CSV reader for LibreOffice's output (quotes doubled inside quoted fields). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * Has LibreOffice convert `input` (written as `name`) to CSV with the given filters and returns
 * the rows it wrote. Each call has its own profile directory, so parallel test files do not share
 * LibreOffice's lock; the output goes to its own folder, so a CSV input is never read back.
 */
async function convertToCsv(
  name: string,
  input: string | Uint8Array,
  filters: { readonly in?: string; readonly out: string },
): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'aoc-soffice-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, input);
    const out = join(dir, 'out');
    await run(
      SOFFICE ?? 'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        ...(filters.in === undefined ? [] : [`--infilter=${filters.in}`]),
        '--convert-to',
        filters.out,
        '--outdir',
        out,
        file,
      ],
      { timeout: 240_000 },
    );
    const csv = readdirSync(out).find((f) => f.endsWith('.csv'));
    if (csv === undefined) throw new Error('LibreOffice wrote no CSV');
    return parseCsv(readFileSync(join(out, csv), 'utf8').replace(/^\uFEFF/, ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Converts sheet `sheet` (1-based) of an .xlsx to CSV with LibreOffice and returns its rows. */
export function sheetAsCsv(bytes: Uint8Array, sheet: number): Promise<string[][]> {
  // 44 = comma, 34 = double quote, 76 = UTF-8; the 12th token picks the sheet.
  return convertToCsv('book.xlsx', bytes, {
    out: `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${String(sheet)}`,
  });
}

/**
 * Opens a `;`-separated UTF-8 CSV in LibreOffice (as a Catalan or Spanish spreadsheet opens the
 * desk's CSV) and writes it back comma-separated: the cells LibreOffice found, row by row.
 */
export function csvAsRows(text: string): Promise<string[][]> {
  // In: 59 = semicolon, 34 = double quote, 76 = UTF-8. Out: 44 = comma.
  return convertToCsv('rows.csv', text, { in: 'CSV:59,34,76,1', out: 'csv:Text - txt - csv (StarCalc):44,34,76,1' });
}
