// Acknowledged writes survive a proxy restart on a PostgreSQL store: see
// helpers/durability-scenario.ts.
import { afterAll, beforeAll } from 'vitest';
import { provisionDemoDatabases, startPgCluster, type PgCluster } from './helpers/pg-cluster';
import { describeWithPostgres } from './helpers/harness';
import { durabilityScenario } from './helpers/durability-scenario';

describeWithPostgres('proxy restarts on a PostgreSQL store', () => {
  let cluster: PgCluster | undefined;
  let env: Record<string, string> = {};
  beforeAll(async () => {
    cluster = await startPgCluster();
    env = await provisionDemoDatabases(cluster);
  }, 120_000);
  afterAll(async () => {
    await cluster?.destroy();
  });
  durabilityScenario(() => env);
});
