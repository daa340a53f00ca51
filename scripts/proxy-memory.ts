/**
 * Peak memory of the demo proxy (`npm run proxy`: every database the embedded PGlite), for the
 * "Memory" section of docs/proxy.md. Run: `npx tsx scripts/proxy-memory.ts [requests]`.
 *
 * Starts `node --import tsx scripts/proxy.ts` (what `npm run proxy` runs, without the npm and tsx
 * wrappers, so that the process measured is the proxy itself), reads its peak resident memory
 * (VmHWM in /proc/<pid>/status, Linux) once it is ready, sends a mixed load of checks and writes
 * (20 at a time), reads the peak again, and stops it with SIGTERM.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

// `--json` adds one line of JSON with the figures, for `npm run bench:all`.
const REQUESTS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? '2000');
const CONCURRENCY = 20;

function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match?.[1] === undefined ? Number.NaN : Math.round(Number(match[1]) / 1024);
}

const started = Date.now();
const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/proxy.ts'], {
  env: { ...process.env, PROXY_PORT: '0', PROXY_LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '1000000' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const pid = child.pid;
if (pid === undefined) throw new Error('the proxy did not start');
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
  `ready in ${(readyMs / 1000).toFixed(1)} s; peak RSS after start ${afterStart} MB; after ${REQUESTS} requests ` +
    `in ${loadSeconds.toFixed(1)} s (${failed} failed) ${afterLoad} MB (resident now ${current} MB)\n`,
);
if (process.argv.includes('--json')) {
  const figures = { readySeconds: readyMs / 1000, peakAfterStartMb: afterStart, peakAfterLoadMb: afterLoad };
  process.stdout.write(`${JSON.stringify({ ...figures, residentAfterLoadMb: current, failed })}\n`);
}
