/**
 * A package that passes every rule, built in memory, and helpers to break it one way at a time.
 */
import type { AppPackageInput, JsonObject, PackageFile } from '../../tools/packaging/types';

/** The first 24 bytes of a PNG of the given size: signature, then the IHDR chunk's start. */
export function pngHead(width: number, height: number): Uint8Array {
  const head = new Uint8Array(24);
  head.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(head.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return head;
}

export function file(size: number, head: Uint8Array = new TextEncoder().encode('<!doctype html>')): PackageFile {
  return { size, isSymlink: false, head };
}

export function goodManifest(): JsonObject {
  return {
    name: 'Test app',
    author: { name: 'Consorci AOC', email: 'suport@example.org', url: 'https://www.aoc.cat' },
    defaultLocale: 'en',
    private: true,
    location: { support: { ticket_sidebar: { url: 'assets/index.html', flexible: true } } },
    version: '1.0.0',
    frameworkVersion: '2.0',
    parameters: [
      { name: 'proxyUrl', type: 'url', required: true },
      { name: 'sharedSecret', type: 'text', required: true, secure: true, scopes: ['jwt_secret_key'] },
      { name: 'writeBackTags', type: 'checkbox', required: false, default: false },
      { name: 'autoCloseDays', type: 'number', default: 7 },
    ],
    domainWhitelist: ['proxy.aoc.cat'],
  };
}

export function goodEnglish(): JsonObject {
  return {
    app: {
      name: 'Test app',
      parameters: {
        proxyUrl: { label: 'Proxy URL' },
        sharedSecret: { label: 'Shared secret', helpText: 'Never reaches the browser.' },
        writeBackTags: { label: 'Write tags' },
        autoCloseDays: { label: 'Auto-close days' },
      },
    },
    ui: { hello: 'Hello', 'tabs.steps': { title: 'Steps tab', value: 'Steps' } },
  };
}

export interface PackageParts {
  manifest: unknown;
  files: Map<string, PackageFile>;
  translations: Map<string, string>;
  archiveSize?: number;
  proxyHost?: string;
}

/** The good package's parts, each freshly made, for a test to change one thing before `toInput`. */
export function goodParts(): PackageParts {
  const english = JSON.stringify(goodEnglish());
  const catalan = JSON.stringify({
    app: {
      name: 'App de prova',
      parameters: {
        proxyUrl: { label: 'URL del proxy' },
        sharedSecret: { label: 'Secret compartit' },
        writeBackTags: { label: 'Escriu etiquetes' },
        autoCloseDays: { label: 'Dies per al tancament' },
      },
    },
  });
  const translations = new Map([
    ['translations/en.json', english],
    ['translations/ca.json', catalan],
  ]);
  const files = new Map<string, PackageFile>([
    ['manifest.json', file(900, new TextEncoder().encode('{"name":'))],
    ['assets/index.html', file(600)],
    ['assets/static/index-abc123.js', file(500_000, new TextEncoder().encode('(function(){'))],
    ['assets/logo.png', file(7000, pngHead(320, 320))],
    ['assets/logo-small.png', file(2500, pngHead(128, 128))],
  ]);
  for (const [path, text] of translations)
    files.set(path, file(text.length, new TextEncoder().encode(text.slice(0, 24))));
  return { manifest: goodManifest(), files, translations, proxyHost: 'proxy.aoc.cat' };
}

export function toInput(parts: PackageParts): AppPackageInput {
  const input: AppPackageInput = { manifest: parts.manifest, files: parts.files, translations: parts.translations };
  if (parts.archiveSize !== undefined) input.archiveSize = parts.archiveSize;
  if (parts.proxyHost !== undefined) input.proxyHost = parts.proxyHost;
  return input;
}
