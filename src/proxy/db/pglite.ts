/**
 * Adapter for PGlite: PostgreSQL compiled to WASM, in this process, no server. The embedded
 * default: one instance holds the demo AOC data (PRE and PRO schemas) and the store.
 *
 * PGlite runs one statement at a time; its own queue serialises callers, so a read-only check
 * can wrap itself in a READ ONLY transaction without racing the store's writes.
 */
import { PGlite } from '@electric-sql/pglite';
import { toPostgres } from './dialect';
import { assertReadOnlyStatement, classify, withTimeout } from './guard';
import type { Database, Row, SqlParams } from './types';

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
  const run = async <R extends Row>(sql: string, params: SqlParams): Promise<R[]> => {
    if (readOnly) assertReadOnlyStatement(sql, label);
    const { text, values } = toPostgres(sql, params);
    try {
      const work = readOnly
        ? db.transaction(async (tx) => {
            await tx.exec('SET TRANSACTION READ ONLY');
            return (await tx.query<R>(text, values)).rows;
          })
        : db.query<R>(text, values).then((r) => r.rows);
      return await withTimeout(work, timeoutMs, label);
    } catch (err) {
      throw classify(err, label, isPgliteUnavailable);
    }
  };
  return {
    label,
    dialect: 'postgres',
    query: <R extends Row = Row>(sql: string, params: SqlParams = {}) => run<R>(sql, params),
    exec: async (script: string) => {
      if (readOnly) throw new Error(`The ${label} connection is read-only`);
      try {
        await withTimeout(db.exec(script), timeoutMs, label);
      } catch (err) {
        throw classify(err, label, isPgliteUnavailable);
      }
    },
    ping: async () => {
      await run('SELECT 1 AS ok', {});
    },
    // The instance is shared: its owner closes it (see connect.ts).
    close: () => Promise.resolve(),
  };
}
