// The app's proxy client: requests built from the shared operations, answers checked, failures named.
import { describe, expect, it } from 'vitest';
import { checkAuthorisations, getProgress, health, registerIntegrator, setStep } from '../../src/shared/api';
import { JWT_AUDIENCE, ProxyClient } from '../../src/app/api/proxy-client';
import type { HttpResponse, RequestOptions, ZendeskPort } from '../../src/zendesk/port';

const BASE = 'https://proxy.example.org';
const IDENTITY = { subdomain: 'aoc-test', userId: 77, userName: 'Agent Test' };

/** A port whose only working part is `request`: it records the call and answers as told. */
function stubPort(answer: HttpResponse): { port: ZendeskPort; sent: RequestOptions[] } {
  const sent: RequestOptions[] = [];
  const unused = () => Promise.reject(new Error('not used by the proxy client'));
  const port: ZendeskPort = {
    get: unused,
    set: unused,
    invoke: unused,
    on: () => () => undefined,
    request: (options) => {
      sent.push(options);
      return Promise.resolve(answer);
    },
    metadata: unused,
    context: unused,
  };
  return { port, sent };
}

const progressRow = {
  stepId: 'vo-pre.alta-siri',
  procedure: 'vo-pre',
  done: true,
  by: '77',
  byName: 'Agent Test',
  at: '2026-11-23T10:00:00.000Z',
  note: null,
};

describe('ProxyClient', () => {
  it('builds the query from the operation, in the order given, skipping empty values', async () => {
    const { port, sent } = stubPort({ status: 200, body: { status: 'ok', databases: {}, version: '1' } });
    await new ProxyClient(port, BASE, IDENTITY).call(checkAuthorisations, {
      query: { env: 'PRO', ticket: 4242, ine10: '4317110007', nif: '' },
    });
    expect(sent[0]?.url).toBe(`${BASE}/v1/checks/authorisations?env=PRO&ticket=4242&ine10=4317110007`);
    expect(sent[0]?.type).toBe('GET');
    expect(sent[0]?.data).toBeUndefined();
  });

  it('fills and escapes path parameters, and sends the body as JSON', async () => {
    const { port, sent } = stubPort({ status: 200, body: progressRow });
    const r = await new ProxyClient(port, BASE, IDENTITY).call(setStep, {
      params: { ticketId: 4242, stepId: 'a/b c' },
      body: { done: true, procedure: 'vo-pre' },
    });
    expect(r).toEqual({ ok: true, data: progressRow });
    expect(sent[0]?.url).toBe(`${BASE}/v1/tickets/4242/progress/a%2Fb%20c`);
    expect(sent[0]?.type).toBe('PUT');
    expect(sent[0]?.contentType).toBe('application/json');
    expect(JSON.parse(sent[0]?.data ?? '')).toEqual({ done: true, procedure: 'vo-pre' });
  });

  it('asks Zendesk to sign a JWT with the secure shared secret, naming the agent', async () => {
    const { port, sent } = stubPort({ status: 200, body: { ticket: 1, steps: [] } });
    await new ProxyClient(port, BASE, IDENTITY).call(getProgress, { params: { ticketId: 1 } });
    const options = sent[0];
    expect(options?.secure).toBe(true);
    expect(options?.headers?.Authorization).toBe('Bearer {{jwt.token}}');
    expect(options?.jwt).toMatchObject({
      algorithm: 'HS256',
      secret_key: '{{setting.sharedSecret}}',
      claims: { iss: 'aoc-test', aud: JWT_AUDIENCE, sub: '77', name: 'Agent Test' },
    });
  });

  it('says the proxy is not configured, without a request, when its URL is empty', async () => {
    const { port, sent } = stubPort({ status: 200, body: {} });
    const r = await new ProxyClient(port, '', IDENTITY).call(health, {});
    expect(r).toEqual({ ok: false, problem: { kind: 'notConfigured' } });
    expect(sent).toHaveLength(0);
  });

  it('refuses an answer that does not match the operation’s response schema', async () => {
    const { port } = stubPort({ status: 200, body: { ticket: 'one', steps: [] } });
    const r = await new ProxyClient(port, BASE, IDENTITY).call(getProgress, { params: { ticketId: 1 } });
    expect(r).toEqual({ ok: false, problem: { kind: 'badResponse' } });
  });

  it.each([
    [0, undefined, { kind: 'network' }],
    [401, { error: 'UNAUTHORIZED', message: 'expired' }, { kind: 'unauthorized', message: 'expired' }],
    [429, { error: 'RATE_LIMITED', message: 'slow down' }, { kind: 'rateLimited' }],
    [
      503,
      { error: 'DATABASE_UNAVAILABLE', message: 'down', database: 'PRO' },
      { kind: 'unavailable', database: 'PRO' },
    ],
    [500, { error: 'INTERNAL', message: 'boom' }, { kind: 'server' }],
    [404, { error: 'NOT_FOUND', message: 'no' }, { kind: 'badResponse' }],
    [
      400,
      { error: 'BAD_REQUEST', message: 'bad', fields: [{ field: 'ens.ine10', reason: 'has 10 digits' }] },
      { kind: 'badRequest', fields: [{ field: 'ens.ine10', reason: 'has 10 digits' }], message: 'bad' },
    ],
  ])('maps a %s answer to the problem the sidebar explains', async (status, body, problem) => {
    const { port } = stubPort({ status, body });
    const r = await new ProxyClient(port, BASE, IDENTITY).call(registerIntegrator, {
      body: {
        ticket: 1,
        ens: { ine10: '4317110007', nom: 'Ajuntament de Vila-seca' },
        service: 'VO',
        integrator: { nif: '99999972C', nom: 'Integradora SL' },
      },
    });
    expect(r).toEqual({ ok: false, problem });
  });
});
