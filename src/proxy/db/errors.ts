/**
 * Two kinds of database failure, because the agent must be told different things:
 * - unavailable (down, unreachable, timed out, restarting): a 503, "try again shortly";
 * - a query error (the SQL itself failed): a bug of ours, a 500 with no detail leaked.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  constructor(
    readonly database: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`The ${database} database is unavailable: ${reason}`, options);
  }
}

export class DatabaseQueryError extends Error {
  override readonly name = 'DatabaseQueryError';
  constructor(
    readonly database: string,
    options?: { cause?: unknown },
  ) {
    super(`A query on the ${database} database failed`, options);
  }
}

/** Node network error codes that mean "the server is not there (now)". */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/** What pg says, without a code, when a socket drops, a pool wait times out or its query_timeout fires. */
const PG_CONNECTION_LOST = new RegExp(
  [
    'Connection terminated',
    'connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error',
    'not queryable',
    'Query read timeout',
  ].join('|'),
  'i',
);

/**
 * PostgreSQL SQLSTATE classes that mean unavailability rather than a faulty statement:
 * 08 connection exception, 53 insufficient resources, 57 operator intervention (shutdown,
 * statement timeout 57014), 58 system error; plus 40001/40P01 (serialisation, deadlock), which
 * a retry resolves.
 */
export function isPostgresUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    if (/^(08|53|57|58)/.test(code) || code === '40001' || code === '40P01') return true;
  }
  return PG_CONNECTION_LOST.test(err.message);
}

/**
 * Oracle errors that mean unavailability: ORA-03113/03114/03135 lost contact, ORA-12xxx listener
 * and network errors, ORA-01012/01033/01034/01089/01090 not logged on / starting / shutting down,
 * ORA-00028 session killed, ORA-01013 call cancelled (callTimeout), and the thin driver's
 * NJS-500..NJS-599 network and NJS-040/NJS-123 pool and timeout errors.
 */
export function isOracleUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  const text = typeof code === 'string' ? code : err.message;
  if (/ORA-(03113|03114|03135|01012|01033|01034|01089|01090|00028|01013|125\d\d|12170|12537|12547)/.test(text))
    return true;
  if (/NJS-(5\d\d|040|123|003|500)/.test(text)) return true;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}
