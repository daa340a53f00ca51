import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/domain/catalogue';
import { MINHAP_CEDENTES } from '../../src/domain/documents/minhap-cedentes';
import { minhapColumns, minhapRows, type MinhapRequest } from '../../src/domain/documents/minhap';

const IDENTITAT = { product: 'DGP_IDENTITAT', modality: 'IDENTITAT_DADES' } as const;
const BARCELONA: MinhapRequest = {
  ensName: 'Ajuntament de Barcelona',
  cif: 'P-0801900-B',
  ine10: '801930008',
  dir3: 'L01080193',
  modalities: [
    { product: 'DGP_IDENTITAT', modality: 'IDENTITAT_DADES' },
    { product: 'CADASTRE', modality: 'DADES_CADASTRALS' },
  ],
};

describe('MINHAP Excel rows', () => {
  it('writes one row per modality with the manual’s values', () => {
    const result = minhapRows(BARCELONA);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => r.cells)).toEqual([
      {
        organismo: 'Ajuntament de Barcelona',
        nif: 'P0801900B',
        dir3: 'L01080193',
        codigo: '0801930008_PROVES',
        cedente: 'Dirección General de la Policía',
        servicio: 'Datos de identidad (sin residencia)',
      },
      {
        organismo: 'Ajuntament de Barcelona',
        nif: 'P0801900B',
        dir3: 'L01080193',
        codigo: '0801930008_PROVES',
        cedente: 'Dirección General del Catastro',
        servicio: 'Certificado de datos catastrales',
      },
    ]);
  });

  it('drops a modality given twice and keeps no blank in the procedure code', () => {
    const result = minhapRows({
      ...BARCELONA,
      ine10: ' 0801930008 ',
      modalities: [IDENTITAT, IDENTITAT],
    });
    expect(result.ok && result.rows.map((r) => r.cells.codigo)).toEqual(['0801930008_PROVES']);
  });

  it('refuses naming every missing value at once', () => {
    const result = minhapRows({ modalities: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.value, p.code])).toEqual([
      ['ensName', 'missing'],
      ['cif', 'missing'],
      ['ine10', 'missing'],
      ['dir3', 'missing'],
      ['modalities', 'missing'],
    ]);
  });

  it('refuses invalid identifiers with the validator’s reason', () => {
    const result = minhapRows({ ...BARCELONA, cif: 'P0801900C', ine10: '08019300', dir3: 'L01080190' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.value, p.code, p.detail])).toEqual([
      ['cif', 'invalid', 'P0801900C'],
      ['ine10', 'invalid', '08019300'],
      ['dir3', 'invalid', 'L01080190'],
    ]);
  });

  it('refuses a product that is not asked of MINHAP (AEAT) and a modality of another product', () => {
    const result = minhapRows({
      ...BARCELONA,
      modalities: [
        { product: 'AEAT', modality: 'ECOT101' },
        { product: 'CADASTRE', modality: 'IDENTITAT_DADES' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual(['notMinhap', 'unknownModality']);
  });

  it('takes the drop-down’s spelling, and refuses a name the template no longer offers', () => {
    const spelled = minhapRows(BARCELONA, {
      cedente: ['DIRECCION GENERAL DE LA POLICIA', 'Dirección General del Catastro'],
      servicio: ['datos de identidad (sin residencia)', 'Certificado de datos catastrales'],
    });
    expect(spelled.ok && spelled.rows.map((r) => [r.cells.cedente, r.cells.servicio])).toEqual([
      ['DIRECCION GENERAL DE LA POLICIA', 'datos de identidad (sin residencia)'],
      ['Dirección General del Catastro', 'Certificado de datos catastrales'],
    ]);
    const renamed = minhapRows(BARCELONA, { cedente: ['Dirección General del Catastro'] });
    expect(renamed.ok).toBe(false);
    if (renamed.ok) return;
    expect(renamed.problems).toEqual([
      expect.objectContaining({ value: 'cedente', code: 'notInDropDown', detail: 'Dirección General de la Policía' }),
    ]);
  });

  it('has a Cedente for every catalogue product that goes through MINHAP, and none for the others', () => {
    const minhap = CATALOGUE.products.filter((p) => p.minhap).map((p) => p.id);
    expect(Object.keys(MINHAP_CEDENTES).sort()).toEqual([...minhap].sort());
  });

  it('finds the filled columns by header, whatever the case and accents, and names missing ones', () => {
    const found = minhapColumns([
      'ORGANISMO SOLICITANTE',
      'nif',
      'Dir3',
      'Codigo de procedimiento',
      'x',
      'Cedente',
      'Servicio',
    ]);
    expect(found).toEqual({
      ok: true,
      columns: { organismo: 0, nif: 1, dir3: 2, codigo: 3, cedente: 5, servicio: 6 },
    });
    expect(minhapColumns(['Organismo Solicitante', 'NIF'])).toEqual({
      ok: false,
      missing: ['DIR3', 'Código de Procedimiento', 'Cedente', 'Servicio'],
    });
  });
});
