import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { OMITTED_KEYS, PREBUILT_DATA, prebuiltModule, toSource, withoutOmitted } from '../../tools/vite/prebuilt-data';

/**
 * The build bundles the app's data already validated (tools/vite/prebuilt-data.ts): what the
 * browser gets must be exactly what the modules compute in Node, and a malformed data file must
 * stop the build with the loader's error, as it stops the tests.
 */
const dir = mkdtempSync(join(tmpdir(), 'aoc-prebuilt-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Imports a module's source, as the bundle would run it. */
async function evaluate(source: string, name: string): Promise<Record<string, unknown>> {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, source);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
}

describe('data validated at build time', () => {
  it.each(PREBUILT_DATA)('%s: the bundled exports equal what the module computes', async (module) => {
    const file = resolve(module);
    const bundled = await evaluate(await prebuiltModule(file), module.replace(/\W/g, '_'));
    const own = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(own).sort());
    expect(Object.keys(bundled).length).toBeGreaterThan(0);
    for (const name of Object.keys(own)) expect(bundled[name], name).toEqual(withoutOmitted(own[name]));
  });

  it('leaves out only the documentation keys, at any depth', () => {
    expect([...OMITTED_KEYS].sort()).toEqual(['$comment', 'note']);
    expect(withoutOmitted({ $comment: 'x', a: [{ note: 'n', code: 'C', names: { note: 1 } }], b: 'note' })).toEqual({
      a: [{ code: 'C', names: {} }],
      b: 'note',
    });
  });

  it('a malformed catalogue fails the build with the loader’s reason', async () => {
    const data = join(dir, 'broken-catalogue.ts');
    writeFileSync(
      data,
      `import { loadCatalogue } from ${JSON.stringify(resolve('src/domain/catalogue/load.ts'))};\n` +
        `export const CATALOGUE = loadCatalogue({ formVersion: 1, services: [], products: [] }, 'catalogue.json');\n`,
    );
    await expect(prebuiltModule(data)).rejects.toThrow(/catalogue\.json: /);
  });

  it('a malformed procedure file fails the build with its path', async () => {
    const data = join(dir, 'broken-library.ts');
    writeFileSync(
      data,
      `import { loadLibrary, PROCEDURE_FILES } from ${JSON.stringify(resolve('src/domain/procedures/library.ts'))};\n` +
        `const [first, ...rest] = PROCEDURE_FILES;\n` +
        `export const LIBRARY = loadLibrary([['broken.json', { ...first[1], steps: 'none' }], ...rest]);\n`,
    );
    await expect(prebuiltModule(data)).rejects.toThrow(/broken\.json: steps/);
  });
});

describe('toSource', () => {
  it('writes sets, maps and undefined back as they were', async () => {
    const value = { set: new Set(['a', 'b']), map: new Map([['k', [1, 2]]]), none: undefined, n: [0.5, null] };
    const back = await evaluate(`export const V = ${toSource(value, 'V')};`, 'round-trip');
    expect(back['V']).toEqual(value);
    expect('none' in (back['V'] as object)).toBe(true);
  });

  it('refuses what is not data', () => {
    expect(() => toSource({ f: () => 1 }, 'X')).toThrow(/X\.f: a function/);
    expect(() => toSource([new Date(0)], 'X')).toThrow(/X\[0\]: an instance of Date/);
  });
});
