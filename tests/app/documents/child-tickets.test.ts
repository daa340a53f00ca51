import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  childPlans,
  childTag,
  createChildTickets,
  parentTag,
  SPLIT_TAG,
  type ParentTicket,
} from '../../../src/app/documents/child-tickets';
import { serviceName } from '../../../src/domain/catalogue';
import { documentTranslator, loadDocumentTexts } from '../../../src/app/documents/texts';
import { ENS_LIST_SAMPLES } from '../../../src/local/ens-list-samples';
import { startZendeskApi, type ZendeskApi } from '../../../src/local/server/zendesk-api';
import type { EnsListRowResult } from '../../../src/shared/api';
import { MemoryZendesk, memoryTicket } from '../../../src/zendesk/memory-adapter';
import type { HttpResponse, RequestOptions } from '../../../src/zendesk/port';

/**
 * Child tickets per service against the local Zendesk stand-in (the endpoints the local run
 * serves), through the port's `request` as the sidebar makes them: created once, found again
 * by their external id afterwards, linked both ways.
 */
const PARENT = 7001;
const t = documentTranslator('ca');
let zendesk: ZendeskApi;
const calls: string[] = [];

const sample = ENS_LIST_SAMPLES[0];
if (sample === undefined) throw new Error('no sample');

beforeAll(async () => {
  await loadDocumentTexts('ca');
  zendesk = await startZendeskApi({
    user: 'agent@example.org',
    token: 'agent-session',
    buildPdf: () => Promise.reject(new Error('no PDF')),
    tickets: [{ id: PARENT, ticket: sample.ticket }],
  });
});
afterAll(async () => {
  await zendesk.stop();
});

/** The port as Zendesk gives it to the app: relative API URLs with the agent's session. */
function port(refuse?: (o: RequestOptions) => number | undefined): MemoryZendesk {
  return new MemoryZendesk({
    ticket: memoryTicket({ id: PARENT, subject: sample?.ticket.subject ?? '' }),
    request: async (o): Promise<HttpResponse> => {
      calls.push(`${o.type} ${o.url}`);
      const refused = refuse?.(o);
      if (refused !== undefined) return { status: refused, body: { error: 'Forbidden' } };
      const res = await fetch(`${zendesk.url}${o.url}`, {
        method: o.type,
        headers: { authorization: zendesk.authorization, 'content-type': o.contentType ?? 'application/json' },
        ...(o.data === undefined ? {} : { body: o.data }),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    },
  });
}

const parent: ParentTicket = {
  id: PARENT,
  subject: sample.ticket.subject,
  url: (id) => `https://aoc-test.zendesk.com/agent/tickets/${String(id)}`,
};

const row = (n: number, name: string, services: EnsListRowResult['services'], extra: Partial<EnsListRowResult> = {}) =>
  ({
    row: n,
    name,
    ine10: null,
    cif: null,
    services,
    products: [],
    state: 'found',
    ens: { ine10: `08${String(n).padStart(8, '0')}`, nom: name, cif: null },
    candidates: 1,
    heldInPro: null,
    repeats: null,
    problems: [],
    notes: [],
    ...extra,
  }) satisfies EnsListRowResult;

const rows: EnsListRowResult[] = [
  row(3, 'Ajuntament de Sallent', ['MUX', 'ENOTUM']),
  row(4, 'Ajuntament de Navàs', ['MUX']),
  row(5, 'Ajuntament de Vic', ['ENOTUM'], { state: 'invalid', ens: null }),
  row(6, 'Ajuntament de Sallent', ['MUX'], { repeats: 3 }),
];

async function get(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${zendesk.url}${url}`, { headers: { authorization: zendesk.authorization } });
  return (await res.json()) as Record<string, unknown>;
}

describe('child tickets per service', () => {
  it('plans one child per service with that service’s ajuntaments, the rows to check apart', () => {
    const [mux, enotum] = childPlans(parent, ['MUX', 'ENOTUM'], rows, t);
    expect(mux?.subject).toBe(`${serviceName('MUX')} · ${sample.ticket.subject}`);
    expect(mux?.body).toContain('#7001');
    expect(mux?.body).toContain(
      'Ajuntaments a integrar (2):\n- Ajuntament de Sallent (0800000003)\n- Ajuntament de Navàs',
    );
    expect(enotum?.body).toContain('Ajuntaments a integrar (1)');
    expect(enotum?.body).toContain('Files per revisar a l’Excel (1):\n- Ajuntament de Vic · 5');
    expect(mux?.tags).toEqual([childTag('MUX'), parentTag(PARENT)]);
    expect(mux?.externalId).toBe('aoc-7001-mux');
  });

  it('creates each child once with the original’s requester, links both ways, and finds them again after a reload', async () => {
    const plans = childPlans(parent, ['MUX', 'ENOTUM'], rows, t);
    const first = await createChildTickets(port(), parent, plans, t);
    expect(first.children.map((c) => c.status)).toEqual(['created', 'created']);
    expect(first.noted).toBe(true);
    const ids = first.children.map((c) => (c.status === 'failed' ? 0 : c.id));

    const original = (await get(`/api/v2/tickets/${String(PARENT)}.json`)).ticket as Record<string, unknown>;
    const child = (await get(`/api/v2/tickets/${String(ids[0])}.json`)).ticket as Record<string, unknown>;
    expect(child.requester_id).toBe(original.requester_id);
    expect(child.external_id).toBe('aoc-7001-mux');
    expect(original.tags).toEqual(expect.arrayContaining([SPLIT_TAG, 'aoc_child_mux', 'aoc_child_enotum']));
    const childComments = (await get(`/api/v2/tickets/${String(ids[0])}/comments.json`)).comments as {
      body: string;
      public: boolean;
    }[];
    expect(childComments[0]?.public).toBe(false);
    expect(childComments[0]?.body).toContain('https://aoc-test.zendesk.com/agent/tickets/7001');
    const parentComments = (await get(`/api/v2/tickets/${String(PARENT)}/comments.json`)).comments as {
      body: string;
      public: boolean;
    }[];
    const note = parentComments.at(-1);
    expect(note?.public).toBe(false);
    expect(note?.body).toContain(`${serviceName('MUX')}: #${String(ids[0])}`);

    // A second run (a reload, another agent): nothing new, the same children named.
    calls.length = 0;
    const again = await createChildTickets(port(), parent, plans, t);
    expect(again.children).toEqual([
      { service: 'MUX', status: 'existing', id: ids[0] },
      { service: 'ENOTUM', status: 'existing', id: ids[1] },
    ]);
    expect(again.noted).toBe(false);
    expect(calls.filter((c) => c.startsWith('POST') || c.startsWith('PUT'))).toEqual([]);
  });

  it('tells a child Zendesk refused and makes the others; running again makes only the missing one', async () => {
    const plans = childPlans(parent, ['ETAULER', 'OVER'], rows, t);
    const refuseOver = (o: RequestOptions) =>
      o.type === 'POST' && (o.data ?? '').includes('aoc-7001-over') ? 403 : undefined;
    const first = await createChildTickets(port(refuseOver), parent, plans, t);
    expect(first.children.map((c) => [c.service, c.status])).toEqual([
      ['ETAULER', 'created'],
      ['OVER', 'failed'],
    ]);
    expect(first.children[1]).toMatchObject({ httpStatus: 403 });
    const second = await createChildTickets(port(), parent, plans, t);
    expect(second.children.map((c) => c.status)).toEqual(['existing', 'created']);
  });

  it('makes nothing when the original cannot be read', async () => {
    const plans = childPlans(parent, ['MUX'], undefined, t);
    expect(plans[0]?.body).toContain('La llista d’ajuntaments és a l’Excel adjunt');
    const out = await createChildTickets(
      port((o) => (o.type === 'GET' ? 404 : undefined)),
      parent,
      plans,
      t,
    );
    expect(out).toEqual({ children: [{ service: 'MUX', status: 'failed', httpStatus: 404 }], noted: false });
  });
});
