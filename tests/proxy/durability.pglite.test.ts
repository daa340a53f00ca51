// Acknowledged writes survive a proxy restart on the embedded PGlite kept on disk
// (EMBEDDED_DATA_DIR): see helpers/durability-scenario.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { durabilityScenario } from './helpers/durability-scenario';

describe('proxy restarts on the embedded PGlite (data directory on disk)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aoc-proxy-pglite-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  durabilityScenario(() => ({ EMBEDDED_DATA_DIR: join(dir, 'data') }));
});
