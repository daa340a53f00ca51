/**
 * The repository's own manifest.json, translations and logos against Zendesk's upload rules,
 * without a build: a change to any of them that Zendesk would refuse fails here first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesFromFolder, inputFromEntries, type PackageEntry } from '../../tools/packaging/read-package';
import { validateAppPackage } from '../../tools/packaging/validate-app-package';

const root = join(import.meta.dirname, '../..');

function repositoryPackage(): Map<string, PackageEntry> {
  const entries = new Map<string, PackageEntry>();
  const file = (path: string): PackageEntry => ({ bytes: readFileSync(join(root, path)), isSymlink: false });
  entries.set('manifest.json', file('manifest.json'));
  // The page the build makes; its content does not matter to the rules.
  entries.set('assets/index.html', { bytes: new TextEncoder().encode('<!doctype html>'), isSymlink: false });
  entries.set('assets/logo.png', file('assets/logo.png'));
  entries.set('assets/logo-small.png', file('assets/logo-small.png'));
  for (const [path, entry] of entriesFromFolder(join(root, 'translations'), 'translations/')) entries.set(path, entry);
  return entries;
}

describe("the repository's manifest, translations and logos", () => {
  it("pass Zendesk's upload rules, the proxy's placeholder host aside", () => {
    const loaded = inputFromEntries(repositoryPackage());
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const result = validateAppPackage(loaded.input);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      expect.stringMatching(/"domainWhitelist\[0\]" "proxy\.example\.org" is a placeholder/),
    ]);
  });
});
