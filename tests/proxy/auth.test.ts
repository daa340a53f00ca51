// Authentication (the Zendesk-signed JWT), CORS, rate limit per agent and security headers.
import { SignJWT, base64url } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import type { ApiError, AuditResponse } from '../../src/shared/api';
import { AUDIENCE, ISSUER, SECRET, startHarness, type Harness } from './helpers/harness';

const CHECK = `/v1/checks/authorisations?env=PRO&ine10=${DEMO.barcelona.ine10}&ticket=401`;

describe('proxy authentication, CORS, rate limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ CORS_ORIGINS: 'https://aoc-demo.zendesk.com', RATE_LIMIT_MAX: '5' });
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  const call = (authorization?: string, url = CHECK) =>
    h.app.inject({ method: 'GET', url, headers: authorization === undefined ? {} : { authorization } });

  async function expect401(authorization: string | undefined, message: RegExp) {
    const res = await call(authorization);
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    const body = res.json<ApiError>();
    expect(body.error).toBe('UNAUTHORIZED');
    expect(body.message).toMatch(message);
  }

  const unsigned = (header: object, payload: object) =>
    `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}.`;
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts a valid token', async () => {
    expect((await call(`Bearer ${await h.token()}`)).statusCode).toBe(200);
  });

  it('refuses a request without a token, or with another scheme', async () => {
    await expect401(undefined, /Missing Authorization/);
    await expect401('Basic dXNlcjpwYXNz', /Bearer <token>/);
    await expect401('Bearer not-a-jwt', /malformed/);
  });

  it('refuses an expired token', async () => {
    await expect401(`Bearer ${await h.token('agent-1', { expiresIn: -120 })}`, /expired/);
  });

  it('refuses a token signed with another secret, or tampered with', async () => {
    await expect401(
      `Bearer ${await h.token('agent-1', { secret: 'another-secret-0123456789-abcdefghijkl' })}`,
      /signature/,
    );
    const [header, , signature] = (await h.token('agent-1')).split('.');
    const forged = base64url.encode(JSON.stringify({ iss: ISSUER, aud: AUDIENCE, sub: 'admin', exp: now() + 600 }));
    await expect401(`Bearer ${header ?? ''}.${forged}.${signature ?? ''}`, /signature/);
  });

  it('refuses a token for another audience or from another issuer', async () => {
    await expect401(`Bearer ${await h.token('agent-1', { audience: 'another-app' })}`, /audience/);
    await expect401(`Bearer ${await h.token('agent-1', { issuer: 'another-subdomain' })}`, /issuer/);
  });

  it('refuses alg "none" and algorithms other than HS256', async () => {
    const claims = { iss: ISSUER, aud: AUDIENCE, sub: 'agent-1', exp: now() + 600 };
    await expect401(`Bearer ${unsigned({ alg: 'none', typ: 'JWT' }, claims)}`, /HS256|malformed/);
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).sign(new TextEncoder().encode(SECRET));
    await expect401(`Bearer ${hs512}`, /HS256/);
  });

  it('requires exp and sub', async () => {
    const key = new TextEncoder().encode(SECRET);
    const noExp = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('a')
      .sign(key);
    await expect401(`Bearer ${noExp}`, /exp/);
    const noSub = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('10m')
      .sign(key);
    await expect401(`Bearer ${noSub}`, /sub/);
  });

  it('runs no check and logs nothing for a refused request', async () => {
    await call(undefined);
    await call(`Bearer ${await h.token('agent-1', { audience: 'x' })}`);
    const audit = (await h.get('/v1/tickets/401/audit')).json<AuditResponse>();
    // Only the one valid call above (first test) reached the check.
    expect(audit.entries.filter((e) => e.action === 'check.authorisations')).toHaveLength(1);
  });

  it('leaves /health and /openapi.json open', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/openapi.json' })).statusCode).toBe(200);
  });

  it('allows CORS only from the configured Zendesk origins', async () => {
    const preflight = (origin: string) =>
      h.app.inject({
        method: 'OPTIONS',
        url: CHECK,
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight('https://aoc-demo.zendesk.com');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://aoc-demo.zendesk.com');
    const denied = await preflight('https://evil.example');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sets security headers', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
  });

  it('limits requests per agent, not per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await h.get(`/v1/checks/dcoc-config?ine10=${DEMO.barcelona.ine10}&ticket=402`, 'busy-agent')).statusCode,
      );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await h.get(`/v1/checks/dcoc-config?ine10=${DEMO.barcelona.ine10}&ticket=402`, 'busy-agent');
    expect(limited.json<ApiError>().error).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    expect(
      (await h.get(`/v1/checks/dcoc-config?ine10=${DEMO.barcelona.ine10}&ticket=402`, 'calm-agent')).statusCode,
    ).toBe(200);
  });
});
