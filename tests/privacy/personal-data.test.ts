// No personal data and no internal address anywhere in the repository: every tracked file (src,
// tests, docs, scripts, tools, fixtures...) and the built package zip when there is one. The rules
// are general (./scan.ts); nothing here knows, in any form, a value it looks for.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listZipEntries, readZip } from '../../tools/packaging/zip';
import { emailAllowed, FICTITIOUS_NIFS, loopbackAllowed, TEST_PRIVATE_HOSTS } from './allowed';
import { scanText, type Finding, type ScanRules } from './scan';

const INVENTED_PEOPLE = 'tests/fixtures/invented-people.txt';
/** The package zip is a few hundred KB; refuse to inflate anything much larger. */
const MAX_ZIP_CONTENT_BYTES = 50 * 1024 * 1024;

const fold = (name: string): string => name.normalize('NFC').toLowerCase();

function inventedPeople(): string[] {
  return readFileSync(INVENTED_PEOPLE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map(fold);
}

/**
 * People a ticket fixture declares as its own: the requester's name and each contact's name and
 * surnames. Corpus writers invent them; the file's text may name them (a signature) freely.
 */
function declaredPeople(json: unknown, into: string[] = []): string[] {
  if (Array.isArray(json)) for (const item of json) declaredPeople(item, into);
  else if (typeof json === 'object' && json !== null) {
    for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
      if (/requester|contact|person|signatory/i.test(key) && typeof value === 'object' && value !== null) {
        const { name, surnames } = value as { name?: unknown; surnames?: unknown };
        if (typeof name === 'string') into.push(fold(typeof surnames === 'string' ? `${name} ${surnames}` : name));
      }
      declaredPeople(value, into);
    }
  }
  return into;
}

function rulesFor(path: string, text: string, invented: readonly string[]): ScanRules {
  let declared: string[] = [];
  if (path.startsWith('tests/fixtures/') && path.endsWith('.json')) declared = declaredPeople(JSON.parse(text));
  const people = [...invented, ...declared];
  return {
    fictitiousNifs: FICTITIOUS_NIFS,
    testPrivateHosts: TEST_PRIVATE_HOSTS,
    loopbackAllowed: loopbackAllowed(path),
    emailAllowed,
    // A shorter or longer form of an invented name ("Anna Puig" for "Anna Puig Vila") is the same person,
    // and so is the part of it the scan reads from a middle word that is also a given name ("Martí Pons"
    // in "Laura Martí Pons").
    nameAllowed: (name) => {
      const n = fold(name);
      return people.some((p) => ` ${p} `.includes(` ${n} `) || n.startsWith(`${p} `));
    },
  };
}

const isBinary = (bytes: Uint8Array): boolean => bytes.subarray(0, 8000).includes(0);

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
    .split('\0')
    .filter((p) => p !== '' && existsSync(p));
}

function format(path: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${path}:${String(f.line)}: ${f.kind} ${f.value}`);
}

describe('the repository carries no personal data or internal address', () => {
  const invented = inventedPeople();

  it('in any tracked file', () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const path of files) {
      const bytes = readFileSync(path);
      if (isBinary(bytes)) continue;
      const text = bytes.toString('utf8');
      problems.push(...format(path, scanText(text, rulesFor(path, text, invented))));
    }
    expect(
      problems,
      'Personal data or an internal address. An invented person goes into ' +
        `${INVENTED_PEOPLE}; an identifier, address or mailbox into tests/privacy/allowed.ts only if it is ` +
        'fictitious or public (docs/security.md).',
    ).toEqual([]);
  });

  it('in the built package, when there is one', () => {
    const zips = existsSync('release') ? readdirSync('release').filter((f) => f.endsWith('.zip')) : [];
    for (const zip of zips) {
      const bytes = new Uint8Array(readFileSync(join('release', zip)));
      const total = listZipEntries(bytes).reduce((sum, e) => sum + e.size, 0);
      expect(total, `${zip} would inflate to ${String(total)} bytes`).toBeLessThanOrEqual(MAX_ZIP_CONTENT_BYTES);
      const problems: string[] = [];
      for (const [name, content] of readZip(bytes)) {
        if (isBinary(content)) continue;
        const text = Buffer.from(content).toString('utf8');
        problems.push(...format(`release/${zip}!${name}`, scanText(text, rulesFor(`release/${name}`, text, invented))));
      }
      expect(problems).toEqual([]);
    }
  });

  it('lists each invented person once, as "Firstname Surname…"', () => {
    expect(new Set(invented).size).toBe(invented.length);
    for (const name of invented) expect(name.split(' ').length, name).toBeGreaterThanOrEqual(2);
  });
});
