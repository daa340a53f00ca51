import XlsxPopulate from 'xlsx-populate';
import { describe, expect, it } from 'vitest';
import { MINHAP_SHEET } from '../../src/domain/documents/minhap';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import { DcocLinesResponse, MinhapExcelResponse } from '../../src/shared/api';
import { harnessForSuite } from '../proxy/helpers/harness';

const URL = '/v1/documents/minhap';
const body = (extra: Record<string, unknown> = {}) => ({
  ticket: 42,
  ensName: 'Ajuntament de Barcelona',
  cif: DEMO.barcelona.cif,
  ine10: DEMO.barcelona.ine10,
  modalities: [{ product: 'CADASTRE', modality: 'DADES_CADASTRALS' }],
  ...extra,
});

describe('POST /v1/documents/minhap', () => {
  const h = harnessForSuite();

  it('builds the Excel with the DIR3 read from DIR3_2_INE10_UO and audits it', async () => {
    const res = await h.send('POST', URL, body());
    expect(res.statusCode).toBe(200);
    const answer = MinhapExcelResponse.parse(res.json());
    if (answer.status !== 'built') throw new Error(JSON.stringify(answer));
    expect(answer.dir3).toEqual({ value: 'L01080193', source: 'table', note: null });
    expect(answer.file.fileName).toBe('Plantilla-Procedimientos-Administrativos.xlsx');
    const sheet = (await XlsxPopulate.fromDataAsync(Buffer.from(answer.file.base64, 'base64'))).sheet(MINHAP_SHEET);
    expect([1, 2, 3, 4, 6, 7].map((c) => sheet?.cell(2, c).value())).toEqual([
      'Ajuntament de Barcelona',
      'P0801900B',
      'L01080193',
      '0801930008_PROVES',
      'Dirección General del Catastro',
      'Certificado de datos catastrales',
    ]);
    const audit = await h.get('/v1/tickets/42/audit');
    expect(JSON.stringify(audit.json())).toContain('document.minhap');
  });

  it('takes the DIR3 the agent typed over the table', async () => {
    const answer = MinhapExcelResponse.parse((await h.send('POST', URL, body({ dir3: 'L01080193' }))).json());
    expect(answer.status === 'built' && answer.dir3.source).toBe('request');
  });

  it('refuses naming each missing or wrong value, with no file', async () => {
    const res = await h.send('POST', URL, body({ ensName: ' ', cif: 'P0801900C', modalities: [] }));
    expect(res.statusCode).toBe(200);
    const answer = MinhapExcelResponse.parse(res.json());
    expect(answer.status).toBe('refused');
    if (answer.status !== 'refused') return;
    expect(answer.problems.map((p) => `${p.value}:${p.code}`)).toEqual([
      'ensName:missing',
      'cif:invalid',
      'modalities:missing',
    ]);
  });

  it('refuses a DIR3 it cannot find, saying where to look', async () => {
    // The Consorci AOC has no DIR3 row and is no ajuntament: nothing can be derived.
    const answer = MinhapExcelResponse.parse(
      (await h.send('POST', URL, body({ ine10: DEMO.consorciAoc.ine10, cif: DEMO.consorciAoc.cif }))).json(),
    );
    expect(answer.status).toBe('refused');
    if (answer.status !== 'refused') return;
    expect(answer.problems.map((p) => [p.value, p.code])).toEqual([['dir3', 'missing']]);
    expect(answer.problems[0]?.detail).toContain('state directory');
  });

  it('validates the body at the edge', async () => {
    const res = await h.send('POST', URL, body({ modalities: [{ product: 'NOPE', modality: 'X' }] }));
    expect(res.statusCode).toBe(400);
    const unsigned = await h.app.inject({ method: 'POST', url: URL, payload: body() });
    expect(unsigned.statusCode).toBe(401);
  });

  it('GET /v1/documents/dcoc-lines: every organismes list with the ens added in both forms', async () => {
    const res = await h.get(`/v1/documents/dcoc-lines?ticket=42&ine10=${DEMO.barcelona.ine10}`);
    expect(res.statusCode).toBe(200);
    const answer = DcocLinesResponse.parse(res.json());
    expect(answer.ine10).toBe('0801930008');
    const coit = answer.lines.find((l) => l.colegi === 'COIT');
    expect(coit?.added).toEqual(['801930008', '0801930008']);
    expect(coit?.after.endsWith(',801930008,0801930008')).toBe(true);
    expect(answer.lines.find((l) => l.colegi === 'COAC')?.added).toEqual([]);
    expect((await h.get('/v1/documents/dcoc-lines?ticket=42&ine10=12')).statusCode).toBe(400);
  });
});
