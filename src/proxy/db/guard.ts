/**
 * What every adapter does around a statement: refuse writes on a read-only role, bound the wait,
 * and sort failures into "unavailable" (503) and "query error" (500).
 */
import { DatabaseQueryError, DatabaseUnavailableError } from './errors';
import type { Database, Dialect, Row, SqlParams } from './types';

/**
 * A check connection only ever reads. The database user is read-only too (see docs/proxy.md);
 * this is the second lock, which also catches a programming mistake in tests.
 */
export function assertReadOnlyStatement(sql: string, label: string): void {
  const head = sql
    .replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, '')
    .slice(0, 6)
    .toUpperCase();
  if (head !== 'SELECT' && !head.startsWith('WITH')) {
    throw new DatabaseQueryError(label, { cause: new Error('Only SELECT statements run on a read-only connection') });
  }
}

/**
 * Rejects with `DatabaseUnavailableError` after `ms`. Drivers have their own timeouts (pg's
 * statement_timeout, Oracle's callTimeout), which cancel the work on the server; this one also
 * covers a connection attempt that hangs and PGlite, which cannot be interrupted.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new DatabaseUnavailableError(label, `no answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Wraps a driver error in the right kind, keeping it as `cause` for the log. */
export function classify(err: unknown, label: string, isUnavailable: (e: unknown) => boolean): Error {
  if (err instanceof DatabaseUnavailableError || err instanceof DatabaseQueryError) return err;
  if (isUnavailable(err)) {
    const reason = err instanceof Error ? err.message : 'unknown error';
    return new DatabaseUnavailableError(label, reason, { cause: err });
  }
  return new DatabaseQueryError(label, { cause: err });
}

/** What an adapter supplies: how to run a statement on its engine, and how to recognise downtime. */
export interface Engine {
  readonly label: string;
  readonly dialect: Dialect;
  readonly readOnly: boolean;
  /** Bound on the whole call, beyond the driver's own timeout. */
  readonly timeoutMs: number;
  readonly pingSql: string;
  readonly isUnavailable: (err: unknown) => boolean;
  /** Translates the portable SQL for the engine and runs it. */
  readonly run: (sql: string, params: SqlParams) => Promise<Row[]>;
  /** Runs a parameterless script; absent on engines only ever used read-only. */
  readonly runScript?: (script: string) => Promise<void>;
  /** Called after an unavailability, e.g. to drop a pool that lost its server. */
  readonly onUnavailable?: () => void;
  readonly close: () => Promise<void>;
}

/** A `Database` around an engine: the read-only lock, the time bound and the error sorting. */
export function guardedDatabase(engine: Engine): Database {
  const { label, readOnly, timeoutMs } = engine;
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await withTimeout(work(), timeoutMs, label);
    } catch (err) {
      const sorted = classify(err, label, engine.isUnavailable);
      if (sorted instanceof DatabaseUnavailableError) engine.onUnavailable?.();
      throw sorted;
    }
  };
  const query = async <R extends Row = Row>(sql: string, params: SqlParams = {}): Promise<R[]> => {
    if (readOnly) assertReadOnlyStatement(sql, label);
    // The row readers (checks/rows.ts) check every column they take from R.
    return (await guarded(() => engine.run(sql, params))) as R[];
  };
  return {
    label,
    dialect: engine.dialect,
    query,
    exec: async (script: string) => {
      const runScript = engine.runScript;
      if (readOnly || runScript === undefined) throw new Error(`The ${label} connection is read-only`);
      await guarded(() => runScript(script));
    },
    ping: async () => {
      await query(engine.pingSql);
    },
    close: () => engine.close(),
  };
}
