// The corrections operations through HTTP, on the real server and the embedded store: the agent's
// own records only (the JWT subject decides), reviewers for the full list, and the round trip
// correction → store → export → eval.
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCorrectionsCommand } from '../../src/cli/corrections-command';
import { CorpusSchema, score } from '../../src/cli/evaluate';
import { classify } from '../../src/domain/classifier';
import { CorrectionPageSchema, originalAnswerOf } from '../../src/domain/corpus/correction';
import { loadConfig } from '../../src/proxy/config';
import { openDatabases, type Databases } from '../../src/proxy/db/connect';
import { signAgentToken } from '../../src/proxy/demo-token';
import { buildServer } from '../../src/proxy/http/server';
import { AUDIENCE, ISSUER, SECRET } from './helpers/harness';

describe('corrections through the proxy', () => {
  let app: FastifyInstance | undefined;
  let databases: Databases | undefined;
  beforeAll(async () => {
    const config = loadConfig({ JWT_SECRET: SECRET, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE });
    databases = await openDatabases(config, pino({ level: 'silent' }));
    app = await buildServer({
      settings: { ...config, jwt: { ...config.jwt, secret: SECRET } },
      deps: {
        sources: databases.sources,
        store: databases.store,
        health: databases.health,
        dcocFile: config.dcocPropertiesFile,
        version: 'test',
        corrections: { retentionDays: 30, reviewers: ['lead-1'], everyoneReviews: false },
      },
    });
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await databases?.close();
  });

  const call = async (method: 'GET' | 'PUT' | 'POST', url: string, agent: string, body?: unknown) => {
    if (app === undefined) throw new Error('server not started');
    const token = await signAgentToken({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE, agentId: agent });
    return app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  };

  const ticket = {
    id: '5001',
    subject: 'Alta Via Oberta',
    description:
      "Sol·licitem l'alta a Via Oberta per consultar l'AEAT en preproducció. " +
      'Contacte: apuig@example.cat. ' +
      'x'.repeat(30_000),
    tags: ['alta_servei'],
    attachments: [{ name: 'formulari.pdf', id: 1, size: 10 }],
  };
  const original = originalAnswerOf(classify(ticket));
  const labels = { ...original, products: [...original.products, 'TGSS' as const] };
  const body = {
    ticket,
    original,
    labels: {
      service: labels.service,
      products: labels.products,
      environment: labels.environment,
      ambit: labels.ambit,
      flags: labels.flags,
    },
    classifierVersion: '0.1.0',
  };

  it('records a correction larger than other requests, and refuses one for another ticket', async () => {
    const saved = await call('PUT', '/v1/tickets/5001/correction', 'agent-1', body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ticket: 5001, kind: 'corrected', changed: ['products'], by: 'agent-1' });
    const wrong = await call('PUT', '/v1/tickets/5002/correction', 'agent-1', body);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ fields: { field: string }[] }>().fields[0]?.field).toBe('body.ticket.id');
  });

  it("lists the agent's own records only", async () => {
    const mine = await call('GET', '/v1/corrections/mine', 'agent-1');
    expect(mine.json<{ records: { ticket: number }[] }>().records.map((r) => r.ticket)).toContain(5001);
    const theirs = await call('GET', '/v1/corrections/mine', 'agent-2');
    expect(theirs.json<{ records: unknown[] }>().records).toEqual([]);
  });

  it("reads the agent's own record of a ticket, and nobody else's", async () => {
    const mine = await call('GET', '/v1/tickets/5001/correction', 'agent-1');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ record: { ticket: 5001, kind: 'corrected', by: 'agent-1' } });
    expect((await call('GET', '/v1/tickets/5001/correction', 'agent-2')).json()).toEqual({ record: null });
    expect((await call('GET', '/v1/tickets/5999/correction', 'agent-1')).json()).toEqual({ record: null });
  });

  it("lists every agent's records to a reviewer only", async () => {
    expect((await call('GET', '/v1/corrections', 'agent-1')).statusCode).toBe(403);
    const page = CorrectionPageSchema.parse((await call('GET', '/v1/corrections', 'lead-1')).json());
    expect(page.records.map((r) => r.ticket)).toContain(5001);
    expect(page.next).toBeNull();
    expect((await call('GET', '/v1/corrections?afterAt=2026-01-01', 'lead-1')).statusCode).toBe(400);
  });

  it('round trip: the exported corpus scores the agent’s labels with npm run eval', async () => {
    const result = await runCorrectionsCommand(['export'], {
      env: { CORRECTIONS_MASK_KEY: 'a test key of some length' },
      store: () => async () =>
        CorrectionPageSchema.parse((await call('GET', '/v1/corrections', 'lead-1')).json()).records,
    });
    expect(result.code).toBe(0);
    const corpus = CorpusSchema.parse(JSON.parse(result.stdout ?? ''));
    const item = corpus.find((c) => c.ticket.id === '5001');
    expect(item?.expected.products).toEqual([...original.products, 'TGSS']);
    const s = score(corpus.filter((c) => c.ticket.id === '5001'));
    expect(s.misses[0]?.fields.map((f) => f.field)).toEqual(['products']);
    expect(result.stdout).not.toContain('apuig@');
  });

  it('withdraws only her own record', async () => {
    const other = await call('POST', '/v1/tickets/5001/correction/withdraw', 'agent-2');
    expect(other.statusCode).toBe(404);
    expect(other.json<{ message: string }>().message).toContain('only your own');
    expect((await call('POST', '/v1/tickets/5001/correction/withdraw', 'agent-1')).statusCode).toBe(200);
    const mine = await call('GET', '/v1/corrections/mine', 'agent-1');
    expect(mine.json<{ records: { ticket: number }[] }>().records.map((r) => r.ticket)).not.toContain(5001);
    expect((await call('GET', '/v1/tickets/5001/correction', 'agent-1')).json()).toEqual({ record: null });
  });
});
