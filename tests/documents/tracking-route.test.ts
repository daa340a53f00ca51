import XlsxPopulate from 'xlsx-populate';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import { TrackingRowsResponse } from '../../src/shared/api';
import { harnessForSuite } from '../proxy/helpers/harness';

const URL = '/v1/documents/tracking';

describe('POST /v1/documents/tracking', () => {
  const h = harnessForSuite();

  it('reads SIRI in PRE and PRO for the Via Oberta lines and returns them as .xlsx with text cells', async () => {
    const res = await h.send('POST', URL, {
      ticket: 42,
      sheet: 'vo',
      environment: 'PRE',
      ensName: 'Ajuntament de Barcelona',
      ine10: DEMO.barcelona.ine10,
      cif: DEMO.barcelona.cif,
      products: ['AEAT', 'CADASTRE'],
      modalities: ['ECOT101', 'DADES_CADASTRALS'],
    });
    expect(res.statusCode).toBe(200);
    const answer = TrackingRowsResponse.parse(res.json());
    expect(answer.authorisations).toEqual({ read: true, reason: null });
    const states = answer.table.lines.map((l) => `${l.cells.modalityCode ?? ''}/${l.cells.env ?? ''}:${l.state}`);
    // The demo's Barcelona holds ECOT101 in PRE and PRO, Cadastre in PRO only.
    expect(states).toEqual([
      'ECOT101/PRE:given',
      'ECOT101/PRO:given',
      'DADES_CADASTRALS/PRE:toGive',
      'DADES_CADASTRALS/PRO:given',
    ]);
    expect(answer.file.fileName).toBe('seguiment-via-oberta-42.xlsx');
    const sheet = (await XlsxPopulate.fromDataAsync(Buffer.from(answer.file.base64, 'base64'))).sheet(0);
    expect(sheet?.name()).toBe('Seguiment VO');
    expect(sheet?.cell(1, 1).value()).toBe('Data');
    // The INE10 keeps its leading zero: a text cell, not a number.
    expect(sheet?.cell(2, 4).value()).toBe('0801930008');
    expect(sheet?.cell(3, 11).value()).toBe('GESTIO_TRIBUTARIA');
    const audit = await h.get('/v1/tickets/42/audit');
    expect(JSON.stringify(audit.json())).toContain('document.tracking');
  });

  it('builds the lines without SIRI when no identifier is valid, and says why', async () => {
    const answer = TrackingRowsResponse.parse(
      (
        await h.send('POST', URL, {
          ticket: 42,
          sheet: 'vo',
          environment: 'PRE',
          ensName: 'Ajuntament de Barcelona',
          products: ['AEAT'],
          modalities: ['ECOT101'],
        })
      ).json(),
    );
    expect(answer.authorisations.read).toBe(false);
    expect(answer.authorisations.reason).toMatch(/INE10 or CIF/);
    expect(answer.table.lines.map((l) => l.state)).toEqual(['toGive', 'notChecked']);
  });

  it('makes the PSCP lines', async () => {
    const answer = TrackingRowsResponse.parse(
      (
        await h.send('POST', URL, {
          ticket: 7,
          sheet: 'pscp',
          environment: 'PRE',
          ensName: 'Ajuntament de Barcelona',
          cif: DEMO.barcelona.cif,
          userNif: DEMO.userReady,
        })
      ).json(),
    );
    expect(answer.table.lines.map((l) => l.cells.sistemaExtern)).toEqual(['aoc_pre', 'aoc']);
    expect(answer.file.fileName).toBe('seguiment-pscp-7.xlsx');
  });

  it('refuses a body that is not a tracking request, naming the field', async () => {
    const res = await h.send('POST', URL, { ticket: 42, sheet: 'excel', environment: 'PRE' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('sheet');
  });
});
