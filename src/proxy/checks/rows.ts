/**
 * Reading driver rows into response fields. Engines differ in what they return (pg: strings for
 * BIGINT, Date for TIMESTAMP; Oracle: numbers for NUMBER, Date for DATE), so every field goes
 * through one of these.
 */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new Error(`Expected a text column, got ${typeof value}`);
}

export function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : text(value);
}

export function isoOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(text(value));
  if (Number.isNaN(date.getTime())) throw new Error('Expected a date column');
  return date.toISOString();
}

export function iso(value: unknown): string {
  const out = isoOrNull(value);
  if (out === null) throw new Error('Expected a non-null date column');
  return out;
}

export function int(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : Number(text(value));
  if (!Number.isSafeInteger(n)) throw new Error('Expected an integer column');
  return n;
}

/** SMALLINT/NUMBER(1) flags: Oracle before 23ai has no SQL boolean. */
export function flag(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return int(value) !== 0;
}
