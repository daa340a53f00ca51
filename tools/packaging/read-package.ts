/**
 * Turns a package — a zip, a folder laid out like one, or the files the packager is about to
 * zip — into the validator's input. Symbolic links are kept as links (never followed), so that
 * the validator can refuse them.
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PNG_HEADER_BYTES } from './png';
import type { AppPackageInput, PackageFile } from './types';
import { listZipEntries, readZip } from './zip';

/** One file of a package: its bytes (for a link, the link's target) and whether it is a link. */
export interface PackageEntry {
  bytes: Uint8Array;
  isSymlink: boolean;
}

export type LoadResult = { ok: true; input: AppPackageInput } | { ok: false; errors: string[] };

/** Bytes kept per file for the validator: a PNG header and magic numbers fit in 64. */
const HEAD_BYTES = Math.max(64, PNG_HEADER_BYTES);
const TRANSLATION_FILE = /^translations\/[^/]+\.json$/;

export interface InputOptions {
  archiveSize?: number;
  proxyHost?: string;
}

export function inputFromEntries(entries: ReadonlyMap<string, PackageEntry>, options: InputOptions = {}): LoadResult {
  const files = new Map<string, PackageFile>();
  const translations = new Map<string, string>();
  const decoder = new TextDecoder();
  for (const [path, entry] of entries) {
    files.set(path, {
      size: entry.bytes.length,
      isSymlink: entry.isSymlink,
      head: entry.bytes.subarray(0, HEAD_BYTES),
    });
    if (TRANSLATION_FILE.test(path) && !entry.isSymlink) translations.set(path, decoder.decode(entry.bytes));
  }
  let manifest: unknown;
  const manifestEntry = entries.get('manifest.json');
  if (manifestEntry !== undefined) {
    try {
      manifest = JSON.parse(decoder.decode(manifestEntry.bytes)) as unknown;
    } catch (error) {
      return {
        ok: false,
        errors: [`manifest.json: not valid JSON (${error instanceof Error ? error.message : String(error)})`],
      };
    }
  }
  const input: AppPackageInput = { manifest, files, translations };
  if (options.archiveSize !== undefined) input.archiveSize = options.archiveSize;
  if (options.proxyHost !== undefined) input.proxyHost = options.proxyHost;
  return { ok: true, input };
}

/** The files of a zip, by path, with links marked as the zip's attributes say. */
export function entriesFromZip(zip: Uint8Array): Map<string, PackageEntry> {
  const contents = readZip(zip);
  const entries = new Map<string, PackageEntry>();
  for (const entry of listZipEntries(zip)) {
    if (entry.isDirectory) continue;
    entries.set(entry.name, { bytes: contents.get(entry.name) ?? new Uint8Array(), isSymlink: entry.isSymlink });
  }
  return entries;
}

/**
 * Every file under `dir`, by its path relative to `dir` with `prefix` in front, sorted.
 * Links are listed as links; their targets are not read.
 */
export function entriesFromFolder(dir: string, prefix = ''): Map<string, PackageEntry> {
  const entries = new Map<string, PackageEntry>();
  const walk = (absolute: string, relative: string): void => {
    for (const name of readdirSync(absolute).sort()) {
      const path = join(absolute, name);
      const inZip = `${relative}${name}`;
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) {
        entries.set(inZip, { bytes: new TextEncoder().encode(readlinkSync(path)), isSymlink: true });
      } else if (stat.isDirectory()) {
        walk(path, `${inZip}/`);
      } else if (stat.isFile()) {
        entries.set(inZip, { bytes: readFileSync(path), isSymlink: false });
      }
    }
  };
  walk(dir, prefix);
  return entries;
}

/** Reads a zip file or a package folder for `npm run validate:app`. */
export function loadPackage(path: string, options: Omit<InputOptions, 'archiveSize'> = {}): LoadResult {
  if (lstatSync(path).isDirectory()) return inputFromEntries(entriesFromFolder(path), options);
  const zip = readFileSync(path);
  let entries: Map<string, PackageEntry>;
  try {
    entries = entriesFromZip(zip);
  } catch (error) {
    return {
      ok: false,
      errors: [`${path}: cannot be read as a zip (${error instanceof Error ? error.message : String(error)})`],
    };
  }
  return inputFromEntries(entries, { ...options, archiveSize: zip.length });
}
