/**
 * The in-memory demo database, started from a prepared copy of its seeded data directory.
 *
 * A fresh PGlite runs initdb in a second WASM instance and copies the new data directory into the
 * first, then takes every demo INSERT: that start is the demo's memory peak (about 650 MB resident,
 * mostly the two instances' WASM memories, which stay resident until the process ends) and takes
 * seconds of CPU. So the copy is made once and kept as a tarball of the seeded data directory
 * (PGlite's `dumpDataDir`, gzip, a few MB), and every start loads it (`loadDataDir`: no initdb, no
 * seeding), which peaks far lower (docs/proxy.md, "Memory").
 *
 * The copy is made by a child process (prepare-copy.ts) that exits once it has written it: the
 * proxy itself then loads it like any later start, so its own peak is a later start's, and the
 * initdb instances' memory goes back to the system with the child. Should the child fail (it
 * cannot be started, or cannot write the cache), the proxy seeds the database itself as before.
 *
 * The tarball's name is a hash of everything that went into it: PGlite's version, its settings,
 * and every statement the initialisation runs, with its values (recorded by running the same
 * initialisation against a recorder). Changing the demo data, the tables or the store's schema
 * therefore makes a new name, and the old tarballs are deleted when the new one is written.
 *
 * The copy of the default demo contents (every role embedded, the default schema prefixes) also
 * comes with the code, in ./copy/ (`npm run demo:copy` makes it again; demo-shipped-copy.test.ts
 * fails when it is not the one the seed makes), so that the first start of a fresh checkout loads
 * it like a later start. It is looked at first, by the same name; other contents, or a shipped
 * copy left stale by a change of the seed, go through the cache as below.
 *
 * The cache is the checkout's own (node_modules/.cache/aoc-proxy by default), trusted as the code
 * beside it is; a file that does not load is deleted and the database seeded as without one. A
 * disk copy (`EMBEDDED_DATA_DIR`) needs none of this: after its first start it has no initdb.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { createPglite, pgliteDatabase, PGLITE_INITDB_ARGS, PGLITE_MEMORY_SETTINGS, PGLITE_SETTINGS } from '../pglite';
import type { Database, SqlParams } from '../types';
import { demoInitialiser, type DemoContents, type Initialise } from './contents';
import { makeCopyInChild } from './copy-process';

export type { Initialise } from './contents';

type Logger = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

export interface EmbeddedOptions {
  /** On disk: no prepared copy (see above). */
  readonly dataDir: string | undefined;
  /** undefined: the default directory; null: none (seed on every start, shipped copy or not). */
  readonly cacheDir: string | null | undefined;
  /** The copy shipped with the code (read only), looked at first; null: none. */
  readonly shippedDir: string | null;
  readonly contents: DemoContents;
  readonly log: Logger;
}

/** The demo's own tarball is a few MB; anything far larger is not one. */
const MAX_TARBALL_BYTES = 64 * 1024 * 1024;
const PREFIX = 'demo-';
const SUFFIX = '.tar.gz';

const require = createRequire(import.meta.url);

/** PGlite's install location: its version goes into the hash, its node_modules holds the cache. */
function pglitePackageDir(): string {
  // `require.resolve` gives …/node_modules/@electric-sql/pglite/dist/index.cjs.
  return dirname(dirname(require.resolve('@electric-sql/pglite')));
}

export function defaultCacheDir(): string {
  const dir = pglitePackageDir();
  const at = dir.lastIndexOf(`${sep}node_modules${sep}`);
  const modules = at === -1 ? dirname(dirname(dir)) : dir.slice(0, at + `${sep}node_modules`.length);
  return join(modules, '.cache', 'aoc-proxy');
}

function pgliteVersion(): string {
  const manifest = JSON.parse(readFileSync(join(pglitePackageDir(), 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

/** The hash naming the tarball: what the initialisation would run, on which PGlite. */
export async function demoFingerprint(initialise: Initialise): Promise<string> {
  const statements: unknown[] = [];
  const recorder: Database = {
    label: 'fingerprint',
    dialect: 'postgres',
    // No rows: the initialisation takes every table for missing and records all it would do.
    query: (sql: string, params?: SqlParams) => {
      statements.push([sql, params ?? null]);
      return Promise.resolve([]);
    },
    exec: (script: string) => {
      statements.push([script]);
      return Promise.resolve();
    },
    ping: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  await initialise(recorder);
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      pglite: pgliteVersion(),
      settings: [...PGLITE_SETTINGS, ...PGLITE_MEMORY_SETTINGS],
      initdb: PGLITE_INITDB_ARGS,
      statements,
    }),
  );
  return hash.digest('hex').slice(0, 24);
}

function writer(db: PGlite): Database {
  return pgliteDatabase(db, { label: 'embedded', readOnly: false, timeoutMs: 120_000 });
}

function readTarball(file: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    if (statSync(file).size > MAX_TARBALL_BYTES) return undefined;
    // A copy (a few MB) in a plain ArrayBuffer, the kind a Blob takes.
    return new Uint8Array(readFileSync(file));
  } catch {
    return undefined; // none yet
  }
}

/** Writes the tarball beside its final name, then renames: a reader never sees half a file. */
export async function keepTarball(db: PGlite, dir: string, file: string): Promise<void> {
  const dump = await db.dumpDataDir('gzip');
  mkdirSync(dir, { recursive: true });
  const partial = `${file}.${String(process.pid)}.partial`;
  writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
  renameSync(partial, file);
  for (const name of readdirSync(dir))
    if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && join(dir, name) !== file)
      rmSync(join(dir, name), { force: true });
}

async function seeded(db: PGlite, initialise: Initialise): Promise<PGlite> {
  try {
    await initialise(writer(db));
    return db;
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

/** The name of the copy of these contents, in any directory (the cache, the shipped copy's). */
export async function copyName(contents: DemoContents): Promise<string> {
  return `${PREFIX}${await demoFingerprint(demoInitialiser(contents))}${SUFFIX}`;
}

/** Seeds a fresh in-memory database and keeps its copy in `file` (what the child process runs). */
export async function makeCopy(contents: DemoContents, dir: string, file: string): Promise<void> {
  const db = await seeded(await createPglite(), demoInitialiser(contents));
  try {
    // The dump allocates about 100 MB while the initdb instances' garbage is still uncollected;
    // collected first (the child runs with --expose-gc), the dump stays under the seeding's peak.
    await new Promise((resolve) => setTimeout(resolve, 100));
    globalThis.gc?.();
    await keepTarball(db, dir, file);
  } finally {
    await db.close();
  }
}

/** `discard`: a cache file that does not load is deleted; the shipped copy is only read. */
async function loadCopy(
  file: string,
  initialise: Initialise,
  log: Logger,
  discard = true,
): Promise<PGlite | undefined> {
  const tarball = readTarball(file);
  if (tarball === undefined) return undefined;
  let db: PGlite | undefined;
  try {
    db = await createPglite(undefined, new Blob([tarball]));
    // Finds everything in place (each step checks first); it only guards against a partial copy.
    await initialise(writer(db));
    log.info({ file }, 'embedded database loaded from its prepared copy');
    return db;
  } catch (err) {
    await db?.close().catch(() => undefined);
    log.warn({ err, file }, 'the prepared copy of the demo database does not load; seeding it again');
    if (discard) rmSync(file, { force: true });
    return undefined;
  }
}

/** Opens the embedded database, initialised: from the prepared copy when there is one. */
export async function openEmbedded(options: EmbeddedOptions): Promise<PGlite> {
  const { dataDir, contents, log } = options;
  const initialise = demoInitialiser(contents);
  if (dataDir !== undefined || options.cacheDir === null) return seeded(await createPglite(dataDir), initialise);
  const name = await copyName(contents);
  // The shipped copy, when these are the contents it was made of (npm run demo:copy).
  if (options.shippedDir !== null) {
    const shipped = await loadCopy(join(options.shippedDir, name), initialise, log, false);
    if (shipped !== undefined) return shipped;
  }
  const dir = options.cacheDir ?? defaultCacheDir();
  const file = join(dir, name);
  const loaded = await loadCopy(file, initialise, log);
  if (loaded !== undefined) return loaded;
  try {
    const { peakMb } = await makeCopyInChild(contents, dir, file);
    log.info({ file, peakMb }, 'prepared copy of the demo database kept for the next starts');
    const fromChild = await loadCopy(file, initialise, log);
    if (fromChild !== undefined) return fromChild;
  } catch (err) {
    log.warn({ err, dir }, 'the prepared copy of the demo database could not be made apart; seeding it here');
  }
  const db = await seeded(await createPglite(), initialise);
  try {
    await keepTarball(db, dir, file);
    log.info({ file }, 'prepared copy of the demo database kept for the next starts');
  } catch (err) {
    // A read-only checkout still runs the demo, seeding on each start.
    log.warn({ err, dir }, 'cannot keep a prepared copy of the demo database');
  }
  return db;
}
