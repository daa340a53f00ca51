import { describe, expect, it } from 'vitest';
import { coverage } from '../../src/proxy/checks/coverage';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import type { Authorisation } from '../../src/shared/api';
import { harnessForSuite } from './helpers/harness';

const auth = (producte: string, modalitat: string, finalitat = 'PROVES'): Authorisation => ({
  organisme: { codi: '4317110007', nom: 'Ajuntament de Vila-seca', cif: null },
  producte: { codi: producte, nom: null },
  modalitat: { codi: modalitat, nom: null },
  finalitat: { codi: finalitat, nom: null },
  dataAlta: null,
});

describe('asked × PRO × PRE', () => {
  it('all asked in PRO, part already in PRE: the alta gives only the rest', () => {
    const pro = [auth('AEAT_DADES', 'ECOT101', 'GESTIO_TRIBUTARIA'), auth('SCSP_TGSS', 'Q2827003ATGSS001B')];
    const pre = [auth('AEAT_DADES', 'ECOT101')];
    const r = coverage({ products: ['TGSS'], modalities: ['ECOT101'] }, pro, pre);
    expect(r.rows.map((x) => [x.asked.code, x.pro.length, x.pre.length])).toEqual([
      ['ECOT101', 1, 1],
      ['TGSS', 1, 0],
    ]);
    expect(r.missingInPro).toEqual([]);
    expect(r.alreadyInPre).toEqual(['ECOT101']);
    expect(r.answers).toEqual({ 'vo.authorisedInPro': true, 'vo.alreadyInPre': false });
    expect(r.verdict.ca).toMatch(/Ja són a PRE.*ECOT101/);
  });

  it('a row of another product does not count: what is missing goes to the Unitat de Suport', () => {
    const pro = [auth('AEAT_DADES', 'ECOT101')];
    const r = coverage({ products: ['CADASTRE'], modalities: [] }, pro, []);
    expect(r.missingInPro).toEqual(['CADASTRE']);
    expect(r.answers['vo.authorisedInPro']).toBe(false);
    expect(r.verdict.ca).toMatch(/Falten a PRO: CADASTRE.*Unitat de Suport/);
  });

  it('a named modality is compared as a modality, not as "any row of the product"', () => {
    const pro = [auth('AEAT_DADES', 'ECOT101')];
    const r = coverage({ products: ['AEAT'], modalities: ['IRPF'] }, pro, []);
    expect(r.rows).toHaveLength(1);
    expect(r.missingInPro).toEqual(['IRPF']);
  });

  it('everything already in PRE skips the alta; nothing asked answers nothing', () => {
    const a = [auth('SCSP_TGSS', 'Q2827003ATGSS001B')];
    expect(coverage({ products: [], modalities: ['Q2827003ATGSS001B'] }, a, a).answers['vo.alreadyInPre']).toBe(true);
    const none = coverage({ products: [], modalities: [] }, a, a);
    expect(none.answers).toEqual({ 'vo.authorisedInPro': false, 'vo.alreadyInPre': false });
    expect(none.verdict.ca).toMatch(/No se sap què demana/);
  });
});

describe('the checks through the proxy', () => {
  const h = harnessForSuite();

  it('coverage: each row holds exactly the environment’s rows of what was asked', async () => {
    const res = await h.get(
      `/v1/checks/authorisation-coverage?ticket=7&ine10=${DEMO.vilaSeca.ine10}&modalities=ECOT101,IDENTITAT_DADES,IRPF`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      rows: { asked: { code: string }; pro: string[]; pre: string[] }[];
      pro: { authorisations: Authorisation[] };
      pre: { authorisations: Authorisation[] };
      answers: Record<string, boolean>;
    }>();
    for (const row of body.rows) {
      for (const env of ['pro', 'pre'] as const) {
        const expected = body[env].authorisations
          .filter((a) => a.modalitat.codi.toUpperCase() === row.asked.code)
          .map((a) => `${a.producte.codi} / ${a.modalitat.codi} / ${a.finalitat.codi}`);
        expect(row[env], `${row.asked.code} ${env}`).toEqual(expected);
      }
    }
    expect(body.answers['vo.authorisedInPro']).toBe(body.rows.every((r) => r.pro.length > 0));
  });

  it('coverage refuses a request that says nothing of what is asked', async () => {
    const res = await h.get(`/v1/checks/authorisation-coverage?ticket=7&ine10=${DEMO.vilaSeca.ine10}`);
    expect(res.statusCode).toBe(400);
  });

  it('INE10_PROVES is found in both forms SIRI stores (with and without the leading zero)', async () => {
    const short = DEMO.barcelona.ine10.slice(1) + '_PROVES';
    await h.databases.store.query(
      `INSERT INTO SIRI.AOC_PCI_SIRI_FINALITAT (ID, CODI, NOM)
       VALUES ((SELECT MAX(ID) + 1 FROM SIRI.AOC_PCI_SIRI_FINALITAT), :codi, 'PROVES Barcelona')`,
      { codi: short },
    );
    const res = await h.get(`/v1/checks/finalitat?env=PRO&ticket=7&ine10=${DEMO.barcelona.ine10}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ exists: boolean; lookup: { value: string }; matches: { codi: string }[] }>();
    expect(body.lookup.value).toBe(`${DEMO.barcelona.ine10}_PROVES`);
    expect(body.exists).toBe(true);
    expect(body.matches.map((m) => m.codi)).toEqual([short]);
  });

  it('finds the ens’s INE10 from the organisation’s name, accents and prefix aside, or from its NIF', async () => {
    const byName = await h.get(
      `/v1/checks/ens?ticket=7&name=${encodeURIComponent('Ajuntament de Sant Cugat del Valles')}`,
    );
    expect(byName.statusCode).toBe(200);
    const b = byName.json<{ candidates: { ine10: string; nom: string; exact: boolean }[] }>();
    expect(b.candidates[0]).toMatchObject({
      ine10: '0820550006',
      nom: 'Ajuntament de Sant Cugat del Vallès',
      exact: true,
    });
    const vilaSeca = await h.get(`/v1/checks/ens?ticket=7&name=${encodeURIComponent('Vila-seca')}`);
    expect(vilaSeca.json<{ candidates: { ine10: string }[] }>().candidates[0]?.ine10).toBe(DEMO.vilaSeca.ine10);
    const byNif = await h.get(`/v1/checks/ens?ticket=7&nif=${DEMO.barcelona.cif}`);
    expect(byNif.json<{ candidates: { ine10: string; exact: boolean }[] }>().candidates).toEqual([
      expect.objectContaining({ ine10: DEMO.barcelona.ine10, exact: true }),
    ]);
    expect((await h.get(`/v1/checks/ens?ticket=7&name=${encodeURIComponent('50%_x')}`)).statusCode).toBe(400);
  });
});
