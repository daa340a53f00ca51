/**
 * Reads every stored correction from the store the proxy's settings name, without starting the
 * proxy: what `npm run corrections -- export` reads by default.
 */
import type { CorrectionRecord } from '../../domain/corpus/correction';
import { ConfigError, loadConfig } from '../config';
import { pgDatabase } from '../db/pg';
import { createPglite, pgliteDatabase } from '../db/pglite';
import { CorrectionsStore } from './corrections';
import { migrateStore } from './migrations';

export function storeCorrections(
  env: Readonly<Record<string, string | undefined>>,
): (since: Date | undefined) => Promise<CorrectionRecord[]> {
  return async (since) => {
    const config = loadConfig({ ...env, PROXY_LOG_LEVEL: 'silent' });
    const location = config.db.store;
    if (location.kind === 'postgres') {
      const db = pgDatabase({
        label: 'store',
        url: location.url,
        readOnly: true,
        statementTimeoutMs: 60_000,
        poolMax: 1,
      });
      try {
        return await new CorrectionsStore(db, config.corrections).exportAll(since);
      } finally {
        await db.close();
      }
    }
    const dir = config.db.embeddedDataDir;
    if (dir === undefined) {
      throw new ConfigError(
        'The store is the embedded database in memory (STORE_DATABASE_URL=embedded, no EMBEDDED_DATA_DIR): ' +
          'only the process running it can read it. Start the local run (npm start) in this checkout and the export ' +
          'reads through it, or name a running one with --from http://localhost:3000.',
      );
    }
    // PGlite is one process's database: the proxy that uses this directory must be stopped.
    const pglite = await createPglite(dir);
    try {
      const db = pgliteDatabase(pglite, { label: 'store', readOnly: false, timeoutMs: 60_000 });
      await migrateStore(db);
      return await new CorrectionsStore(db, config.corrections).exportAll(since);
    } finally {
      await pglite.close();
    }
  };
}
