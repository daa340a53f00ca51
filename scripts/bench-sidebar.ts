/**
 * `npm run bench:sidebar`: time from the sidebar frame's start to the classification on screen,
 * in headless Chromium, median of 10 loads after a warm-up: on the local ticket page (`npm start`,
 * the dev server's unbundled modules and React's development build), and on the production build
 * as agents get it (served with a strict content security policy inside a host page that plays
 * Zendesk, as in the CSP end-to-end test). The app marks the moment itself
 * (performance mark `aoc:classification-shown`, relative to the frame's navigation start).
 * A benchmark: it prints figures, it asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { buildApp, bundle, serve } from '../tests/e2e/built-app';
import { freePort } from '../tests/e2e/harness';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUNS = 10;

const [port, proxyPort] = [await freePort(), await freePort()];
const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
  env: { ...process.env, PORT: String(port), PROXY_PORT: String(proxyPort), PROXY_LOG_LEVEL: 'error' },
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});
const stopLocalRun = (): void => {
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
};
process.on('exit', stopLocalRun);
const pageUrl = await new Promise<string>((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => {
    reject(new Error(`the local run did not start:\n${out}`));
  }, 120_000);
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const m = /Ticket page \(open this\): (\S+)/.exec(out);
    if (m?.[1] !== undefined) {
      clearTimeout(timer);
      resolve(m[1]);
    }
  });
});

// Playwright gives the browser a fresh temporary profile of its own.
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});
/** Loads the page RUNS + 1 times (the first warms caches) and reads the app's mark each time. */
async function measure(context: BrowserContext, url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const page = await context.newPage();
    await page.goto(url);
    const frameHandle = await page.waitForSelector('iframe[title="AOC integration assistant"]');
    const frame = await frameHandle.contentFrame();
    if (frame === null) throw new Error('no sidebar frame');
    await frame.waitForFunction(() => performance.getEntriesByName('aoc:classification-shown').length > 0, undefined, {
      timeout: 60_000,
    });
    const ms = await frame.evaluate(
      () => performance.getEntriesByName('aoc:classification-shown')[0]?.startTime ?? NaN,
    );
    if (i > 0) times.push(ms);
    await page.close();
  }
  return times.sort((a, b) => a - b);
}

function report(label: string, times: readonly number[]): void {
  const median = ((times[4] ?? NaN) + (times[5] ?? NaN)) / 2;
  console.log(
    `  ${label.padEnd(34)} median ${median.toFixed(0)} ms · min ${(times[0] ?? NaN).toFixed(0)} ms · max ` +
      `${(times[times.length - 1] ?? NaN).toFixed(0)} ms`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'aoc-bench-sidebar-'));
let server: Server | undefined;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const dev = await measure(context, pageUrl);
  stopLocalRun();
  await buildApp(join(dir, 'app'));
  await bundle(
    join('node_modules', 'zendesk_app_framework_sdk', 'lib', 'index.js'),
    join(dir, 'sdk'),
    'zaf_sdk.js',
    'ZAFClient',
  );
  await bundle(join('tests', 'e2e', 'csp-host.ts'), join(dir, 'host'), 'csp-host.js');
  const served = await serve({ app: join(dir, 'app'), sdk: join(dir, 'sdk'), host: join(dir, 'host') });
  server = served.server;
  const built = await measure(context, `${served.origin}/`);
  console.log(`Sidebar: frame start → classification shown, headless Chromium, ${String(RUNS)} loads each`);
  report('local ticket page (dev server)', dev);
  report('production build (strict CSP)', built);
} finally {
  await browser.close();
  stopLocalRun();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
}
