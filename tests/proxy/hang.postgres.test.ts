// A database that hangs instead of failing: a lock that is never released, and a network that
// stops answering (a TCP relay between the proxy and PRO that goes silent). Every request gets
// 503 while the hang lasts, the proxy never holds more connections than its pool allows however
// many requests pile up, and it answers normally once the hang ends.
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { provisionDemoDatabases, startPgCluster, type PgCluster } from './helpers/pg-cluster';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import type { ApiError, AuthorisationsResponse, HealthResponse } from '../../src/shared/api';
import { describeWithPostgres, startHarness, type Harness } from './helpers/harness';
import { startTcpRelay, type TcpRelay } from './helpers/tcp-relay';

const POOL_MAX = 3;
const STATEMENT_TIMEOUT_MS = 400;
const CONCURRENT = 30;
const CHECK = `/v1/checks/authorisations?env=PRO&ine10=${DEMO.barcelona.ine10}&ticket=701`;

describeWithPostgres('proxy against a hanging PostgreSQL', () => {
  let cluster: PgCluster;
  let relay: TcpRelay;
  let h: Harness;
  let admin: pg.Client;

  beforeAll(async () => {
    cluster = await startPgCluster();
    const env = await provisionDemoDatabases(cluster);
    relay = await startTcpRelay(cluster.port);
    h = await startHarness({
      ...env,
      // PRO goes through the relay; PRE and the store (where failed checks are logged) do not.
      PRO_DATABASE_URL: `postgres://aoc_reader@127.0.0.1:${String(relay.port)}/aoc`,
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      DB_POOL_MAX: String(POOL_MAX),
      RATE_LIMIT_MAX: '100000',
    });
    admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
  }, 120_000);
  afterAll(async () => {
    await admin.end();
    await h.close();
    await relay.close();
    await cluster.destroy();
  });

  /** Server sessions of the PRO pool (pg.ts names them by role). */
  const proSessions = async () =>
    (
      await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'aoc-proxy-pro'`,
      )
    ).rows[0]?.n ?? 0;

  /** Samples the PRO sessions until `work` settles; returns its result and the most seen. */
  async function sampling<T>(work: Promise<T>): Promise<{ result: T; peakSessions: number }> {
    const state = { settled: false };
    let peakSessions = 0;
    const sampler = (async () => {
      while (!state.settled) {
        peakSessions = Math.max(peakSessions, await proSessions());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    try {
      return { result: await work, peakSessions };
    } finally {
      state.settled = true;
      await sampler;
    }
  }

  const flood = () => Promise.all(Array.from({ length: CONCURRENT }, (_, i) => h.get(CHECK, `agent-${String(i % 5)}`)));

  async function until200(): Promise<number> {
    let status = 0;
    for (let attempt = 0; attempt < 40 && status !== 200; attempt++) {
      status = (await h.get(CHECK)).statusCode;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return status;
  }

  function expectAllUnavailable(results: readonly LightMyRequestResponse[]) {
    expect(results.map((r) => r.statusCode)).toEqual(Array.from({ length: CONCURRENT }, () => 503));
    for (const r of results)
      expect(r.json<ApiError>()).toMatchObject({ error: 'DATABASE_UNAVAILABLE', database: 'PRO' });
  }

  it('a lock that is never released: 503 for all, within the pool, 200 once released', async () => {
    expect((await h.get(CHECK)).statusCode).toBe(200);
    const locker = new pg.Client({ connectionString: cluster.url('aoc') });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE siri.aoc_pci_siri_autoritzacio IN ACCESS EXCLUSIVE MODE');
      relay.resetPeak();
      const { result, peakSessions } = await sampling(flood());
      // Every answer came while the lock was still held: the statement timeout, not the lock's end,
      // let them go.
      expectAllUnavailable(result);
      expect(peakSessions).toBeGreaterThan(0);
      expect(peakSessions).toBeLessThanOrEqual(POOL_MAX);
      expect(relay.peak).toBeLessThanOrEqual(POOL_MAX);
      // The sessions that timed out are not stuck waiting for the lock.
      const waiting = await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'aoc-proxy-pro' AND wait_event_type = 'Lock'`,
      );
      expect(waiting.rows[0]?.n).toBe(0);
      await locker.query('ROLLBACK');
    } finally {
      await locker.end();
    }
    const after = await h.get(CHECK);
    expect(after.statusCode).toBe(200);
    expect(after.json<AuthorisationsResponse>().authorisations.length).toBeGreaterThan(0);
  }, 60_000);

  it('a network that stops answering: 503 for all, within the pool, 200 once it answers again', async () => {
    // Fill the pool with idle connections first: they are the ones the hang catches.
    const warm = await Promise.all(Array.from({ length: 10 }, () => h.get(CHECK)));
    expect(warm.map((r) => r.statusCode)).toEqual(Array.from({ length: 10 }, () => 200));
    relay.hang();
    relay.resetPeak();
    const results = await flood();
    expectAllUnavailable(results);
    // However many requests came, the proxy never had more than its pool's connections open.
    expect(relay.peak).toBeLessThanOrEqual(POOL_MAX);
    const degraded = await h.app.inject({ method: 'GET', url: '/health' });
    expect(degraded.json<HealthResponse>().databases).toMatchObject({ PRO: 'down', PRE: 'up', store: 'up' });

    // The hang ends for new connections; those opened before stay silent for ever, as after a
    // server vanished behind a firewall. The pool must not wait on them.
    relay.pass();
    expect(await until200()).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const again = await Promise.all(Array.from({ length: 10 }, () => h.get(CHECK)));
    expect(again.map((r) => r.statusCode)).toEqual(Array.from({ length: 10 }, () => 200));
    expect(relay.open).toBeLessThanOrEqual(POOL_MAX);
    expect(await proSessions()).toBeLessThanOrEqual(POOL_MAX);
  }, 60_000);
});
