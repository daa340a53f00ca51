import { describe, expect, it } from 'vitest';
import { csvAsRows, describeWithLibreOffice } from './helpers/libreoffice';
import {
  trackingCells,
  trackingCsv,
  trackingPasteText,
  trackingTable,
  type TrackedAuthorisation,
  type TrackingInput,
} from '../../src/domain/documents/tracking';

const BCN = { name: 'Ajuntament de Barcelona', cif: 'P0801900B', ine10: '0801930008' };

const auth = (modality: string, finalitat: string, date: string, product = 'AEAT_DADES'): TrackedAuthorisation => ({
  productCode: product,
  productName: 'AEAT - dades',
  modalityCode: modality,
  modalityName: `Modalitat ${modality}`,
  finalitatCode: finalitat,
  finalitatName: finalitat === 'PROVES' ? 'Monitoratge - Proves' : 'Gestió tributària',
  date,
});

const vo = (extra: Partial<TrackingInput> = {}): TrackingInput => ({
  sheet: 'vo',
  ticket: 4711,
  date: '2026-12-02',
  environment: 'PRE',
  ens: BCN,
  products: ['AEAT', 'CADASTRE'],
  modalities: ['ECOT101', 'DADES_CADASTRALS'],
  ...extra,
});

const byEnv = (table: ReturnType<typeof trackingTable>, modality: string, env: string) =>
  table.lines.find((l) => l.cells.modalityCode === modality && l.cells.env === env);

describe('Via Oberta tracking lines (Pas 1)', () => {
  it('gives one line per modality asked and environment, in the desk’s column order', () => {
    const table = trackingTable(vo({ authorisations: { PRE: [], PRO: [] } }));
    const cells = trackingCells(table);
    expect(cells[0]).toEqual([
      'Data',
      'Tiquet',
      'Ens',
      'INE10',
      'CIF',
      'Entorn',
      'Codi producte',
      'Producte',
      'Codi modalitat',
      'Modalitat',
      'Codi finalitat',
      'Finalitat',
      'Estat',
    ]);
    expect(cells.slice(1).map((r) => `${r[8] ?? ''}/${r[5] ?? ''}`)).toEqual([
      'ECOT101/PRE',
      'ECOT101/PRO',
      'DADES_CADASTRALS/PRE',
      'DADES_CADASTRALS/PRO',
    ]);
    expect(cells[1]?.slice(0, 5)).toEqual(['02/12/2026', '4711', 'Ajuntament de Barcelona', '0801930008', 'P0801900B']);
  });

  it('says what each environment holds, with its finalitat and date, and what is to be given', () => {
    const table = trackingTable(
      vo({
        authorisations: {
          PRE: [],
          PRO: [auth('ECOT101', 'GESTIO_TRIBUTARIA', '2021-03-15T00:00:00.000Z')],
        },
      }),
    );
    const pro = byEnv(table, 'ECOT101', 'PRO');
    expect(pro?.state).toBe('given');
    expect(pro?.cells).toMatchObject({
      finalitatCode: 'GESTIO_TRIBUTARIA',
      finalitat: 'Gestió tributària',
      state: 'Donat d’alta (15/03/2021)',
      productCode: 'AEAT_DADES',
    });
    // Cadastre is not in PRO: the manual sends such a ticket to the Unitat de Suport.
    expect(byEnv(table, 'DADES_CADASTRALS', 'PRO')?.state).toBe('missingInPro');
    // PRE is this ticket's: a MINHAP product gets the SIA finalitat <INE10>_PROVES.
    expect(byEnv(table, 'DADES_CADASTRALS', 'PRE')?.cells).toMatchObject({
      state: 'Per donar d’alta',
      finalitatCode: '0801930008_PROVES',
      finalitat: 'PROVES Ajuntament de Barcelona',
    });
  });

  it('gives a product outside MINHAP the test finalitat PROVES in PRE', () => {
    const table = trackingTable(
      vo({ products: ['AEAT'], modalities: ['ECOT101'], authorisations: { PRE: [], PRO: [] } }),
    );
    expect(byEnv(table, 'ECOT101', 'PRE')?.cells).toMatchObject({
      finalitatCode: 'PROVES',
      finalitat: 'Monitoratge - Proves',
    });
  });

  it('on a PRO ticket gives PRO and reports PRE as it is', () => {
    const table = trackingTable(
      vo({
        environment: 'PRO',
        products: ['AEAT'],
        modalities: ['ECOT101'],
        authorisations: { PRE: [auth('ECOT101', 'PROVES', '2021-02-01T00:00:00.000Z')], PRO: [] },
      }),
    );
    expect(byEnv(table, 'ECOT101', 'PRE')?.state).toBe('given');
    expect(byEnv(table, 'ECOT101', 'PRO')?.state).toBe('toGive');
    expect(byEnv(table, 'ECOT101', 'PRO')?.cells.finalitatCode).toBe('');
  });

  it('without the authorisations read, says the other environment is still to check', () => {
    const table = trackingTable(vo({ products: ['AEAT'], modalities: ['ECOT101'] }));
    expect(table.notes).toContainEqual({ code: 'notChecked' });
    expect(byEnv(table, 'ECOT101', 'PRO')?.state).toBe('notChecked');
  });

  it('names a product asked without a modality and an unknown modality, and keeps a line for each', () => {
    const table = trackingTable(vo({ products: ['AEAT', 'PADRO'], modalities: ['ECOT101', 'NO_SUCH_MODALITY'] }));
    expect(table.notes).toEqual(
      expect.arrayContaining([
        { code: 'noModality', detail: 'PADRO' },
        { code: 'unknownModality', detail: 'NO_SUCH_MODALITY' },
      ]),
    );
    expect(table.lines.filter((l) => l.cells.productCode === 'PADRO')).toHaveLength(2);
  });

  it('leaves out an invalid identifier and names it', () => {
    const table = trackingTable(vo({ ens: { ...BCN, ine10: '12345', cif: 'P0801900C' } }));
    expect(table.notes).toEqual(
      expect.arrayContaining([
        { code: 'invalidIne10', detail: '12345' },
        { code: 'invalidCif', detail: 'P0801900C' },
      ]),
    );
    expect(table.lines[0]?.cells.ine10).toBe('');
    expect(byEnv(table, 'DADES_CADASTRALS', 'PRE')?.cells.finalitatCode).toBe('<INE10>_PROVES');
  });
});

describe('PSCP integrations lines', () => {
  const pscp = (environment: 'PRE' | 'PRO'): TrackingInput => ({
    sheet: 'pscp',
    ticket: 99,
    date: '2026-12-02',
    environment,
    ens: BCN,
    elicita: true,
    userNif: '99999972c',
  });

  it('gives PRE and PRO, with the sistemaExtern of each and the user', () => {
    const cells = trackingCells(trackingTable(pscp('PRE')));
    expect(cells).toEqual([
      ['Data', 'Tiquet', 'Ens', 'CIF', 'INE10', 'Servei', 'Entorn', 'Usuari (NIF)', 'Sistema extern', 'Estat'],
      [
        '02/12/2026',
        '99',
        BCN.name,
        BCN.cif,
        BCN.ine10,
        'PSCP + eLICITA',
        'PRE',
        '99999972C',
        'aoc_pre',
        'Per donar d’alta',
      ],
      [
        '02/12/2026',
        '99',
        BCN.name,
        BCN.cif,
        BCN.ine10,
        'PSCP + eLICITA',
        'PRO',
        '99999972C',
        'aoc',
        'Després de l’homologació',
      ],
    ]);
  });

  it('on the PRO ticket marks PRE as given and PRO as to give', () => {
    const lines = trackingTable(pscp('PRO')).lines;
    expect(lines.map((l) => `${l.cells.env ?? ''}:${l.state}`)).toEqual(['PRE:given', 'PRO:toGive']);
  });
});

describe('CSV and the text to paste', () => {
  const hostile = trackingTable(
    vo({
      ens: { name: '=HYPERLINK("http://example.org";"x"); "Ajuntament"\nB', ine10: BCN.ine10 },
      products: ['AEAT'],
      modalities: ['ECOT101'],
    }),
  );

  it('writes ; between cells, CRLF, a BOM, and quotes what needs it', () => {
    const csv = trackingCsv(trackingTable(vo({ products: ['AEAT'], modalities: ['ECOT101'] })));
    expect(csv.startsWith('\uFEFFData;Tiquet;Ens;INE10;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, PRE, PRO, and the empty string after the last CRLF
    expect(lines[1]?.split(';')).toHaveLength(13);
  });

  it('never lets ticket text become a formula or split a row', () => {
    const csv = trackingCsv(hostile);
    const row = csv.slice(1).split('\r\n')[1] ?? '';
    // Quoted (it holds ; " and a line break), the apostrophe first, quotes doubled.
    expect(row).toContain(`;"'=HYPERLINK(""http://example.org"";""x""); ""Ajuntament""\nB";`);
    const paste = trackingPasteText(hostile).split('\r\n');
    expect(paste).toHaveLength(2);
    expect(paste[0]?.split('\t')[2]).toBe(`'=HYPERLINK("http://example.org";"x"); "Ajuntament" B`);
  });
});

describeWithLibreOffice('the tracking rows’ CSV in LibreOffice', () => {
  it('opens with one cell per column and the texts as written; a formula-like text stays text', async () => {
    const table = trackingTable(
      vo({ ens: { name: '=Ajuntament de Sant Adrià', ine10: BCN.ine10 }, products: ['AEAT'], modalities: ['ECOT101'] }),
    );
    const rows = (await csvAsRows(trackingCsv(table))).filter((r) => r.some((c) => c !== ''));
    const cells = trackingCells(table);
    expect(rows).toHaveLength(cells.length);
    expect(rows[0]).toEqual(cells[0]);
    const at = (column: string): number => table.columns.indexOf(column as (typeof table.columns)[number]);
    for (const [i, row] of rows.slice(1).entries()) {
      const expected = cells[i + 1] ?? [];
      expect(row).toHaveLength(table.columns.length);
      for (const [c, cell] of row.entries()) {
        if (c === at('date') || c === at('ine10')) continue;
        // A text that would start a formula arrives with its apostrophe: shown as text, never run.
        const text = expected[c] ?? '';
        expect(cell, table.columns[c]).toBe(/^[=+\-@]/.test(text) ? `'${text}` : text);
      }
      // What docs/documents.md warns: a spreadsheet reads the date as a date and the INE10 as a
      // number, so the CSV loses the INE10's leading zero (the .xlsx, all text, keeps it).
      expect(row[at('ine10')]).toBe(String(Number(expected[at('ine10')])));
      expect(row[at('date')]).not.toBe('');
    }
    expect(rows[1]?.[at('ens')]).toBe("'=Ajuntament de Sant Adrià");
  }, 240_000);
});
