/**
 * Where a running local run (`npm start`) says it is: its address, in a small file, so that
 * `npm run corrections -- export` finds its store without being told. The local run keeps its
 * embedded store in its own process (PGlite is one process's database), so the export reads the
 * corrections through the local run's dev server. The file is removed when the run stops; one a
 * killed run left behind names a process that is gone, and is not taken for a running run.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/** Under node_modules/.cache: this checkout's, never committed, never linted. */
export const DEFAULT_LOCAL_RUN_FILE = resolve(
  import.meta.dirname,
  '../../../node_modules/.cache/aoc-integration-assistant/local-run.json',
);

const LocalRunFile = z.object({ url: z.url(), pid: z.number().int() });
export type LocalRunMark = z.infer<typeof LocalRunFile>;

/** LOCAL_RUN_FILE moves it (tests running several local runs at once each give their own). */
export function localRunFile(env: Readonly<Record<string, string | undefined>>): string {
  const given = env.LOCAL_RUN_FILE;
  return given === undefined || given === '' ? DEFAULT_LOCAL_RUN_FILE : resolve(given);
}

export function markLocalRun(file: string, url: string, pid = process.pid): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ url, pid }) + '\n', 'utf8');
}

export function readLocalRun(file: string): LocalRunMark | undefined {
  try {
    const parsed = LocalRunFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the mark if it is this run's (another run started since has its own). */
export function unmarkLocalRun(file: string, pid = process.pid): void {
  if (readLocalRun(file)?.pid === pid) rmSync(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The address of the local run running now, if its mark is there and its process is alive. */
export function runningLocalRun(file: string): string | undefined {
  const mark = readLocalRun(file);
  return mark !== undefined && alive(mark.pid) ? mark.url : undefined;
}
