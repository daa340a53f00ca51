/**
 * Translation of the proxy's portable SQL to each engine.
 *
 * Checks are written once, with named binds (`:ine10`), standard SQL that both PostgreSQL and
 * Oracle (12c+) accept: `CURRENT_TIMESTAMP`, `FETCH FIRST n ROWS ONLY`, `UPPER`, `REPLACE`, `IN`,
 * joins. What differs is the bind syntax and bind types:
 * - PostgreSQL (`pg`, PGlite) wants positional `$1, $2…`; a name used twice maps to one position.
 * - Oracle wants `:name` binds whose names are not reserved words (`:date`, `:level`, `:uid` fail
 *   with ORA-01745), and has no SQL boolean before 23ai. So every bind becomes `:b<n>` and
 *   booleans become 1/0.
 * Names are found by a small scanner that skips string literals, quoted identifiers, comments and
 * PostgreSQL `::type` casts, so a colon inside any of those is left alone.
 */
import type { SqlParams, SqlValue } from './types';

interface Segment {
  readonly text: string;
  /** Set when this segment is a bind placeholder. */
  readonly bind?: string;
}

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

/** Splits SQL into literal text and bind placeholders. */
export function scanBinds(sql: string): Segment[] {
  const out: Segment[] = [];
  let text = '';
  let i = 0;
  const n = sql.length;
  const copyUntil = (end: number) => {
    text += sql.slice(i, end);
    i = end;
  };
  while (i < n) {
    const c = sql.charAt(i);
    const next = sql.charAt(i + 1);
    if (c === "'" || c === '"') {
      // Quoted literal or identifier; a doubled quote is an escaped quote.
      let j = i + 1;
      while (j < n) {
        if (sql.charAt(j) === c) {
          if (sql.charAt(j + 1) === c) j += 2;
          else break;
        } else j++;
      }
      if (j >= n) throw new Error('Unterminated quoted text in SQL');
      copyUntil(j + 1);
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      copyUntil(end === -1 ? n : end);
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end === -1) throw new Error('Unterminated comment in SQL');
      copyUntil(end + 2);
    } else if (c === ':' && next === ':') {
      copyUntil(i + 2); // PostgreSQL cast
    } else if (c === ':' && NAME_START.test(next)) {
      let j = i + 1;
      while (j < n && NAME_PART.test(sql.charAt(j))) j++;
      if (text !== '') out.push({ text });
      text = '';
      out.push({ text: sql.slice(i, j), bind: sql.slice(i + 1, j) });
      i = j;
    } else {
      copyUntil(i + 1);
    }
  }
  if (text !== '') out.push({ text });
  return out;
}

function valueOf(params: SqlParams, name: string): SqlValue {
  if (!Object.prototype.hasOwnProperty.call(params, name)) {
    throw new Error(`SQL bind :${name} has no value`);
  }
  return params[name] ?? null;
}

function checkAllUsed(params: SqlParams, used: ReadonlySet<string>): void {
  for (const key of Object.keys(params)) {
    if (!used.has(key)) throw new Error(`SQL parameter ${key} is not used by the statement`);
  }
}

export interface PostgresStatement {
  readonly text: string;
  readonly values: SqlValue[];
}

/** `:name` → `$n` (one position per distinct name). */
export function toPostgres(sql: string, params: SqlParams = {}): PostgresStatement {
  const positions = new Map<string, number>();
  const values: SqlValue[] = [];
  let text = '';
  for (const seg of scanBinds(sql)) {
    if (seg.bind === undefined) {
      text += seg.text;
      continue;
    }
    let pos = positions.get(seg.bind);
    if (pos === undefined) {
      values.push(valueOf(params, seg.bind));
      pos = values.length;
      positions.set(seg.bind, pos);
    }
    text += `$${pos}`;
  }
  checkAllUsed(params, new Set(positions.keys()));
  return { text, values };
}

export type OracleBindValue = string | number | Date | null;

export interface OracleStatement {
  readonly text: string;
  readonly binds: Record<string, OracleBindValue>;
}

/** `:name` → `:b<n>` (one per distinct name), booleans → 1/0. */
export function toOracle(sql: string, params: SqlParams = {}): OracleStatement {
  const names = new Map<string, string>();
  const binds: Record<string, OracleBindValue> = {};
  let text = '';
  for (const seg of scanBinds(sql)) {
    if (seg.bind === undefined) {
      text += seg.text;
      continue;
    }
    let name = names.get(seg.bind);
    if (name === undefined) {
      name = `b${names.size}`;
      names.set(seg.bind, name);
      const value = valueOf(params, seg.bind);
      binds[name] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    }
    text += `:${name}`;
  }
  checkAllUsed(params, new Set(names.keys()));
  // A trailing semicolon is a syntax error for Oracle's SQL engine (ORA-00933/00911).
  return { text: text.replace(/;\s*$/, ''), binds };
}

/** Oracle returns unquoted column names in upper case; callers expect lower case. */
export function lowerCaseKeys(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k.toLowerCase()] = v;
  return out;
}

/** Schema names come from configuration and are spliced into SQL: allow identifiers only. */
export function assertSqlIdentifier(name: string, what: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_$]{0,29}$/.test(name)) {
    throw new Error(`${what} must be a plain SQL identifier (letters, digits, _ and $, at most 30), got "${name}"`);
  }
  return name;
}
