import XlsxPopulate from 'xlsx-populate';
import { describe, expect, it } from 'vitest';
import { columnKindOf, readEnsList, servicesIn, type EnsListReading } from '../../src/domain/documents/ens-list';
import { inspectXlsx } from '../../src/domain/documents/xlsx-archive';
import { readWorkbookRows, serialToIsoDate, SheetReadError } from '../../src/domain/documents/xlsx-cells';
import { ine10For } from '../../src/domain/identifiers';
import { rawXlsx, type RawCell, type RawSheet } from './helpers/raw-xlsx';

const BARCELONA = { ine10: '0801930008', cif: 'P0801900B' };
const TERRASSA = ine10For('08279');

function read(bytes: Uint8Array, defaults = {}): EnsListReading {
  const archive = inspectXlsx(bytes);
  if (!archive.ok) throw new Error(archive.message);
  return readEnsList(readWorkbookRows(bytes), archive.facts, defaults);
}

function readSheet(rows: readonly (readonly RawCell[])[], extra: Partial<RawSheet> = {}, defaults = {}) {
  const reading = read(rawXlsx({ sheets: [{ name: 'Ajuntaments', rows, ...extra }] }), defaults);
  if (!reading.ok) throw new Error(reading.message);
  return reading;
}

describe('header synonyms', () => {
  it('knows Catalan and Spanish headers whatever their case, accents or notes in brackets', () => {
    expect(columnKindOf('Nom de l’ens')).toBe('name');
    expect(columnKindOf('NOMBRE DEL AYUNTAMIENTO')).toBe('name');
    expect(columnKindOf('Codi INE10')).toBe('ine10');
    expect(columnKindOf('Código INE')).toBe('ine');
    expect(columnKindOf('CIF (sense guions)')).toBe('cif');
    expect(columnKindOf('Servicio')).toBe('service');
    expect(columnKindOf('Producte')).toBe('product');
    expect(columnKindOf('Telèfon')).toBe('ignored');
    expect(columnKindOf('Codi postal')).toBeUndefined();
  });

  it('reads services by their catalogue names and acronyms, EACAT as OVER, and names what it does not know', () => {
    expect(servicesIn('MUX, e-NOTUM').services).toEqual(['MUX', 'ENOTUM']);
    expect(servicesIn('EACAT').services).toEqual(['OVER']);
    expect(servicesIn('e-TAULER i Teletransmissió')).toEqual({ services: ['ETAULER'], unknown: ['Teletransmissió'] });
  });
});

describe('readEnsList', () => {
  it('finds the header under a title, reads each ens and reports the columns it does not know', () => {
    const list = readSheet([
      ['Plantilla SetDIBA: altes a e-NOTUM'],
      [],
      ['Núm.', 'Nom ajuntament', 'Codi INE10', 'CIF', 'Servei', 'Codi postal'],
      [1, 'Ajuntament de Barcelona', BARCELONA.ine10, BARCELONA.cif, 'e-NOTUM', '08002'],
      [2, 'Ajuntament de Terrassa', TERRASSA, null, 'e-NOTUM', '08221'],
    ]);
    expect(list.headerRow).toBe(3);
    expect(list.columns.map((c) => `${c.column}:${c.kind}`)).toEqual([
      'A:ignored',
      'B:name',
      'C:ine10',
      'D:cif',
      'E:service',
    ]);
    expect(list.unknownColumns).toEqual([{ column: 'F', header: 'Codi postal' }]);
    expect(list.rows.map((r) => [r.row, r.key, r.services])).toEqual([
      [4, { by: 'ine10', value: BARCELONA.ine10 }, ['ENOTUM']],
      [5, { by: 'ine10', value: TERRASSA }, ['ENOTUM']],
    ]);
  });

  it('makes a row with a wrong identifier invalid, naming the cell and the validator’s reason', () => {
    const list = readSheet([
      ['Nom', 'INE10', 'CIF'],
      ['Ajuntament de Barcelona', BARCELONA.ine10, 'P0801900C'],
      ['Ajuntament de Ningú', '12AB', null],
      [null, null, null, 'una nota fora de la taula'],
    ]);
    expect(list.rows).toHaveLength(2);
    const [cif, ine] = list.rows;
    expect(cif?.key).toBeNull();
    expect(cif?.problems.map((p) => [p.code, p.cell, p.value])).toEqual([['cif', 'C2', 'P0801900C']]);
    expect(cif?.problems[0]?.identifier).toMatch(/^nif\./);
    expect(ine?.problems.map((p) => [p.code, p.cell, p.identifier])).toEqual([['ine10', 'B3', 'ine10.characters']]);
  });

  it('derives the ajuntament’s INE10 from a 5-digit INE typed as a number, and refuses one of another municipality', () => {
    const list = readSheet([
      ['Ajuntament', 'INE', 'INE10'],
      ['Barcelona', 8019, null],
      ['Terrassa', '08279', BARCELONA.ine10],
    ]);
    expect(list.rows[0]?.key).toEqual({ by: 'ine10', value: BARCELONA.ine10 });
    expect(list.rows[0]?.notes.map((n) => n.code)).toEqual(['number', 'ineDerived']);
    expect(list.rows[1]?.problems.map((p) => p.code)).toEqual(['ineMismatch']);
  });

  it('looks an ens up by CIF, or by its name alone when the list gives nothing else', () => {
    const list = readSheet([
      ['Ens', 'NIF'],
      ['Ajuntament de Barcelona', BARCELONA.cif],
      ['Ajuntament de Terrassa', null],
    ]);
    expect(list.rows.map((r) => r.key)).toEqual([
      { by: 'nif', value: BARCELONA.cif },
      { by: 'name', value: 'Ajuntament de Terrassa' },
    ]);
  });

  it('takes the ticket’s services for a list without a service column, and refuses a service it does not know', () => {
    const list = readSheet(
      [
        ['Nom', 'INE10'],
        ['Barcelona', BARCELONA.ine10],
      ],
      {},
      { services: ['MUX', 'OVER'] },
    );
    expect(list.rows[0]?.services).toEqual(['MUX', 'OVER']);
    const unknown = readSheet([
      ['Nom', 'INE10', 'Servei'],
      ['Barcelona', BARCELONA.ine10, 'Telepatia'],
    ]);
    expect(unknown.rows[0]?.problems.map((p) => [p.code, p.value])).toEqual([['service', 'Telepatia']]);
  });

  it('takes a formula’s cached value and says so; a formula without one leaves the cell empty, reported', () => {
    const list = readSheet([
      ['Nom', 'INE10', 'CIF'],
      [
        { formula: 'CONCAT("Ajuntament de ","Barcelona")', cached: 'Ajuntament de Barcelona' },
        { formula: 'Full2!B2', cached: BARCELONA.ine10 },
        null,
      ],
      ['Ajuntament de Terrassa', TERRASSA, { formula: '[1]Ens!C3' }],
    ]);
    expect(list.rows[0]?.name).toBe('Ajuntament de Barcelona');
    expect(list.rows[0]?.ine10).toBe(BARCELONA.ine10);
    expect(list.rows[0]?.notes.filter((n) => n.code === 'formula').map((n) => n.cell)).toEqual(['A2', 'B2']);
    expect(list.rows[1]?.cif).toBeNull();
    expect(list.notes).toContainEqual({ code: 'uncachedFormulas', detail: 'C3', count: 1 });
  });

  it('gives a merged range’s value to each of its rows, saying from which cell', () => {
    const list = readSheet(
      [
        ['Servei', 'Nom', 'INE10'],
        ['MUX', 'Barcelona', BARCELONA.ine10],
        [null, 'Terrassa', TERRASSA],
      ],
      { merged: ['A2:A3'] },
    );
    expect(list.rows.map((r) => r.services)).toEqual([['MUX'], ['MUX']]);
    expect(list.rows[1]?.notes).toContainEqual({ code: 'merged', cell: 'A3', detail: 'A2' });
  });

  it('reads a number in a date format as a date, and never as a code', () => {
    expect(serialToIsoDate(45627)).toBe('2024-12-01');
    expect(serialToIsoDate(59)).toBe('1900-02-28');
    const list = readSheet([
      ['Nom', 'INE10', 'Data alta'],
      ['Barcelona', { date: 45627 }, { date: 45627 }],
    ]);
    expect(list.rows[0]?.problems.map((p) => [p.code, p.value])).toEqual([['date', '2024-12-01']]);
  });

  it('skips empty rows inside the table and counts them; a row with Excel’s error value is invalid', () => {
    const list = readSheet([
      ['Nom', 'INE10'],
      ['Barcelona', BARCELONA.ine10],
      [],
      [],
      ['Terrassa', { error: '#REF!' }],
    ]);
    expect(list.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(list.notes).toContainEqual({ code: 'emptyRows', count: 2 });
    expect(list.rows[1]?.problems.map((p) => p.code)).toEqual(['errorValue']);
  });

  it('stops at the row cap of a huge sheet and says so', () => {
    const rows: RawCell[][] = [['Nom', 'INE10']];
    for (let i = 0; i < 5000; i++) rows.push([`Ens ${String(i)}`, BARCELONA.ine10]);
    const bytes = rawXlsx({ sheets: [{ name: 'Llista', rows }] });
    const archive = inspectXlsx(bytes);
    if (!archive.ok) throw new Error(archive.message);
    const list = readEnsList(readWorkbookRows(bytes, { maxRows: 300, maxColumns: 60, maxSheets: 5 }), archive.facts);
    if (!list.ok) throw new Error(list.message);
    expect(list.rows).toHaveLength(299);
    expect(list.notes).toContainEqual({ code: 'truncated', count: 299 });
  });

  it('reports macros and external links: the values are read, nothing is run or followed', () => {
    const list = read(
      rawXlsx({
        sheets: [
          {
            name: 'Ens',
            rows: [
              ['Nom', 'INE10'],
              ['Barcelona', BARCELONA.ine10],
            ],
          },
        ],
        macros: true,
        externalLink: true,
      }),
    );
    expect(list.ok && list.notes.map((n) => n.code)).toEqual(['macros', 'externalLinks']);
  });

  it('skips hidden sheets and a first sheet of instructions; refuses a workbook with no list', () => {
    const list = read(
      rawXlsx({
        sheets: [
          { name: 'Instruccions', rows: [['Ompliu la fulla següent']] },
          {
            name: 'Llistes',
            rows: [
              ['Nom', 'INE10'],
              ['Fals', '0000000000'],
            ],
            hidden: true,
          },
          {
            name: 'Ajuntaments',
            rows: [
              ['Nom', 'CIF'],
              [{ shared: 'Ajuntament de Barcelona' }, BARCELONA.cif],
            ],
          },
        ],
      }),
    );
    expect(list.ok && [list.sheet, list.rows[0]?.name]).toEqual(['Ajuntaments', 'Ajuntament de Barcelona']);
    expect(list.ok && list.notes).toContainEqual({ code: 'otherSheets', detail: 'Ajuntaments', count: 1 });
    const none = read(
      rawXlsx({
        sheets: [
          {
            name: 'Full1',
            rows: [
              ['Codi postal', 'Carrer'],
              ['08002', 'Major'],
            ],
          },
        ],
      }),
    );
    expect(none.ok ? 'read' : none.reason).toBe('noHeader');
    const empty = read(rawXlsx({ sheets: [{ name: 'Full1', rows: [['Nom', 'INE10']] }] }));
    expect(empty.ok ? 'read' : empty.reason).toBe('noRows');
  });

  it('refuses a sheet that declares a DTD even past the archive check', () => {
    const bytes = rawXlsx({ sheets: [{ name: 'Ens', rows: [['Nom']] }] });
    const withDtd = rawXlsx({
      sheets: [],
      parts: {
        'xl/worksheets/sheet1.xml': '<!DOCTYPE x [<!ENTITY a "b">]><worksheet><sheetData/></worksheet>',
      },
    });
    expect(inspectXlsx(withDtd).ok).toBe(false);
    expect(readWorkbookRows(bytes)).toHaveLength(1);
    expect(() => readWorkbookRows(withDtdListed())).toThrow(SheetReadError);
  });

  it('reads a workbook that a spreadsheet library wrote (shared strings, styles)', async () => {
    const book = await XlsxPopulate.fromBlankAsync();
    const sheet = book.sheet(0);
    if (sheet === undefined) throw new Error('a blank workbook has a sheet');
    sheet.name('Altes');
    const rows = [
      ['Nombre del ayuntamiento', 'Código INE10', 'Servicio'],
      ['Ayuntamiento de Barcelona', BARCELONA.ine10, 'e-TAULER'],
    ];
    rows.forEach((cells, r) => {
      cells.forEach((v, c) => sheet.cell(r + 1, c + 1).value(v));
    });
    const bytes = new Uint8Array(await book.outputAsync());
    const list = read(bytes);
    expect(list.ok && list.rows.map((r) => [r.name, r.ine10, r.services])).toEqual([
      ['Ayuntamiento de Barcelona', BARCELONA.ine10, ['ETAULER']],
    ]);
  });
});

/** A workbook whose listed sheet declares a DTD (what `inspectXlsx` refuses first). */
function withDtdListed(): Uint8Array {
  return rawXlsx({
    sheets: [{ name: 'Ens', rows: [] }],
    parts: { 'xl/worksheets/sheet1.xml': '<!DOCTYPE x><worksheet><sheetData/></worksheet>' },
  });
}
