import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import { harnessForSuite, startHarness, type Harness } from './helpers/harness';

const body = (extra: Record<string, unknown>) => ({
  ticket: 77,
  ens: { ine10: DEMO.vilaSeca.ine10, nom: 'Ajuntament de Vila-seca' },
  service: 'VO',
  integrator: { nif: 'B00000000', nom: 'Integradora de prova SL' },
  ...extra,
});
interface Registration {
  created: boolean;
  registration: { product: string | null; observations: string | null; service: string };
}

describe('integrator register in the desk tool’s own table', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      INTEGRATOR_REGISTER_TABLE: 'desk.relacio_ens_servei',
      INTEGRATOR_REGISTER_COLUMNS:
        'id=ID,ens_ine10=CODI_ENS,ens_nom=NOM_ENS,service=SERVEI,product=PRODUCTE,integrator_nif=NIF_EMPRESA,' +
        'integrator_nom=NOM_EMPRESA,observations=OBSERVACIONS,ticket_id=TIQUET,registered_by=USUARI,' +
        'registered_by_name=NOM_USUARI,registered_at=DATA_ALTA',
    });
    await h.databases.store.exec(`CREATE SCHEMA desk;
      CREATE TABLE desk.relacio_ens_servei (
        ID BIGSERIAL PRIMARY KEY, CODI_ENS VARCHAR(10) NOT NULL, NOM_ENS VARCHAR(200) NOT NULL,
        SERVEI VARCHAR(16) NOT NULL, PRODUCTE VARCHAR(64) NOT NULL DEFAULT '', NIF_EMPRESA VARCHAR(9) NOT NULL,
        NOM_EMPRESA VARCHAR(200) NOT NULL, OBSERVACIONS VARCHAR(1000), TIQUET BIGINT NOT NULL,
        USUARI VARCHAR(128) NOT NULL, NOM_USUARI VARCHAR(200), DATA_ALTA TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP)`);
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('registers every product asked, SCT_DENUNCIES as VO / SCT / Observacions SCT_DENUNCIES, once', async () => {
    const res = await h.send(
      'POST',
      '/v1/integrator-registrations/batch',
      body({ products: ['AEAT', 'SCT_DENUNCIES', 'TGSS'] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const regs = res.json<{ registrations: Registration[] }>().registrations;
    expect(regs.map((r) => [r.created, r.registration.product, r.registration.observations])).toEqual([
      [true, 'AEAT', null],
      [true, 'SCT', 'SCT_DENUNCIES'],
      [true, 'TGSS', null],
    ]);
    const rows = await h.databases.store.query(
      'SELECT SERVEI AS s, PRODUCTE AS p, OBSERVACIONS AS o FROM desk.relacio_ens_servei ORDER BY ID',
    );
    expect(rows).toEqual([
      { s: 'VO', p: 'AEAT', o: null },
      { s: 'VO', p: 'SCT', o: 'SCT_DENUNCIES' },
      { s: 'VO', p: 'TGSS', o: null },
    ]);
    const again = await h.send('POST', '/v1/integrator-registrations/batch', body({ products: ['AEAT', 'SCT'] }));
    expect(again.statusCode).toBe(200);
    expect(again.json<{ registrations: Registration[] }>().registrations.map((r) => r.created)).toEqual([false, false]);
    expect(await h.databases.store.query('SELECT COUNT(*)::int AS n FROM desk.relacio_ens_servei')).toEqual([{ n: 3 }]);
    const listed = await h.get(`/v1/integrator-registrations?ticket=77&ine10=${DEMO.vilaSeca.ine10}`);
    expect(listed.json<{ registrations: unknown[] }>().registrations).toHaveLength(3);
  });

  it('a service without products is one registration with no product', async () => {
    const res = await h.send('POST', '/v1/integrator-registrations/batch', body({ service: 'PSCP', products: [] }));
    expect(res.json<{ registrations: Registration[] }>().registrations.map((r) => r.registration.product)).toEqual([
      null,
    ]);
  });
});

describe('shared answers', () => {
  const h = harnessForSuite();

  it('an answer is stored with who and when, a second agent sees it, and it can be withdrawn', async () => {
    const put = await h.send(
      'PUT',
      '/v1/tickets/88/answers/minhap.confirmed',
      { value: true, procedure: 'vo-pre' },
      'agent-a',
    );
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      question: 'minhap.confirmed',
      value: true,
      by: 'agent-a',
      byName: 'Agent agent-a',
    });
    const seen = await h.get('/v1/tickets/88/answers', 'agent-b');
    expect(seen.json<{ answers: unknown[] }>().answers).toEqual([
      expect.objectContaining({ question: 'minhap.confirmed', value: true, by: 'agent-a' }),
    ]);
    await h.send(
      'PUT',
      '/v1/tickets/88/answers/dcoc.permissionGranted',
      { value: false, procedure: 'vo-pre' },
      'agent-b',
    );
    await h.send('PUT', '/v1/tickets/88/answers/minhap.confirmed', { value: null, procedure: 'vo-pre' }, 'agent-b');
    const after = (await h.get('/v1/tickets/88/answers', 'agent-a')).json<{
      answers: { question: string; value: boolean | null; by: string }[];
    }>();
    expect(after.answers.map((a) => [a.question, a.value, a.by]).sort()).toEqual([
      ['dcoc.permissionGranted', false, 'agent-b'],
      ['minhap.confirmed', null, 'agent-b'],
    ]);
    const audit = (await h.get('/v1/tickets/88/audit')).json<{ entries: { action: string; outcome: string }[] }>();
    expect(audit.entries.filter((e) => e.action === 'answer.set').map((e) => e.outcome)).toEqual([
      'answer withdrawn',
      'answered no',
      'answered yes',
    ]);
  });

  it('refuses an unknown question or a value that is not yes, no or null', async () => {
    expect(
      (await h.send('PUT', '/v1/tickets/88/answers/no.such', { value: true, procedure: 'vo-pre' })).statusCode,
    ).toBe(400);
    expect(
      (await h.send('PUT', '/v1/tickets/88/answers/minhap.confirmed', { value: 'yes', procedure: 'vo-pre' }))
        .statusCode,
    ).toBe(400);
  });
});
