// The embedded PGlite starts with the smaller caches of PGLITE_SETTINGS, and in memory with a
// small write-ahead log (PGLITE_MEMORY_SETTINGS, PGLITE_INITDB_ARGS; docs/proxy.md, "Memory"),
// and still with PGlite's own start parameters, which passing `startParams` would otherwise drop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { createPglite, PGLITE_MEMORY_SETTINGS, PGLITE_SETTINGS } from '../../src/proxy/db/pglite';

describe('embedded PGlite settings', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await createPglite();
  }, 60_000);
  afterAll(async () => {
    await db.close();
  });

  const show = async (name: string) => {
    const rows = (await db.query<Record<string, string>>(`SHOW ${name}`)).rows;
    return rows[0]?.[name];
  };

  it.each([...PGLITE_SETTINGS, ...PGLITE_MEMORY_SETTINGS].map(([name, value]) => [name, value]))(
    'sets %s to %s',
    async (name, value) => {
      expect(await show(name)).toBe(value);
    },
  );

  it('makes its data directory with 1 MB write-ahead log segments', async () => {
    expect(await show('wal_segment_size')).toBe('1MB');
  });

  it('keeps PGlite’s own start parameters', async () => {
    expect(await show('max_worker_processes')).toBe('0');
    expect(await show('max_parallel_workers_per_gather')).toBe('0');
    expect(await show('search_path')).toBe('public');
  });
});
