/**
 * `npm run package`: builds the app, gathers what Zendesk's "upload private app" takes —
 * manifest.json at the root, the built app and its logos under assets/, translations/ — checks
 * it with the offline validator and writes the zip only when it passes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isReservedExampleHost } from './hosts';
import { entriesFromFolder, inputFromEntries, type PackageEntry } from './read-package';
import { isObject, type ValidationResult } from './types';
import { validateAppPackage } from './validate-app-package';
import { writeZip } from './zip';

export interface PackageOptions {
  /** The project's root (where manifest.json, translations/ and package.json are). */
  root: string;
  /** The built app: vite's output folder (default dist/assets). */
  buildDir?: string;
  /** The zip to write (default dist/<package name>-<manifest version>.zip). */
  out?: string;
  /** The backend proxy's host, written into the packaged manifest's domainWhitelist. */
  proxyHost?: string;
  /** 'full' = `npm run build` (type check + vite build); 'vite' = vite build only; 'none' = use the existing build. */
  build?: 'full' | 'vite' | 'none';
}

export interface PackageResult {
  /** Where the zip was written; undefined when validation failed and nothing was written. */
  out: string | undefined;
  /** The zip's path had it passed (an older zip there is removed as the run starts). */
  intendedOut: string;
  size: number;
  files: { path: string; size: number }[];
  validation: ValidationResult;
}

export function packageApp(options: PackageOptions): PackageResult {
  const root = resolve(options.root);
  const buildDir = resolve(root, options.buildDir ?? 'dist/assets');
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as unknown;
  const out = resolve(root, options.out ?? defaultZipName(root, manifest));

  // A zip left from an earlier run under the same name would pass for this run's, should this
  // one fail: whatever happens next, the path holds this run's zip or nothing.
  rmSync(out, { force: true });
  runBuild(root, buildDir, options.build ?? 'full');

  const entries = gatherEntries(root, buildDir, manifestForPackage(manifest, options.proxyHost));
  const zip = writeZip(new Map([...entries].map(([path, entry]) => [path, entry.bytes])));
  const loaded = inputFromEntries(entries, {
    archiveSize: zip.length,
    ...(options.proxyHost === undefined ? {} : { proxyHost: options.proxyHost }),
  });
  const validation = loaded.ok ? validateAppPackage(loaded.input) : { errors: loaded.errors, warnings: [] };
  const files = [...entries].map(([path, entry]) => ({ path, size: entry.bytes.length }));
  if (validation.errors.length > 0) {
    return { out: undefined, intendedOut: out, size: zip.length, files, validation };
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  return { out, intendedOut: out, size: zip.length, files, validation };
}

export function defaultZipName(root: string, manifest: unknown): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
  const name = typeof pkg.name === 'string' ? pkg.name : 'app';
  // The manifest's version is the one Zendesk shows for the upload.
  const version = isObject(manifest) && typeof manifest.version === 'string' ? manifest.version : String(pkg.version);
  // Not in dist/: dist/ is the app's directory itself (manifest.json, assets/, translations/).
  return join('release', `${name}-${version}.zip`);
}

/**
 * The manifest as packaged: the repository's, with the proxy's real host in domainWhitelist in
 * place of the placeholder(s) — entries on reserved example names such as proxy.example.org.
 */
export function manifestForPackage(manifest: unknown, proxyHost: string | undefined): unknown {
  if (proxyHost === undefined || !isObject(manifest)) return manifest;
  const current = Array.isArray(manifest.domainWhitelist) ? (manifest.domainWhitelist as unknown[]) : [];
  const kept = current.filter((entry) => typeof entry !== 'string' || !isReservedExampleHost(entry));
  const whitelist = kept.includes(proxyHost) ? kept : [...kept, proxyHost];
  return { ...manifest, domainWhitelist: whitelist };
}

/** The package's files in zip order: manifest.json first, then assets/ and translations/, sorted. */
function gatherEntries(root: string, buildDir: string, manifest: unknown): Map<string, PackageEntry> {
  if (!existsSync(join(buildDir, 'index.html'))) {
    throw new Error(`no built app in ${relative(root, buildDir) || buildDir}: run the build first`);
  }
  const entries = new Map<string, PackageEntry>([
    ['manifest.json', { bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), isSymlink: false }],
  ]);
  for (const [path, entry] of entriesFromFolder(buildDir, 'assets/')) entries.set(path, entry);
  for (const [path, entry] of entriesFromFolder(join(root, 'translations'), 'translations/')) entries.set(path, entry);
  return entries;
}

function runBuild(root: string, buildDir: string, mode: 'full' | 'vite' | 'none'): void {
  if (mode === 'none') return;
  const defaultDir = resolve(root, 'dist/assets');
  const outArgs = buildDir === defaultDir ? [] : ['--outDir', buildDir, '--emptyOutDir'];
  // The build's own output goes to standard error: standard output is the package's report.
  const stdio = ['ignore', process.stderr, 'inherit'] as const;
  const result =
    mode === 'full'
      ? spawnSync('npm', ['run', 'build', ...(outArgs.length > 0 ? ['--', ...outArgs] : [])], {
          cwd: root,
          stdio: [...stdio],
        })
      : spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', ...outArgs], {
          cwd: root,
          stdio: [...stdio],
        });
  if (result.error !== undefined) throw new Error(`the build could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`the build failed (exit ${String(result.status)}): nothing packaged`);
}
