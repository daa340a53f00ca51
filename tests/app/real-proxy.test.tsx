// @vitest-environment jsdom
import { spawn, type ChildProcess } from 'node:child_process';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../e2e/harness';
import { forwardRequest } from '../../src/local/server/request-proxy';
import { App } from '../../src/app/App';
import type { RequestOptions } from '../../src/zendesk/port';
import { MemoryZendesk, memoryTicket } from '../../src/zendesk/memory-adapter';

/**
 * The sidebar against the real proxy on its demo database, the requests signed as Zendesk's
 * request proxy signs them: what the component tests check with a stand-in, checked for real.
 */
const SECRET = 'a-shared-secret-for-tests-0123456789abcdef';
let proxy: { url: string; child: ChildProcess } | undefined;

// The proxy runs in its own process, as in production (and away from jsdom's globals).
beforeAll(async () => {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/proxy.ts'], {
    env: {
      ...process.env,
      PROXY_PORT: String(port),
      JWT_SECRET: SECRET,
      JWT_ISSUER: 'aoc-test',
      PROXY_LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${String(port)}`;
  proxy = { url, child };
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the proxy did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
}, 120_000);
afterAll(() => {
  proxy?.child.kill('SIGTERM');
});
afterEach(cleanup);

function mount(secret = SECRET) {
  const url = proxy?.url ?? '';
  const zendesk = new MemoryZendesk({
    ticket: memoryTicket({
      id: 5150,
      subject: 'Alta Via Oberta - Cadastre',
      description:
        "L'Ajuntament de Barcelona (INE10 0801930008) sol·licita integració amb el Cadastre via serveis web.",
      tags: ['alta_servei'],
      organization: { id: 1, name: 'Ajuntament de Barcelona' },
      comments: [
        { author: 'x', body: '', attachments: ['formulari_sol-licitud_integracio_serveis_caoc.pdf', 'cda.cer'] },
      ],
    }),
    currentUser: { id: 31, name: 'Agent Real', email: 'agent@example.org', locale: 'ca' },
    settings: { proxyUrl: url },
    subdomain: 'aoc-test',
    request: (o: RequestOptions) =>
      forwardRequest(o, { settings: { sharedSecret: secret }, domainWhitelist: ['127.0.0.1'] }),
  });
  render(<App port={zendesk} />);
  return zendesk;
}

describe('sidebar with the real proxy', () => {
  it('runs a database check and shows the ens’s authorisations in force', { timeout: 30_000 }, async () => {
    mount();
    await screen.findByTestId('service');
    fireEvent.click(screen.getByRole('tab', { name: /Comprovacions/ }));
    // The checks panel loads on first use: give its chunk time to arrive.
    expect((await screen.findByLabelText<HTMLInputElement>("INE10 de l'ens", {}, { timeout: 15_000 })).value).toBe(
      '0801930008',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Comprovar' }));
    const result = await screen.findByTestId('check-result', {}, { timeout: 15_000 });
    expect(result.textContent).toContain('CADASTRE');
    expect(result.textContent).not.toContain('GESTIO_2015');
  });

  it('saves a ticked step in the proxy’s store, where the next agent sees it', { timeout: 60_000 }, async () => {
    mount();
    await screen.findByTestId('service');
    fireEvent.click(screen.getByRole('tab', { name: /Passos/ }));
    const step = await screen.findByTestId('step-vo-pre.minhap-dir3', {}, { timeout: 15_000 });
    fireEvent.click(within(step).getByRole('checkbox'));
    await within(step).findByText(/Fet per Agent Real/, {}, { timeout: 15_000 });
    cleanup();
    localStorage.clear();
    mount();
    await screen.findByTestId('service');
    fireEvent.click(screen.getByRole('tab', { name: /Passos/ }));
    const again = await screen.findByTestId('step-vo-pre.minhap-dir3', {}, { timeout: 15_000 });
    await waitFor(
      () => {
        expect(within(again).getByRole<HTMLInputElement>('checkbox').checked).toBe(true);
      },
      { timeout: 15_000 },
    );
  });

  it('explains a refused token (wrong shared secret)', { timeout: 30_000 }, async () => {
    mount('not-the-secret-but-long-enough-0123456789');
    await screen.findByTestId('service');
    fireEvent.click(screen.getByRole('tab', { name: /Comprovacions/ }));
    await screen.findByLabelText("INE10 de l'ens", {}, { timeout: 15_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Comprovar' }));
    expect(await screen.findByText(/refusat la identificació/, {}, { timeout: 15_000 })).toBeDefined();
  });
});
