import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { prepareRequest } from '../../src/local/server/request-proxy';

const SECRET = 'x'.repeat(40);
const options = {
  settings: { sharedSecret: SECRET, proxyUrl: 'http://127.0.0.1:8787' },
  domainWhitelist: ['127.0.0.1'],
};
const request = {
  url: 'http://127.0.0.1:8787/v1/checks/dir3?ticket=1&ine10=4317110007',
  type: 'GET',
  secure: true,
  headers: { Authorization: 'Bearer {{jwt.token}}' },
  jwt: {
    algorithm: 'HS256',
    secret_key: '{{setting.sharedSecret}}',
    expiry: 3600,
    claims: { iss: 'local', aud: 'aoc-integration-assistant', sub: '77' },
  },
};

describe('the local stand-in for Zendesk’s request proxy', () => {
  it('signs the JWT with the secret setting, which never appears in the request', async () => {
    const r = prepareRequest(request, options, new Date());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const auth = (r.init.headers as Record<string, string>).Authorization ?? '';
    expect(auth).not.toContain(SECRET);
    const { payload } = await jwtVerify(auth.replace('Bearer ', ''), new TextEncoder().encode(SECRET), {
      issuer: 'local',
      audience: 'aoc-integration-assistant',
    });
    expect(payload.sub).toBe('77');
    expect(Number(payload.exp) - Number(payload.iat)).toBe(3600);
  });

  it('refuses a host outside the domain whitelist', () => {
    expect(prepareRequest({ ...request, url: 'https://evil.example.com/steal' }, options)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('fills settings only in secure requests, and refuses a JWT on an insecure one', () => {
    expect(prepareRequest({ ...request, secure: false }, options)).toMatchObject({ ok: false, status: 400 });
    const plain = prepareRequest({ url: 'http://127.0.0.1:8787/x?k={{setting.sharedSecret}}', type: 'GET' }, options);
    expect(plain.ok && plain.url).toContain('{{setting.sharedSecret}}');
    expect(plain.ok && plain.url).not.toContain(SECRET);
  });

  it('sends a relative request to the local Zendesk API as the agent, with its JSON body; refuses DELETE', () => {
    const api = { ...options, zendeskApi: { url: 'http://127.0.0.1:9999', authorization: 'Basic local' } };
    const create = prepareRequest(
      { url: '/api/v2/tickets.json', type: 'POST', contentType: 'application/json', data: '{"ticket":{}}' },
      api,
    );
    expect(create).toMatchObject({ ok: true, url: 'http://127.0.0.1:9999/api/v2/tickets.json' });
    if (!create.ok) return;
    expect(create.init).toMatchObject({ method: 'POST', body: '{"ticket":{}}' });
    expect(create.init.headers).toMatchObject({ authorization: 'Basic local', 'Content-Type': 'application/json' });
    const read = prepareRequest({ url: '/api/v2/tickets/1.json', type: 'GET', data: 'ignored' }, api);
    expect(read.ok && read.init.body).toBeUndefined();
    expect(prepareRequest({ url: '/api/v2/tickets/1.json', type: 'DELETE' }, api)).toMatchObject({
      ok: false,
      status: 405,
    });
    expect(prepareRequest({ url: '/elsewhere', type: 'GET' }, api)).toMatchObject({ ok: false, status: 400 });
  });
});
