import { resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';

/** The data modules the app's build runs and bundles as data, from the project's root. */
export const PREBUILT_DATA: readonly string[] = [
  'src/domain/catalogue/catalogue-data.ts',
  'src/domain/procedures/library-data.ts',
  'src/domain/classifier/lexicon-data.ts',
];

/**
 * Keys the bundle leaves out of the data: the catalogue's `note`s and `$comment` are for the desk
 * lead who edits the file and for the local workbench's catalogue page (served by the dev server,
 * which does not run this plugin); the sidebar never shows them. All are optional in the schemas,
 * so the bundled value still has the module's type.
 */
export const OMITTED_KEYS: ReadonlySet<string> = new Set(['note', '$comment']);

/**
 * Validates the app's data when the app is built, not when an agent opens a ticket. Each module
 * named here holds data only (a loader applied to a JSON file: the catalogue, the
 * procedures): the build runs it in Node, where its loader validates the file with zod and throws
 * on a malformed one (so a bad file fails the build, as it fails the tests), and the bundle gets
 * its exports as literal data instead of the loader, its schemas and the JSON. The module's
 * TypeScript types still describe what the browser gets: it is the same value.
 * Tests and the command-line tools import the modules themselves and validate at load.
 */
export function prebuiltData(root: string, modules: readonly string[] = PREBUILT_DATA): Plugin {
  const files = new Set(modules.map((m) => resolve(root, m)));
  return {
    name: 'aoc-prebuilt-data',
    apply: 'build',
    enforce: 'pre',
    async load(id) {
      if (!files.has(id)) return null;
      return prebuiltModule(id);
    },
  };
}

/** The source of a module whose exports are the values the given module computes. */
export async function prebuiltModule(file: string): Promise<string> {
  const { module } = await runnerImport<Record<string, unknown>>(file, {
    configFile: false,
    logLevel: 'error',
  });
  const lines = Object.entries(module).map(([name, value]) => {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`${file}: export "${name}" is not an identifier`);
    return `export const ${name} = ${toSource(withoutOmitted(value), `${file}: ${name}`)};`;
  });
  return `${lines.join('\n')}\n`;
}

/**
 * JavaScript source for a data value: plain objects, arrays, strings, finite numbers, booleans,
 * null, undefined, Sets and Maps. JSON-only parts go through JSON.parse, which engines parse
 * faster than object literals. Anything else (a function, a class instance) is not data: refused.
 */
export function toSource(value: unknown, where: string): string {
  if (isJson(value)) return `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
  if (value === undefined) return 'undefined';
  if (value instanceof Set) return `new Set(${toSource([...value], where)})`;
  if (value instanceof Map) return `new Map(${toSource([...value], where)})`;
  if (Array.isArray(value)) return `[${value.map((v, i) => toSource(v, `${where}[${String(i)}]`)).join(',')}]`;
  if (isPlainObject(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toSource(v, `${where}.${k}`)}`)
      .join(',')}}`;
  throw new Error(`${where}: ${describe(value)} is not data the build can write into the bundle`);
}

/** The value without the OMITTED_KEYS of its plain objects, at any depth. */
export function withoutOmitted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOmitted);
  if (isPlainObject(value))
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !OMITTED_KEYS.has(k))
        .map(([k, v]) => [k, withoutOmitted(v)]),
    );
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** True when JSON.stringify then JSON.parse gives the same value back. */
function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isJson);
  if (isPlainObject(value)) return Object.values(value).every(isJson);
  return false;
}

function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object' && value !== null) return `an instance of ${value.constructor.name}`;
  return `the ${typeof value} ${String(value)}`;
}
