/**
 * Adapter for a PostgreSQL server through `pg`. One pool per role; a check pool is read-only
 * twice over: its database user has only SELECT (docs/proxy.md), and every session starts with
 * `default_transaction_read_only=on`.
 *
 * The pool reconnects by itself: when the server goes away, queries fail fast with
 * `DatabaseUnavailableError` (503) and the next ones succeed once it is back.
 */
import pg from 'pg';
import { isPostgresUnavailable } from './errors';
import { toPostgres } from './dialect';
import { guardedDatabase } from './guard';
import type { Database, Row } from './types';

export interface PgOptions {
  readonly label: string;
  readonly url: string;
  readonly readOnly: boolean;
  readonly statementTimeoutMs: number;
  readonly poolMax: number;
  /** Called with errors of idle connections (the server restarting), which are otherwise fatal. */
  readonly onIdleError?: (err: Error) => void;
}

export function pgDatabase(options: PgOptions): Database {
  const { label, readOnly, statementTimeoutMs } = options;
  const sessionSettings = [
    `-c statement_timeout=${statementTimeoutMs}`,
    '-c idle_in_transaction_session_timeout=60000',
  ];
  if (readOnly) sessionSettings.push('-c default_transaction_read_only=on');
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    // Waiting for a connection counts against the same budget as the statement.
    connectionTimeoutMillis: statementTimeoutMs,
    idleTimeoutMillis: 30_000,
    // The server's statement_timeout cancels a slow statement, but only a server that still
    // answers can: when the network or the server hangs, no reply ever comes. Without a bound on
    // the client side the connection stayed checked out for ever, so a hang that outlasted the
    // pool's size left the pool full of dead connections, answering 503 long after the database
    // was back (and `close` waited for them). On this timeout pg fails the query and the pool
    // drops the connection. Longer than statement_timeout, so that a live server's cancel wins.
    query_timeout: statementTimeoutMs * 2,
    // Idle connections to a server that vanished are noticed by TCP keepalive.
    keepAlive: true,
    options: sessionSettings.join(' '),
    application_name: `aoc-proxy-${label.toLowerCase()}`,
  });
  // Without a listener, an idle client's error (server shutdown) would crash the process.
  pool.on('error', (err) => options.onIdleError?.(err));

  return guardedDatabase({
    label,
    dialect: 'postgres',
    readOnly,
    // Over the server's statement_timeout and the client's query_timeout, so that those, which
    // also free the connection, normally win.
    timeoutMs: statementTimeoutMs * 2 + 500,
    pingSql: 'SELECT 1 AS ok',
    isUnavailable: isPostgresUnavailable,
    run: async (sql, params) => {
      const { text, values } = toPostgres(sql, params);
      return (await pool.query<Row>(text, values)).rows;
    },
    // No parameters: pg uses the simple protocol, which runs the statements as one implicit
    // transaction (so an advisory lock taken first is held to the end).
    runScript: async (script) => {
      await pool.query(script);
    },
    close: () => pool.end(),
  });
}
