/**
 * What every adapter does around a statement: refuse writes on a read-only role, bound the wait,
 * and sort failures into "unavailable" (503) and "query error" (500).
 */
import { DatabaseQueryError, DatabaseUnavailableError } from './errors';

/**
 * A check connection only ever reads. The database user is read-only too (see docs/proxy.md);
 * this is the second lock, which also catches a programming mistake in tests.
 */
export function assertReadOnlyStatement(sql: string, label: string): void {
  const head = sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, '').slice(0, 6).toUpperCase();
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
