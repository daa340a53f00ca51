// The demo database's prepared copy that ships with the code (src/proxy/db/demo/copy/, made by
// `npm run demo:copy`): it must be the copy the seed makes today, or a fresh checkout's first start
// would not find it and would make one (db/demo/prepared.ts). Two checks: its name, the hash of
// everything that goes into it, is today's (fast: no database); and a copy made again from the
// seed holds the same tables, columns, indexes, sequences and rows (a logical dump, not the
// tarball's bytes, which carry file times).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, SHIPPED_DEMO_COPY_DIR } from '../../src/proxy/config';
import { demoContents } from '../../src/proxy/db/connect';
import { makeCopyInChild } from '../../src/proxy/db/demo/copy-process';
import { copyName } from '../../src/proxy/db/demo/prepared';
import { createPglite } from '../../src/proxy/db/pglite';

const REGENERATE = 'the shipped copy is not the one the seed makes: run `npm run demo:copy` and commit the result';
const contents = demoContents(loadConfig({}).db);
const shipped = () => readdirSync(SHIPPED_DEMO_COPY_DIR);

const work = mkdtempSync(join(tmpdir(), 'aoc-demo-shipped-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Every user table's columns and rows, every index and sequence, of the copy in `file`. */
async function logicalDump(file: string): Promise<unknown> {
  const db: PGlite = await createPglite(undefined, new Blob([new Uint8Array(readFileSync(file))]));
  try {
    const rows = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows;
    const user = `NOT IN ('pg_catalog', 'information_schema', 'pg_toast')`;
    const tables = await rows(
      `SELECT table_schema AS s, table_name AS t FROM information_schema.tables ` +
        `WHERE table_type = 'BASE TABLE' AND table_schema ${user} ORDER BY 1, 2`,
    );
    const dump: Record<string, unknown> = {
      columns: await rows(
        `SELECT table_schema, table_name, column_name, data_type, is_nullable, column_default ` +
          `FROM information_schema.columns WHERE table_schema ${user} ORDER BY 1, 2, ordinal_position`,
      ),
      indexes: await rows(
        `SELECT schemaname, indexname, indexdef FROM pg_indexes WHERE schemaname ${user} ORDER BY 1, 2`,
      ),
    };
    for (const { s, t } of tables as { s: string; t: string }[]) {
      const name = `"${s}"."${t}"`;
      dump[name] = (await rows(`SELECT row_to_json(x)::text AS r FROM ${name} x ORDER BY 1`)).map((r) => r.r);
    }
    const sequences = await rows(
      `SELECT schemaname AS s, sequencename AS n FROM pg_sequences WHERE schemaname ${user} ORDER BY 1, 2`,
    );
    for (const { s, n } of sequences as { s: string; n: string }[])
      dump[`sequence "${s}"."${n}"`] = await rows(`SELECT last_value, is_called FROM "${s}"."${n}"`);
    return dump;
  } finally {
    await db.close();
  }
}

describe('the demo database copy shipped with the code', () => {
  it("is one file, named by the hash of today's demo contents", async () => {
    expect(shipped(), REGENERATE).toEqual([await copyName(contents)]);
    // A gzip tarball of a few MB (4.3 MB when made); far larger would be something else.
    expect(statSync(join(SHIPPED_DEMO_COPY_DIR, shipped()[0] ?? '')).size).toBeLessThan(16 * 2 ** 20);
  });

  it('holds what a copy made again from the seed holds', async () => {
    const file = join(work, await copyName(contents));
    await makeCopyInChild(contents, work, file);
    const made = await logicalDump(file);
    const kept = await logicalDump(join(SHIPPED_DEMO_COPY_DIR, shipped()[0] ?? ''));
    expect(Object.keys(made as object).length).toBeGreaterThan(10);
    expect(kept, REGENERATE).toEqual(made);
  }, 300_000);
});
