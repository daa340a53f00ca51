/**
 * `npm run bench:sidebar`: time from the sidebar frame's start to the classification on screen,
 * in headless Chromium on the local ticket page (`npm start`), median of 10 loads after a warm-up
 * (the first load also compiles the dev server's modules). The app marks the moment itself
 * (performance mark `aoc:classification-shown`, relative to the frame's navigation start).
 * A benchmark: it prints figures, it asserts nothing.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUNS = 10;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a !== null ? a.port : 0;
      srv.close(() => {
        resolve(port);
      });
    });
  });
}

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
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const times: number[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (let i = 0; i <= RUNS; i++) {
    const page = await context.newPage();
    await page.goto(pageUrl);
    const frameHandle = await page.waitForSelector('iframe[title="AOC integration assistant"]');
    const frame = await frameHandle.contentFrame();
    if (frame === null) throw new Error('no sidebar frame');
    await frame.waitForFunction(() => performance.getEntriesByName('aoc:classification-shown').length > 0, undefined, { timeout: 60_000 });
    const ms = await frame.evaluate(() => performance.getEntriesByName('aoc:classification-shown')[0]?.startTime ?? NaN);
    if (i > 0) times.push(ms); // run 0 warms the dev server's module cache
    await page.close();
  }
} finally {
  await browser.close();
  stopLocalRun();
}
times.sort((a, b) => a - b);
const median = ((times[4] ?? NaN) + (times[5] ?? NaN)) / 2;
console.log(`Sidebar: frame start → classification shown, local ticket page, headless Chromium, ${String(RUNS)} loads`);
console.log(`  median ${median.toFixed(0)} ms · min ${(times[0] ?? NaN).toFixed(0)} ms · max ${(times[times.length - 1] ?? NaN).toFixed(0)} ms`);
