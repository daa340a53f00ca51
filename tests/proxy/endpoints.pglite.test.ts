// Every endpoint against the embedded default: one in-process PGlite with the demo data.
import { afterAll, beforeAll, describe } from 'vitest';
import { startHarness, type Harness } from './helpers/harness';
import { endpointSuite } from './helpers/endpoint-suite';

describe('proxy endpoints on PGlite', () => {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });
  endpointSuite(() => {
    if (harness === undefined) throw new Error('harness not started');
    return harness;
  });
});
