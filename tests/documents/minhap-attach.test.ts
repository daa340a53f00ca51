import XlsxPopulate from 'xlsx-populate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINHAP_SHEET } from '../../src/domain/documents/minhap';
import { startZendeskApi, type ZendeskApi } from '../../src/local/server/zendesk-api';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import { AttachMinhapResponse } from '../../src/shared/api';
import { ISSUER, startHarness, type Harness } from '../proxy/helpers/harness';

/**
 * The MINHAP Excel attached to the ticket as an internal note: the proxy fills the template,
 * uploads it (Zendesk's uploads API) and adds a private comment with the upload's token, here
 * against the local run's Zendesk stand-in, which keeps the comment and serves the file back.
 */
const TOKEN = 'local-api-token-attach-0123';
const TICKET = 4700;
const URL = '/v1/documents/minhap/attach';
const body = (extra: Record<string, unknown> = {}) => ({
  ticket: TICKET,
  ensName: 'Ajuntament de Barcelona',
  cif: DEMO.barcelona.cif,
  ine10: DEMO.barcelona.ine10,
  modalities: [{ product: 'CADASTRE', modality: 'DADES_CADASTRALS' }],
  note: 'Excel del MINHAP omplert (1 fila).',
  ...extra,
});

interface Listed {
  readonly body: string;
  readonly public: boolean;
  readonly attachments: { file_name: string; content_url: string; content_type: string; size: number }[];
}

let api: ZendeskApi;
let proxy: Harness;
let unconfigured: Harness;

beforeAll(async () => {
  api = await startZendeskApi({
    tickets: [{ id: TICKET, ticket: { id: 'm1', subject: 'Alta MINHAP', description: 'Cadastre' } }],
    user: 'proxy@example.org',
    token: TOKEN,
    buildPdf: () => Promise.resolve(new Uint8Array()),
  });
  proxy = await startHarness({
    ZENDESK_SUBDOMAIN: ISSUER,
    ZENDESK_API_URL: api.url,
    ZENDESK_API_USER: 'proxy@example.org',
    ZENDESK_API_TOKEN: TOKEN,
  });
  unconfigured = await startHarness();
}, 180_000);

afterAll(async () => {
  await proxy.close();
  await unconfigured.close();
  await api.stop();
});

async function comments(ticket = TICKET): Promise<Listed[]> {
  const res = await fetch(`${api.url}/api/v2/tickets/${String(ticket)}/comments.json`, {
    headers: { authorization: api.authorization },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { comments: Listed[] }).comments;
}

describe('POST /v1/documents/minhap/attach', () => {
  it('uploads the filled Excel and adds it to the ticket in an internal note, audited', async () => {
    const res = await proxy.send('POST', URL, body());
    expect(res.statusCode).toBe(200);
    const answer = AttachMinhapResponse.parse(res.json());
    expect(answer).toMatchObject({
      status: 'attached',
      ticket: TICKET,
      fileName: 'Plantilla-Procedimientos-Administrativos.xlsx',
      rows: 1,
    });
    const [, note] = await comments();
    expect(note).toMatchObject({ body: 'Excel del MINHAP omplert (1 fila).', public: false });
    const file = note?.attachments[0];
    expect(file?.file_name).toBe('Plantilla-Procedimientos-Administrativos.xlsx');
    const bytes = new Uint8Array(await (await fetch(file?.content_url ?? '')).arrayBuffer());
    expect(bytes.length).toBe(file?.size);
    const sheet = (await XlsxPopulate.fromDataAsync(bytes)).sheet(MINHAP_SHEET);
    expect([1, 2, 4].map((c) => sheet?.cell(2, c).value())).toEqual([
      'Ajuntament de Barcelona',
      'P0801900B',
      '0801930008_PROVES',
    ]);
    const audit = await proxy.get(`/v1/tickets/${String(TICKET)}/audit`);
    expect(JSON.stringify(audit.json())).toContain('document.minhap.attach');
  });

  it('attaches nothing while a value is wrong, and names it', async () => {
    const before = (await comments()).length;
    const answer = AttachMinhapResponse.parse((await proxy.send('POST', URL, body({ cif: 'P0801900C' }))).json());
    expect(answer.status === 'refused' && answer.problems.map((p) => `${p.value}:${p.code}`)).toEqual(['cif:invalid']);
    expect(await comments()).toHaveLength(before);
  });

  it('names Zendesk’s refusal: a ticket it does not hold', async () => {
    const res = await proxy.send('POST', URL, body({ ticket: 4701 }));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'NOT_FOUND' });
  });

  it('refuses an empty note', async () => {
    const res = await proxy.send('POST', URL, body({ note: '  ' }));
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('note');
  });

  it('says it cannot attach without the proxy’s Zendesk credentials', async () => {
    const res = await unconfigured.send('POST', URL, body());
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: 'NOT_CONFIGURED' });
  });
});

describe('the local Zendesk stand-in’s uploads', () => {
  it('answers 401 without the credentials and 422 for an unknown upload token', async () => {
    const upload = await fetch(`${api.url}/api/v2/uploads.json?filename=a.txt`, { method: 'POST', body: 'x' });
    expect(upload.status).toBe(401);
    const update = await fetch(`${api.url}/api/v2/tickets/${String(TICKET)}.json`, {
      method: 'PUT',
      headers: { authorization: api.authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ ticket: { comment: { body: 'x', public: false, uploads: ['0'.repeat(24)] } } }),
    });
    expect(update.status).toBe(422);
  });
});
