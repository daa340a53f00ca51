import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type FrameLocator,
  type Locator,
  type Page,
  type Response,
} from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import devTickets from '../fixtures/dev-tickets.json';

/**
 * What the end-to-end tests share: Debian's Chromium driven by playwright-core, the local run
 * (`npm start`) and the external proxy started as process groups of their own on free ports and
 * always stopped, and the ticket page with the sidebar app in its iframe.
 */
export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/**
 * Whether the e2e tests can run. Without Chromium they fail in CI (CI set: `.ci/run` installs
 * it) and are skipped elsewhere, with a message saying why.
 */
export function chromiumAvailable(file: string, executable = CHROMIUM): boolean {
  if (existsSync(executable)) return true;
  const message = `${executable} is missing: the end-to-end tests need Debian's Chromium (apt-get install -y chromium).`;
  if (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== '0' && process.env.CI !== 'false')
    throw new Error(message);
  console.warn(`[e2e] ${file} skipped: ${message}`);
  return false;
}

/** A free TCP port on the loopback interface (start.ts takes no port 0, so we pick them). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') ok(address.port);
        else fail(new Error('no port'));
      });
    });
  });
}

/** Environment for child processes: ours, without what vitest sets for its own workers. */
function childEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === 'NODE_ENV' || k.startsWith('VITEST') || k === 'TEST') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

// Process groups still running, killed if the test process leaves without its afterAll.
const groups = new Set<number>();
process.on('exit', () => {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export interface Started {
  readonly output: () => string;
  readonly exited: () => boolean;
  /** SIGTERM to the whole process group, SIGKILL after `graceMs`; resolves once it is gone. */
  readonly stop: (graceMs?: number) => Promise<void>;
}

/**
 * Starts `tsx script` in a process group of its own and waits until `ready` says so (from its
 * output, or by asking it), failing with the process's output if it exits or takes too long.
 */
export async function startScript(
  script: string,
  env: Readonly<Record<string, string>>,
  ready: (output: string) => boolean | Promise<boolean>,
  timeoutMs = 120_000,
): Promise<Started> {
  const child: ChildProcess = spawn(TSX, [script], {
    cwd: ROOT,
    env: childEnv(env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${script}`);
  groups.add(pid);
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output += b.toString('utf8')));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString('utf8')));
  const state = { exited: false };
  const exit = new Promise<void>((ok) => {
    child.on('exit', () => {
      state.exited = true;
      ok();
    });
  });
  const stop = async (graceMs = 10_000): Promise<void> => {
    const kill = (signal: NodeJS.Signals): void => {
      try {
        process.kill(-pid, signal);
      } catch {
        // the group is gone
      }
    };
    if (!state.exited) {
      kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exit, new Promise<void>((ok) => (timer = setTimeout(ok, graceMs)))]);
      clearTimeout(timer);
    }
    // Whatever is left of the group (the tsx parent's child, a worker) goes too.
    kill('SIGKILL');
    await exit;
    groups.delete(pid);
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await ready(output)) break;
    if (state.exited || Date.now() > deadline) {
      await stop(1000);
      throw new Error(`${script} ${state.exited ? 'exited' : 'was not ready in time'}:\n${output}`);
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  return { output: () => output, exited: () => state.exited, stop };
}

export interface LocalRun extends Started {
  /** The ticket page, e.g. http://127.0.0.1:41234/local/ */
  readonly pageUrl: string;
  readonly proxyUrl: string;
  /** Where this run leaves its address for `npm run corrections -- export` (a file of its own). */
  readonly runFile: string;
}

const PAGE_LINE = /Ticket page \(open this\): (http:\/\/\S+)/;
const PROXY_LINE = /Proxy[^:]*:\s+(http:\/\/\S+)/;

/** `npm start` on free ports: with `external`, against a proxy started apart. */
export async function startLocalRun(external?: { proxyUrl: string; sharedSecret: string }): Promise<LocalRun> {
  // Each run marks its own file: runs of several test files at once never read another's.
  const runFile = join(mkdtempSync(join(tmpdir(), 'aoc-e2e-run-')), 'local-run.json');
  const env: Record<string, string> = {
    PORT: String(await freePort()),
    PROXY_PORT: String(await freePort()),
    PROXY_LOG_LEVEL: 'warn',
    LOCAL_RUN_FILE: runFile,
  };
  if (external !== undefined) {
    env.LOCAL_PROXY_URL = external.proxyUrl;
    env.LOCAL_SHARED_SECRET = external.sharedSecret;
  }
  const started = await startScript('scripts/start.ts', env, (out) => PAGE_LINE.test(out) && PROXY_LINE.test(out));
  const pageUrl = PAGE_LINE.exec(started.output())?.[1] ?? '';
  const proxyUrl = PROXY_LINE.exec(started.output())?.[1] ?? '';
  const stop = async (graceMs?: number): Promise<void> => {
    await started.stop(graceMs);
    rmSync(dirname(runFile), { recursive: true, force: true });
  };
  return { ...started, stop, pageUrl, proxyUrl, runFile };
}

/** Asks a URL until it answers 200. */
export async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly close: () => Promise<void>;
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Chromium on a fresh profile in a temporary directory, removed on close. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'aoc-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 1000 },
    locale: 'ca-ES',
    timezoneId: 'Europe/Madrid',
  });
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The sample tickets' keys in the page's order (dev-tickets.json comes first). */
export const DEV_KEYS: readonly string[] = (devTickets as { ticket: { id: string } }[]).map((t) => t.ticket.id);

/** The ticket page with its sidebar app. */
export class TicketPage {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  private index = 0;

  /** The app in the iframe of the sample opened last (each sample's frame has app_guid local-<index>). */
  get app(): FrameLocator {
    return this.page.frameLocator(
      `iframe[title="AOC integration assistant"][src$="app_guid=local-${String(this.index)}"]`,
    );
  }

  /** The ticket id the page gives a sample (MemoryZendesk: 1000 + its index). */
  async ticketId(key: string): Promise<number> {
    return 1000 + (await this.sampleIndex(key));
  }

  async sampleIndex(key: string): Promise<number> {
    await this.page.getByLabel('Sample ticket').waitFor();
    const values = await this.page
      .getByLabel('Sample ticket')
      .locator('option')
      .evaluateAll(
        (options, k) =>
          options.filter((o) => o.textContent.startsWith(`${k} ·`)).map((o) => (o as HTMLOptionElement).value),
        key,
      );
    const value = values[0];
    if (values.length !== 1 || value === undefined) throw new Error(`sample ${key}: ${String(values.length)} options`);
    return Number(value);
  }

  /** Loads the page if needed, shows a sample ticket and waits for the app to classify it. */
  async open(key: string): Promise<void> {
    if (!this.page.url().startsWith(this.url)) await this.page.goto(this.url);
    this.index = await this.sampleIndex(key);
    await this.page.getByLabel('Sample ticket').selectOption(String(this.index));
    await this.app.getByTestId('service').waitFor();
  }

  /**
   * Loads the page and opens every part of the app once, so that the dev server has prepared
   * (and, on a fresh machine, optimised) every module before the tests: a dependency found late
   * makes Vite reload the page, which would show the first sample again mid-test.
   */
  async warmUp(): Promise<void> {
    await this.page.goto(this.url);
    await this.open('d01');
    await this.tab('Respostes');
    await this.app.getByTestId('reply-preview').waitFor({ state: 'attached' });
    await this.tab('Comprovacions');
    await this.app.getByRole('button', { name: 'Comprovar' }).waitFor();
    await this.page.goto(this.url);
    await this.open('d01');
  }

  async tab(name: 'Classificació' | 'Passos' | 'Respostes' | 'Comprovacions'): Promise<void> {
    await this.app.getByRole('tab', { name }).click();
  }

  step(id: string): Locator {
    return this.app.getByTestId(`step-${id}`);
  }

  /**
   * Opens a step's document (MINHAP Excel, tracking rows, the ens list…): unfolds the step when it
   * is folded, then presses the step's document button (`aria-controls="step-document-<id>"`).
   */
  async openDocument(id: string): Promise<Locator> {
    const step = this.step(id);
    await step.waitFor();
    const button = step.locator(`button[aria-controls="step-document-${id}"]`);
    if (!(await button.isVisible())) await step.locator(`button[aria-controls^="step-details"]`).first().click();
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    return step;
  }

  /** The steps shown, in the order shown. */
  async stepIds(): Promise<string[]> {
    await this.app.locator('li[data-testid^="step-"]').first().waitFor();
    return this.app
      .locator('li[data-testid^="step-"]')
      .evaluateAll((items) => items.map((li) => (li.getAttribute('data-testid') ?? '').slice('step-'.length)));
  }

  /** The product ids the classification shows, in order (each row also carries the product's name and codes). */
  async productIds(): Promise<string[]> {
    return this.app
      .locator('[data-testid^="product-"]')
      .evaluateAll((rows) => rows.map((row) => (row.getAttribute('data-testid') ?? '').slice('product-'.length)));
  }

  async text(testId: string): Promise<string> {
    return (await this.app.getByTestId(testId).textContent()) ?? '';
  }

  /** Waits for the page's answer to a request the app sent to the proxy through "Zendesk". */
  proxyAnswer(pathPart: string, method: 'GET' | 'PUT' | 'POST' = 'GET'): Promise<Response> {
    return this.page.waitForResponse((r) => {
      if (!r.url().endsWith('/__zendesk/request')) return false;
      const body = r.request().postData() ?? '';
      return body.includes(pathPart) && body.includes(`"type":"${method}"`);
    });
  }
}

/** Where the README's screenshots go, when UPDATE_SCREENSHOTS=1. */
export function screenshotPath(name: string): string | undefined {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return undefined;
  const dir = join(ROOT, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/**
 * A test file's local run and browser: started before its tests, stopped after them. `ready`
 * gets the ticket page before it warms up (a test that listens to the console starts there);
 * `timeout` is the start's, by default the e2e project's hook timeout.
 */
export function onLocalRun(ready: (page: TicketPage) => void, timeout?: number): void {
  let run: LocalRun | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    run = await startLocalRun();
    browser = await launchBrowser();
    const page = new TicketPage(browser.page, run.pageUrl);
    ready(page);
    await page.warmUp();
  }, timeout);
  afterAll(async () => {
    await browser?.close();
    await run?.stop();
  });
}
