/**
 * Every endpoint, end to end, against whichever database the caller set up (PGlite or a real
 * PostgreSQL server): the same expectations must hold on both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../src/proxy/db/demo/demo-data';
import type {
  AuditResponse,
  AuthorisationsResponse,
  DcocConfigResponse,
  Dir3Response,
  FinalitatResponse,
  HealthResponse,
  IntegratorListResponse,
  OrganismeResponse,
  ProgressResponse,
  PscpOrganResponse,
  PscpUserResponse,
  RegisterIntegratorResponse,
} from '../../../src/shared/api';
import type { Harness } from './harness';

// The type argument only names the response schema the test reads; nothing checks it at run time.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
const json = <T>(res: { json: () => unknown }): T => res.json() as T;

export function endpointSuite(harness: () => Harness): void {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });

  describe('GET /v1/checks/authorisations', () => {
    it('lists an ens’s PRO authorisations by INE10, newest first, hiding expired finalitats', async () => {
      const res = await h.get(`/v1/checks/authorisations?env=PRO&ine10=${DEMO.barcelona.ine10}&ticket=101`);
      expect(res.statusCode).toBe(200);
      const body = json<AuthorisationsResponse>(res);
      expect(body.env).toBe('PRO');
      const triples = body.authorisations.map((a) => `${a.producte.codi}/${a.modalitat.codi}/${a.finalitat.codi}`);
      expect(triples).toContain('AEAT_DADES/ECOT101/GESTIO_TRIBUTARIA');
      expect(triples).toContain('SCSP_TGSS/Q2827003ATGSS001B/SERVEIS_SOCIALS');
      expect(triples.some((t) => t.endsWith(`/${DEMO.expiredFinalitat}`))).toBe(false);
      expect(new Set(body.authorisations.map((a) => a.organisme.codi))).toEqual(new Set(['801930008']));
      const dates = body.authorisations.map((a) => a.dataAlta ?? '');
      expect(dates).toEqual([...dates].sort().reverse());
      expect(body.truncated).toBe(false);
    });

    it('finds the same rows by the 9-digit code (with a warning) and by NIF in any typed form', async () => {
      const byTen = json<AuthorisationsResponse>(
        await h.get(`/v1/checks/authorisations?env=PRO&ine10=${DEMO.barcelona.ine10}&ticket=101`),
      );
      const byNine = json<AuthorisationsResponse>(
        await h.get('/v1/checks/authorisations?env=PRO&ine10=801930008&ticket=101'),
      );
      const byNif = json<AuthorisationsResponse>(
        await h.get('/v1/checks/authorisations?env=PRO&nif=p-0801900-b&ticket=101'),
      );
      expect(byNine.authorisations).toEqual(byTen.authorisations);
      expect(byNine.lookup.warnings.join(' ')).toMatch(/leading zero/);
      expect(byNif.authorisations).toEqual(byTen.authorisations);
      expect(byNif.lookup).toEqual({ by: 'nif', value: DEMO.barcelona.cif, warnings: [] });
    });

    it('keeps PRE and PRO apart and shows an SIA finalitat that has only a start date', async () => {
      const pre = json<AuthorisationsResponse>(
        await h.get(`/v1/checks/authorisations?env=PRE&ine10=${DEMO.vilaSeca.ine10}&ticket=102`),
      );
      const pro = json<AuthorisationsResponse>(
        await h.get(`/v1/checks/authorisations?env=PRO&ine10=${DEMO.vilaSeca.ine10}&ticket=102`),
      );
      expect(pre.authorisations.map((a) => a.finalitat.codi)).toContain(DEMO.vilaSeca.finalitatSia);
      expect(pro.authorisations).toEqual([]);
      const bcnPre = json<AuthorisationsResponse>(
        await h.get(`/v1/checks/authorisations?env=PRE&ine10=${DEMO.barcelona.ine10}&ticket=102`),
      );
      expect(bcnPre.authorisations.map((a) => a.finalitat.codi)).not.toContain('PLA_FUTUR');
    });

    it('accepts a real code whose check digits fail, with a "not verified" warning', async () => {
      const body = json<AuthorisationsResponse>(
        await h.get(`/v1/checks/authorisations?env=PRO&ine10=${DEMO.agenciaHabitatge.ine10}&ticket=103`),
      );
      expect(body.lookup.warnings.join(' ')).toMatch(/not verified/);
      expect(body.authorisations.map((a) => a.producte.codi)).toEqual(['TFN']);
    });
  });

  describe('GET /v1/checks/dir3', () => {
    it('reads the table, derives for an ajuntament without a row (saying so), and gives up otherwise', async () => {
      const table = json<Dir3Response>(await h.get(`/v1/checks/dir3?ine10=${DEMO.barcelona.ine10}&ticket=104`));
      expect(table).toMatchObject({ dir3: 'L01080193', source: 'table', nom: 'Ajuntament de Barcelona' });
      const derived = json<Dir3Response>(await h.get(`/v1/checks/dir3?ine10=${DEMO.vilaSeca.ine10}&ticket=104`));
      expect(derived).toMatchObject({ dir3: 'L01431711', source: 'derived' });
      expect(derived.note).toMatch(/derived/);
      const none = json<Dir3Response>(await h.get(`/v1/checks/dir3?ine10=${DEMO.consorciAoc.ine10}&ticket=104`));
      expect(none).toMatchObject({ dir3: null, source: 'none' });
    });
  });

  describe('GET /v1/checks/finalitat', () => {
    it('tells whether INE10_PROVES exists, per environment, and whether it is in force', async () => {
      const pre = json<FinalitatResponse>(
        await h.get(`/v1/checks/finalitat?env=PRE&ine10=${DEMO.vilaSeca.ine10}&ticket=105`),
      );
      expect(pre.lookup.value).toBe(DEMO.vilaSeca.finalitatSia);
      expect(pre).toMatchObject({ exists: true, finalitat: { inForce: true, vigentFins: null } });
      const pro = json<FinalitatResponse>(
        await h.get(`/v1/checks/finalitat?env=PRO&code=${DEMO.vilaSeca.finalitatSia}&ticket=105`),
      );
      expect(pro.exists).toBe(false);
      const expired = json<FinalitatResponse>(
        await h.get(`/v1/checks/finalitat?env=PRO&code=${DEMO.expiredFinalitat.toLowerCase()}&ticket=105`),
      );
      expect(expired).toMatchObject({ exists: true, finalitat: { codi: DEMO.expiredFinalitat, inForce: false } });
    });
  });

  describe('GET /v1/checks/organisme', () => {
    it('finds an organisme by INE10 or NIF and says when there is none', async () => {
      const byCode = json<OrganismeResponse>(
        await h.get(`/v1/checks/organisme?env=PRO&ine10=${DEMO.consorciAoc.ine10}&ticket=106`),
      );
      expect(byCode.exists).toBe(true);
      expect(byCode.organismes[0]?.nom).toBe('Consorci Administració Oberta de Catalunya');
      const byNif = json<OrganismeResponse>(
        await h.get(`/v1/checks/organisme?env=PRE&nif=${DEMO.agenciaHabitatge.cif}&ticket=106`),
      );
      expect(byNif.organismes.map((o) => o.codi)).toEqual([DEMO.agenciaHabitatge.ine10]);
      const missing = json<OrganismeResponse>(await h.get('/v1/checks/organisme?env=PRO&ine10=0801930009&ticket=106'));
      expect(missing).toMatchObject({ exists: false, organismes: [] });
    });
  });

  describe('GET /v1/checks/pscp-user and pscp-organ', () => {
    it('reports the permissions a user holds, what is missing and what must not be held', async () => {
      const ready = json<PscpUserResponse>(
        await h.get(`/v1/checks/pscp-user?env=PRO&nif=${DEMO.userReady}&ticket=107`),
      );
      const bcn = ready.organs.find((o) => o.cif === DEMO.barcelona.cif);
      expect(bcn).toMatchObject({ ready: true, missing: [], forbidden: [] });
      expect(bcn?.permissions).toEqual(['ADMINISTRADOR_ORGAN', 'EDITOR', 'VALIDADOR']);
      const missing = json<PscpUserResponse>(
        await h.get(`/v1/checks/pscp-user?env=PRE&nif=${DEMO.userMissing}&ticket=107`),
      );
      expect(missing.organs[0]).toMatchObject({ ready: false, missing: ['ADMINISTRADOR_ORGAN'] });
      const forbidden = json<PscpUserResponse>(
        await h.get(`/v1/checks/pscp-user?env=PRO&nif=${DEMO.userForbidden}&ticket=107`),
      );
      expect(forbidden.organs[0]).toMatchObject({ ready: false, forbidden: ['SUPORT'] });
      const nobody = json<PscpUserResponse>(await h.get('/v1/checks/pscp-user?env=PRO&nif=99999974E&ticket=107'));
      expect(nobody.exists).toBe(true);
      const unknown = json<PscpUserResponse>(await h.get('/v1/checks/pscp-user?env=PRO&nif=00000000T&ticket=107'));
      expect(unknown).toMatchObject({ exists: false, user: null, organs: [] });
    });

    it('reports an òrgan de contractació by CIF with its external-system flag and its users', async () => {
      const pro = json<PscpOrganResponse>(
        await h.get(`/v1/checks/pscp-organ?env=PRO&cif=${DEMO.barcelona.cif}&ticket=108`),
      );
      expect(pro).toMatchObject({ exists: true, organ: { cif: DEMO.barcelona.cif, sistemaExternAoc: true } });
      expect(pro.users.find((u) => u.nif === DEMO.userReady)?.ready).toBe(true);
      const pre = json<PscpOrganResponse>(
        await h.get(`/v1/checks/pscp-organ?env=PRE&cif=${DEMO.barcelona.cif}&ticket=108`),
      );
      expect(pre.organ?.sistemaExternAoc).toBe(false);
      const none = json<PscpOrganResponse>(await h.get('/v1/checks/pscp-organ?env=PRO&cif=Q0801175A&ticket=108'));
      expect(none.exists).toBe(true);
    });
  });

  describe('GET /v1/checks/dcoc-config', () => {
    it('lists the col·legis whose dcoc.properties lists name the ens, in either code form', async () => {
      const bcn = json<DcocConfigResponse>(await h.get('/v1/checks/dcoc-config?ine10=801930008&ticket=109'));
      expect(bcn.configuredFor).toEqual(['CAATB', 'COAC']);
      const girona = json<DcocConfigResponse>(await h.get('/v1/checks/dcoc-config?ine10=1707920002&ticket=109'));
      expect(girona.configuredFor).toEqual(['COIT']);
      const other = json<DcocConfigResponse>(
        await h.get(`/v1/checks/dcoc-config?ine10=${DEMO.vilaSeca.ine10}&ticket=109`),
      );
      expect(other.configuredFor).toEqual([]);
      expect(other.lists.length).toBeGreaterThanOrEqual(4);
    });
  });

  describe('integrator register', () => {
    const registration = (integratorNif: string, product?: string) => ({
      ticket: 201,
      ens: { ine10: DEMO.vilaSeca.ine10, nom: 'Ajuntament de Vila-seca' },
      service: 'VO',
      ...(product === undefined ? {} : { product }),
      integrator: { nif: integratorNif, nom: 'Integracions Demo SL' },
    });

    it('creates once (201) and answers a repeat with the same row (200)', async () => {
      const first = await h.send('POST', '/v1/integrator-registrations', registration('B00000000', 'SCT'));
      expect(first.statusCode).toBe(201);
      const again = await h.send('POST', '/v1/integrator-registrations', registration('b-00000000', 'SCT'), 'agent-2');
      expect(again.statusCode).toBe(200);
      const a = json<RegisterIntegratorResponse>(first);
      const b = json<RegisterIntegratorResponse>(again);
      expect(b.created).toBe(false);
      expect(b.registration).toEqual(a.registration);
      expect(a.registration).toMatchObject({
        ensIne10: DEMO.vilaSeca.ine10,
        service: 'VO',
        product: 'SCT',
        integratorNif: 'B00000000',
        registeredBy: 'agent-1',
      });
    });

    it('keeps one row when the same registration is submitted many times at once', async () => {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          h.send('POST', '/v1/integrator-registrations', registration('A58818501'), `agent-${i}`),
        ),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([
        200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
      ]);
      expect(new Set(results.map((r) => json<RegisterIntegratorResponse>(r).registration.id)).size).toBe(1);
      const list = json<IntegratorListResponse>(
        await h.get(`/v1/integrator-registrations?ine10=${DEMO.vilaSeca.ine10}&ticket=201`),
      );
      expect(list.registrations.filter((r) => r.integratorNif === 'A58818501')).toHaveLength(1);
    });
  });

  describe('procedure progress and audit log', () => {
    it('shares step state between agents, records who and when, and logs every check and change', async () => {
      const put = await h.send(
        'PUT',
        '/v1/tickets/301/progress/pas-1',
        { done: true, procedure: 'vo-integracio', note: 'Excel revisat' },
        'agent-7',
      );
      expect(put.statusCode).toBe(200);
      let progress = json<ProgressResponse>(await h.get('/v1/tickets/301/progress', 'agent-8'));
      expect(progress.steps).toEqual([
        expect.objectContaining({ stepId: 'pas-1', done: true, by: 'agent-7', note: 'Excel revisat' }),
      ]);
      await h.send('PUT', '/v1/tickets/301/progress/pas-1', { done: false, procedure: 'vo-integracio' }, 'agent-8');
      progress = json<ProgressResponse>(await h.get('/v1/tickets/301/progress'));
      expect(progress.steps[0]).toMatchObject({ done: false, by: 'agent-8', byName: 'Agent agent-8', note: null });
      expect(json<ProgressResponse>(await h.get('/v1/tickets/302/progress')).steps).toEqual([]);

      await h.get(`/v1/checks/dir3?ine10=${DEMO.barcelona.ine10}&ticket=301`, 'agent-9');
      const audit = json<AuditResponse>(await h.get('/v1/tickets/301/audit'));
      expect(audit.entries.map((e) => [e.agent, e.action, e.outcome])).toEqual([
        ['agent-9', 'check.dir3', 'L01080193 (table)'],
        ['agent-8', 'progress.set', 'step reopened'],
        ['agent-7', 'progress.set', 'step done'],
      ]);
      expect(audit.entries[0]?.subject).toEqual({ env: 'PRO', ine10: DEMO.barcelona.ine10 });
      expect(audit.entries.every((e) => e.ticket === 301 && !Number.isNaN(Date.parse(e.at)))).toBe(true);
    });
  });

  describe('operations', () => {
    it('GET /health reports every database up', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/health' });
      expect(res.statusCode).toBe(200);
      expect(json<HealthResponse>(res)).toMatchObject({
        status: 'ok',
        databases: { PRE: 'up', PRO: 'up', store: 'up' },
      });
    });
  });
}
