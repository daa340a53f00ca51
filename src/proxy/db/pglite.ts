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

export async function createPglite(dataDir?: string): Promise<PGlite> {
  return dataDir === undefined ? PGlite.create() : PGlite.create(dataDir);
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
