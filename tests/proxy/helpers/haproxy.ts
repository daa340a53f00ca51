/**
 * A throwaway HAProxy in front of proxy copies, as docs/proxy.md deploys it: round robin, a health
 * check on `/health`, a failed connection retried on another copy. Debian's /usr/sbin/haproxy
 * with a configuration written to a temporary directory; `.ci/run` installs it when missing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export const HAPROXY = '/usr/sbin/haproxy';

export function hasHaproxy(): boolean {
  return existsSync(HAPROXY);
}

export interface Balancer {
  readonly url: string;
  /** Per backend server: HAProxy's status (UP, DOWN...) and how many sessions it has served. */
  servers(): Promise<{ name: string; status: string; sessions: number }[]>;
  stop(): Promise<void>;
}

/** The configuration: the same shape as deploy/haproxy.cfg, with test ports and quicker checks. */
export function haproxyConfig(port: number, backends: readonly URL[], statsSocket: string): string {
  const servers = backends.map(
    (url, i) => `  server copy${String(i + 1)} ${url.hostname}:${url.port} check inter 500ms fall 2 rise 2`,
  );
  return [
    'global',
    `  stats socket ${statsSocket} mode 600 level user`,
    '  maxconn 2000',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    // A connection refused by a dead copy is tried again on another one: no request was sent.
    // A request a copy was answering when it died is not replayed (it may have been written).
    '  retries 3',
    '  option redispatch 1',
    '  retry-on conn-failure',
    '  option http-server-close',
    '  option forwardfor',
    'frontend api',
    `  bind 127.0.0.1:${String(port)}`,
    '  default_backend proxies',
    'backend proxies',
    '  balance roundrobin',
    '  option httpchk GET /health',
    '  http-check expect status 200',
    ...servers,
    '',
  ].join('\n');
}

async function statsCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = createConnection(socket);
    let out = '';
    connection.on('data', (chunk) => (out += chunk.toString()));
    connection.on('end', () => {
      resolve(out);
    });
    connection.on('error', reject);
    connection.write(`${command}\n`);
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const c = createConnection({ host: '127.0.0.1', port });
      c.once('connect', () => {
        c.destroy();
        resolve(true);
      });
      c.once('error', () => {
        resolve(false);
      });
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`HAProxy did not listen on ${String(port)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startHaproxy(backends: readonly string[]): Promise<Balancer> {
  const dir = mkdtempSync(join(tmpdir(), 'aoc-haproxy-'));
  const port = await freePort();
  const socket = join(dir, 'stats.sock');
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(
    file,
    haproxyConfig(
      port,
      backends.map((b) => new URL(b)),
      socket,
    ),
  );
  const child = spawn(HAPROXY, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  try {
    await Promise.race([
      waitForPort(port, 30_000),
      exited.then(() => {
        throw new Error(`HAProxy exited:\n${log}`);
      }),
    ]);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `http://127.0.0.1:${String(port)}`,
    servers: async () => {
      // "show stat" is CSV: pxname,svname,...; status and stot are named in its header line.
      const csv = (await statsCommand(socket, 'show stat')).trim().split('\n');
      const header = (csv[0] ?? '').replace(/^# /, '').split(',');
      const col = (name: string) => header.indexOf(name);
      return csv
        .slice(1)
        .map((line) => line.split(','))
        .filter((f) => f[0] === 'proxies' && f[1] !== 'BACKEND')
        .map((f) => ({
          name: f[1] ?? '',
          status: f[col('status')] ?? '',
          sessions: Number(f[col('stot')] ?? 'NaN'),
        }));
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
