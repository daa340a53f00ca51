/**
 * Adapter for Oracle (AOC's SIRI) through `oracledb` in thin mode: pure JavaScript, no Oracle
 * client libraries. Statements are the same portable SQL as on PostgreSQL, translated by
 * `toOracle` (binds renamed, booleans as 1/0); rows come back with lower-case keys.
 *
 * The driver is loaded only when an oracle:// database is configured, and is injectable so that
 * the adapter's translation and error handling are tested without a server.
 */
import { createRequire } from 'node:module';
import { isOracleUnavailable } from './errors';
import { lowerCaseKeys, toOracle, type OracleBindValue } from './dialect';
import { guardedDatabase } from './guard';
import type { Database } from './types';

/** The part of node-oracledb this adapter uses (the package ships no TypeScript types). */
export interface OracleConnectionLike {
  callTimeout: number;
  execute(
    sql: string,
    binds: Record<string, OracleBindValue>,
    options: { outFormat: number; maxRows: number },
  ): Promise<{ rows?: unknown[] }>;
  close(): Promise<void>;
}
export interface OraclePoolLike {
  getConnection(): Promise<OracleConnectionLike>;
  close(drainTime?: number): Promise<void>;
}
export interface OracleDriverLike {
  readonly OUT_FORMAT_OBJECT: number;
  createPool(attributes: {
    user: string;
    password: string;
    connectString: string;
    poolMin: number;
    poolMax: number;
    poolIncrement: number;
    queueTimeout: number;
  }): Promise<OraclePoolLike>;
}

export interface OracleOptions {
  readonly label: string;
  readonly user: string;
  readonly password: string;
  readonly connectString: string;
  readonly statementTimeoutMs: number;
  readonly poolMax: number;
  /** Checks never write; this adapter is only used read-only. */
  readonly readOnly: true;
  readonly driver?: OracleDriverLike;
}

/** Upper bound on rows fetched by one statement; the checks ask for far fewer. */
const MAX_ROWS = 1000;

function loadDriver(): OracleDriverLike {
  const require = createRequire(import.meta.url);
  return require('oracledb') as OracleDriverLike;
}

export function oracleDatabase(options: OracleOptions): Database {
  const { label, statementTimeoutMs } = options;
  const driver = options.driver ?? loadDriver();
  // The pool is created on first use and dropped after a failure, so that a database that is
  // down at start-up, or restarts, is picked up again without restarting the proxy.
  let pool: Promise<OraclePoolLike> | undefined;
  const getPool = (): Promise<OraclePoolLike> => {
    pool ??= driver.createPool({
      user: options.user,
      password: options.password,
      connectString: options.connectString,
      poolMin: 0,
      poolMax: options.poolMax,
      poolIncrement: 1,
      queueTimeout: statementTimeoutMs,
    });
    return pool;
  };

  return guardedDatabase({
    label,
    dialect: 'oracle',
    readOnly: true,
    timeoutMs: statementTimeoutMs * 2 + 500,
    pingSql: 'SELECT 1 AS ok FROM DUAL',
    isUnavailable: isOracleUnavailable,
    run: async (sql, params) => {
      const { text, binds } = toOracle(sql, params);
      const connection = await (await getPool()).getConnection();
      try {
        // Cancels the round trip on the server side when it takes too long (ORA-01013/NJS-123).
        connection.callTimeout = statementTimeoutMs;
        const result = await connection.execute(text, binds, {
          outFormat: driver.OUT_FORMAT_OBJECT,
          maxRows: MAX_ROWS,
        });
        // NUMBER columns come back as numbers and DATE/TIMESTAMP as Date, as the row readers expect.
        return (result.rows ?? []).map((row) => lowerCaseKeys(row as Record<string, unknown>));
      } finally {
        await connection.close();
      }
    },
    onUnavailable: () => {
      const stale = pool;
      pool = undefined;
      void stale?.then((p) => p.close(0)).catch(() => undefined);
    },
    close: async () => {
      const current = pool;
      pool = undefined;
      if (current !== undefined) await (await current).close(5);
    },
  });
}
