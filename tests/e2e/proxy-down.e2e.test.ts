import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ca from '../../translations/ca.json';
import { JWT_AUDIENCE } from '../../src/app/api/proxy-client';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import { signAgentToken } from '../../src/proxy/demo-token';
import {
  answers,
  chromiumAvailable,
  freePort,
  launchBrowser,
  startLocalRun,
  startScript,
  TicketPage,
  type Browser,
  type LocalRun,
  type Started,
} from './harness';

/**
 * The local run against a proxy started apart (`npm run proxy`), which stops while the agent
 * works: the app must say so plainly and lose nothing the agent did. The proxy keeps its embedded
 * database in a directory, so that once it is back it still has what it had.
 */
const available = chromiumAvailable('proxy-down.e2e.test.ts');
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });

const NETWORK = ca.ui['err.network'];
const OFFLINE_PREFIX = ca.ui['steps.progressOffline'].split(' ({{reason}})')[0] ?? '';

interface ProxyAnswer {
  readonly status: number;
}

describe.runIf(available)('the proxy stops mid-way', () => {
  const secret = randomBytes(32).toString('hex');
  let dataDir = '';
  let proxyUrl = '';
  let proxy: Started | undefined;
  let run: LocalRun | undefined;
  let browser: Browser | undefined;
  let t: TicketPage;

  const startProxy = async (port: number): Promise<void> => {
    proxy = await startScript(
      'scripts/proxy.ts',
      {
        PROXY_HOST: '127.0.0.1',
        PROXY_PORT: String(port),
        JWT_SECRET: secret,
        JWT_ISSUER: 'local',
        PROXY_LOG_LEVEL: 'warn',
        EMBEDDED_DATA_DIR: dataDir,
      },
      () => answers(`http://127.0.0.1:${String(port)}/health`),
    );
  };
  const stopProxy = async (): Promise<void> => {
    await proxy?.stop();
    expect(await answers(`${proxyUrl}/health`)).toBe(false);
  };

  /** What the proxy itself holds for a ticket, asked with a token as Zendesk would sign it. */
  const progressOnProxy = async (ticket: number): Promise<Record<string, boolean>> => {
    const token = await signAgentToken({
      secret,
      issuer: 'local',
      audience: JWT_AUDIENCE,
      agentId: '77',
      agentName: 'Agent local',
    });
    const res = await fetch(`${proxyUrl}/v1/tickets/${String(ticket)}/progress`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { steps: { stepId: string; done: boolean }[] };
    return Object.fromEntries(body.steps.map((s) => [s.stepId, s.done]));
  };

  const queued = (ticket: number): Promise<string | null> =>
    t.page.evaluate((id) => localStorage.getItem(`aoc.queue.${String(id)}`), ticket);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'aoc-e2e-pglite-'));
    const port = await freePort();
    proxyUrl = `http://127.0.0.1:${String(port)}`;
    await startProxy(port);
    run = await startLocalRun({ proxyUrl, sharedSecret: secret });
    expect(run.proxyUrl).toBe(proxyUrl);
    browser = await launchBrowser();
    t = new TicketPage(browser.page, run.pageUrl);
    await t.warmUp();
  });

  afterAll(async () => {
    await browser?.close();
    await run?.stop();
    await proxy?.stop();
    if (dataDir !== '') rmSync(dataDir, { recursive: true, force: true });
  });

  it('says the proxy cannot be reached, keeps the tick made meanwhile, and sends it when the proxy is back', async () => {
    await t.open('d05');
    const ticket = await t.ticketId('d05');
    await t.tab('Passos');

    // While the proxy runs: a tick is saved and a check answers.
    const saved = t.proxyAnswer(`/progress/vo-pre.seguiment`, 'PUT');
    await t.step('vo-pre.seguiment').getByRole('checkbox').check({ force: true });
    expect(((await (await saved).json()) as ProxyAnswer).status).toBe(200);
    await t.step('vo-pre.autoritzacions-pro').getByRole('button', { name: 'Fer la comprovació' }).click();
    await t.app.getByLabel("INE10 de l'ens", { exact: true }).fill(DEMO.barcelona.ine10);
    await t.app.getByRole('button', { name: 'Comprovar' }).click();
    await t.app.getByTestId('check-result').locator('tbody tr').first().waitFor();

    await stopProxy();

    // A check now: the agent is told the proxy cannot be reached, and no stale result stays.
    await t.app.getByRole('button', { name: 'Comprovar' }).click();
    await t.app.getByRole('alert').filter({ hasText: NETWORK }).waitFor();
    expect(await t.app.getByTestId('check-result').count()).toBe(0);

    // A tick now: it stays ticked, the agent is told it is kept in the browser, and it is queued.
    await t.tab('Passos');
    const ips = t.step('vo-pre.ips');
    const failed = t.proxyAnswer(`/progress/vo-pre.ips`, 'PUT');
    await ips.getByRole('checkbox').check({ force: true });
    expect(((await (await failed).json()) as ProxyAnswer).status).toBe(0);
    const alert = t.app.getByRole('alert').filter({ hasText: OFFLINE_PREFIX });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(NETWORK);
    expect(await ips.getByRole('checkbox').isChecked()).toBe(true);
    await ips.getByText(/Fet per Agent local/).waitFor();
    expect(await t.step('vo-pre.seguiment').getByRole('checkbox').isChecked()).toBe(true);
    expect(JSON.parse((await queued(ticket)) ?? '[]')).toEqual([
      expect.objectContaining({ stepId: 'vo-pre.ips', done: true, procedure: 'vo-pre' }),
    ]);

    // The proxy is back (same database): "retry" sends the queued tick, and the warning goes.
    await startProxy(Number(new URL(proxyUrl).port));
    expect(await progressOnProxy(ticket)).toEqual({ 'vo-pre.seguiment': true });
    await alert.getByRole('button', { name: ca.ui.retry }).click();
    await poll(() => alert.count()).toBe(0);
    expect(await progressOnProxy(ticket)).toEqual({ 'vo-pre.seguiment': true, 'vo-pre.ips': true });
    expect(await queued(ticket)).toBeNull();
    expect(await ips.getByRole('checkbox').isChecked()).toBe(true);
  });

  // Regression: after a reload with the proxy down, the browser's queue of unsent changes must
  // still show over the progress (the change is sent once the proxy answers).
  it('after a reload while the proxy is down, the unsent tick still shows as done', async () => {
    await t.open('d07');
    const ticket = await t.ticketId('d07');
    await t.tab('Passos');
    await t.step('vo-pre.seguiment').waitFor();
    await stopProxy();
    const failed = t.proxyAnswer(`/progress/vo-pre.seguiment`, 'PUT');
    await t.step('vo-pre.seguiment').getByRole('checkbox').check({ force: true });
    expect(((await (await failed).json()) as ProxyAnswer).status).toBe(0);
    await t.app.getByRole('alert').filter({ hasText: OFFLINE_PREFIX }).waitFor();
    expect(await queued(ticket)).not.toBeNull();

    await t.page.reload();
    await t.open('d07');
    await t.tab('Passos');
    await t.app.getByRole('alert').filter({ hasText: OFFLINE_PREFIX }).waitFor();
    // The browser still holds the change...
    expect(JSON.parse((await queued(ticket)) ?? '[]')).toEqual([
      expect.objectContaining({ stepId: 'vo-pre.seguiment', done: true }),
    ]);
    // ...and the step shows it.
    const checkbox = t.step('vo-pre.seguiment').getByRole('checkbox');
    await checkbox.waitFor({ state: 'attached' });
    await expect.poll(() => checkbox.isChecked(), { timeout: 5000, interval: 100 }).toBe(true);
  });
});
