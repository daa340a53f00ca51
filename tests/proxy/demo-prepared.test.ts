// The in-memory demo database's prepared copy (db/demo/prepared.ts): made on the first start by a
// child process and loaded from it, loaded on the next with the same contents, renamed when what
// goes into it changes, never trusted when it does not load, and made in the proxy itself when the
// child cannot make it.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/proxy/config';
import { openDatabases } from '../../src/proxy/db/connect';
import { copyName, demoFingerprint, openEmbedded } from '../../src/proxy/db/demo/prepared';
import { seedDemoEnvironment } from '../../src/proxy/db/demo/seed';
import type { Database } from '../../src/proxy/db/types';

const cacheDir = mkdtempSync(join(tmpdir(), 'aoc-demo-cache-'));
afterAll(() => {
  rmSync(cacheDir, { recursive: true, force: true });
});

/** A logger whose messages the test reads. */
function capturingLogger() {
  const messages: string[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => messages.push(String((JSON.parse(line) as { msg: unknown }).msg)) },
  );
  return { logger, messages };
}

const tarballs = () => readdirSync(cacheDir).filter((n) => n.endsWith('.tar.gz'));

/** What a start leaves readable: every demo table's row count, a check's rows, the store's tables. */
async function contents(db: Database): Promise<unknown> {
  const counts = await db.query(
    `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables ` +
      `WHERE table_schema IN ('siri', 'dir3', 'pscp', 'other_siri', 'other_dir3', 'other_pscp', 'assistant') ` +
      `ORDER BY 1`,
  );
  const result: Record<string, unknown> = {};
  for (const { name } of counts as { name: string }[])
    result[name] = (await db.query(`SELECT COUNT(*) AS n FROM ${name}`))[0]?.n;
  result.barcelona = await db.query(`SELECT id, codi, nom, cif FROM siri.aoc_pci_siri_organisme WHERE codi = :codi`, {
    codi: '0801930008',
  });
  return result;
}

describe('the prepared demo database', () => {
  // PRE under another schema prefix: contents the copy shipped with the code does not hold, so
  // these starts go through the cache (demo-shipped-copy.test.ts keeps the shipped one).
  const env = { EMBEDDED_CACHE_DIR: cacheDir, PRE_SCHEMA_PREFIX: 'OTHER_' };
  let seeded: unknown;

  it("is the copy shipped with the code on a fresh checkout's first start, and none is made", async () => {
    const empty = mkdtempSync(join(cacheDir, 'fresh-'));
    const { logger, messages } = capturingLogger();
    const databases = await openDatabases(loadConfig({ EMBEDDED_CACHE_DIR: empty }), logger);
    try {
      const rows = await databases.store.query('SELECT COUNT(*)::int AS n FROM pre_siri.aoc_pci_siri_organisme');
      expect((rows[0] as { n: number }).n).toBeGreaterThan(900);
    } finally {
      await databases.close();
    }
    expect(messages).toContain('embedded database loaded from its prepared copy');
    expect(messages).not.toContain('prepared copy of the demo database kept for the next starts');
    expect(readdirSync(empty)).toEqual([]);
  }, 300_000);

  it('is kept after the first start, and replaces an older copy', async () => {
    writeFileSync(join(cacheDir, 'demo-0000.tar.gz'), 'an older copy');
    const { logger, messages } = capturingLogger();
    const databases = await openDatabases(loadConfig(env), logger);
    try {
      seeded = await contents(databases.store);
    } finally {
      await databases.close();
    }
    expect(messages).toContain('prepared copy of the demo database kept for the next starts');
    // Made apart, then loaded here as every later start does.
    expect(messages).toContain('embedded database loaded from its prepared copy');
    expect(messages).not.toContain('the prepared copy of the demo database could not be made apart; seeding it here');
    expect(tarballs()).toHaveLength(1);
    expect(tarballs()[0]).not.toBe('demo-0000.tar.gz');
    expect(Object.keys(seeded as object).length).toBeGreaterThan(10);
  }, 300_000);

  it('is loaded on the next start, with the same contents', async () => {
    const { logger, messages } = capturingLogger();
    const databases = await openDatabases(loadConfig(env), logger);
    try {
      expect(await contents(databases.store)).toEqual(seeded);
      // A write still works on the loaded copy.
      await databases.store.query(
        `INSERT INTO assistant.step_progress (ticket_id, step_id, procedure_id, done, agent_id, changed_at) ` +
          `VALUES (1, 'pas-1', 'vo-integracio', TRUE, 'a', CURRENT_TIMESTAMP)`,
      );
    } finally {
      await databases.close();
    }
    expect(messages).toContain('embedded database loaded from its prepared copy');
    expect(messages).not.toContain('prepared copy of the demo database kept for the next starts');
  }, 300_000);

  it('is named by what goes into it', async () => {
    const seed = (prefix: string) => (db: Database) => seedDemoEnvironment(db, 'PRE', prefix);
    expect(await demoFingerprint(seed('PRE_'))).toBe(await demoFingerprint(seed('PRE_')));
    expect(await demoFingerprint(seed('PRE_'))).not.toBe(await demoFingerprint(seed('OTHER_')));
    const oneRow = (value: string) => async (db: Database) => {
      await db.query('INSERT INTO t (v) VALUES (:v)', { v: value });
    };
    expect(await demoFingerprint(oneRow('a'))).not.toBe(await demoFingerprint(oneRow('b')));
  });

  it('is seeded again, and replaced, when the copy does not load', async () => {
    const dir = mkdtempSync(join(cacheDir, 'broken-'));
    const contents = { environments: [], store: true };
    const name = await copyName(contents);
    writeFileSync(join(dir, name), 'not a tarball');
    const { logger, messages } = capturingLogger();
    const db = await openEmbedded({ dataDir: undefined, cacheDir: dir, shippedDir: null, contents, log: logger });
    try {
      expect((await db.query('SELECT COUNT(*)::int AS n FROM assistant.step_progress')).rows).toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
    expect(messages).toContain('the prepared copy of the demo database does not load; seeding it again');
    expect(messages).toContain('prepared copy of the demo database kept for the next starts');
    expect(readdirSync(dir)).toEqual([name]);
  }, 300_000);

  it('is made as without one when the shipped copy does not load, which is left in place', async () => {
    const contents = { environments: [], store: true };
    const name = await copyName(contents);
    const shippedDir = mkdtempSync(join(cacheDir, 'shipped-'));
    const dir = mkdtempSync(join(cacheDir, 'cache-'));
    writeFileSync(join(shippedDir, name), 'not a tarball');
    const { logger, messages } = capturingLogger();
    const db = await openEmbedded({ dataDir: undefined, cacheDir: dir, shippedDir, contents, log: logger });
    await db.close();
    expect(messages).toContain('the prepared copy of the demo database does not load; seeding it again');
    expect(messages).toContain('prepared copy of the demo database kept for the next starts');
    expect(readdirSync(shippedDir)).toEqual([name]);
    expect(readdirSync(dir)).toEqual([name]);
  }, 300_000);

  it('is seeded in the proxy itself when the child process cannot make it', async () => {
    // A cache directory below a plain file: neither the child nor the proxy can write there.
    const blocker = join(cacheDir, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const { logger, messages } = capturingLogger();
    const db = await openEmbedded({
      dataDir: undefined,
      cacheDir: join(blocker, 'cache'),
      shippedDir: null,
      contents: { environments: [{ env: 'PRE', prefix: 'PRE_' }], store: false },
      log: logger,
    });
    try {
      const rows = await db.query('SELECT COUNT(*)::int AS n FROM pre_siri.aoc_pci_siri_organisme');
      expect(rows.rows[0]).toMatchObject({ n: expect.any(Number) as number });
      expect((rows.rows[0] as { n: number }).n).toBeGreaterThan(900);
    } finally {
      await db.close();
    }
    expect(messages).toContain('the prepared copy of the demo database could not be made apart; seeding it here');
    expect(messages).toContain('cannot keep a prepared copy of the demo database');
  }, 300_000);
});
