// @vitest-environment jsdom
// The sidebar's record for the desk's labelled corpus: a correction or a "correcte" sends the
// ticket as the classifier read it with the final labels, and says what became of it (sending,
// saved, waiting for the proxy, refused, withdrawn), in the agent's language.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../manifest.json';
import { classify } from '../../src/domain/classifier';
import { mount, PROXY, vilaSecaTicket } from './harness';
import { proxyHandlers, type ProxyLog } from './proxy-handlers';

const log: ProxyLog = { puts: [], gets: [] };
const server = setupServer(...proxyHandlers(log));
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
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

interface SentRecord {
  ticket: { id: string; subject: string; description: string; tags: string[]; attachments: string[] };
  original: { service: string; products: string[]; confidence: number; evidence: unknown[] };
  labels: { service: string; environment: string; products: string[]; ambit: string; flags: string[] };
  classifierVersion: string;
}

interface Stand {
  readonly sent: SentRecord[];
  readonly withdrawn: number[];
  /** The agent's record as the stand-in proxy holds it. */
  held: Record<string, unknown> | null;
}

/** A stand-in for the proxy's corrections operations, answering as the real one does. */
function correctionsProxy(
  options: { gate?: Promise<void>; put?: () => Response | undefined; withdraw?: () => Response | undefined } = {},
): Stand {
  const stand: Stand = { sent: [], withdrawn: [], held: null };
  server.use(
    http.get(`${PROXY}/v1/tickets/:id/correction`, () => HttpResponse.json({ record: stand.held })),
    http.put(`${PROXY}/v1/tickets/:id/correction`, async ({ request, params }) => {
      const body = (await request.json()) as SentRecord;
      stand.sent.push(body);
      log.puts.push({ url: request.url, body, headers: Object.fromEntries(request.headers.entries()) });
      if (options.gate !== undefined) await options.gate;
      const refused = options.put?.();
      if (refused !== undefined) return refused;
      const changed = (['service', 'products', 'environment', 'ambit', 'flags'] as const).filter(
        (f) => JSON.stringify(body.original[f as 'service']) !== JSON.stringify(body.labels[f]),
      );
      stand.held = {
        ticket: Number(params.id),
        kind: changed.length === 0 ? 'confirmed' : 'corrected',
        changed,
        subject: body.ticket.subject,
        labels: body.labels,
        classifierVersion: body.classifierVersion,
        by: '77',
        byName: 'Agent Test',
        at: '2026-11-23T10:00:00.000Z',
      };
      return HttpResponse.json(stand.held);
    }),
    http.post(`${PROXY}/v1/tickets/:id/correction/withdraw`, ({ params }) => {
      const refused = options.withdraw?.();
      if (refused !== undefined) return refused;
      stand.withdrawn.push(Number(params.id));
      stand.held = null;
      return HttpResponse.json({ ticket: Number(params.id), withdrawn: true });
    }),
  );
  return stand;
}

const correctService = (to: string): void => {
  fireEvent.click(screen.getByRole('button', { name: 'Corregir' }));
  fireEvent.change(screen.getByLabelText('Servei'), { target: { value: to } });
  fireEvent.click(screen.getByRole('button', { name: 'Fet' }));
};

const record = () => within(screen.getByLabelText('Registre per a millorar el classificador'));

describe('the correction record', () => {
  it('sends a correction with the ticket as the classifier read it, its answer and version, and the final labels', async () => {
    const stand = correctionsProxy();
    mount();
    await screen.findByTestId('service');
    correctService('PSCP');
    expect(await screen.findByText('Desat per a millorar el classificador.')).toBeDefined();
    expect(stand.sent).toHaveLength(1);
    const sent = stand.sent[0];
    const ticket = vilaSecaTicket();
    const auto = classify({
      id: '4242',
      subject: ticket.subject,
      description: ticket.description,
      tags: ticket.tags,
      attachments: ['formulari_sol-licitud_integracio_serveis_caoc.pdf', 'cda.cer'],
    });
    expect(sent?.ticket).toMatchObject({
      id: '4242',
      subject: ticket.subject,
      description: ticket.description,
      tags: ['alta_servei'],
      attachments: ['formulari_sol-licitud_integracio_serveis_caoc.pdf', 'cda.cer'],
    });
    expect(sent?.original).toMatchObject({ service: 'VO', products: auto.products, confidence: auto.confidence });
    expect(sent?.original.evidence.length).toBe(auto.evidence.length);
    expect(sent?.labels.service).toBe('PSCP');
    expect(sent?.classifierVersion).toBe(manifest.version);
    // Signed by Zendesk, as every proxy call.
    expect(log.puts[0]?.headers.authorization).toBe('Bearer {{jwt.token}}');
    // What the proxy now holds for her, and nothing left waiting in the browser.
    // A PSCP ticket asks no Via Oberta product: the domain clears them, and the record says so.
    expect(sent?.labels.products).toEqual([]);
    expect(record().getByTestId('own-record').textContent).toContain('classificació corregida (servei, productes');
    expect(record().getByTestId('own-record-labels').textContent).toContain('servei PSCP');
    expect(localStorage.getItem('aoc.correction.4242')).toBeNull();
  });

  it('"Correcte" confirms the classification as right with the same record; "Fet" with nothing changed sends nothing', async () => {
    const stand = correctionsProxy();
    mount();
    await screen.findByTestId('service');
    fireEvent.click(screen.getByRole('button', { name: 'Corregir' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fet' }));
    fireEvent.click(screen.getByRole('button', { name: 'Correcte' }));
    expect(await screen.findByText('Desat per a millorar el classificador.')).toBeDefined();
    expect(stand.sent).toHaveLength(1);
    const sent = stand.sent[0];
    expect(sent?.labels).toEqual({
      service: sent?.original.service,
      products: sent?.original.products,
      environment: 'PRE',
      ambit: expect.any(String) as string,
      flags: expect.any(Array) as string[],
    });
    expect(record().getByTestId('own-record').textContent).toContain('confirmada com a correcta');
  });

  it('shows that it is sending until the proxy answers', async () => {
    let open = (): void => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    correctionsProxy({ gate });
    mount();
    await screen.findByTestId('service');
    fireEvent.click(screen.getByRole('button', { name: 'Correcte' }));
    expect(await screen.findByText('Desant el registre…')).toBeDefined();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Correcte' }).disabled).toBe(true);
    open();
    expect(await screen.findByText('Desat per a millorar el classificador.')).toBeDefined();
    expect(screen.queryByText('Desant el registre…')).toBeNull();
  });

  it('says why the proxy refused it, keeps it in the browser, and sends it again on retry', async () => {
    let refuse = true;
    const stand = correctionsProxy({
      put: () =>
        refuse ? HttpResponse.json({ error: 'INTERNAL', message: 'bug', requestId: 'r1' }, { status: 500 }) : undefined,
    });
    mount();
    await screen.findByTestId('service');
    correctService('MUX');
    const alert = await screen.findByText(/El proxy no ha desat el registre: El proxy ha tingut un error intern/);
    expect(alert).toBeDefined();
    expect(localStorage.getItem('aoc.correction.4242')).toContain('"service":"MUX"');
    refuse = false;
    fireEvent.click(record().getByRole('button', { name: 'Tornar-ho a provar' }));
    expect(await screen.findByText('Desat per a millorar el classificador.')).toBeDefined();
    expect(stand.sent.map((s) => s.labels.service)).toEqual(['MUX', 'MUX']);
    expect(localStorage.getItem('aoc.correction.4242')).toBeNull();
  });

  it('offline: says it was not sent, keeps it, and sends it when the ticket is opened again', async () => {
    server.use(
      http.get(`${PROXY}/v1/tickets/:id/correction`, () => HttpResponse.error()),
      http.put(`${PROXY}/v1/tickets/:id/correction`, () => HttpResponse.error()),
    );
    mount();
    await screen.findByTestId('service');
    correctService('ETAULER');
    expect(await screen.findByText(/Encara no s'ha desat: No s'ha pogut contactar amb el proxy/)).toBeDefined();
    expect(screen.queryByText('Desat per a millorar el classificador.')).toBeNull();
    expect(localStorage.getItem('aoc.correction.4242')).toContain('"service":"ETAULER"');

    // The proxy is back; the agent opens the ticket again.
    cleanup();
    server.resetHandlers(...proxyHandlers(log));
    const stand = correctionsProxy();
    mount({ keepStorage: true });
    expect(await screen.findByText('Desat per a millorar el classificador.')).toBeDefined();
    expect(stand.sent.map((s) => s.labels.service)).toEqual(['ETAULER']);
    expect(localStorage.getItem('aoc.correction.4242')).toBeNull();
  });

  it('refuses at once a ticket the proxy could not keep, and says why', async () => {
    const stand = correctionsProxy();
    mount({ ticket: vilaSecaTicket({ description: `Alta a Via Oberta. ${'x'.repeat(200_001)}` }) });
    await screen.findByTestId('service', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Correcte' }));
    expect(await screen.findByText(/Aquest tiquet no es pot desar com a registre: ticket\.description/)).toBeDefined();
    expect(stand.sent).toHaveLength(0);
    expect(localStorage.getItem('aoc.correction.4242')).toBeNull();
  });
});

describe("the agent's own record", () => {
  const held = {
    ticket: 4242,
    kind: 'corrected',
    changed: ['products'],
    subject: 'Alta Via Oberta - Cadastre',
    labels: { service: 'VO', products: ['CADASTRE', 'AEAT'], environment: 'PRE', ambit: 'AGE', flags: [] },
    classifierVersion: '0.1.0',
    by: '77',
    byName: 'Agent Test',
    at: '2026-11-20T09:30:00.000Z',
  };

  it('is shown when the ticket opens, and withdrawn at her word', async () => {
    const stand = correctionsProxy();
    stand.held = held;
    mount();
    const own = await screen.findByTestId('own-record');
    expect(own.textContent).toContain('classificació corregida (productes)');
    expect(screen.getByTestId('own-record-labels').textContent).toContain('productes CADASTRE, AEAT');
    fireEvent.click(screen.getByRole('button', { name: 'Retirar el registre' }));
    expect(await screen.findByText("Registre retirat: no s'usarà per a millorar el classificador.")).toBeDefined();
    expect(stand.withdrawn).toEqual([4242]);
    expect(screen.queryByTestId('own-record')).toBeNull();
  });

  it('says so when it cannot be withdrawn, and withdraws it on retry', async () => {
    let refuse = true;
    const stand = correctionsProxy({
      withdraw: () =>
        refuse
          ? HttpResponse.json(
              { error: 'DATABASE_UNAVAILABLE', message: 'down', database: 'store', requestId: 'r' },
              { status: 503 },
            )
          : undefined,
    });
    stand.held = held;
    mount();
    await screen.findByTestId('own-record');
    fireEvent.click(screen.getByRole('button', { name: 'Retirar el registre' }));
    expect(await screen.findByText(/No s'ha pogut retirar el registre: La base de dades no respon/)).toBeDefined();
    expect(screen.getByTestId('own-record')).toBeDefined();
    refuse = false;
    fireEvent.click(record().getByRole('button', { name: 'Tornar-ho a provar' }));
    expect(await screen.findByText("Registre retirat: no s'usarà per a millorar el classificador.")).toBeDefined();
    expect(stand.withdrawn).toEqual([4242]);
  });

  it('withdrawing a record left unsent keeps it from ever reaching the proxy', async () => {
    server.use(http.put(`${PROXY}/v1/tickets/:id/correction`, () => HttpResponse.error()));
    mount();
    await screen.findByTestId('service');
    correctService('MUX');
    await screen.findByText(/Encara no s'ha desat/);
    fireEvent.click(screen.getByRole('button', { name: 'Retirar el registre' }));
    expect(await screen.findByText("Registre retirat: no s'usarà per a millorar el classificador.")).toBeDefined();
    expect(localStorage.getItem('aoc.correction.4242')).toBeNull();
  });
});

describe('in the agent’s language', () => {
  it.each([
    ['en-GB', 'It is right', 'Saved to improve the classifier.', 'Record for improving the classifier'],
    ['es-ES', 'Correcto', 'Guardado para mejorar el clasificador.', 'Registro para mejorar el clasificador'],
  ])('%s', async (locale, button, saved, region) => {
    correctionsProxy();
    mount({ locale });
    await screen.findByTestId('service');
    fireEvent.click(screen.getByRole('button', { name: button }));
    expect(await screen.findByText(saved)).toBeDefined();
    expect(screen.getByLabelText(region)).toBeDefined();
  });
});

describe('every text of the record', () => {
  it('exists in Catalan, Spanish and English', async () => {
    const tables = await Promise.all(
      ['ca', 'es', 'en'].map(
        async (l) => ((await import(`../../translations/${l}.json`)) as { ui: Record<string, string> }).ui,
      ),
    );
    const keys = Object.keys(tables[0] ?? {}).filter((k) => k.startsWith('rec.') || k.startsWith('cls.confirm'));
    expect(keys.length).toBeGreaterThan(10);
    for (const table of tables) for (const k of keys) expect(table[k], k).toMatch(/\S/);
  });
});
