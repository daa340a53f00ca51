// The corrections store on the embedded default (PGlite).
import { afterAll, beforeAll, describe } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { createPglite, pgliteDatabase } from '../../src/proxy/db/pglite';
import type { Database } from '../../src/proxy/db/types';
import { migrateStore } from '../../src/proxy/store/migrations';
import { correctionsStoreSuite } from './helpers/corrections-store-suite';

describe('corrections store on PGlite', () => {
  let pglite: PGlite | undefined;
  let db: Database | undefined;
  beforeAll(async () => {
    pglite = await createPglite();
    db = pgliteDatabase(pglite, { label: 'store', readOnly: false, timeoutMs: 30_000 });
    await migrateStore(db);
  }, 60_000);
  afterAll(async () => {
    await pglite?.close();
  });
  correctionsStoreSuite(() => {
    if (db === undefined) throw new Error('store not started');
    return db;
  });
});
