/**
 * Writes a test fixture (a labelled corpus file) under one folder, and nowhere else: the name is a
 * plain slug, the resolved path must sit directly in the folder, and an existing file is kept
 * unless the caller says to replace it.
 */
import { existsSync, lstatSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const FIXTURE_NAME = /^[a-z0-9][a-z0-9-]{0,79}$/;

export type FixtureResult =
  | { readonly ok: true; readonly path: string }
  | { readonly ok: false; readonly status: 400 | 409; readonly message: string };

export function writeFixture(
  folder: string,
  name: string,
  content: unknown,
  options: { readonly replace?: boolean } = {},
): FixtureResult {
  if (!FIXTURE_NAME.test(name)) {
    return {
      ok: false,
      status: 400,
      message: `"${name}" is not a fixture name: lower-case letters, digits and dashes, at most 80, no folders.`,
    };
  }
  mkdirSync(folder, { recursive: true });
  // The folder's real path, so that a symbolic link in the folder's place cannot move the file.
  const root = realpathSync(resolve(folder));
  const path = join(root, `${name}.json`);
  if (dirname(path) !== root) return { ok: false, status: 400, message: 'A fixture is written in its folder only.' };
  if (existsSync(path) && lstatSync(path).isSymbolicLink()) {
    return { ok: false, status: 400, message: `${name}.json is a symbolic link; a fixture is a plain file.` };
  }
  if (existsSync(path) && options.replace !== true) {
    return { ok: false, status: 409, message: `${name}.json exists already; choose another name or replace it.` };
  }
  writeFileSync(path, JSON.stringify(content, null, 2) + '\n', {
    encoding: 'utf8',
    flag: options.replace === true ? 'w' : 'wx',
  });
  return { ok: true, path };
}
