// Bad input is refused at the edge with 400 naming the field; injection strings and fuzzed input
// never cause a 500 nor return another ens's data.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import type {
  ApiError,
  AuditResponse,
  AuthorisationsResponse,
  IntegratorListResponse,
  OrganismeResponse,
} from '../../src/shared/api';
import { startHarness, type Harness } from './helpers/harness';

const INJECTIONS = [
  "0801930008' OR '1'='1",
  "0801930008'; DROP TABLE siri.aoc_pci_siri_organisme; --",
  '0801930008 UNION SELECT * FROM pscp.usuari',
  "' OR 1=1 --",
  '%27%20OR%201%3D1',
  '0801930008)--',
  ':ine10short',
  '$1',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '0801930008\u0000',
  '０８０１９３０００８',
  '${7*7}',
  "PROVES' OR 'a'='a",
];

describe('proxy input safety', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ RATE_LIMIT_MAX: '100000' });
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  const fieldsOf = (res: { json: () => unknown }) => (res.json() as ApiError).fields?.map((f) => f.field) ?? [];

  it('names each refused field and why', async () => {
    const res = await h.get('/v1/checks/authorisations?env=DEV&ine10=08019300X8&ticket=1');
    expect(res.statusCode).toBe(400);
    const body = res.json<ApiError>();
    expect(body.error).toBe('BAD_REQUEST');
    expect(body.fields).toEqual([
      { field: 'env', reason: 'must be PRE or PRO' },
      { field: 'ine10', reason: 'An INE10 code holds only digits.' },
    ]);
  });

  it.each([
    ['/v1/checks/authorisations?env=PRO&ticket=1', ['ine10']],
    [`/v1/checks/authorisations?env=PRO&ine10=${DEMO.barcelona.ine10}&nif=${DEMO.barcelona.cif}&ticket=1`, ['ine10']],
    [`/v1/checks/authorisations?env=PRO&ine10=${DEMO.barcelona.ine10}`, ['ticket']],
    [`/v1/checks/authorisations?env=PRO&ine10=${DEMO.barcelona.ine10}&ticket=0`, ['ticket']],
    [`/v1/checks/authorisations?env=PRO&env=PRE&ine10=${DEMO.barcelona.ine10}&ticket=1`, ['env']],
    [`/v1/checks/authorisations?env=PRO&ine10=${DEMO.barcelona.ine10}&ticket=1&sql=1`, ['sql']],
    ['/v1/checks/authorisations?env=PRO&nif=P0801900A&ticket=1', ['nif']],
    ['/v1/checks/organisme?env=PRO&nif=99999972C&ticket=1', ['nif']],
    [`/v1/checks/pscp-user?env=PRO&nif=${DEMO.barcelona.cif}&ticket=1`, ['nif']],
    ['/v1/checks/pscp-user?env=PRO&nif=99999972D&ticket=1', ['nif']],
    ['/v1/checks/pscp-organ?env=PRO&cif=12345678Z&ticket=1', ['cif']],
    ['/v1/checks/finalitat?env=PRO&code=PROVES%20X&ticket=1', ['code']],
    ['/v1/checks/dir3?ine10=080193000812&ticket=1', ['ine10']],
    ['/v1/tickets/abc/progress', ['ticketId']],
    ['/v1/tickets/1/audit?limit=9999', ['limit']],
  ])('refuses %s', async (url, fields) => {
    const res = await h.get(url);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(fields);
  });

  it('refuses bad bodies: oversize, not JSON, wrong fields', async () => {
    const big = await h.send('PUT', '/v1/tickets/1/progress/pas-1', {
      done: true,
      procedure: 'vo',
      note: 'x'.repeat(20_000),
    });
    expect(big.statusCode).toBe(400);
    expect(big.json<ApiError>().fields).toEqual([{ field: 'body', reason: 'is larger than the 16384 bytes allowed' }]);
    const notJson = await h.app.inject({
      method: 'PUT',
      url: '/v1/tickets/1/progress/pas-1',
      headers: { authorization: `Bearer ${await h.token()}`, 'content-type': 'application/json' },
      payload: '{"done": tru',
    });
    expect(notJson.statusCode).toBe(400);
    expect(fieldsOf(notJson)).toEqual(['body']);
    const wrong = await h.send('POST', '/v1/integrator-registrations', {
      ticket: 1,
      ens: { ine10: '123', nom: '' },
      service: 'FAX',
      integrator: { nif: 'B00000001', nom: 'X' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(fieldsOf(wrong)).toEqual(['body.ens.ine10', 'body.ens.nom', 'body.service', 'body.integrator.nif']);
    const proto = await h.app.inject({
      method: 'PUT',
      url: '/v1/tickets/1/progress/pas-1',
      headers: { authorization: `Bearer ${await h.token()}`, 'content-type': 'application/json' },
      payload: '{"done": true, "procedure": "vo", "__proto__": {"admin": true}}',
    });
    expect(proto.statusCode).toBe(400);
  });

  it('refuses every injection string in every identifier parameter', async () => {
    const params = [
      ['authorisations', 'env=PRO&ticket=1', 'ine10'],
      ['authorisations', 'env=PRO&ticket=1', 'nif'],
      ['organisme', 'env=PRE&ticket=1', 'ine10'],
      ['finalitat', 'env=PRO&ticket=1', 'code'],
      ['dir3', 'ticket=1', 'ine10'],
      ['pscp-user', 'env=PRO&ticket=1', 'nif'],
      ['pscp-organ', 'env=PRO&ticket=1', 'cif'],
      ['dcoc-config', 'ticket=1', 'ine10'],
    ] as const;
    for (const [check, rest, name] of params) {
      for (const value of INJECTIONS) {
        const res = await h.get(`/v1/checks/${check}?${rest}&${name}=${encodeURIComponent(value)}`);
        expect(res.statusCode, `${check} ${name}=${value}`).toBe(400);
        expect(fieldsOf(res)).toEqual([name]);
      }
    }
    // Refused before any check ran: ticket 1, used by every refused request here, has no entry.
    expect((await h.get('/v1/tickets/1/audit')).json<AuditResponse>().entries).toEqual([]);
  });

  it('stores free text with SQL in it as text, and the tables survive', async () => {
    const nasty = "Robert'); DROP TABLE assistant.integrator_register; --";
    const res = await h.send('POST', '/v1/integrator-registrations', {
      ticket: 9,
      ens: { ine10: DEMO.consorciAoc.ine10, nom: nasty },
      service: 'PSCP',
      integrator: { nif: 'B00000000', nom: nasty },
      observations: '<img src=x onerror=alert(1)> $1 :ens',
    });
    expect(res.statusCode).toBe(201);
    const list = (
      await h.get(`/v1/integrator-registrations?ine10=${DEMO.consorciAoc.ine10}&ticket=9`)
    ).json<IntegratorListResponse>();
    expect(list.registrations[0]).toMatchObject({
      ensNom: nasty,
      integratorNom: nasty,
      observations: '<img src=x onerror=alert(1)> $1 :ens',
    });
  });

  it('fuzzed query values get 400 or only the asked ens’s data, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.stringMatching(/^[0-9]{9,10}$/),
          fc.constantFrom(...INJECTIONS),
          fc.stringMatching(/^[0-9 .-]{8,14}$/),
        ),
        async (value) => {
          const res = await h.get(`/v1/checks/authorisations?env=PRO&ticket=7&ine10=${encodeURIComponent(value)}`);
          expect([200, 400]).toContain(res.statusCode);
          if (res.statusCode === 200) {
            const body = res.json<AuthorisationsResponse>();
            const asked = body.lookup.value;
            for (const a of body.authorisations) expect(a.organisme.codi.padStart(10, '0')).toBe(asked);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('fuzzed NIFs get 400 or only the asked organisme', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^[PQSABpqsab][0-9-]{7,9}[A-J0-9]$/)),
        async (value) => {
          const res = await h.get(`/v1/checks/organisme?env=PRO&ticket=7&nif=${encodeURIComponent(value)}`);
          expect([200, 400]).toContain(res.statusCode);
          if (res.statusCode === 200) {
            const body = res.json<OrganismeResponse>();
            for (const o of body.organismes) expect((o.cif ?? '').replaceAll('-', '')).toBe(body.lookup.value);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('fuzzed JSON bodies get 201, 200 or 400, never a 500', async () => {
    const token = await h.token('fuzzer');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            ticket: fc.oneof(fc.integer(), fc.string()),
            ens: fc.record({ ine10: fc.oneof(fc.string(), fc.constant(DEMO.barcelona.ine10)), nom: fc.string() }),
            service: fc.constantFrom('VO', 'MUX', 'X', ''),
            integrator: fc.record({ nif: fc.oneof(fc.string(), fc.constant('B00000000')), nom: fc.string() }),
          }),
        ),
        async (body) => {
          const res = await h.app.inject({
            method: 'POST',
            url: '/v1/integrator-registrations',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            payload: JSON.stringify(body),
          });
          expect([200, 201, 400]).toContain(res.statusCode);
        },
      ),
      { numRuns: 150 },
    );
  });
});
