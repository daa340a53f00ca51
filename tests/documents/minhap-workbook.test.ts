import XlsxPopulate from 'xlsx-populate';
import { zipSync, strToU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { MINHAP_SHEET } from '../../src/domain/documents/minhap';
import { buildMinhapWorkbook, openTemplate, TemplateError } from '../../src/proxy/documents/minhap-workbook';
import { SYNTHETIC_HEADERS, syntheticMinhapTemplate } from '../../src/proxy/documents/synthetic-template';
import { sheetDropDowns } from '../../src/proxy/documents/workbook-xml';
import { describeWithLibreOffice, sheetAsCsv } from './helpers/libreoffice';

const REQUEST = {
  ensName: 'Ajuntament de Barcelona',
  cif: 'P0801900B',
  ine10: '0801930008',
  dir3: 'L01080193',
  modalities: [
    { product: 'DGP_IDENTITAT', modality: 'IDENTITAT_DADES' },
    { product: 'DGP_IDENTITAT', modality: 'IDENTITAT_VERIFICACIO' },
    { product: 'CADASTRE', modality: 'DADES_CADASTRALS' },
  ],
} as const;

let template: Uint8Array;
beforeAll(async () => {
  template = await syntheticMinhapTemplate();
});

async function built(): Promise<Uint8Array> {
  const result = await buildMinhapWorkbook(template, { ...REQUEST, modalities: [...REQUEST.modalities] });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.bytes;
}

describe('the MINHAP template', () => {
  it('has its sheet second, the manual’s columns and drop-downs for Cedente and Servicio', async () => {
    const { workbook, layout } = await openTemplate(template);
    expect(workbook.sheets().map((s) => s.name())[1]).toBe(MINHAP_SHEET);
    expect(layout.columns).toEqual({ organismo: 1, nif: 2, dir3: 3, codigo: 4, cedente: 6, servicio: 7 });
    expect(layout.dropDowns.cedente).toContain('Dirección General de la Policía');
    expect(layout.dropDowns.servicio).toContain('Certificado de datos catastrales');
  });

  it('is refused when a filled column is missing, naming it', async () => {
    const workbook = await XlsxPopulate.fromDataAsync(template);
    workbook.sheet(MINHAP_SHEET)?.cell(1, 6).value('Proveedor');
    const broken = new Uint8Array(await workbook.outputAsync());
    await expect(openTemplate(broken)).rejects.toThrow(TemplateError);
    await expect(openTemplate(broken)).rejects.toThrow(/Cedente/);
  });
});

describe('the filled MINHAP Excel', () => {
  it('has one row per modality, the other cells copied from the first line, nothing else', async () => {
    const sheet = (await XlsxPopulate.fromDataAsync(await built())).sheet(MINHAP_SHEET);
    if (sheet === undefined) throw new Error('no sheet');
    const row = (r: number) => SYNTHETIC_HEADERS.map((_, c) => sheet.cell(r, c + 1).value());
    const first = row(2);
    expect(first.slice(0, 7)).toEqual([
      'Ajuntament de Barcelona',
      'P0801900B',
      'L01080193',
      '0801930008_PROVES',
      expect.stringContaining('Pruebas de integración'),
      'Dirección General de la Policía',
      'Datos de identidad (sin residencia)',
    ]);
    expect(row(3).slice(4)).toEqual([
      first[4],
      'Dirección General de la Policía',
      'Verificación de la identidad (sin residencia)',
      ...first.slice(7),
    ]);
    expect(row(4)[5]).toBe('Dirección General del Catastro');
    expect(row(5).every((v) => v === undefined)).toBe(true);
  });

  it('keeps the template’s drop-downs, hidden list sheet and first line’s format', async () => {
    const bytes = await built();
    expect(sheetDropDowns(bytes, MINHAP_SHEET)).toEqual(sheetDropDowns(template, MINHAP_SHEET));
    const workbook = await XlsxPopulate.fromDataAsync(bytes);
    expect(workbook.sheet('Listas')?.hidden()).toBe(true);
    const sheet = workbook.sheet(MINHAP_SHEET);
    expect(sheet?.cell(4, 8).style(['fontColor'])).toEqual(sheet?.cell(2, 8).style(['fontColor']));
  });

  it('refuses a template that is not a workbook', async () => {
    const notWorkbook = zipSync({ 'a.txt': strToU8('hello') });
    await expect(buildMinhapWorkbook(notWorkbook, { ...REQUEST, modalities: [] })).rejects.toThrow(/not an Excel/);
    expect(Object.keys(unzipSync(template))).toContain('xl/workbook.xml');
  });
});

describeWithLibreOffice('the filled MINHAP Excel in LibreOffice', () => {
  it('opens with the expected cells on its second sheet', async () => {
    const rows = await sheetAsCsv(await built(), 2);
    expect(rows[0]).toEqual([...SYNTHETIC_HEADERS]);
    expect(rows.slice(1).map((r) => r.slice(0, 7))).toEqual([
      [
        'Ajuntament de Barcelona',
        'P0801900B',
        'L01080193',
        '0801930008_PROVES',
        rows[1]?.[4],
        'Dirección General de la Policía',
        'Datos de identidad (sin residencia)',
      ],
      [
        'Ajuntament de Barcelona',
        'P0801900B',
        'L01080193',
        '0801930008_PROVES',
        rows[1]?.[4],
        'Dirección General de la Policía',
        'Verificación de la identidad (sin residencia)',
      ],
      [
        'Ajuntament de Barcelona',
        'P0801900B',
        'L01080193',
        '0801930008_PROVES',
        rows[1]?.[4],
        'Dirección General del Catastro',
        'Certificado de datos catastrales',
      ],
    ]);
    expect(rows[1]?.[4]).toMatch(/^Pruebas de integración/);
  }, 300_000);
});
