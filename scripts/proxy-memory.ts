/**
 * Peak memory of the demo proxy (`npm run proxy`: every database the embedded PGlite), for the
 * "Memory" section of docs/proxy.md. Run: `npx tsx scripts/proxy-memory.ts [requests]
 * [--cache-dir DIR] [--other-contents] [--json]`.
 *
 * Builds the proxy (`npm run build:proxy`) and starts `node build/proxy/proxy.mjs` with the proxy's
 * V8 flags (PROXY_NODE_FLAGS), what `npm run proxy` runs, without the npm wrapper, so that the
 * process measured is the proxy itself; reads its peak resident memory (VmHWM in
 * /proc/<pid>/status, Linux) once it is ready, sends a mixed load of checks and writes (20 at a
 * time), reads the peak again, and stops it with SIGTERM.
 *
 * `--cache-dir DIR` is the demo database's prepared copy's directory (EMBEDDED_CACHE_DIR; default
 * the proxy's own, node_modules/.cache/aoc-proxy). The demo's default contents load the copy
 * shipped with the code (src/proxy/db/demo/copy/) and leave the cache alone: a fresh checkout's
 * first start is then like any other. `--other-contents` starts the demo with PRE under another
 * schema prefix (PRE_SCHEMA_PREFIX=OTHER_), contents the shipped copy lacks, as a change of the
 * demo data without `npm run demo:copy` would leave it: that start goes through the cache. The
 * output says whether this start loaded the shipped copy, made the copy in the cache (initdb,
 * seeding, the copy written) or loaded it from there.
 *
 * Making the copy happens in a child process of the proxy (src/proxy/db/demo/prepared.ts), so
 * the proxy's own peak does not tell all it costs: until the proxy is ready, its process tree is
 * sampled every 100 ms (/proc/<pid>/task/<pid>/children, recursively), and the output gives the
 * highest peak (VmHWM) of any child, and the highest sum of the tree's resident memory (VmRSS) in
 * one sample — what the machine needed at once, within a sample's precision.
 * `--json` adds one line of JSON with the figures, for `npm run bench:all`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig, SHIPPED_DEMO_COPY_DIR } from '../src/proxy/config';
import { demoContents } from '../src/proxy/db/connect';
import { copyName, defaultCacheDir } from '../src/proxy/db/demo/prepared';
import { buildProxy, PROXY_BUILD, PROXY_NODE_FLAGS } from '../tools/proxy-build';

const REQUESTS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? '2000');
const CONCURRENCY = 20;
const cacheArg = process.argv.indexOf('--cache-dir');
const CACHE_DIR = cacheArg === -1 ? undefined : process.argv[cacheArg + 1];
const cacheDir = CACHE_DIR ?? defaultCacheDir();
const copies = (): string[] => {
  try {
    return readdirSync(cacheDir).filter((n) => n.startsWith('demo-') && n.endsWith('.tar.gz'));
  } catch {
    return [];
  }
};

function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match?.[1] === undefined ? Number.NaN : Math.round(Number(match[1]) / 1024);
}

/** The processes below `pid` (children of its main thread, recursively). */
function descendants(pid: number): number[] {
  let children: number[];
  try {
    const text = readFileSync(`/proc/${String(pid)}/task/${String(pid)}/children`, 'utf8');
    children = text.split(' ').filter(Boolean).map(Number);
  } catch {
    return []; // it has exited
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** Samples the tree below `pid` until stopped: the children's highest peak, the tree's highest sum. */
function sampleTree(pid: number): () => { childPeakMb: number | null; treePeakMb: number } {
  let childPeakMb: number | null = null;
  let treePeakMb = 0;
  const sample = () => {
    let sum = 0;
    for (const p of [pid, ...descendants(pid)]) {
      try {
        // NaN for a process that has exited and not yet been reaped (no memory left to count).
        const rss = statusMb(p, 'VmRSS');
        const peak = statusMb(p, 'VmHWM');
        if (!Number.isNaN(rss)) sum += rss;
        if (p !== pid && !Number.isNaN(peak)) childPeakMb = Math.max(childPeakMb ?? 0, peak);
      } catch {
        // exited between the listing and the read
      }
    }
    treePeakMb = Math.max(treePeakMb, sum);
  };
  const timer = setInterval(sample, 100);
  return () => {
    clearInterval(timer);
    sample();
    return { childPeakMb, treePeakMb };
  };
}

const { proxy } = await buildProxy(PROXY_BUILD);
const before = copies();
const started = Date.now();
// Demo mode, whatever the calling shell has set.
const DEMO_UNSET = [
  'JWT_SECRET',
  'PRE_DATABASE_URL',
  'PRO_DATABASE_URL',
  'STORE_DATABASE_URL',
  'EMBEDDED_DATA_DIR',
  'PRE_SCHEMA_PREFIX',
  'PRO_SCHEMA_PREFIX',
];
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries({ ...process.env, PROXY_PORT: '0', PROXY_LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '1000000' }).filter(
    ([name]) => !DEMO_UNSET.includes(name),
  ),
);
if (CACHE_DIR !== undefined) env.EMBEDDED_CACHE_DIR = CACHE_DIR;
if (process.argv.includes('--other-contents')) env.PRE_SCHEMA_PREFIX = 'OTHER_';
const child = spawn(process.execPath, [...PROXY_NODE_FLAGS, proxy], {
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const pid = child.pid;
if (pid === undefined) throw new Error('the proxy did not start');
const stopSampling = sampleTree(pid);
let token: string | undefined;
let base: string | undefined;
for await (const line of createInterface({ input: child.stdout })) {
  const match = /curl -H "Authorization: Bearer (\S+)" "(http:\/\/[^/]+)\//.exec(line);
  if (match?.[1] !== undefined && match[2] !== undefined) {
    token = match[1];
    base = match[2];
    break;
  }
}
if (token === undefined || base === undefined) throw new Error('the proxy exited before printing its demo token');
const readyMs = Date.now() - started;
const afterStart = statusMb(pid, 'VmHWM');
const { childPeakMb, treePeakMb } = stopSampling();
// Which copy this start had: the copy of these contents in the cache before it (loaded), there
// only after it (made), or else the shipped one (src/proxy/db/demo/prepared.ts looks at it first).
const name = await copyName(demoContents(loadConfig(env).db));
const copy = before.includes(name)
  ? 'loaded'
  : copies().includes(name)
    ? 'made'
    : existsSync(join(SHIPPED_DEMO_COPY_DIR, name))
      ? 'shipped'
      : 'none';

const COPY_SAID = {
  shipped: 'shipped with the code loaded',
  loaded: `loaded from the cache (${cacheDir})`,
  made: `made by this start in the cache (${cacheDir})`,
  none: 'neither shipped nor kept (seeded in the proxy)',
} as const;

const paths = [
  '/v1/checks/authorisations?env=PRO&ine10=0801930008&ticket=1',
  '/v1/checks/authorisations?env=PRE&ine10=4317110007&ticket=1',
  '/v1/checks/organisme?env=PRO&nif=P0801900B&ticket=1',
  '/v1/checks/dir3?ine10=0801930008&ticket=1',
  '/v1/checks/pscp-user?env=PRO&nif=99999972C&ticket=1',
];
let sent = 0;
let failed = 0;
async function worker(): Promise<void> {
  while (sent < REQUESTS) {
    const i = sent++;
    const headers = { authorization: `Bearer ${token ?? ''}`, 'content-type': 'application/json' };
    const res =
      i % 10 === 9
        ? await fetch(`${base ?? ''}/v1/tickets/${String(i)}/progress/pas-1`, {
            method: 'PUT',
            headers,
            body: JSON.stringify({ done: true, procedure: 'vo-integracio' }),
          })
        : await fetch(`${base ?? ''}${paths[i % paths.length] ?? ''}`, { headers });
    if (!res.ok) failed++;
    await res.arrayBuffer();
  }
}
const loadStarted = Date.now();
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
const loadSeconds = (Date.now() - loadStarted) / 1000;
const afterLoad = statusMb(pid, 'VmHWM');
const current = statusMb(pid, 'VmRSS');
child.kill('SIGTERM');
await new Promise((resolve) => child.once('exit', resolve));
process.stdout.write(
  `demo database's prepared copy ${COPY_SAID[copy]}; ` +
    `ready in ${(readyMs / 1000).toFixed(1)} s; peak RSS after start ${afterStart} MB; after ${REQUESTS} requests ` +
    `in ${loadSeconds.toFixed(1)} s (${failed} failed) ${afterLoad} MB (resident now ${current} MB); ` +
    (childPeakMb === null
      ? 'no child process during the start'
      : `a child process during the start peaked at ${childPeakMb} MB`) +
    `; the process tree's highest sampled sum until ready ${treePeakMb} MB\n`,
);
if (process.argv.includes('--json')) {
  const figures = {
    readySeconds: readyMs / 1000,
    peakAfterStartMb: afterStart,
    peakAfterLoadMb: afterLoad,
    childPeakMb,
    treePeakMb,
  };
  process.stdout.write(`${JSON.stringify({ ...figures, residentAfterLoadMb: current, failed, copy })}\n`);
}
