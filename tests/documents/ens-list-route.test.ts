import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ine10For } from '../../src/domain/identifiers';
import { ENS_LIST_SAMPLES, SETDIBA_LIST_FILE } from '../../src/local/ens-list-samples';
import { ensListBuilders } from '../../src/local/server/sample-workbooks';
import { startZendeskApi, type ZendeskApi } from '../../src/local/server/zendesk-api';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import { ReadEnsListResponse } from '../../src/shared/api';
import { ISSUER, startHarness, type Harness } from '../proxy/helpers/harness';
import { rawXlsx } from './helpers/raw-xlsx';

/**
 * The ens-list operation on the demo database, with the attachments served by the local Zendesk
 * stand-in (as on the local run): the SetDIBA sample, a Via Oberta bulk list, and hostile files.
 */
const SETDIBA = 7001;
const BULK = 7002;
const HOSTILE = 7003;
const USER = 'proxy@example.org';
const TOKEN = 'test-api-token-0123';
const URL = '/v1/documents/ens-list';

const sample = ENS_LIST_SAMPLES[0];
if (sample === undefined) throw new Error('no ens-list sample');

const bulkList = rawXlsx({
  sheets: [
    {
      name: 'Altes',
      rows: [
        ['Nombre del ente', 'Código INE10', 'Producto'],
        ['Ajuntament de Lleida', DEMO.lleida.ine10, 'AEAT'],
        ['Ajuntament de Girona', DEMO.girona.ine10, 'Padró, DGT'],
        ['Ajuntament de Lleida', DEMO.lleida.ine10, 'TGSS'],
      ],
    },
  ],
});
// A sheet of 40 MB of XML zipped into a few KB: inspectXlsx counts what it really inflates to.
const bomb = zipSync({
  '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
  'xl/workbook.xml': new TextEncoder().encode('<workbook/>'),
  'xl/worksheets/sheet1.xml': new Uint8Array(40 * 1024 * 1024).fill(0x20),
});

let zendesk: ZendeskApi;
let proxy: Harness;

beforeAll(async () => {
  zendesk = await startZendeskApi({
    user: USER,
    token: TOKEN,
    buildPdf: () => Promise.reject(new Error('no PDF here')),
    tickets: [
      { id: SETDIBA, ticket: sample.ticket, built: ensListBuilders(sample) },
      {
        id: BULK,
        ticket: { id: 'bulk', subject: 'Altas masivas', description: 'Excel', attachments: ['altes.xlsx'] },
        built: { 'altes.xlsx': () => Promise.resolve(bulkList) },
      },
      {
        id: HOSTILE,
        ticket: {
          id: 'hostile',
          subject: 'Llistes',
          description: 'Excel',
          attachments: ['bomba.xlsx', 'macros.xlsm', 'nota.xlsx', 'protegit.xlsx'],
        },
        built: {
          'bomba.xlsx': () => Promise.resolve(bomb),
          'macros.xlsm': () =>
            Promise.resolve(
              rawXlsx({
                sheets: [
                  {
                    name: 'A',
                    rows: [
                      ['Nom', 'INE10'],
                      ['Barcelona', DEMO.barcelona.ine10],
                    ],
                  },
                ],
                macros: true,
              }),
            ),
          'protegit.xlsx': () => Promise.resolve(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
        },
      },
    ],
  });
  proxy = await startHarness({
    ZENDESK_SUBDOMAIN: ISSUER,
    ZENDESK_API_URL: zendesk.url,
    ZENDESK_API_USER: USER,
    ZENDESK_API_TOKEN: TOKEN,
  });
}, 120_000);

afterAll(async () => {
  await proxy.close();
  await zendesk.stop();
});

const read = async (ticket: number, attachment: number, extra: Record<string, unknown> = {}) => {
  const res = await proxy.send('POST', URL, { ticket, attachment, ...extra });
  expect(res.statusCode).toBe(200);
  return ReadEnsListResponse.parse(res.json());
};

describe('POST /v1/documents/ens-list', () => {
  it('lists the SetDIBA sample’s ajuntaments with their states, services and unknown columns, and audits it', async () => {
    const list = await read(SETDIBA, SETDIBA * 100 + 1);
    if (list.status !== 'read') throw new Error(list.message);
    expect(list.attachment.name).toBe(SETDIBA_LIST_FILE);
    expect(list.headerRow).toBe(2);
    expect(list.unknownColumns).toEqual([{ column: 'E', header: 'Codi postal' }]);
    expect(list.rows.map((r) => [r.row, r.state, r.ens?.ine10 ?? null])).toEqual([
      [3, 'found', ine10For('08191')],
      [4, 'found', ine10For('08141')],
      [5, 'found', ine10For('08274')],
      [6, 'found', ine10For('08022')],
      [7, 'found', ine10For('08113')],
      [8, 'invalid', null],
      [9, 'notFound', null],
    ]);
    // The service cell is merged over every row of the template.
    expect(new Set(list.rows.map((r) => r.services.join('+')))).toEqual(new Set(['MUX+ENOTUM']));
    expect(list.rows[1]?.notes).toContainEqual({ code: 'merged', cell: 'D4', detail: 'D3' });
    expect(list.rows[5]?.problems.map((p) => [p.code, p.cell, p.identifier])).toEqual([
      ['ine', 'C8', 'ine.characters'],
    ]);
    expect(list.rows[0]?.heldInPro).toBeNull();
    expect(list.counts).toEqual({ found: 5, notFound: 1, invalid: 1, authorised: 0 });
    const audit = await proxy.get(`/v1/tickets/${String(SETDIBA)}/audit`);
    const entries = audit.json<{ entries: { action: string; outcome: string }[] }>().entries;
    expect(entries.find((e) => e.action === 'document.ens-list')?.outcome).toBe(
      '5 found, 1 notFound, 1 invalid, 0 authorised',
    );
  });

  it('says which rows PRO already authorises for the products they ask, and which repeat an ens', async () => {
    const list = await read(BULK, BULK * 100 + 1);
    if (list.status !== 'read') throw new Error(list.message);
    expect(list.rows.map((r) => [r.state, r.products, r.heldInPro, r.repeats])).toEqual([
      ['authorised', ['AEAT'], ['AEAT'], null],
      ['found', ['PADRO', 'DGT'], ['PADRO'], null],
      ['authorised', ['TGSS'], ['TGSS'], 2],
    ]);
  });

  it('takes the ticket’s products for a list without a product column', async () => {
    const list = await read(SETDIBA, SETDIBA * 100 + 1, { services: ['ETAULER'], products: ['AEAT'] });
    if (list.status !== 'read') throw new Error(list.message);
    // The sheet's own service column wins over the ticket's services.
    expect(list.rows[0]?.services).toEqual(['MUX', 'ENOTUM']);
    expect(list.rows[0]?.products).toEqual(['AEAT']);
    expect(list.rows[0]?.heldInPro).toEqual([]);
  });

  it('refuses a zip bomb, a protected workbook and a file that is no workbook, each with its reason', async () => {
    const reasons = [];
    for (const n of [1, 3, 4]) {
      const answer = await read(HOSTILE, HOSTILE * 100 + n);
      reasons.push(answer.status === 'refused' ? answer.reason : 'read');
    }
    expect(reasons).toEqual(['inflatesTooLarge', 'notZip', 'encrypted']);
  });

  it('reads a workbook with macros without running them, and says so', async () => {
    const list = await read(HOSTILE, HOSTILE * 100 + 2);
    expect(list.status === 'read' && list.notes.map((n) => n.code)).toEqual(['macros']);
  });

  it('refuses an attachment of another ticket and a body that is not an attachment id', async () => {
    const other = await proxy.send('POST', URL, { ticket: SETDIBA, attachment: BULK * 100 + 1 });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ error: 'ATTACHMENT_REFUSED' });
    const bad = await proxy.send('POST', URL, { ticket: SETDIBA, attachment: 'x', services: ['NOPE'] });
    expect(bad.statusCode).toBe(400);
  });
});

describe('POST /v1/documents/ens-list without Zendesk credentials', () => {
  it('says the proxy is not configured for attachments', async () => {
    const bare = await startHarness();
    try {
      const res = await bare.send('POST', URL, { ticket: 1, attachment: 1 });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: 'NOT_CONFIGURED' });
    } finally {
      await bare.close();
    }
  }, 120_000);
});
