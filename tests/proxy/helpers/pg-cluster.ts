/**
 * A throwaway PostgreSQL server for the proxy's tests and benchmark: `initdb` in a temporary
 * directory, `pg_ctl start` on a free loopback port, stop and delete at the end. Uses the Debian
 * binaries (/usr/lib/postgresql/<version>/bin; `.ci/run` installs them when missing). initdb
 * refuses to run as root, so as root the commands run as the `postgres` user (runuser).
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest installed PostgreSQL bin directory with initdb, or undefined. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export interface PgCluster {
  readonly port: number;
  /** Connection URL for a database and user (trust authentication on loopback). */
  url(database: string, user?: string): string;
  /** Stops the server abruptly, as a crash would (`pg_ctl stop -m immediate`). */
  kill(): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
  /** Stops the server and deletes its directory. */
  destroy(): Promise<void>;
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPostgresBin();
  if (bin === undefined)
    throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (apt-get install -y postgresql)');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'aoc-proxy-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    chmodSync(dir, 0o700);
  }
  const pg = async (tool: string, args: string[]) => {
    const command = join(bin, tool);
    return asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);
  };
  const port = await freePort();
  await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  const start = () =>
    pg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
  await start();
  let running = true;
  return {
    port,
    url: (database, user = 'postgres') => `postgres://${user}@127.0.0.1:${port}/${database}`,
    kill: async () => {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      running = false;
    },
    restart: async () => {
      await start();
      running = true;
    },
    destroy: async () => {
      if (running) await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Fills a throwaway cluster the way production is laid out: database `aoc` with the demo AOC
 * tables (PRE under the PRE_ prefix, PRO without), readable by a SELECT-only role `aoc_reader`;
 * database `assistant` owned by `aoc_store` for the store. Returns the proxy's database settings.
 */
export async function provisionDemoDatabases(cluster: PgCluster): Promise<Record<string, string>> {
  const { default: pg } = await import('pg');
  const { pgDatabase } = await import('../../../src/proxy/db/pg');
  const { seedDemoEnvironment } = await import('../../../src/proxy/db/demo/seed');
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  try {
    await admin.query('CREATE ROLE aoc_reader LOGIN');
    await admin.query('CREATE ROLE aoc_store LOGIN');
    await admin.query('CREATE DATABASE aoc');
    await admin.query('CREATE DATABASE assistant OWNER aoc_store');
  } finally {
    await admin.end();
  }
  const writer = pgDatabase({
    label: 'seed',
    url: cluster.url('aoc'),
    readOnly: false,
    statementTimeoutMs: 60_000,
    poolMax: 1,
  });
  try {
    await seedDemoEnvironment(writer, 'PRE', 'PRE_');
    await seedDemoEnvironment(writer, 'PRO', '');
    for (const schema of ['pre_siri', 'pre_dir3', 'pre_pscp', 'siri', 'dir3', 'pscp']) {
      await writer.exec(
        `GRANT USAGE ON SCHEMA ${schema} TO aoc_reader; GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO aoc_reader;`,
      );
    }
  } finally {
    await writer.close();
  }
  return {
    PRE_DATABASE_URL: cluster.url('aoc', 'aoc_reader'),
    PRO_DATABASE_URL: cluster.url('aoc', 'aoc_reader'),
    STORE_DATABASE_URL: cluster.url('assistant', 'aoc_store'),
    PRE_SCHEMA_PREFIX: 'PRE_',
    PRO_SCHEMA_PREFIX: '',
  };
}
