/**
 * The proxy as plain JavaScript, for running it with `node` alone: esbuild bundles the proxy's own
 * TypeScript (src/proxy, src/domain, src/shared) into ES modules and leaves every npm package in
 * node_modules, where Node loads it as usual.
 *
 * Why a build at all: running the TypeScript through tsx costs each process about 40 MB resident
 * (tsx's loader thread, the transformed sources and their source maps), a quarter of a proxy copy
 * on PostgreSQL (docs/proxy.md, "Memory").
 *
 * Layout: every output file sits directly in the output directory, one level below a folder that
 * is itself one level below the repository (build/proxy/, build/bench/), as src/proxy/*.ts sit
 * below src/: the paths the sources resolve from `import.meta.url` (`../../package.json`,
 * `./db/demo/dcoc.properties`) then hold in the build too, and the files they name are copied.
 * Dynamic imports stay separate chunks (`splitting`), so what the proxy loads lazily (PGlite and
 * the demo data, the PDF reader, the spreadsheet library, the Redis client) stays lazy.
 */
import { cpSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');

/**
 * Files and folders the sources read next to themselves at run time (relative to src/proxy/):
 * the demo's DCOC configuration and the demo database's shipped prepared copy.
 */
const ASSETS = ['db/demo/dcoc.properties', 'db/demo/copy'];

/**
 * Entries every build has besides its own: the child process that makes the demo database's
 * prepared copy (db/demo/copy-process.ts starts `prepare-copy.mjs` from beside its own code).
 */
const CHILD_ENTRIES = { 'prepare-copy': 'src/proxy/db/demo/prepare-copy.ts' };

export interface ProxyBuildOptions<K extends string> {
  /** Output name (without extension) → entry file, relative to the repository. */
  readonly entryPoints: Readonly<Record<K, string>>;
  /** Relative to the repository; two levels deep (see above). Emptied first. */
  readonly outdir: string;
}

/** Builds the entries into `outdir` and returns the path of each entry's output file. */
export async function buildProxy<K extends string>(options: ProxyBuildOptions<K>): Promise<Record<K, string>> {
  const outdir = resolve(root, options.outdir);
  if (relative(root, dirname(dirname(outdir))) !== '')
    throw new Error(`the proxy's build goes two levels below the repository (build/<name>), not ${options.outdir}`);
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(
      Object.entries<string>({ ...CHILD_ENTRIES, ...options.entryPoints }).map(([k, v]) => [k, resolve(root, v)]),
    ),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    // Written beside the code but not loaded: `node --enable-source-maps` uses them for traces.
    sourcemap: 'linked',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  for (const asset of ASSETS) cpSync(join(root, 'src/proxy', asset), join(outdir, asset), { recursive: true });
  return Object.fromEntries(
    Object.keys(options.entryPoints).map((name) => [name, join(outdir, `${name}.mjs`)]),
  ) as Record<K, string>;
}

/**
 * The V8 flags every launch of the built proxy passes before its file (`npm run proxy`, the
 * Containerfile, the systemd unit, the benchmarks; `tests/proxy/proxy-build.test.ts` keeps them the
 * same). `--optimize-for-size`: V8 favours a small heap over speed (smaller young generation, code
 * and heap pages given back sooner), which keeps the proxy on PostgreSQL under its memory target
 * under load (docs/proxy.md, "Memory"). Node refuses it in NODE_OPTIONS, so it goes on the command.
 */
export const PROXY_NODE_FLAGS: readonly string[] = ['--optimize-for-size'];

/** The production proxy: `node --optimize-for-size build/proxy/proxy.mjs` (what `npm run proxy` runs). */
export const PROXY_BUILD = { entryPoints: { proxy: 'scripts/proxy.ts' }, outdir: 'build/proxy' } as const;
