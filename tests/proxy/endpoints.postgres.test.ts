// Every endpoint against a real PostgreSQL server, laid out as in production: checks through a
// SELECT-only role, the store in its own database.
import { afterAll, beforeAll } from 'vitest';
import { provisionDemoDatabases, startPgCluster, type PgCluster } from './helpers/pg-cluster';
import { describeWithPostgres, startHarness, type Harness } from './helpers/harness';
import { endpointSuite } from './helpers/endpoint-suite';

describeWithPostgres('proxy endpoints on PostgreSQL', () => {
  let cluster: PgCluster | undefined;
  let harness: Harness | undefined;
  beforeAll(async () => {
    cluster = await startPgCluster();
    harness = await startHarness(await provisionDemoDatabases(cluster));
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
    await cluster?.destroy();
  });
  endpointSuite(() => {
    if (harness === undefined) throw new Error('harness not started');
    return harness;
  });
});
