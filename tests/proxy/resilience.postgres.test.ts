// On a real PostgreSQL server: two proxy copies registering the same integrator at once, a
// database that is too slow, and one that is killed and comes back.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { provisionDemoDatabases, startPgCluster, type PgCluster } from './helpers/pg-cluster';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import type {
  ApiError,
  HealthResponse,
  IntegratorListResponse,
  RegisterIntegratorResponse,
} from '../../src/shared/api';
import { describeWithPostgres, startHarness, type Harness } from './helpers/harness';

const CHECK = `/v1/checks/authorisations?env=PRO&ine10=${DEMO.barcelona.ine10}&ticket=501`;

describeWithPostgres('proxy resilience on PostgreSQL', () => {
  let cluster: PgCluster;
  let copyA: Harness;
  let copyB: Harness;
  beforeAll(async () => {
    cluster = await startPgCluster();
    const env = {
      ...(await provisionDemoDatabases(cluster)),
      DB_STATEMENT_TIMEOUT_MS: '400',
      RATE_LIMIT_MAX: '100000',
    };
    copyA = await startHarness(env);
    copyB = await startHarness(env);
  }, 120_000);
  afterAll(async () => {
    await copyA.close();
    await copyB.close();
    await cluster.destroy();
  });

  it('two copies registering the same triplet at once keep exactly one row', async () => {
    const body = (i: number) => ({
      ticket: 502,
      ens: { ine10: DEMO.barcelona.ine10, nom: 'Ajuntament de Barcelona' },
      service: 'MUX',
      product: 'MUX_CONSULTA',
      integrator: { nif: 'B00000000', nom: `Integracions Demo SL (submit ${i})` },
    });
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        (i % 2 === 0 ? copyA : copyB).send('POST', '/v1/integrator-registrations', body(i), `agent-${i}`),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(15);
    expect(new Set(results.map((r) => r.json<RegisterIntegratorResponse>().registration.id)).size).toBe(1);
    const list = (
      await copyB.get(`/v1/integrator-registrations?ine10=${DEMO.barcelona.ine10}&ticket=502`)
    ).json<IntegratorListResponse>();
    expect(list.registrations.filter((r) => r.service === 'MUX')).toHaveLength(1);
  });

  it('answers 503 when the database is too slow, and 200 once it is not', async () => {
    const locker = new pg.Client({ connectionString: cluster.url('aoc') });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE siri.aoc_pci_siri_autoritzacio IN ACCESS EXCLUSIVE MODE');
      const slow = await copyA.get(CHECK);
      expect(slow.statusCode).toBe(503);
      expect(slow.json<ApiError>()).toMatchObject({ error: 'DATABASE_UNAVAILABLE', database: 'PRO' });
      await locker.query('ROLLBACK');
      expect((await copyA.get(CHECK)).statusCode).toBe(200);
    } finally {
      await locker.end();
    }
  });

  it('answers 503 while the database is down, stays up, and recovers when it returns', async () => {
    expect((await copyA.get(CHECK)).statusCode).toBe(200);
    await cluster.kill();
    const down = await copyA.get(CHECK);
    expect(down.statusCode).toBe(503);
    expect(down.json<ApiError>().error).toBe('DATABASE_UNAVAILABLE');
    expect(down.headers['retry-after']).toBe('5');
    const write = await copyB.send('PUT', '/v1/tickets/503/progress/pas-2', { done: true, procedure: 'vo-integracio' });
    expect(write.statusCode).toBe(503);
    expect(write.json<ApiError>().database).toBe('store');
    const health = await copyA.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json<HealthResponse>()).toMatchObject({
      status: 'degraded',
      databases: { PRO: 'down', store: 'down' },
    });

    await cluster.restart();
    // The pools reconnect on the next request; allow the server a few attempts to accept them.
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await copyA.get(CHECK)).statusCode;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    expect(
      (await copyB.send('PUT', '/v1/tickets/503/progress/pas-2', { done: true, procedure: 'vo-integracio' }))
        .statusCode,
    ).toBe(200);
    expect((await copyA.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
