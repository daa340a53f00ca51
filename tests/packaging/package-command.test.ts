/**
 * `npm run package` for real: vite build, gathering, validation and zip, into a temporary folder
 * (never dist/, which the other commands share). The type check is skipped (--skip-typecheck)
 * because `npm test` has just run it; the rest is what `npm run package` does.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOGOS, MAX_PACKAGE_BYTES } from '../../tools/packaging/file-rules';
import { pngSize } from '../../tools/packaging/png';
import { entriesFromZip, inputFromEntries } from '../../tools/packaging/read-package';
import { isObject } from '../../tools/packaging/types';
import { validateAppPackage } from '../../tools/packaging/validate-app-package';
import { listZipEntries } from '../../tools/packaging/zip';

const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'package-e2e-'));
const buildDir = join(work, 'assets');
const zipPath = join(work, 'app.zip');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function npmRun(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      'npm',
      ['run', ...args],
      { cwd: root, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
      },
    );
  });
}

describe('npm run package', () => {
  const manifestBefore = readFileSync(join(root, 'manifest.json'), 'utf8');
  let run: Run;
  beforeAll(async () => {
    run = await npmRun(['package', '--', '--skip-typecheck', '--build-dir', buildDir, '--out', zipPath], {
      APP_PROXY_HOST: 'proxy.aoc.cat',
    });
  }, 180_000);

  it('builds and writes the zip, printing its path, size and files', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /Wrote .*app\.zip: [\d.]+ KB of 2\.00 MB allowed, \d+ files, domainWhitelist holds proxy\.aoc\.cat/,
    );
    expect(run.stdout).toMatch(/^ {2}manifest\.json +[\d.]+ KB$/m);
    expect(existsSync(zipPath)).toBe(true);
  });

  it('holds manifest.json at the root, the built app and its logos under assets/, translations/, and nothing else', () => {
    const zip = readFileSync(zipPath);
    expect(zip.length).toBeLessThanOrEqual(MAX_PACKAGE_BYTES);
    const entries = listZipEntries(zip);
    const names = entries.map((entry) => entry.name);
    expect(names[0]).toBe('manifest.json');
    expect(names).toEqual(
      expect.arrayContaining([
        'assets/index.html',
        'assets/logo.png',
        'assets/logo-small.png',
        'translations/en.json',
        'translations/ca.json',
        'translations/es.json',
      ]),
    );
    expect(
      names.filter(
        (name) => !/^(manifest\.json|assets\/[^/]+|assets\/static\/[^/]+|translations\/[a-z]{2}\.json)$/.test(name),
      ),
    ).toEqual([]);
    expect(names.filter((name) => /\.(map|tsx?)$|node_modules|^src\//.test(name))).toEqual([]);
    expect(names.some((name) => name.startsWith('assets/static/') && name.endsWith('.js'))).toBe(true);
    expect(entries.filter((entry) => entry.isSymlink || entry.isDirectory)).toEqual([]);
    const contents = entriesFromZip(zip);
    for (const logo of LOGOS) {
      expect(pngSize(contents.get(logo.path)?.bytes ?? new Uint8Array())).toEqual({
        width: logo.width,
        height: logo.height,
      });
    }
  });

  it("passes the validator when read back, with the proxy's host in place of the placeholder", () => {
    const zip = readFileSync(zipPath);
    const loaded = inputFromEntries(entriesFromZip(zip), { archiveSize: zip.length, proxyHost: 'proxy.aoc.cat' });
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    expect(validateAppPackage(loaded.input)).toEqual({ errors: [], warnings: [] });
    const manifest = loaded.input.manifest;
    expect(isObject(manifest) ? manifest.domainWhitelist : undefined).toEqual(['proxy.aoc.cat']);
    // The repository's manifest keeps its placeholder.
    expect(readFileSync(join(root, 'manifest.json'), 'utf8')).toBe(manifestBefore);
  });

  it('validates the zip from the command line: npm run validate:app', async () => {
    const ok = await npmRun(['validate:app', '--', zipPath, '--proxy-host', 'proxy.aoc.cat']);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/0 errors, 0 warnings — Zendesk's upload rules pass/);
    const wrongHost = await npmRun(['validate:app', '--', zipPath, '--proxy-host', 'other.aoc.cat']);
    expect(wrongHost.code).toBe(1);
    expect(wrongHost.stdout).toMatch(
      /error: manifest\.json: "domainWhitelist" does not hold the proxy's host "other\.aoc\.cat"/,
    );
  }, 60_000);

  it('refuses to write a zip that fails, and removes an older one of the same name', async () => {
    const broken = join(work, 'broken-assets');
    cpSync(buildDir, broken, { recursive: true });
    cpSync(join(broken, 'logo-small.png'), join(broken, 'logo.png'));
    const refused = await npmRun(['package', '--', '--no-build', '--build-dir', broken, '--out', zipPath], {
      APP_PROXY_HOST: '',
    });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/error: assets\/logo\.png: 128×128 pixels, must be 320×320/);
    expect(refused.stdout).toMatch(/Not written: .*app\.zip fails Zendesk's upload rules \(1 error/);
    expect(existsSync(zipPath)).toBe(false);
  }, 60_000);
});
