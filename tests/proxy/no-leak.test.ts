// No answer ever concerns another ens, user or òrgan than the one asked, whatever form the
// identifier is typed in and whatever hostile text comes with it. Each 200 is compared with the
// demo data itself: the echoed lookup is the canonical form of what was asked (computed here by
// the domain validators, not taken from the answer), every row returned belongs to it, and none
// of its rows is missing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCif, parseIne10, parsePersonNif } from '../../src/domain/identifiers';
import { demoData, type EnvironmentData } from '../../src/proxy/db/demo/demo-data';
import type {
  AuditResponse,
  AuthorisationsResponse,
  Dir3Response,
  Environment,
  FinalitatResponse,
  IntegratorListResponse,
  OrganismeResponse,
  ProgressResponse,
  PscpOrganResponse,
  PscpUserResponse,
} from '../../src/shared/api';
import { startHarness, type Harness } from './helpers/harness';

const RUNS = 60;
const DATA: Record<Environment, EnvironmentData> = { PRE: demoData('PRE'), PRO: demoData('PRO') };
const ENVS: readonly Environment[] = ['PRE', 'PRO'];

/** Text an attacker (or a careless paste) adds around an identifier. */
const HOSTILE = ["' OR '1'='1", "'--", '%', '_', '*', ' UNION SELECT 1', ';', ')', '\u0000', "' OR ''='"];

const padded = (code: string) => code.padStart(10, '0');
const cifKey = (cif: string | null) => (cif ?? '').toUpperCase().replaceAll('-', '').replaceAll(' ', '');

/** The typed forms of one identifier that the validators accept: the canonical value must not change. */
function typedForms(value: string): fc.Arbitrary<string> {
  return fc.constantFrom(
    value,
    value.toLowerCase(),
    ` ${value} `,
    value.length > 4 ? `${value.slice(0, 3)}-${value.slice(3, 7)}.${value.slice(7)}` : value,
    value.startsWith('0') && /^\d{10}$/.test(value) ? value.slice(1) : value,
  );
}

/** An identifier in some typed form, half the time with hostile text around it. */
function asked(value: string): fc.Arbitrary<{ raw: string; hostile: boolean }> {
  return fc
    .tuple(
      typedForms(value),
      fc.option(fc.tuple(fc.constantFrom(...HOSTILE), fc.boolean()), { nil: undefined, freq: 2 }),
    )
    .map(([form, extra]) => {
      if (extra === undefined) return { raw: form, hostile: false };
      const [text, before] = extra;
      return { raw: before ? text + form : form + text, hostile: true };
    });
}

function inForce(data: EnvironmentData, idFinalitat: number): boolean {
  const f = data.finalitats.find((x) => x.id === idFinalitat);
  const now = Date.now();
  return (
    f !== undefined &&
    (f.vigent_data_inici === null || f.vigent_data_inici.getTime() <= now) &&
    (f.vigent_data_fi === null || f.vigent_data_fi.getTime() >= now)
  );
}

describe('proxy answers only about what was asked', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ RATE_LIMIT_MAX: '1000000' });
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  const get = async (url: string) => {
    const res = await h.get(url);
    return { status: res.statusCode, body: res.json<unknown>() };
  };

  it('authorisations and organisme by INE10: the asked ens’s rows, all of them, nothing else', async () => {
    const organismes = fc.tuple(fc.constantFrom(...ENVS), fc.nat()).chain(([env, n]) => {
      const list = DATA[env].organismes;
      const o = list[n % list.length];
      if (o === undefined) throw new Error('no organisme');
      return asked(padded(o.codi)).map((a) => ({ env, a }));
    });
    // Counts the answers checked row by row, so that the property cannot pass on refusals alone.
    let served = 0;
    await fc.assert(
      fc.asyncProperty(organismes, async ({ env, a }) => {
        const q = encodeURIComponent(a.raw);
        const auth = await get(`/v1/checks/authorisations?env=${env}&ticket=11&ine10=${q}`);
        const org = await get(`/v1/checks/organisme?env=${env}&ticket=11&ine10=${q}`);
        const canonical = parseIne10(a.raw);
        if (!a.hostile) expect(canonical.ok).toBe(true);
        if (!canonical.ok) {
          expect([auth.status, org.status]).toEqual([400, 400]);
          return;
        }
        expect([auth.status, org.status]).toEqual([200, 200]);
        served++;
        const data = DATA[env];
        const ids = new Set(data.organismes.filter((o) => padded(o.codi) === canonical.value).map((o) => o.id));
        const expected = data.autoritzacions.filter((x) => ids.has(x.id_organisme) && inForce(data, x.id_finalitat));

        const body = auth.body as AuthorisationsResponse;
        expect(body.env).toBe(env);
        expect(body.lookup).toMatchObject({ by: 'ine10', value: canonical.value });
        for (const row of body.authorisations) expect(padded(row.organisme.codi)).toBe(canonical.value);
        expect(body.authorisations).toHaveLength(expected.length);

        const orgBody = org.body as OrganismeResponse;
        expect(orgBody.env).toBe(env);
        expect(orgBody.lookup).toMatchObject({ by: 'ine10', value: canonical.value });
        expect(orgBody.organismes.map((o) => padded(o.codi))).toEqual([...ids].map(() => canonical.value));
      }),
      { numRuns: RUNS },
    );
    expect(served).toBeGreaterThan(RUNS / 4);
  }, 120_000);

  it('authorisations and organisme by NIF: only organismes with that CIF, however it is stored', async () => {
    const withCif = (env: Environment) => DATA[env].organismes.filter((o) => o.cif !== null);
    const cifs = fc.tuple(fc.constantFrom(...ENVS), fc.nat()).chain(([env, n]) => {
      const list = withCif(env);
      const o = list[n % list.length];
      if (o === undefined) throw new Error('no organisme with a CIF');
      return asked(cifKey(o.cif)).map((a) => ({ env, a }));
    });
    // Counts the answers checked row by row, so that the property cannot pass on refusals alone.
    let served = 0;
    await fc.assert(
      fc.asyncProperty(cifs, async ({ env, a }) => {
        const q = encodeURIComponent(a.raw);
        const auth = await get(`/v1/checks/authorisations?env=${env}&ticket=12&nif=${q}`);
        const org = await get(`/v1/checks/organisme?env=${env}&ticket=12&nif=${q}`);
        const canonical = parseCif(a.raw);
        if (!a.hostile) expect(canonical.ok).toBe(true);
        if (!canonical.ok) {
          expect([auth.status, org.status]).toEqual([400, 400]);
          return;
        }
        expect([auth.status, org.status]).toEqual([200, 200]);
        served++;
        const data = DATA[env];
        const ids = new Set(data.organismes.filter((o) => cifKey(o.cif) === canonical.value).map((o) => o.id));
        const body = auth.body as AuthorisationsResponse;
        expect(body.lookup).toMatchObject({ by: 'nif', value: canonical.value });
        for (const row of body.authorisations) expect(cifKey(row.organisme.cif)).toBe(canonical.value);
        expect(body.authorisations).toHaveLength(
          data.autoritzacions.filter((x) => ids.has(x.id_organisme) && inForce(data, x.id_finalitat)).length,
        );
        const orgBody = org.body as OrganismeResponse;
        expect(orgBody.lookup).toMatchObject({ by: 'nif', value: canonical.value });
        expect(orgBody.organismes).toHaveLength(ids.size);
        for (const o of orgBody.organismes) expect(cifKey(o.cif)).toBe(canonical.value);
      }),
      { numRuns: RUNS },
    );
    expect(served).toBeGreaterThan(RUNS / 4);
  }, 120_000);

  it('DIR3: the asked ens’s row or a derivation from its own code', async () => {
    const codes = fc.nat().chain((n) => {
      const list = DATA.PRO.organismes;
      const o = list[n % list.length];
      if (o === undefined) throw new Error('no organisme');
      return asked(padded(o.codi));
    });
    // Counts the answers checked row by row, so that the property cannot pass on refusals alone.
    let served = 0;
    await fc.assert(
      fc.asyncProperty(codes, async (a) => {
        const res = await get(`/v1/checks/dir3?ticket=13&ine10=${encodeURIComponent(a.raw)}`);
        const canonical = parseIne10(a.raw);
        if (!a.hostile) expect(canonical.ok).toBe(true);
        if (!canonical.ok) {
          expect(res.status).toBe(400);
          return;
        }
        expect(res.status).toBe(200);
        served++;
        const body = res.body as Dir3Response;
        expect(body.lookup).toMatchObject({ by: 'ine10', value: canonical.value });
        const row = DATA.PRO.dir3.find((d) => padded(d.ine10) === canonical.value);
        if (row !== undefined) expect(body).toMatchObject({ source: 'table', dir3: row.codi_uo });
        else if (body.source === 'derived') expect(body.dir3).toBe(`L01${canonical.value.slice(0, 6)}`);
        else expect(body.dir3).toBeNull();
      }),
      { numRuns: RUNS },
    );
    expect(served).toBeGreaterThan(RUNS / 4);
  }, 120_000);

  it('finalitat: an exact code only, never a pattern (`_` and `%` are no wildcards)', async () => {
    const codes = fc
      .tuple(fc.constantFrom(...ENVS), fc.nat(), fc.nat(), fc.constantFrom('', '_', '%'))
      .map(([env, n, at, swap]) => {
        const list = DATA[env].finalitats;
        const f = list[n % list.length];
        if (f === undefined) throw new Error('no finalitat');
        const i = at % f.codi.length;
        return { env, code: swap === '' ? f.codi.toLowerCase() : f.codi.slice(0, i) + swap + f.codi.slice(i + 1) };
      });
    // Counts the answers checked row by row, so that the property cannot pass on refusals alone.
    let served = 0;
    await fc.assert(
      fc.asyncProperty(codes, async ({ env, code }) => {
        const res = await get(`/v1/checks/finalitat?env=${env}&ticket=14&code=${encodeURIComponent(code)}`);
        if (code.includes('%')) {
          expect(res.status).toBe(400);
          return;
        }
        expect(res.status).toBe(200);
        served++;
        const body = res.body as FinalitatResponse;
        const asked = code.toUpperCase();
        expect(body.lookup.value).toBe(asked);
        // SIRI stores INE10_PROVES codes with and without the leading zero: both forms are the same code.
        const forms = new Set([asked]);
        if (/^0\d{9}_PROVES$/.test(asked)) forms.add(asked.slice(1));
        if (/^\d{9}_PROVES$/.test(asked)) forms.add(`0${asked}`);
        const exists = DATA[env].finalitats.some((f) => forms.has(f.codi.toUpperCase()));
        expect(body.exists).toBe(exists);
        if (body.finalitat !== null) expect(forms.has(body.finalitat.codi.toUpperCase())).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(served).toBeGreaterThan(RUNS / 4);
  }, 120_000);

  it('PSCP: a user’s own òrgans and an òrgan’s own users, nobody else', async () => {
    const pscp = fc.tuple(fc.constantFrom(...ENVS), fc.nat(), fc.boolean()).chain(
      ([env, n, byUser]): fc.Arbitrary<{
        env: Environment;
        byUser: boolean;
        a: { raw: string; hostile: boolean };
      }> => {
        const data = DATA[env];
        if (byUser) {
          const u = data.usuaris[n % data.usuaris.length];
          if (u === undefined) throw new Error('no user');
          return asked(u.nif).map((a) => ({ env, byUser, a }));
        }
        const o = data.organs[n % data.organs.length];
        if (o === undefined) throw new Error('no òrgan');
        return asked(cifKey(o.cif)).map((a) => ({ env, byUser, a }));
      },
    );
    // Counts the answers checked row by row, so that the property cannot pass on refusals alone.
    let served = 0;
    await fc.assert(
      fc.asyncProperty(pscp, async ({ env, byUser, a }) => {
        const data = DATA[env];
        const q = encodeURIComponent(a.raw);
        if (byUser) {
          const res = await get(`/v1/checks/pscp-user?env=${env}&ticket=15&nif=${q}`);
          const canonical = parsePersonNif(a.raw);
          if (!a.hostile) expect(canonical.ok).toBe(true);
          if (!canonical.ok) {
            expect(res.status).toBe(400);
            return;
          }
          expect(res.status).toBe(200);
          served++;
          const body = res.body as PscpUserResponse;
          expect(body.lookup).toMatchObject({ by: 'nif', value: canonical.value });
          expect(body.user?.nif.toUpperCase()).toBe(canonical.value);
          const userIds = new Set(data.usuaris.filter((u) => u.nif.toUpperCase() === canonical.value).map((u) => u.id));
          const organIds = new Set(data.permisos.filter((p) => userIds.has(p.id_usuari)).map((p) => p.id_organ));
          const organCifs = data.organs.filter((o) => organIds.has(o.id)).map((o) => o.cif);
          expect(body.organs.map((o) => o.cif).sort()).toEqual([...new Set(organCifs)].sort());
        } else {
          const res = await get(`/v1/checks/pscp-organ?env=${env}&ticket=15&cif=${q}`);
          const canonical = parseCif(a.raw);
          if (!a.hostile) expect(canonical.ok).toBe(true);
          if (!canonical.ok) {
            expect(res.status).toBe(400);
            return;
          }
          expect(res.status).toBe(200);
          served++;
          const body = res.body as PscpOrganResponse;
          expect(body.lookup).toMatchObject({ by: 'nif', value: canonical.value });
          expect(cifKey(body.organ?.cif ?? null)).toBe(canonical.value);
          const organIds = new Set(data.organs.filter((o) => cifKey(o.cif) === canonical.value).map((o) => o.id));
          const userIds = new Set(data.permisos.filter((p) => organIds.has(p.id_organ)).map((p) => p.id_usuari));
          const nifs = data.usuaris.filter((u) => userIds.has(u.id)).map((u) => u.nif);
          expect(body.users.map((u) => u.nif).sort()).toEqual([...new Set(nifs)].sort());
        }
      }),
      { numRuns: RUNS },
    );
    expect(served).toBeGreaterThan(RUNS / 4);
  }, 120_000);

  it('the register, progress and audit log: only the asked ens’s registrations and the asked ticket’s rows', async () => {
    const ens = DATA.PRO.organismes.slice(0, 6).map((o) => padded(o.codi));
    for (const [i, ine10] of ens.entries()) {
      const res = await h.send('POST', '/v1/integrator-registrations', {
        ticket: 1600 + i,
        ens: { ine10, nom: `Ens ${String(i)}` },
        service: 'PSCP',
        integrator: { nif: 'B00000000', nom: "Integracions' OR '1'='1" },
      });
      expect(res.statusCode).toBe(201);
      await h.send('PUT', `/v1/tickets/${String(1600 + i)}/progress/pas-1`, { done: true, procedure: 'pscp-alta' });
    }
    // Counts the answers checked row by row, so that the property cannot pass on refusals alone.
    let served = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ens.keys()).chain((i) => asked(ens[i] ?? '').map((a) => ({ i, a }))),
        async ({ i, a }) => {
          const res = await get(`/v1/integrator-registrations?ticket=16&ine10=${encodeURIComponent(a.raw)}`);
          const canonical = parseIne10(a.raw);
          if (!a.hostile) expect(canonical.ok).toBe(true);
          if (!canonical.ok) {
            expect(res.status).toBe(400);
            return;
          }
          expect(res.status).toBe(200);
          served++;
          const body = res.body as IntegratorListResponse;
          expect(body.lookup.value).toBe(canonical.value);
          expect(body.registrations.map((r) => [r.ensIne10, r.ticket])).toEqual([[canonical.value, 1600 + i]]);
          const progress = (await get(`/v1/tickets/${String(1600 + i)}/progress`)).body as ProgressResponse;
          expect(progress.ticket).toBe(1600 + i);
          expect(progress.steps).toHaveLength(1);
          const audit = (await get(`/v1/tickets/${String(1600 + i)}/audit`)).body as AuditResponse;
          expect(audit.entries.length).toBeGreaterThan(0);
          expect(audit.entries.every((e) => e.ticket === 1600 + i)).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
    expect(served).toBeGreaterThan(30 / 4);
  }, 120_000);
});
