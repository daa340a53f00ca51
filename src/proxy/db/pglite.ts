/**
 * Adapter for PGlite: PostgreSQL compiled to WASM, in this process, no server. The embedded
 * default: one instance holds the demo AOC data (PRE and PRO schemas) and the store.
 *
 * PGlite runs one statement at a time; its own queue serialises callers, so a read-only check
 * can wrap itself in a READ ONLY transaction without racing the store's writes.
 */
import { PGlite } from '@electric-sql/pglite';
import { toPostgres } from './dialect';
import { guardedDatabase } from './guard';
import type { Database, Row } from './types';

export interface PgliteOptions {
  readonly label: string;
  readonly readOnly: boolean;
  readonly timeoutMs: number;
}

function isPgliteUnavailable(err: unknown): boolean {
  return err instanceof Error && /closed|not ready|aborted/i.test(err.message);
}

/**
 * PostgreSQL settings for the embedded database, which holds a few thousand demo rows and the
 * store: PostgreSQL's defaults (shared_buffers 128MB, work_mem 4MB, maintenance_work_mem 64MB)
 * size caches for a server, and in WASM every page the cache touches stays in the process (the
 * WASM heap never shrinks). Measured in docs/proxy.md ("Memory"): peak RSS of `npm run proxy`
 * about 830 → 680 MB, resident after start and load about 530 → 445 MB. shared_buffers does
 * nearly all of it; the others bound what a larger query could take.
 */
export const PGLITE_SETTINGS: readonly (readonly [string, string])[] = [
  ['shared_buffers', '16MB'],
  ['work_mem', '1MB'],
  ['maintenance_work_mem', '8MB'],
  ['temp_buffers', '1MB'],
];

/**
 * initdb's own options: 1 MB write-ahead log segments instead of 16 MB (fixed when a data
 * directory is made), so that an in-memory database, and the demo's prepared copy, hold a few
 * small segments and not one 16 MB file (docs/proxy.md, "Memory").
 */
export const PGLITE_INITDB_ARGS: readonly string[] = ['--wal-segsize=1'];

/**
 * For an in-memory database only: its write-ahead log is files in the process's memory, of which
 * PostgreSQL would keep up to max_wal_size (default 1GB) between checkpoints and recycle up to
 * min_wal_size (80MB). Bounded to a few 1 MB segments. Not for a data directory on disk, which
 * may have been made with 16 MB segments (PostgreSQL refuses a minimum below two segments).
 */
export const PGLITE_MEMORY_SETTINGS: readonly (readonly [string, string])[] = [
  ['min_wal_size', '2MB'],
  ['max_wal_size', '8MB'],
];

/**
 * A PGlite instance: in memory, or on disk in `dataDir`; `loadDataDir` starts an in-memory one
 * from a tarball of a data directory (`dumpDataDir`), with no initdb.
 */
export async function createPglite(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  const settings = [...PGLITE_SETTINGS, ...(dataDir === undefined ? PGLITE_MEMORY_SETTINGS : [])].flatMap(
    ([name, value]) => ['-c', `${name}=${value}`],
  );
  return PGlite.create({
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(loadDataDir === undefined ? {} : { loadDataDir }),
    // `startParams` replaces PGlite's own (single-user mode, no fsync, no parallel workers): keep them.
    startParams: [...PGlite.defaultStartParams, ...settings],
    // initdb runs in a second WASM instance on first start (the peak); it gets the same settings.
    initDbStartParams: [...settings, ...PGLITE_INITDB_ARGS],
  });
}

/** Several `Database` views (PRE, PRO, store) can share one PGlite instance. */
export function pgliteDatabase(db: PGlite, options: PgliteOptions): Database {
  const { label, readOnly, timeoutMs } = options;
  return guardedDatabase({
    label,
    dialect: 'postgres',
    readOnly,
    timeoutMs,
    pingSql: 'SELECT 1 AS ok',
    isUnavailable: isPgliteUnavailable,
    run: async (sql, params) => {
      const { text, values } = toPostgres(sql, params);
      if (!readOnly) return (await db.query<Row>(text, values)).rows;
      return db.transaction(async (tx) => {
        await tx.exec('SET TRANSACTION READ ONLY');
        return (await tx.query<Row>(text, values)).rows;
      });
    },
    runScript: async (script) => {
      await db.exec(script);
    },
    // The instance is shared: its owner closes it (see connect.ts).
    close: () => Promise.resolve(),
  });
}
