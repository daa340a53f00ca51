/**
 * The one interface every database adapter (PGlite, PostgreSQL through `pg`, Oracle through
 * `oracledb`) implements. Checks and the store speak only to this.
 *
 * SQL is written once with named binds (`:ine10`) and translated per dialect (`dialect.ts`); rows
 * come back with lower-case keys whatever the engine (Oracle upper-cases unquoted names).
 */
export type SqlValue = string | number | boolean | Date | null;
export type SqlParams = Readonly<Record<string, SqlValue>>;
export type Row = Record<string, unknown>;

export type Dialect = 'postgres' | 'oracle';

export interface Database {
  /** Which role this connection plays, for error messages and health: `PRE`, `PRO`, `store`. */
  readonly label: string;
  readonly dialect: Dialect;
  /**
   * Runs one parameterised statement. Rejects with `DatabaseUnavailableError` when the database
   * cannot answer (down, unreachable, too slow) and with `DatabaseQueryError` otherwise.
   */
  query<R extends Row = Row>(sql: string, params?: SqlParams): Promise<R[]>;
  /**
   * Runs a script of several statements without parameters (schema creation only). Not available
   * on read-only connections.
   */
  exec(script: string): Promise<void>;
  /** Cheap round trip for /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
