import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_SAMPLES } from '../../src/local/form-samples';
import { sampleFilePdf } from '../../src/local/forms/build-form';
import { forwardRequest } from '../../src/local/server/request-proxy';
import { startZendeskApi, type ZendeskApi } from '../../src/local/server/zendesk-api';
import { ReadFormResponse } from '../../src/shared/form-api';
import { ISSUER, startHarness, type Harness } from '../proxy/helpers/harness';

/**
 * The local run's Zendesk API over the form samples, and the proxy configured to use it as it
 * would use Zendesk: the whole path from a sample's attachment to its reading, with no account.
 */
const TOKEN = 'local-api-token-0123';
const NAMED_ONLY = 2999;
const NAMES = ['formulari_sol-licitud_integracio_serveis_caoc.pdf', 'clau_publica_cda.cer'];
const idOf = (key: string | number): number => 2000 + FORM_SAMPLES.findIndex((s) => s.ticket.id === key);

let api: ZendeskApi;
let proxy: Harness;
let builds = 0;

beforeAll(async () => {
  api = await startZendeskApi({
    tickets: [
      ...FORM_SAMPLES.map((s) => ({ id: idOf(s.ticket.id), ticket: s.ticket, files: s.files })),
      // A sample of the corpora: it names its attachments but has no file for them.
      { id: NAMED_ONLY, ticket: { id: 'p01', subject: 'Alta', description: 'Adjuntem', attachments: NAMES } },
    ],
    user: 'proxy@example.org',
    token: TOKEN,
    buildPdf: (file) => {
      builds += 1;
      return sampleFilePdf(file);
    },
  });
  proxy = await startHarness({
    ZENDESK_SUBDOMAIN: ISSUER,
    ZENDESK_API_URL: api.url,
    ZENDESK_API_USER: 'proxy@example.org',
    ZENDESK_API_TOKEN: TOKEN,
  });
});

afterAll(async () => {
  await proxy.close();
  await api.stop();
});

interface Listed {
  readonly id: number;
  readonly file_name: string;
  readonly content_url: string;
  readonly content_type: string;
  readonly size: number;
  readonly malware_scan_result: string;
}

async function comments(ticket: number, authorization = api.authorization): Promise<Response> {
  return fetch(`${api.url}/api/v2/tickets/${String(ticket)}/comments.json`, { headers: { authorization } });
}

async function attachmentsOf(key: string, ticket = idOf(key)): Promise<Listed[]> {
  const res = await comments(ticket);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { comments: { attachments: Listed[] }[] };
  return body.comments.flatMap((c) => c.attachments);
}

describe('the local Zendesk API', () => {
  it('lists a ticket’s attachments as Zendesk does, each with a content URL that serves its bytes', async () => {
    const listed = await attachmentsOf('f01');
    expect(listed.map((a) => a.file_name)).toEqual(FORM_SAMPLES[0]?.ticket.attachments);
    const form = listed[0];
    expect(form).toMatchObject({ content_type: 'application/pdf', malware_scan_result: 'malware_not_found' });
    const content = await fetch(form?.content_url ?? '');
    const bytes = new Uint8Array(await content.arrayBuffer());
    expect(bytes.length).toBe(form?.size);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
  });

  it('answers 401 without the API credentials and 404 for a ticket it does not hold', async () => {
    expect((await comments(idOf('f01'), 'Basic bm9ib2R5')).status).toBe(401);
    expect((await comments(idOf('f01'), '')).status).toBe(401);
    expect((await comments(1)).status).toBe(404);
    expect((await fetch(`${api.url}/attachments/token/${'0'.repeat(24)}/?name=x.pdf`)).status).toBe(404);
  });

  it('builds each sample file once, however often it is listed or fetched', async () => {
    await attachmentsOf('f02');
    const after = builds;
    await attachmentsOf('f02');
    const listed = await attachmentsOf('f02');
    await fetch(listed[0]?.content_url ?? '');
    expect(builds).toBe(after);
  });
});

describe('the proxy reading the samples’ forms through the local Zendesk API', () => {
  const read = async (key: string, name: string, ticket = idOf(key)) => {
    const attachment = (await attachmentsOf(key, ticket)).find((a) => a.file_name === name);
    expect(attachment).toBeDefined();
    const response = await proxy.send('POST', '/v1/request-form/read', { ticket, attachment: attachment?.id });
    expect(response.statusCode).toBe(200);
    return ReadFormResponse.parse(response.json()).form;
  };

  it('f01: Terrassa’s filled form, with its products, IPs and integrator', async () => {
    const form = await read('f01', 'formulari_sol-licitud_integracio_serveis_caoc.pdf');
    expect(form).toMatchObject({
      status: 'read',
      ens: { name: 'Ajuntament de Terrassa', nif: 'P0827900B' },
      technicalContact: { nif: '99999972C' },
      services: ['VO'],
      products: ['AEAT', 'CADASTRE'],
      ips: { pre: ['192.88.99.10'], pro: ['192.88.99.11', '192.88.99.12'] },
      integrator: { company: 'Integradora Exemple SL', nif: 'B00000018' },
      problems: [],
    });
  });

  it('f02: a form named unlike one is still read; f03 carries the problems a reviewer flags', async () => {
    expect(await read('f02', 'document_signat.pdf')).toMatchObject({ status: 'read', services: ['PSCP'] });
    const flagged = await read('f03', 'formulari_sol-licitud_integracio_serveis_caoc.pdf');
    expect(flagged.status).toBe('read');
    const fields = 'problems' in flagged ? flagged.problems.map((p) => p.field) : [];
    expect(fields).toEqual(expect.arrayContaining(['ens.nif', 'ips.pre']));
  });

  it('f04: a scanned copy is not a form; f05: the form as downloaded is blank', async () => {
    expect(await read('f04', 'formulari_escanejat.pdf')).toMatchObject({ status: 'not-a-form' });
    expect(await read('f05', 'formulari_sol-licitud_integracio_serveis_caoc.pdf')).toMatchObject({ status: 'blank' });
  });

  it('a PDF a sample only names is a PDF without form data; any other file a line of text', async () => {
    expect(await read('p01', NAMES[0] ?? '', NAMED_ONLY)).toMatchObject({ status: 'not-a-form' });
    const cert = (await attachmentsOf('p01', NAMED_ONLY)).find((a) => a.file_name === NAMES[1]);
    expect(cert?.content_type).toBe('application/pkix-cert');
    expect(await (await fetch(cert?.content_url ?? '')).text()).toContain('Local sample attachment');
  });
});

describe('the dev server’s request proxy, for a relative /api/v2 request of the app', () => {
  const options = () => ({
    settings: {},
    domainWhitelist: [],
    zendeskApi: { url: api.url, authorization: api.authorization },
  });

  it('answers from the local Zendesk API with the agent’s session, whatever the whitelist', async () => {
    const r = await forwardRequest({ url: `/api/v2/tickets/${String(idOf('f01'))}/comments.json` }, options());
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).toContain('clau_publica_cda.cer');
  });

  it('refuses relative paths outside the API, deletes, and a run without the stand-in', async () => {
    expect((await forwardRequest({ url: '/attachments/token/x/' }, options())).status).toBe(400);
    expect((await forwardRequest({ url: '/api/v2/tickets/1.json', type: 'DELETE' }, options())).status).toBe(405);
    expect(
      (await forwardRequest({ url: '/api/v2/tickets/1/comments.json' }, { settings: {}, domainWhitelist: [] })).status,
    ).toBe(503);
  });
});
