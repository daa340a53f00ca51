/**
 * What the offline validator of a Zendesk app package reads and returns. The validator itself is
 * pure: the readers in read-package.ts turn a zip or a folder into an `AppPackageInput`.
 */

/** One file of the package, as the upload sees it. */
export interface PackageFile {
  /** Uncompressed size in bytes. */
  size: number;
  /** Zendesk refuses packages holding symbolic links. */
  isSymlink: boolean;
  /**
   * The file's first bytes (at least 24, when the file has them): enough for a PNG's IHDR
   * (width and height) and for the magic numbers of archives and documents.
   */
  head: Uint8Array;
}

export interface AppPackageInput {
  /** manifest.json, parsed (its own JSON syntax is checked by the reader). */
  manifest: unknown;
  /** Every file of the package by its path inside the zip ("assets/logo.png"), `/`-separated. */
  files: ReadonlyMap<string, PackageFile>;
  /** The text of every translations/*.json file, by path ("translations/en.json"). */
  translations: ReadonlyMap<string, string>;
  /** Size of the zip when there is one: the 2 MB limit applies to what is uploaded. */
  archiveSize?: number;
  /** The backend proxy's host, which domainWhitelist must hold (APP_PROXY_HOST). */
  proxyHost?: string;
}

export interface ValidationResult {
  errors: string[];
  warnings: string[];
}

/** Collects messages; each rule module writes into one. */
export class Findings implements ValidationResult {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  error(message: string): void {
    this.errors.push(message);
  }
  warn(message: string): void {
    this.warnings.push(message);
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a value's type reads in a message: arrays and null apart from objects. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
