// Two proxy processes behind HAProxy, as docs/proxy.md deploys them: one PostgreSQL store, the
// rate limits counted in one Redis. Writes made through one copy are read through the other, the
// limit holds across copies, and (load part) one copy killed under load loses no acknowledged
// write, fails only requests it was answering, and leaves the limits as they were.
//
// Needs PostgreSQL, redis-server and haproxy (Debian packages; `.ci/run` installs them). Locally a
// missing binary skips the suite with a message; under CI it fails. The load part runs under CI,
// or with TWO_COPIES_LOAD=1.
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAgentToken } from '../../src/proxy/demo-token';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import { AUDIENCE, ISSUER, SECRET } from './helpers/harness';
import { HAPROXY, hasHaproxy, startHaproxy, type Balancer } from './helpers/haproxy';
import { findPostgresBin, provisionDemoDatabases, startPgCluster, type PgCluster } from './helpers/pg-cluster';
import { spawnProxy, type ProxyProcess } from './helpers/proxy-process';
import { hasRedisServer, startRedisServer, type RedisServer } from './helpers/redis-server';

const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
const runLoad = inCi || process.env.TWO_COPIES_LOAD === '1';
const LIMIT = 12;

const missing = [
  findPostgresBin() === undefined ? 'PostgreSQL (apt-get install -y postgresql)' : undefined,
  hasRedisServer() ? undefined : 'redis-server (apt-get install -y redis-server)',
  hasHaproxy() ? undefined : 'haproxy (apt-get install -y haproxy)',
].filter((m): m is string => m !== undefined);
if (missing.length > 0 && inCi) throw new Error(`two-copies test: missing in CI: ${missing.join(', ')}`);
if (missing.length > 0) process.stderr.write(`Skipping the two-copies test: missing ${missing.join(', ')}\n`);
const suite = missing.length > 0 ? describe.skip : describe;

const tokens = new Map<string, Promise<string>>();
function tokenFor(agent: string): Promise<string> {
  let token = tokens.get(agent);
  if (token === undefined) {
    token = signAgentToken({
      secret: SECRET,
      issuer: ISSUER,
      audience: AUDIENCE,
      agentId: agent,
      agentName: `Agent ${agent}`,
      expiresIn: 3600,
    });
    tokens.set(agent, token);
  }
  return token;
}

interface Answer {
  status: number;
  body: unknown;
}

/**
 * One request on a connection of its own (as many agents' browsers would open), so that a
 * connection the balancer closed after an error is never reused for a later request. A connection
 * that breaks answers status 0 (the body says why).
 */
async function call(base: string, method: string, path: string, agent: string, body?: unknown): Promise<Answer> {
  const token = await tokenFor(agent);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(
      base + path,
      {
        method,
        agent: false,
        timeout: 60_000,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('error', (err) => {
          resolve({ status: 0, body: `response broken: ${err.message}` });
        });
        res.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // HAProxy's own error pages are HTML.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer in 60 s')));
    req.on('error', (err) => {
      resolve({ status: 0, body: `connection broken: ${err.message}` });
    });
    req.end(payload);
  });
}

const CHECK = `/v1/checks/authorisations?env=PRO&ine10=${DEMO.barcelona.ine10}&ticket=801`;

suite('two proxy copies behind HAProxy, one PostgreSQL store, limits in Redis', () => {
  let cluster: PgCluster;
  let redis: RedisServer;
  let copies: ProxyProcess[] = [];
  let balancer: Balancer;
  let storeUrl: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    cluster = await startPgCluster();
    redis = await startRedisServer();
    const databases = await provisionDemoDatabases(cluster);
    storeUrl = databases.STORE_DATABASE_URL ?? '';
    env = {
      ...databases,
      RATE_LIMIT_REDIS_URL: redis.url,
      RATE_LIMIT_MAX: String(LIMIT),
      // Long enough that no window ends during the suite, however slow the machine.
      RATE_LIMIT_WINDOW_MS: '1800000',
      PROXY_TRUST_PROXY: 'true',
      PROXY_LOG_LEVEL: 'info',
    };
    copies = await Promise.all([spawnProxy(env), spawnProxy(env)]);
    balancer = await startHaproxy(copies.map((c) => c.url));
  }, 300_000);

  afterAll(async () => {
    await balancer.stop();
    for (const copy of copies) await copy.stop('SIGTERM');
    await redis.stop();
    await cluster.destroy();
  }, 60_000);

  const [a, b] = [() => copies[0]?.url ?? '', () => copies[1]?.url ?? ''];

  it('reads through one copy what was written through the other', async () => {
    const progress = await call(a(), 'PUT', '/v1/tickets/810/progress/pas-2', 'agent-w1', {
      done: true,
      procedure: 'vo-integracio',
      note: 'written on copy 1',
    });
    expect(progress.status).toBe(200);
    const readProgress = await call(b(), 'GET', '/v1/tickets/810/progress', 'agent-w2');
    expect(readProgress.body).toMatchObject({
      ticket: 810,
      steps: [{ stepId: 'pas-2', done: true, by: 'agent-w1', note: 'written on copy 1' }],
    });

    const answer = await call(b(), 'PUT', '/v1/tickets/810/answers/docs.received', 'agent-w2', {
      value: true,
      procedure: 'vo-integracio',
    });
    expect(answer.status).toBe(200);
    const readAnswers = await call(a(), 'GET', '/v1/tickets/810/answers', 'agent-w1');
    expect(readAnswers.body).toMatchObject({
      ticket: 810,
      answers: [{ question: 'docs.received', value: true, by: 'agent-w2' }],
    });

    const registration = await call(a(), 'POST', '/v1/integrator-registrations', 'agent-w1', {
      ticket: 810,
      ens: { ine10: DEMO.barcelona.ine10, nom: 'Ajuntament de Barcelona' },
      service: 'MUX',
      product: 'MUX_CONSULTA',
      integrator: { nif: 'B00000000', nom: 'Integracions Demo SL' },
    });
    expect(registration.status).toBe(201);
    const again = await call(b(), 'POST', '/v1/integrator-registrations', 'agent-w2', {
      ticket: 811,
      ens: { ine10: DEMO.barcelona.ine10, nom: 'Ajuntament de Barcelona' },
      service: 'MUX',
      product: 'MUX_CONSULTA',
      integrator: { nif: 'B00000000', nom: 'Integracions Demo SL' },
    });
    // The other copy knows the row: a repeat, not a duplicate.
    expect(again.status).toBe(200);
    const readRegister = await call(
      b(),
      'GET',
      `/v1/integrator-registrations?ine10=${DEMO.barcelona.ine10}&ticket=810`,
      'agent-w2',
    );
    expect(readRegister.body).toMatchObject({ registrations: [{ service: 'MUX', product: 'MUX_CONSULTA' }] });

    // The audit log of the ticket, read on copy 1, holds what copy 2 wrote.
    const audit = await call(a(), 'GET', '/v1/tickets/810/audit', 'agent-w1');
    const entries = (audit.body as { entries: { agent: string; action: string }[] }).entries;
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['progress.set', 'answer.set', 'integrator.register']));
    expect(entries.find((e) => e.action === 'answer.set')?.agent).toBe('agent-w2');
  });

  it('reads a correction recorded through one copy through the other', async () => {
    const { classify } = await import('../../src/domain/classifier');
    const { originalAnswerOf } = await import('../../src/domain/corpus/correction');
    const ticket = {
      id: '812',
      subject: 'Alta Via Oberta',
      description: "Sol·licitem l'alta a Via Oberta per consultar l'AEAT en preproducció.",
      tags: [],
      attachments: [],
    };
    const original = originalAnswerOf(classify(ticket));
    const saved = await call(b(), 'PUT', '/v1/tickets/812/correction', 'agent-w3', {
      ticket,
      original,
      labels: {
        service: original.service,
        products: original.products,
        environment: original.environment,
        ambit: original.ambit,
        flags: original.flags,
      },
      classifierVersion: '0.1.0',
    });
    expect(saved.status).toBe(200);
    const mine = await call(a(), 'GET', '/v1/corrections/mine', 'agent-w3');
    expect((mine.body as { records: { ticket: number }[] }).records.map((r) => r.ticket)).toEqual([812]);
  });

  it('keeps every write in the PostgreSQL store, none in a copy', async () => {
    const db = new pg.Client({ connectionString: storeUrl });
    await db.connect();
    try {
      const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]?.n);
      expect(await count('SELECT count(*) AS n FROM assistant.step_progress WHERE ticket_id = 810')).toBe(1);
      expect(await count('SELECT count(*) AS n FROM assistant.ticket_answers WHERE ticket_id = 810')).toBe(1);
      expect(await count("SELECT count(*) AS n FROM assistant.integrator_register WHERE service = 'MUX'")).toBe(1);
      expect(await count('SELECT count(*) AS n FROM assistant.classification_corrections WHERE ticket_id = 812')).toBe(
        1,
      );
      const audit = await db.query<{ ticket_id: string; action: string }>(
        'SELECT ticket_id, action FROM assistant.audit_log WHERE ticket_id IN (810, 811, 812) ORDER BY id',
      );
      // Each write and the register's listing (a check) once, whichever copy took it.
      expect(audit.rows.map((r) => `${r.ticket_id} ${r.action}`).sort()).toEqual([
        '810 answer.set',
        '810 check.integrator-register',
        '810 integrator.register',
        '810 progress.set',
        '811 integrator.register',
        '812 correction.record',
      ]);
    } finally {
      await db.end();
    }
  });

  it('counts one agent’s requests on both copies against one limit', async () => {
    const half = LIMIT / 2;
    const onA = await Promise.all(Array.from({ length: half }, () => call(a(), 'GET', CHECK, 'limit-direct')));
    const onB = await Promise.all(Array.from({ length: half }, () => call(b(), 'GET', CHECK, 'limit-direct')));
    expect([...onA, ...onB].map((r) => r.status)).toEqual(Array<number>(LIMIT).fill(200));
    const overA = await call(a(), 'GET', CHECK, 'limit-direct');
    const overB = await call(b(), 'GET', CHECK, 'limit-direct');
    expect([overA.status, overB.status]).toEqual([429, 429]);
    expect(overB.body).toMatchObject({ error: 'RATE_LIMITED' });
    // Another agent is not affected.
    expect((await call(b(), 'GET', CHECK, 'limit-other')).status).toBe(200);
  });

  it('refuses the request after the limit over the balancer, whichever copy it reaches', async () => {
    const before = await balancer.servers();
    const served: number[] = [];
    for (let i = 0; i < LIMIT; i++) served.push((await call(balancer.url, 'GET', CHECK, 'limit-balanced')).status);
    expect(served).toEqual(Array<number>(LIMIT).fill(200));
    const over = await Promise.all(Array.from({ length: 4 }, () => call(balancer.url, 'GET', CHECK, 'limit-balanced')));
    expect(over.map((r) => r.status)).toEqual([429, 429, 429, 429]);
    // Both copies took part: the balancer spread the requests.
    const after = await balancer.servers();
    for (const server of after) {
      const was = before.find((s) => s.name === server.name)?.sessions ?? 0;
      expect(server.sessions - was, server.name).toBeGreaterThanOrEqual(LIMIT / 2 - 1);
    }
  });

  it('ships a balancer configuration HAProxy accepts (deploy/haproxy.cfg)', async () => {
    const { stdout } = await promisify(execFile)(HAPROXY, ['-c', '-f', 'deploy/haproxy.cfg']);
    expect(stdout).toContain('Configuration file is valid');
  });

  describe.skipIf(!runLoad)('under load, one copy killed (SIGKILL)', () => {
    it('loses no acknowledged write, fails only requests in flight on the killed copy, keeps the limits', async () => {
      const CONCURRENCY = 16;
      const BEFORE_KILL = 300;
      const AFTER_KILL = 300;
      const TICKET_BASE = 900_000;
      // Spend most of one agent's limit before the kill, across both copies.
      for (let i = 0; i < LIMIT - 4; i++)
        expect((await call(balancer.url, 'GET', CHECK, 'limit-survivor')).status).toBe(200);

      interface Outcome {
        ticket: number;
        write: boolean;
        status: number;
        startedAt: number;
        endedAt: number;
        why: string;
      }
      const outcomes: Outcome[] = [];
      let next = 0;
      let killedAt: number | undefined;
      let exitedAt: number | undefined;
      const total = BEFORE_KILL + AFTER_KILL;
      const worker = async () => {
        while (next < total) {
          const i = next++;
          if (i === BEFORE_KILL) {
            killedAt = performance.now();
            void copies[1]?.stop('SIGKILL').then(() => (exitedAt = performance.now()));
          }
          const ticket = TICKET_BASE + i;
          // Each request from its own agent (2 requests per agent at most): the load itself is
          // never rate-limited, so any failure is the kill's.
          const agent = `load-${String(i % 400)}`;
          const write = i % 2 === 0;
          const startedAt = performance.now();
          const answer = write
            ? await call(balancer.url, 'PUT', `/v1/tickets/${String(ticket)}/progress/pas-1`, agent, {
                done: true,
                procedure: 'vo-integracio',
              })
            : await call(balancer.url, 'GET', CHECK.replace('ticket=801', `ticket=${String(ticket)}`), agent);
          outcomes.push({
            ticket,
            write,
            status: answer.status,
            startedAt,
            endedAt: performance.now(),
            why: answer.status === 200 ? '' : JSON.stringify(answer.body).slice(0, 90),
          });
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      while (exitedAt === undefined) await new Promise((r) => setTimeout(r, 50));
      expect(killedAt).toBeDefined();

      const failed = outcomes.filter((o) => o.status !== 200);
      process.stdout.write(
        `two copies under load: ${String(outcomes.length)} requests, ${String(failed.length)} failed` +
          `, concurrency ${String(CONCURRENCY)}; the copy was killed at ${String(Math.round(killedAt ?? 0))} ms ` +
          `and gone at ${String(Math.round(exitedAt))} ms\n` +
          failed
            .map(
              (f) =>
                `  ${f.write ? 'write' : 'check'} ${String(f.status)} from ${String(Math.round(f.startedAt))} to ` +
                `${String(Math.round(f.endedAt))} ms: ${f.why}\n`,
            )
            .join(''),
      );
      // Only requests the copy had taken can fail: each failed one was under way when the kill
      // was sent or started while the process was dying (the balancer only learns of the death
      // from the failures and the health check), and ended after the kill. None is a 500 or a 429.
      const gone = exitedAt;
      const killed = killedAt ?? 0;
      for (const f of failed) {
        expect(f.startedAt).toBeLessThan(gone);
        expect(f.endedAt).toBeGreaterThan(killed);
        expect([0, 502, 503, 504]).toContain(f.status);
      }
      // Requests after that all went to the copy left, and some did.
      expect(outcomes.filter((o) => o.startedAt > gone).length).toBeGreaterThan(0);

      // Every acknowledged write is in PostgreSQL, with its audit entry.
      const acknowledged = outcomes.filter((o) => o.write && o.status === 200).map((o) => o.ticket);
      expect(acknowledged.length).toBeGreaterThan(total / 4);
      const db = new pg.Client({ connectionString: storeUrl });
      await db.connect();
      try {
        const stored = await db.query<{ ticket_id: string }>(
          "SELECT ticket_id FROM assistant.step_progress WHERE ticket_id >= $1 AND step_id = 'pas-1' AND done",
          [TICKET_BASE],
        );
        const storedTickets = new Set(stored.rows.map((r) => Number(r.ticket_id)));
        expect(acknowledged.filter((t) => !storedTickets.has(t))).toEqual([]);
        const audited = await db.query<{ ticket_id: string }>(
          "SELECT DISTINCT ticket_id FROM assistant.audit_log WHERE ticket_id >= $1 AND action = 'progress.set'",
          [TICKET_BASE],
        );
        const auditedTickets = new Set(audited.rows.map((r) => Number(r.ticket_id)));
        expect(acknowledged.filter((t) => !auditedTickets.has(t))).toEqual([]);
      } finally {
        await db.end();
      }

      // HAProxy took the dead copy out of the rotation.
      const servers = await balancer.servers();
      expect(servers.find((s) => s.name === 'copy2')?.status).toMatch(/^DOWN/);

      // The counts made before the kill (on both copies) still hold: 4 more, then refused.
      const rest: number[] = [];
      for (let i = 0; i < 6; i++) rest.push((await call(balancer.url, 'GET', CHECK, 'limit-survivor')).status);
      expect(rest).toEqual([200, 200, 200, 200, 429, 429]);

      // The killed copy comes back on the same store and limits, and is served again.
      const restarted = await spawnProxy(env);
      expect((await call(restarted.url, 'GET', CHECK, 'limit-survivor')).status).toBe(429);
      expect((await call(restarted.url, 'GET', '/v1/tickets/900000/progress', 'reader')).body).toMatchObject({
        steps: [{ stepId: 'pas-1', done: true }],
      });
      await restarted.stop('SIGTERM');
    }, 300_000);
  });
});
