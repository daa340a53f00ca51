import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_LOCAL_RUN_FILE,
  localRunFile,
  markLocalRun,
  runningLocalRun,
  unmarkLocalRun,
} from '../../src/local/server/local-run-file';

// How `npm run corrections -- export` finds the local run: the mark npm start leaves.
describe('the local run mark', () => {
  const dir = mkdtempSync(join(tmpdir(), 'local-run-mark-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the running local run, and is removed by that run only', () => {
    const file = join(dir, 'a', 'local-run.json');
    markLocalRun(file, 'http://127.0.0.1:40210/');
    expect(runningLocalRun(file)).toBe('http://127.0.0.1:40210/');
    unmarkLocalRun(file, process.pid + 1);
    expect(existsSync(file)).toBe(true);
    unmarkLocalRun(file);
    expect(existsSync(file)).toBe(false);
    expect(runningLocalRun(file)).toBeUndefined();
  });

  it('a mark left by a run that was killed names nothing', () => {
    const file = join(dir, 'stale.json');
    // Above any pid Linux hands out (pid_max is at most 2^22).
    markLocalRun(file, 'http://127.0.0.1:40211/', 2 ** 22 + 1);
    expect(runningLocalRun(file)).toBeUndefined();
  });

  it('lives in node_modules/.cache unless LOCAL_RUN_FILE moves it', () => {
    expect(localRunFile({})).toBe(DEFAULT_LOCAL_RUN_FILE);
    expect(DEFAULT_LOCAL_RUN_FILE).toContain(join('node_modules', '.cache'));
    expect(localRunFile({ LOCAL_RUN_FILE: join(dir, 'x.json') })).toBe(join(dir, 'x.json'));
  });
});
