// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyClient } from '../../../src/app/api/proxy-client';
import { AssistantProvider } from '../../../src/app/assistant/context';
import { EnsListSection, type EnsListUse } from '../../../src/app/documents/EnsListSection';
import type { DocumentSources } from '../../../src/app/documents/MinhapDocument';
import { forgetEnsLists } from '../../../src/app/documents/useEnsList';
import { loadLanguage } from '../../../src/app/i18n/i18n';
import { readAppSettings } from '../../../src/app/settings';
import type { Classification } from '../../../src/domain/classifier';
import type { AnyOperation, EnsListRowResult, ReadEnsListResponse } from '../../../src/shared/api';
import { MemoryZendesk, memoryTicket } from '../../../src/zendesk/memory-adapter';
import type { HttpResponse, RequestOptions } from '../../../src/zendesk/port';
import { BASE_SETTINGS } from '../harness';
import ca from '../../../translations/ca.json';
import en from '../../../translations/en.json';
import es from '../../../translations/es.json';

const classification: Classification = {
  id: 'c1',
  service: 'MUX',
  products: [],
  environment: 'PRO',
  ambit: 'NONE',
  flags: ['SETDIBA', 'MULTI_SERVICE'],
  confidence: 0.9,
  evidence: [],
};
const sources: DocumentSources = { classification, found: {}, known: {} };

const row = (n: number, name: string, extra: Partial<EnsListRowResult> = {}): EnsListRowResult => ({
  row: n,
  name,
  ine10: null,
  cif: null,
  services: ['MUX', 'ENOTUM'],
  products: [],
  state: 'found',
  ens: { ine10: `08000000${String(n).padStart(2, '0')}`, nom: name, cif: null },
  candidates: 1,
  heldInPro: null,
  repeats: null,
  problems: [],
  notes: [],
  ...extra,
});

const LIST: ReadEnsListResponse = {
  status: 'read',
  attachment: { id: 700101, name: 'Plantilla.xlsx', size: 9000 },
  sheet: 'Ajuntaments',
  headerRow: 2,
  columns: [
    { column: 'B', header: 'Nom de l’ajuntament', kind: 'name' },
    { column: 'C', header: 'Codi INE', kind: 'ine' },
  ],
  unknownColumns: [{ column: 'E', header: 'Codi postal' }],
  notes: [{ code: 'macros' }],
  rows: [
    row(3, 'Ajuntament de Sallent'),
    row(4, 'Ajuntament de Navàs'),
    row(5, 'Ajuntament de Vic', {
      state: 'invalid',
      ens: null,
      problems: [{ code: 'ine', cell: 'C5', value: '08A98', identifier: 'ine.characters', message: 'C5: not digits' }],
    }),
  ],
  counts: { found: 2, notFound: 0, invalid: 1, authorised: 0 },
};

interface Setup {
  readonly answers?: Partial<Record<string, (input: unknown) => unknown>>;
  readonly attachments?: readonly string[];
  readonly zendesk?: (o: RequestOptions) => HttpResponse | undefined;
}

function setup(use: EnsListUse, options: Setup = {}) {
  const calls: { id: string; input: unknown }[] = [];
  const call = (op: AnyOperation, input: unknown) => {
    calls.push({ id: op.id, input });
    const answer = options.answers?.[op.id];
    if (answer === undefined) return Promise.resolve({ ok: false, problem: { kind: 'unreachable' } });
    return Promise.resolve(answer(input));
  };
  const requests: RequestOptions[] = [];
  const port = new MemoryZendesk({
    ticket: memoryTicket({ id: 4242, subject: 'SetDIBA - Altes' }),
    subdomain: 'aoc-test',
    request: (o) => {
      requests.push(o);
      const special = options.zendesk?.(o);
      if (special !== undefined) return Promise.resolve(special);
      if (o.url.endsWith('/comments.json')) {
        const names = options.attachments ?? ['Plantilla.xlsx', 'cda.cer'];
        return Promise.resolve({
          status: 200,
          body: { comments: [{ attachments: names.map((n, i) => ({ id: 700101 + i, file_name: n })) }] },
        });
      }
      return Promise.resolve({ status: 404, body: {} });
    },
  });
  const env = {
    settings: readAppSettings(BASE_SETTINGS),
    lang: 'en' as const,
    proxy: { call } as unknown as ProxyClient,
    agentName: 'Agent Test',
  };
  const ticket = {
    id: 4242,
    input: { subject: 'SetDIBA - Altes', description: '', organization: { name: 'Diputació de Barcelona' } },
    status: 'open',
    tags: [],
  };
  render(
    <ThemeProvider theme={DEFAULT_THEME}>
      <AssistantProvider env={env} port={port} ticket={ticket as never}>
        <EnsListSection sources={sources} stepId="setdiba.alta-pro" use={use} />
      </AssistantProvider>
    </ThemeProvider>,
  );
  return { calls, requests };
}

beforeAll(async () => {
  await loadLanguage('en');
});
afterEach(() => {
  cleanup();
  forgetEnsLists();
});

describe('the documents’ texts (translations/*.json, section documents)', () => {
  it('have the same keys and placeholders in Catalan, Spanish and English, none empty', () => {
    const keys = Object.keys(ca.documents).sort();
    expect(keys.length).toBeGreaterThan(50);
    const marks = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const table of [es.documents, en.documents] as Readonly<Record<string, string>>[]) {
      expect(Object.keys(table).sort()).toEqual(keys);
      for (const k of keys) {
        expect(table[k]?.trim()).not.toBe('');
        expect(marks(table[k] ?? ''), k).toEqual(marks((ca.documents as Record<string, string>)[k] ?? ''));
      }
    }
  });
});

describe('the ticket’s list of ens in the sidebar', () => {
  it('reads the attached spreadsheet through the proxy and shows each row’s state and the unknown columns', async () => {
    const { calls } = setup('list', { answers: { readEnsList: () => ({ ok: true, data: LIST }) } });
    const table = await screen.findByTestId('ens-list-table');
    expect(calls.find((c) => c.id === 'readEnsList')?.input).toEqual({
      body: { ticket: 4242, attachment: 700101, services: ['MUX'], products: [] },
    });
    expect(within(table).getByRole('status').textContent).toContain('3 ens — 2 found');
    expect(screen.getByTestId('ens-list-unknown').textContent).toContain('E “Codi postal”');
    expect(table.textContent).toContain('The workbook has macros (.xlsm): they are not run');
    const vic = table.querySelector('tr[data-state="invalid"]');
    expect(vic?.textContent).toContain('C5: INE “08A98” is not valid.');
    expect(table.querySelectorAll('tr[data-state="found"]')).toHaveLength(2);
  });

  it('says when the ticket has no spreadsheet, without asking the proxy', async () => {
    const { calls } = setup('list', { attachments: ['formulari.pdf'] });
    await screen.findByText(/The ticket has no spreadsheet/);
    expect(calls).toEqual([]);
  });

  it('shows the proxy’s problem with a retry, and a refused workbook with its reason', async () => {
    let fail = true;
    setup('list', {
      answers: {
        readEnsList: () =>
          fail
            ? { ok: false, problem: { kind: 'unreachable' } }
            : {
                ok: true,
                data: { status: 'refused', attachment: LIST.attachment, reason: 'encrypted', message: 'protected' },
              },
      },
    });
    const retry = await screen.findByRole('button', { name: 'Read again' });
    fail = false;
    fireEvent.click(retry);
    await screen.findByText(/Plantilla.xlsx was not read: it is password-protected/);
  });

  it('ticks each ens of an alta, shared through the progress store under the step and the INE10', async () => {
    const { calls } = setup('ticks', {
      answers: {
        readEnsList: () => ({ ok: true, data: LIST }),
        getProgress: () => ({
          ok: true,
          data: {
            ticket: 4242,
            steps: [
              {
                stepId: 'setdiba.alta-pro.0800000003',
                procedure: 'setdiba',
                done: true,
                by: 'a2',
                byName: 'Another Agent',
                at: '2026-12-01T10:00:00.000Z',
                note: null,
              },
            ],
          },
        }),
        setStep: () => ({ ok: true, data: {} }),
      },
    });
    const ticks = await screen.findByTestId('ens-ticks');
    await waitFor(() => {
      expect(ticks.textContent).toContain('Done for 1 of 2 ens');
    });
    expect(ticks.textContent).toContain('Another Agent');
    const navas = within(ticks).getByRole('checkbox', { name: /Navàs/ });
    fireEvent.click(navas);
    await waitFor(() => {
      expect(ticks.textContent).toContain('Done for 2 of 2 ens');
    });
    expect(calls.find((c) => c.id === 'setStep')?.input).toEqual({
      params: { ticketId: '4242', stepId: 'setdiba.alta-pro.0800000004' },
      body: { done: true, procedure: 'setdiba' },
    });
  });

  it('registers the integrator for every ens found, once per service of its row', async () => {
    const { calls } = setup('register', {
      answers: {
        readEnsList: () => ({ ok: true, data: LIST }),
        registerIntegrators: () => ({ ok: true, data: { registrations: [{ created: true, registration: {} }] } }),
      },
    });
    const form = await screen.findByTestId('ens-register');
    fireEvent.change(within(form).getByLabelText("Integrator's NIF"), { target: { value: 'P0800000B' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Register for the 2 ens' }));
    await within(form).findByText('4 new registration(s), 0 already there.');
    const bodies = calls.filter((c) => c.id === 'registerIntegrators').map((c) => (c.input as { body: object }).body);
    expect(bodies).toHaveLength(4);
    expect(bodies[0]).toEqual({
      ticket: 4242,
      ens: { ine10: '0800000003', nom: 'Ajuntament de Sallent' },
      service: 'MUX',
      products: [],
      integrator: { nif: 'P0800000B', nom: 'Diputació de Barcelona' },
    });
  });

  it('offers one child ticket per service of the list and creates them through Zendesk’s API', async () => {
    let next = 9000;
    const { requests } = setup('children', {
      answers: { readEnsList: () => ({ ok: true, data: LIST }) },
      zendesk: (o) => {
        if (o.url === '/api/v2/tickets/4242.json' && o.type === 'GET')
          return { status: 200, body: { ticket: { id: 4242, requester_id: 501 } } };
        if (o.url.startsWith('/api/v2/tickets.json?external_id=')) return { status: 200, body: { tickets: [] } };
        if (o.url === '/api/v2/tickets.json' && o.type === 'POST')
          return { status: 201, body: { ticket: { id: next++ } } };
        if (o.type === 'PUT') return { status: 200, body: { ticket: { id: 4242 } } };
        return undefined;
      },
    });
    const box = await screen.findByTestId('child-tickets');
    expect(within(box).getByRole('checkbox', { name: /MUX/ })).toHaveProperty('checked', true);
    fireEvent.click(within(box).getByRole('button', { name: 'Create the tickets (2)' }));
    const outcomes = await within(box).findByTestId('child-outcomes');
    expect(outcomes.textContent).toContain('ticket #9000 created');
    expect(outcomes.textContent).toContain('ticket #9001 created');
    const posted = requests.filter((r) => r.type === 'POST').map((r) => JSON.parse(r.data ?? '{}') as object);
    expect(posted[0]).toMatchObject({
      ticket: { requester_id: 501, external_id: 'aoc-4242-mux', comment: { public: false } },
    });
  });
});
