import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReadFormResponse } from '../../src/shared/form-api';
import { buildFormPdf, SAMPLE_FILLED_VALUES } from '../../src/local/forms/build-form';
import { ISSUER, startHarness, type Harness } from './helpers/harness';

/**
 * The request-form operation against a fake Zendesk on the loopback interface, and a second
 * server standing for "another host": it must never be asked anything.
 */
const TICKET = 4101;
const FORM_ID = 9001;
const MALWARE_ID = 9002;
const REDIRECT_OFF_ID = 9003;
const OTHER_TICKET_ATTACHMENT = 9100;

let zendesk: FastifyInstance;
let elsewhere: FastifyInstance;
let zendeskUrl = '';
let elsewhereUrl = '';
let elsewhereHits = 0;
let forcedStatus: number | null = null;
const authHeaders: (string | undefined)[] = [];
let pdf: Uint8Array;

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${String(address.port)}`;
}

beforeAll(async () => {
  pdf = await buildFormPdf({ values: SAMPLE_FILLED_VALUES });
  elsewhere = Fastify();
  elsewhere.all('/*', (_request, reply) => {
    elsewhereHits += 1;
    return reply.send('nothing');
  });
  elsewhereUrl = await listen(elsewhere);

  zendesk = Fastify();
  zendesk.get('/api/v2/tickets/:ticket/comments.json', async (request, reply) => {
    authHeaders.push(request.headers.authorization);
    if (forcedStatus !== null) {
      if (forcedStatus === 429) void reply.header('retry-after', '7');
      return reply.code(forcedStatus).send({ error: 'forced' });
    }
    const { ticket } = request.params as { ticket: string };
    if (ticket !== String(TICKET)) return reply.code(404).send({ error: 'RecordNotFound' });
    const attachment = (id: number, name: string, extra: object = {}) => ({
      id,
      file_name: name,
      content_url: `${zendeskUrl}/attachments/token/t${String(id)}/?name=${name}`,
      content_type: 'application/pdf',
      size: pdf.length,
      malware_scan_result: 'malware_not_found',
      ...extra,
    });
    return {
      comments: [
        { attachments: [] },
        {
          attachments: [
            attachment(FORM_ID, 'formulari_sol-licitud_integracio_serveis_caoc.pdf'),
            attachment(MALWARE_ID, 'virus.pdf', { malware_scan_result: 'malware_found' }),
            attachment(REDIRECT_OFF_ID, 'elsewhere.pdf'),
          ],
        },
      ],
      next_page: null,
    };
  });
  zendesk.get('/attachments/token/:token/', async (request, reply) => {
    const { token } = request.params as { token: string };
    // As Zendesk does: the account's URL redirects to the file; one redirect goes off Zendesk.
    if (token === `t${String(REDIRECT_OFF_ID)}`) return reply.redirect(`${elsewhereUrl}/file.pdf`);
    return reply.redirect(`${zendeskUrl}/files/${token}`);
  });
  zendesk.get('/files/:token', async (_request, reply) => reply.type('application/pdf').send(Buffer.from(pdf)));
  zendeskUrl = await listen(zendesk);
});

afterAll(async () => {
  await zendesk.close();
  await elsewhere.close();
});

beforeEach(() => {
  forcedStatus = null;
});

describe('POST /v1/request-form/read', () => {
  let proxy: Harness;
  beforeAll(async () => {
    proxy = await startHarness({
      ZENDESK_SUBDOMAIN: ISSUER,
      ZENDESK_API_URL: zendeskUrl,
      ZENDESK_API_USER: 'proxy@example.org',
      ZENDESK_API_TOKEN: 'test-api-token-0123',
    });
  });
  afterAll(async () => {
    await proxy.close();
  });
  const read = (attachment: number, ticket = TICKET) =>
    proxy.send('POST', '/v1/request-form/read', { ticket, attachment });

  it('reads the form attached to the ticket, and the read is in the audit log', async () => {
    const response = await read(FORM_ID);
    expect(response.statusCode).toBe(200);
    const body = ReadFormResponse.parse(response.json());
    expect(body.attachment).toMatchObject({ id: FORM_ID, name: 'formulari_sol-licitud_integracio_serveis_caoc.pdf' });
    expect(body.form).toMatchObject({ status: 'read', services: ['VO'], products: ['AEAT', 'CADASTRE'] });
    expect(authHeaders.at(-1)).toBe(
      `Basic ${Buffer.from('proxy@example.org/token:test-api-token-0123').toString('base64')}`,
    );
    const audit = await proxy.get(`/v1/tickets/${String(TICKET)}/audit`);
    const entries = audit.json<{ entries: { action: string; outcome: string }[] }>().entries;
    expect(entries.find((e) => e.action === 'form.read')?.outcome).toContain('AEAT');
  });

  it('refuses an attachment of another ticket', async () => {
    const response = await read(OTHER_TICKET_ATTACHMENT);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ error: 'ATTACHMENT_REFUSED' });
    expect(response.json<{ message: string }>().message).toContain('not on ticket');
  });

  it('refuses an attachment Zendesk flagged as malware', async () => {
    const response = await read(MALWARE_ID);
    expect(response.statusCode).toBe(422);
    expect(response.json<{ message: string }>().message).toContain('malware');
  });

  it('never follows a redirect off the account’s hosts', async () => {
    const before = elsewhereHits;
    const response = await read(REDIRECT_OFF_ID);
    expect(response.statusCode).toBe(422);
    expect(response.json<{ message: string }>().message).toContain('not this Zendesk account');
    expect(elsewhereHits).toBe(before);
  });

  it.each([
    [401, 502, 'credentials'],
    [404, 404, '404'],
    [429, 503, '429'],
    [500, 502, '500'],
  ])('answers Zendesk %i clearly', async (zendeskStatus, status, words) => {
    forcedStatus = zendeskStatus;
    const response = await read(FORM_ID);
    expect(response.statusCode).toBe(status);
    expect(response.json<{ message: string }>().message).toContain(words);
    if (zendeskStatus === 429) expect(response.headers['retry-after']).toBe('7');
  });

  it('validates the body at the edge', async () => {
    const response = await proxy.send('POST', '/v1/request-form/read', { ticket: TICKET, attachment: 'x' });
    expect(response.statusCode).toBe(400);
  });
});

describe('the request-form operation without Zendesk credentials', () => {
  it('answers a clear "not configured"', async () => {
    const proxy = await startHarness();
    try {
      const response = await proxy.send('POST', '/v1/request-form/read', { ticket: TICKET, attachment: FORM_ID });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ error: 'NOT_CONFIGURED' });
    } finally {
      await proxy.close();
    }
  });

  it('refuses to start with a Zendesk subdomain that is not the JWT issuer', async () => {
    await expect(
      startHarness({ ZENDESK_SUBDOMAIN: 'another-account', ZENDESK_OAUTH_TOKEN: 'oauth-token-123456' }),
    ).rejects.toThrow(/JWT issuer/);
  });
});
