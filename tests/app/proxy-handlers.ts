import { cleanup } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { coverage } from '../../src/proxy/checks/coverage';
import { loadLazyPanels, PROXY } from './harness';

const CADASTRE_IN_FORCE = {
  organisme: { codi: '4317110007', nom: 'Ajuntament de Vila-seca', cif: 'P4317100E' },
  producte: { codi: 'CADASTRE', nom: 'Cadastre' },
  modalitat: { codi: 'DADES_CADASTRALS', nom: 'Dades cadastrals' },
  finalitat: { codi: 'PROVES', nom: 'Proves' },
  dataAlta: '2025-03-01T00:00:00.000Z',
};

/** A stand-in for the proxy: answers as the real one does (same schemas), and records writes. */
export interface ProxyLog {
  puts: { url: string; body: unknown; headers: Record<string, string> }[];
  gets: string[];
}

export function proxyHandlers(log: ProxyLog) {
  const progress: Record<string, unknown>[] = [];
  const answers = new Map<string, Record<string, unknown>>();
  return [
    // No correction recorded yet: tests of the correction record bring their own handlers.
    http.get(`${PROXY}/v1/tickets/:id/correction`, () => HttpResponse.json({ record: null })),
    http.put(`${PROXY}/v1/tickets/:id/correction`, async ({ request, params }) => {
      const body = (await request.json()) as { ticket: { subject: string }; labels: unknown };
      return HttpResponse.json({
        ticket: Number(params.id),
        kind: 'corrected',
        changed: ['service'],
        subject: body.ticket.subject,
        labels: body.labels,
        classifierVersion: '0.1.0',
        by: '77',
        byName: 'Agent Test',
        at: '2026-11-23T10:00:00.000Z',
      });
    }),
    http.get(`${PROXY}/v1/tickets/:id/answers`, ({ request, params }) => {
      log.gets.push(request.url);
      return HttpResponse.json({ ticket: Number(params.id), answers: [...answers.values()] });
    }),
    http.put(`${PROXY}/v1/tickets/:id/answers/:question`, async ({ request, params }) => {
      const body = (await request.json()) as { value: boolean | null; procedure: string };
      log.puts.push({ url: request.url, body, headers: Object.fromEntries(request.headers.entries()) });
      const row = {
        question: String(params.question),
        value: body.value,
        procedure: body.procedure,
        by: '77',
        byName: 'Agent Test',
        at: '2026-11-23T10:00:00.000Z',
      };
      answers.set(row.question, row);
      return HttpResponse.json(row);
    }),
    // The sidebar lists the ticket's comments through ZAF to find the request form's attachment.
    http.get('*/api/v2/tickets/:id/comments.json', () => HttpResponse.json({ comments: [], next_page: null })),
    http.get(`${PROXY}/v1/tickets/:id/progress`, ({ request, params }) => {
      log.gets.push(request.url);
      return HttpResponse.json({ ticket: Number(params.id), steps: progress });
    }),
    http.put(`${PROXY}/v1/tickets/:id/progress/:step`, async ({ request, params }) => {
      const body = (await request.json()) as { done: boolean; procedure: string };
      log.puts.push({ url: request.url, body, headers: Object.fromEntries(request.headers.entries()) });
      const row = {
        stepId: String(params.step),
        procedure: body.procedure,
        done: body.done,
        by: '77',
        byName: 'Agent Test',
        at: '2026-11-23T10:00:00.000Z',
        note: null,
      };
      progress.push(row);
      return HttpResponse.json(row);
    }),
    http.get(`${PROXY}/v1/checks/pscp-user`, ({ request }) => {
      log.gets.push(request.url);
      const nif = new URL(request.url).searchParams.get('nif') ?? '';
      return HttpResponse.json({
        env: 'PRE',
        lookup: { by: 'nif', value: nif, warnings: [] },
        exists: true,
        user: { nif, nom: 'Usuària de prova', actiu: true },
        organs: [
          {
            cif: 'P4317100E',
            nom: 'Ajuntament de Vila-seca',
            sistemaExternAoc: false,
            permissions: ['ADMINISTRADOR_ORGAN', 'VALIDADOR', 'EDITOR'],
            missing: [],
            forbidden: [],
            ready: true,
          },
        ],
      });
    }),
    http.get(`${PROXY}/v1/checks/authorisations`, ({ request }) => {
      log.gets.push(request.url);
      const url = new URL(request.url);
      return HttpResponse.json({
        env: url.searchParams.get('env'),
        lookup: { by: 'ine10', value: url.searchParams.get('ine10'), warnings: [] },
        authorisations: [CADASTRE_IN_FORCE],
        truncated: false,
      });
    }),
    // The SIRI coverage check: the ens holds the Cadastre in PRO and nothing in PRE, compared with
    // what the request asks by the proxy's own comparison.
    http.get(`${PROXY}/v1/checks/authorisation-coverage`, ({ request }) => {
      log.gets.push(request.url);
      const url = new URL(request.url);
      const list = (name: string) => (url.searchParams.get(name) ?? '').split(',').filter((x) => x !== '');
      const lookup = { by: 'ine10', value: url.searchParams.get('ine10'), warnings: [] };
      const pro = [CADASTRE_IN_FORCE];
      return HttpResponse.json({
        lookup,
        ...coverage({ products: list('products'), modalities: list('modalities') }, pro, []),
        pro: { env: 'PRO', lookup, authorisations: pro, truncated: false },
        pre: { env: 'PRE', lookup, authorisations: [], truncated: false },
      });
    }),
  ];
}

/**
 * A test file's stand-in proxy: msw answers the proxy's routes for the whole file (an unknown
 * request fails the test), the lazy panels are loaded first, and after each test the page is
 * unmounted, the handlers reset and the log emptied.
 */
export function standInProxy(): { readonly log: ProxyLog; readonly server: ReturnType<typeof setupServer> } {
  const log: ProxyLog = { puts: [], gets: [] };
  const server = setupServer(...proxyHandlers(log));
  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    await loadLazyPanels();
  });
  afterEach(() => {
    cleanup();
    server.resetHandlers(...proxyHandlers(log));
    log.puts.length = 0;
    log.gets.length = 0;
  });
  afterAll(() => {
    server.close();
  });
  return { log, server };
}
