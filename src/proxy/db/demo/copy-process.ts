/**
 * Runs prepare-copy.ts in a child process and waits for it: the demo database's copy is made
 * there, so that the initdb instances' memory (prepared.ts) is the child's and leaves with it.
 *
 * The child is the build's `prepare-copy.mjs` beside this code (tools/proxy-build.ts adds it to
 * every build of the proxy); run from the sources (tests, tsx), it is the TypeScript file, run
 * through tsx's loader.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DemoContents } from './contents';

/** What the child prints on its last line of output when it has written the copy. */
export interface CopyResult {
  /** The child's own peak resident memory. */
  readonly peakMb: number;
}

/** Keeps this much of the child's error output, for the log. */
const MAX_STDERR = 4000;

/**
 * The child's V8 flags. --expose-gc: it collects the initdb instances' garbage before the dump
 * (makeCopy). The others lower its peak, which is the demo's first-start peak (docs/proxy.md,
 * "Memory"): `--liftoff-only` compiles PGlite's WASM with V8's baseline compiler alone, which
 * builds code fast and small, instead of also compiling the hot functions again with the optimising
 * one, whose compiler memory and second copy of the code initdb's and the seeding's CPU-bound
 * run would otherwise hold; `--wasm-lazy-compilation` compiles a function on its first call, so
 * the functions initdb never calls are never compiled; `--optimize-for-size` and a 1 MB young
 * generation keep the JavaScript heap small. The child runs once, for seconds: slower WASM code
 * costs it little (it finished faster with them than without, on a loaded 2-core machine).
 */
export const CHILD_NODE_FLAGS: readonly string[] = [
  '--expose-gc',
  '--liftoff-only',
  '--wasm-lazy-compilation',
  '--optimize-for-size',
  '--max-semi-space-size=1',
];

function childCommand(): { args: string[]; script: string } {
  const fromSources = import.meta.url.endsWith('.ts');
  const script = fileURLToPath(new URL(fromSources ? './prepare-copy.ts' : './prepare-copy.mjs', import.meta.url));
  const args = [...CHILD_NODE_FLAGS];
  if (fromSources) args.push('--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href);
  return { args, script };
}

export function makeCopyInChild(contents: DemoContents, dir: string, file: string): Promise<CopyResult> {
  const { args, script } = childCommand();
  const child = spawn(process.execPath, [...args, script, JSON.stringify({ contents, dir, file })], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-MAX_STDERR);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      let result: unknown;
      try {
        result = JSON.parse(last);
      } catch {
        result = undefined;
      }
      const peakMb = (result as { peakMb?: unknown } | undefined)?.peakMb;
      if (code === 0 && typeof peakMb === 'number') resolve({ peakMb });
      else
        reject(
          new Error(
            `the process preparing the demo database's copy ended (${signal ?? String(code)}): ${stderr.trim() || last}`,
          ),
        );
    });
  });
}
