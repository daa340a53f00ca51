/**
 * Writing and reading the package's zip.
 *
 * Why fflate: one small dependency (pure JavaScript, no dependencies of its own, its own types)
 * that both writes (for `npm run package`) and reads (for `npm run validate:app` and the tests)
 * zips, synchronously, on Node 20. Writing a zip by hand with node:zlib is possible but is a
 * format's worth of code to maintain; yazl + yauzl would be two dependencies with callback APIs.
 * fflate does not report an entry's Unix mode, though, which is where a zip marks symbolic links:
 * `listZipEntries` reads that from the central directory itself (a fixed, documented layout).
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * Every entry gets this modification time, so that the same files give the same zip, byte for
 * byte. Zip stores local time (DOS format, no earlier than 1980): a date built from local fields
 * encodes the same in every time zone.
 */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);
/** "Made by" Unix, so that the mode below means what it says. */
const UNIX = 3;
/** A regular file, rw-r--r--, in the high 16 bits of the external attributes. */
const REGULAR_FILE_ATTRS = (0o100644 << 16) >>> 0;

/** Zips `files` (path inside the zip → contents) in the order given, deterministically. */
export function writeZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [path, bytes] of files) {
    // Already-compressed images gain nothing from deflate: store them.
    const level = /\.(png|jpe?g|gif|webp|woff2?)$/i.test(path) ? 0 : 9;
    zippable[path] = [bytes, { level, mtime: FIXED_MTIME, os: UNIX, attrs: REGULAR_FILE_ATTRS }];
  }
  return zipSync(zippable);
}

export interface ZipEntry {
  name: string;
  /** Uncompressed size. */
  size: number;
  isDirectory: boolean;
  isSymlink: boolean;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** The entries of a zip as its central directory lists them, with what fflate leaves out. */
export function listZipEntries(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record is the last 22 bytes, unless a comment (up to 64 KB) follows it.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file (no end of central directory record)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL_FILE_HEADER) {
      throw new Error(`damaged zip: central directory entry ${i} is not where the directory says`);
    }
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const external = view.getUint32(at + 38, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    const mode = external >>> 16;
    entries.push({
      name,
      size,
      isDirectory: name.endsWith('/'),
      isSymlink: madeBy === UNIX && (mode & S_IFMT) === S_IFLNK,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The contents of every file of a zip (directories left out). */
export function readZip(zip: Uint8Array): Map<string, Uint8Array> {
  const contents = unzipSync(zip);
  return new Map(Object.entries(contents).filter(([name]) => !name.endsWith('/')));
}
