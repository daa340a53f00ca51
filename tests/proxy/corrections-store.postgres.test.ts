// The corrections store on a real PostgreSQL server, in the store's own database and role.
import { afterAll, beforeAll } from 'vitest';
import { pgDatabase } from '../../src/proxy/db/pg';
import type { Database } from '../../src/proxy/db/types';
import { migrateStore } from '../../src/proxy/store/migrations';
import { provisionDemoDatabases, startPgCluster, type PgCluster } from './helpers/pg-cluster';
import { describeWithPostgres } from './helpers/harness';
import { correctionsStoreSuite } from './helpers/corrections-store-suite';

describeWithPostgres('corrections store on PostgreSQL', () => {
  let cluster: PgCluster | undefined;
  let db: Database | undefined;
  beforeAll(async () => {
    cluster = await startPgCluster();
    const env = await provisionDemoDatabases(cluster);
    const url = env.STORE_DATABASE_URL;
    if (url === undefined) throw new Error('no store database provisioned');
    db = pgDatabase({ label: 'store', url, readOnly: false, statementTimeoutMs: 30_000, poolMax: 2 });
    await migrateStore(db);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await cluster?.destroy();
  });
  correctionsStoreSuite(() => {
    if (db === undefined) throw new Error('store not started');
    return db;
  });
});
