/**
 * `npm run bench:proxy`: load benchmark of the proxy (not a test; figures go to docs/proxy.md).
 *
 * For each configuration a server runs in a child process and autocannon (in this process)
 * sends 100 concurrent connections for 10 s after a 2 s warm-up; it prints requests/s, p50 and
 * p99 latency, errors and the server's peak resident memory:
 * - a bare Fastify route returning fixed JSON;
 * - a bare Fastify route running the authorisations query directly (PGlite, then PostgreSQL);
 * - the proxy's real check (JWT, validation, query, audit insert, response check), same database.
 * "Overhead" is the proxy's p50 latency over the bare-query route's on the same database.
 *
 * Every server runs as production runs the proxy: built to plain JavaScript first (into
 * build/bench/, tools/proxy-build.ts) and started with `node` and the proxy's flags (PROXY_NODE_FLAGS), no TypeScript loader.
 *
 * Memory: each server's resident memory at rest (VmRSS a second after it is ready) and its peak
 * (VmHWM once the load is over), read from /proc/<pid>/status. The proxy configured for Oracle
 * (PRE and PRO; the store on PostgreSQL) is measured at rest only: no Oracle server is reachable
 * here, so its figures are the process with the oracledb driver loaded, before any connection and
 * after one /health that fails to connect; never under load. Options: `--duration S` (seconds per
 * run, default 10); `--json` adds one line of JSON with every row and the Oracle figures, for
 * `npm run bench:all`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import {
  findPostgresBin,
  provisionDemoDatabases,
  startPgCluster,
  type PgCluster,
} from '../tests/proxy/helpers/pg-cluster';
import { signAgentToken } from '../src/proxy/demo-token';
import type { ProxyBenchRow as Row } from '../tools/bench/proxy-row';
import { buildProxy, PROXY_NODE_FLAGS } from '../tools/proxy-build';

const CONNECTIONS = 100;
const durationArg = process.argv.indexOf('--duration');
const DURATION_S = durationArg === -1 ? 10 : Number(process.argv[durationArg + 1]);
if (!Number.isInteger(DURATION_S) || DURATION_S < 1) throw new Error('--duration takes a whole number of seconds');
const SECRET = 'bench-secret-0123456789-abcdefghijklmnopq';
const BASE_ENV = {
  JWT_SECRET: SECRET,
  JWT_ISSUER: 'bench',
  PROXY_PORT: '0',
  PROXY_LOG_LEVEL: 'warn',
  RATE_LIMIT_MAX: '1000000',
};
const CHECK_PATH = '/v1/checks/authorisations?env=PRO&ine10=0801930008&ticket=1';

/** A field of /proc/<pid>/status in MB (Linux). */
function statusMb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  if (pid === undefined) return Number.NaN;
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
  return match?.[1] === undefined ? Number.NaN : Number(match[1]) / 1024;
}

const { server: SERVER } = await buildProxy({
  entryPoints: { server: 'scripts/bench-proxy-server.ts' },
  outdir: 'build/bench',
});

async function startServer(
  mode: string,
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; lines: AsyncIterator<string> }> {
  const child = spawn(process.execPath, [...PROXY_NODE_FLAGS, SERVER, mode], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  for (;;) {
    const next = await lines.next();
    if (next.done === true) throw new Error(`${mode} server exited before it was ready`);
    const match = /^READY (\S+)/.exec(next.value);
    if (match?.[1] !== undefined) return { url: match[1], child, lines };
  }
}

async function stopServer(child: ChildProcess, lines: AsyncIterator<string>): Promise<number> {
  child.kill('SIGTERM');
  for (;;) {
    const next = await lines.next();
    if (next.done === true) return 0;
    const match = /^MAXRSS (\d+)/.exec(next.value);
    if (match?.[1] !== undefined) return Number(match[1]) / 1024;
  }
}

function load(url: string, headers: Record<string, string>, duration: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration, headers });
}

async function measure(
  name: string,
  mode: string,
  path: string,
  env: Record<string, string>,
  token?: string,
): Promise<Row> {
  const { url, child, lines } = await startServer(mode, env);
  const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const restRssMb = statusMb(child.pid, 'VmRSS');
  // The proxy opens its embedded demo database on the first request that needs it, which takes
  // seconds: wait for that first answer, so the load measures serving, not the database's start.
  await fetch(url + path, { headers, signal: AbortSignal.timeout(300_000) });
  await load(url + path, headers, 2);
  const result = await load(url + path, headers, DURATION_S);
  const peakMb = statusMb(child.pid, 'VmHWM');
  const exitMaxRssMb = await stopServer(child, lines);
  const maxRssMb = Number.isNaN(peakMb) ? exitMaxRssMb : peakMb;
  const row = {
    name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    maxRssMb: Math.round(maxRssMb),
    restRssMb: Math.round(restRssMb),
  };
  process.stdout.write(
    `  ${name}: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, errors ${row.errors}, non-2xx ` +
      `${row.non2xx}, RSS at rest ${row.restRssMb} MB, peak RSS ${row.maxRssMb} MB\n`,
  );
  return row;
}

const token = await signAgentToken({
  secret: SECRET,
  issuer: 'bench',
  audience: 'aoc-integration-assistant',
  agentId: 'bench-agent',
  expiresIn: 3600,
});
process.stdout.write(
  `Proxy benchmark: ${CONNECTIONS} connections, ${DURATION_S} s per run (after 2 s warm-up), Node ${process.version}\n`,
);
const rows: Row[] = [];
rows.push(await measure('bare Fastify route, fixed JSON', 'bare-static', '/bare', BASE_ENV));
rows.push(await measure('bare route + authorisations query, PGlite', 'bare-query', '/bare', BASE_ENV));
rows.push(await measure('proxy check (authorisations), PGlite', 'proxy', CHECK_PATH, BASE_ENV, token));

/** A port nothing listens on (bound, read, released), for an Oracle server that is not there. */
async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 1;
}

interface OracleRest {
  /** VmRSS a second after ready: the driver loaded, no connection tried yet. */
  restRssMb: number;
  /** VmRSS after one /health, whose Oracle connections fail (nothing listens). */
  afterFailedConnectRssMb: number;
  healthStatus: number;
}

/** The proxy with PRE and PRO on Oracle (unreachable), the store on PostgreSQL: at rest only. */
async function measureOracleRest(pgEnv: Record<string, string>): Promise<OracleRest> {
  const port = await closedPort();
  const oracleUrl = `oracle://bench:bench@127.0.0.1:${String(port)}/NOSUCH`;
  const env = { ...pgEnv, PRE_DATABASE_URL: oracleUrl, PRO_DATABASE_URL: oracleUrl };
  const { url, child, lines } = await startServer('proxy', env);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const restRssMb = statusMb(child.pid, 'VmRSS');
  const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(60_000) });
  await health.arrayBuffer();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const afterFailedConnectRssMb = statusMb(child.pid, 'VmRSS');
  await stopServer(child, lines);
  const figures = {
    restRssMb: Math.round(restRssMb),
    afterFailedConnectRssMb: Math.round(afterFailedConnectRssMb),
    healthStatus: health.status,
  };
  process.stdout.write(
    `  proxy on Oracle (PRE, PRO; unreachable) + PostgreSQL store: RSS at rest ${String(figures.restRssMb)} MB, ` +
      `after a /health that fails to connect (${String(health.status)}) ${String(figures.afterFailedConnectRssMb)} MB; ` +
      'not measured: connected, or under load (no Oracle server here)\n',
  );
  return figures;
}

let cluster: PgCluster | undefined;
let oracle: OracleRest | undefined;
if (findPostgresBin() === undefined) {
  process.stdout.write('  (PostgreSQL binaries not found: PostgreSQL and Oracle runs skipped)\n');
} else {
  cluster = await startPgCluster();
  try {
    const pgEnv = { ...BASE_ENV, ...(await provisionDemoDatabases(cluster)) };
    rows.push(await measure('bare route + authorisations query, PostgreSQL', 'bare-query', '/bare', pgEnv));
    rows.push(await measure('proxy check (authorisations), PostgreSQL', 'proxy', CHECK_PATH, pgEnv, token));
    oracle = await measureOracleRest(pgEnv);
  } finally {
    await cluster.destroy();
  }
}

process.stdout.write(
  '\n| run | requests/s | p50 ms | p99 ms | errors | non-2xx | RSS at rest MB | peak RSS MB |\n' +
    '|---|---|---|---|---|---|---|---|\n',
);
for (const r of rows)
  process.stdout.write(
    `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.restRssMb} | ${r.maxRssMb} |\n`,
  );
const ratio = (proxy: string, bare: string) => {
  const p = rows.find((r) => r.name === proxy);
  const b = rows.find((r) => r.name === bare);
  return p === undefined || b === undefined || b.p50 === 0 ? undefined : p.p50 / b.p50;
};
for (const db of ['PGlite', 'PostgreSQL']) {
  const r = ratio(`proxy check (authorisations), ${db}`, `bare route + authorisations query, ${db}`);
  if (r !== undefined)
    process.stdout.write(
      `\nProxy overhead on ${db}: p50 latency ${r.toFixed(2)}× the bare route running the same query.`,
    );
}
process.stdout.write('\n');
if (process.argv.includes('--json'))
  process.stdout.write(`${JSON.stringify({ durationSeconds: DURATION_S, rows, oracle: oracle ?? null })}\n`);
