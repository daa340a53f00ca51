import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isHostName, isWhitelisted, proxyHostFrom } from '../../tools/packaging/hosts';
import { manifestForPackage } from '../../tools/packaging/package-app';
import { pngSize } from '../../tools/packaging/png';
import { entriesFromFolder, inputFromEntries, loadPackage } from '../../tools/packaging/read-package';
import { chooseProxyHost } from '../../tools/packaging/report';
import { validateAppPackage } from '../../tools/packaging/validate-app-package';
import { listZipEntries, readZip, writeZip } from '../../tools/packaging/zip';

const root = join(import.meta.dirname, '../..');
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('the package zip', () => {
  const files = new Map([
    ['manifest.json', text('{"frameworkVersion":"2.0"}')],
    ['assets/index.html', text('<!doctype html><title>x</title>')],
    ['assets/logo.png', readFileSync(join(root, 'assets/logo.png'))],
  ]);

  it('reads back what it wrote, in the order given, as regular files', () => {
    const zip = writeZip(files);
    expect(listZipEntries(zip)).toEqual([
      { name: 'manifest.json', size: 26, isDirectory: false, isSymlink: false },
      { name: 'assets/index.html', size: 31, isDirectory: false, isSymlink: false },
      { name: 'assets/logo.png', size: files.get('assets/logo.png')?.length, isDirectory: false, isSymlink: false },
    ]);
    const back = readZip(zip);
    for (const [path, bytes] of files) expect(Buffer.from(back.get(path) ?? [])).toEqual(Buffer.from(bytes));
  });

  it('is the same, byte for byte, for the same files (fixed timestamps)', () => {
    expect(Buffer.from(writeZip(files)).equals(Buffer.from(writeZip(new Map(files))))).toBe(true);
  });

  it('tells a symbolic link stored in a zip', () => {
    const linkMode = (0o120777 << 16) >>> 0;
    const zip = zipSync({
      'manifest.json': text('{}'),
      'assets/app.js': [text('../../etc/passwd'), { os: 3, attrs: linkMode }],
    });
    expect(listZipEntries(zip).map((e) => [e.name, e.isSymlink])).toEqual([
      ['manifest.json', false],
      ['assets/app.js', true],
    ]);
  });

  it('refuses to read what is not a zip', () => {
    expect(() => listZipEntries(text('not a zip at all, just some text here'))).toThrow(/not a zip file/);
  });
});

describe('reading a package folder', () => {
  it('keeps a symbolic link as a link, so that the validator refuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'app-folder-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets/real.js'), 'console.log(1)');
    symlinkSync('real.js', join(dir, 'assets/linked.js'));
    const entries = entriesFromFolder(dir);
    expect(entries.get('assets/linked.js')?.isSymlink).toBe(true);
    expect(entries.get('assets/real.js')?.isSymlink).toBe(false);
    const loaded = loadPackage(dir);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    expect(validateAppPackage(loaded.input).errors).toContainEqual(
      expect.stringMatching(/^assets\/linked\.js: symbolic link/),
    );
  });

  it('reports a manifest.json that is not JSON', () => {
    const loaded = inputFromEntries(new Map([['manifest.json', { bytes: text('{"name": '), isSymlink: false }]]));
    expect(loaded.ok ? [] : loaded.errors).toEqual([expect.stringMatching(/^manifest\.json: not valid JSON/)]);
  });

  it('reports a file that is not a zip', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'not-zip-')), 'app.zip');
    writeFileSync(path, 'hello');
    const loaded = loadPackage(path);
    expect(loaded.ok ? [] : loaded.errors).toEqual([expect.stringMatching(/app\.zip: cannot be read as a zip/)]);
  });
});

describe('the logos in the repository', () => {
  it('have the sizes Zendesk expects, read from their PNG header', () => {
    expect(pngSize(readFileSync(join(root, 'assets/logo.png')))).toEqual({ width: 320, height: 320 });
    expect(pngSize(readFileSync(join(root, 'assets/logo-small.png')))).toEqual({ width: 128, height: 128 });
  });
});

describe("the proxy's host", () => {
  it('is a bare host name in domainWhitelist', () => {
    expect(['proxy.aoc.cat', 'localhost', '192.0.2.10', '*.aoc.cat'].every(isHostName)).toBe(true);
    expect(
      ['https://proxy.aoc.cat', 'proxy.aoc.cat/api', 'proxy.aoc.cat:8443', 'Proxy.AOC.cat', '-x.cat', ''].some(
        isHostName,
      ),
    ).toBe(false);
    expect(isWhitelisted('api.aoc.cat', ['*.aoc.cat'])).toBe(true);
    expect(isWhitelisted('aoc.cat.evil.example', ['aoc.cat', '*.aoc.cat'])).toBe(false);
  });

  it('can be given as a host or a URL', () => {
    expect(proxyHostFrom('proxy.aoc.cat')).toBe('proxy.aoc.cat');
    expect(proxyHostFrom(' https://Proxy.AOC.cat:8443/api ')).toBe('proxy.aoc.cat');
    expect(proxyHostFrom('ftp://proxy.aoc.cat')).toBeUndefined();
    expect(proxyHostFrom('*.aoc.cat')).toBeUndefined();
  });

  it("comes from APP_PROXY_HOST or the flag, never from PROXY_HOST (the proxy's listen address)", () => {
    expect(chooseProxyHost(undefined, { APP_PROXY_HOST: 'proxy.aoc.cat' })).toEqual({
      ok: true,
      host: 'proxy.aoc.cat',
      notes: [],
    });
    expect(chooseProxyHost('flag.aoc.cat', { APP_PROXY_HOST: 'proxy.aoc.cat' })).toMatchObject({
      host: 'flag.aoc.cat',
    });
    const fromListenAddress = chooseProxyHost(undefined, { PROXY_HOST: '127.0.0.1' });
    expect(fromListenAddress).toMatchObject({ ok: true, host: undefined });
    expect(fromListenAddress.ok ? fromListenAddress.notes.join('\n') : '').toMatch(
      /PROXY_HOST \(127\.0\.0\.1\) is the proxy's listen address/,
    );
    expect(chooseProxyHost(undefined, { APP_PROXY_HOST: 'not a host' })).toMatchObject({ ok: false });
  });

  it("replaces the placeholder in the packaged manifest, leaving the repository's object untouched", () => {
    const manifest = { name: 'x', domainWhitelist: ['proxy.example.org', 'api.aoc.cat'] };
    expect(manifestForPackage(manifest, 'proxy.aoc.cat')).toEqual({
      name: 'x',
      domainWhitelist: ['api.aoc.cat', 'proxy.aoc.cat'],
    });
    expect(manifestForPackage({ domainWhitelist: ['proxy.aoc.cat'] }, 'proxy.aoc.cat')).toEqual({
      domainWhitelist: ['proxy.aoc.cat'],
    });
    expect(manifest.domainWhitelist).toEqual(['proxy.example.org', 'api.aoc.cat']);
    expect(manifestForPackage(manifest, undefined)).toBe(manifest);
  });
});
