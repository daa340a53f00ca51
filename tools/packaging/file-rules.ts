/**
 * The package's files: layout (manifest.json at the root, then only assets/ and translations/),
 * no symbolic links, no sources or source maps, the logos' sizes, file types Zendesk flags,
 * and the 2 MB upload limit.
 */
import { pngSize } from './png';
import type { AppPackageInput, Findings, PackageFile } from './types';

/** Zendesk's limit for a private app's upload. */
export const MAX_PACKAGE_BYTES = 2 * 1024 * 1024;

export const LOGOS = [
  { path: 'assets/logo.png', width: 320, height: 320 },
  { path: 'assets/logo-small.png', width: 128, height: 128 },
] as const;

/** Extensions Zendesk's upload flags as unsupported (archives, documents, executables, media). */
const FLAGGED_EXTENSIONS = new Set([
  'zip',
  'rar',
  'gz',
  'tgz',
  'bz',
  'bz2',
  '7z',
  'tar',
  'jar',
  'pdf',
  'doc',
  'docx',
  'odt',
  'ppt',
  'pptx',
  'xls',
  'xlsx',
  'sh',
  'csh',
  'bin',
  'exe',
  'avi',
  'mp3',
  'mpeg',
]);
/** Magic numbers of the same kinds, for files whose extension hides them. */
const FLAGGED_MAGIC: { kind: string; bytes: number[] }[] = [
  { kind: 'zip archive (or docx, jar)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'gzip archive', bytes: [0x1f, 0x8b] },
  { kind: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46] },
  { kind: '7z archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'rar archive', bytes: [0x52, 0x61, 0x72, 0x21] },
  { kind: 'bzip2 archive', bytes: [0x42, 0x5a, 0x68] },
  { kind: 'executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'shell script', bytes: [0x23, 0x21] },
];
/** Project rule: the package carries the built app only, never its sources. */
const SOURCE_FILE = /\.(map|tsx?|jsx|mts|cts)$/;

export function checkFiles(input: AppPackageInput, found: Findings): void {
  const { files } = input;
  if (!files.has('manifest.json')) {
    const nested = [...files.keys()].find((path) => path.endsWith('/manifest.json'));
    found.error(
      nested === undefined
        ? "manifest.json is missing from the package's root"
        : `manifest.json must be at the package's root, not at ${nested} (zip the folder's contents, not the folder)`,
    );
  }
  for (const [path, file] of files) checkOneFile(path, file, found);
  checkLogos(files, found);
  checkSize(input, found);
}

function checkOneFile(path: string, file: PackageFile, found: Findings): void {
  if (file.isSymlink)
    found.error(`${path}: symbolic link (Zendesk refuses packages with links; copy the file instead)`);
  const top = path.split('/')[0];
  if (path !== 'manifest.json' && top !== 'assets' && top !== 'translations') {
    found.error(
      `${path}: not part of a Zendesk app (only manifest.json, assets/ and translations/ belong in the package)`,
    );
  }
  if (path.split('/').includes('node_modules')) found.error(`${path}: node_modules does not belong in the package`);
  if (SOURCE_FILE.test(path)) found.error(`${path}: source or source map (the package carries the built app only)`);
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base.startsWith('.')) found.warn(`${path}: hidden file (left over by an editor or the system?)`);
  const extension = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1).toLowerCase() : '';
  if (FLAGGED_EXTENSIONS.has(extension)) {
    found.warn(`${path}: .${extension} files are flagged by Zendesk's upload as an unsupported type`);
    return;
  }
  const magic = FLAGGED_MAGIC.find(({ bytes }) => bytes.every((byte, i) => file.head[i] === byte));
  if (magic !== undefined)
    found.warn(`${path}: looks like a ${magic.kind}, a type Zendesk's upload flags as unsupported`);
}

function checkLogos(files: ReadonlyMap<string, PackageFile>, found: Findings): void {
  for (const logo of LOGOS) {
    const file = files.get(logo.path);
    if (file === undefined) {
      found.error(
        `${logo.path} is missing (a ${logo.width}×${logo.height} PNG: Zendesk shows it in the admin pages and the sidebar)`,
      );
      continue;
    }
    const size = pngSize(file.head);
    if (size === undefined) {
      found.error(`${logo.path}: not a PNG file`);
    } else if (size.width !== logo.width || size.height !== logo.height) {
      found.error(`${logo.path}: ${size.width}×${size.height} pixels, must be ${logo.width}×${logo.height}`);
    }
  }
  for (const [path, file] of files) {
    if (/^assets\/screenshot-[^/]*\.png$/.test(path) && pngSize(file.head) === undefined) {
      found.error(`${path}: not a PNG file`);
    }
  }
}

function checkSize(input: AppPackageInput, found: Findings): void {
  const contents = [...input.files.values()].reduce((sum, file) => sum + file.size, 0);
  // The limit is on the upload: the zip when there is one; a folder counts its files' full size.
  const [size, what] = input.archiveSize === undefined ? [contents, 'files'] : [input.archiveSize, 'zip'];
  if (size > MAX_PACKAGE_BYTES) {
    found.error(
      `the package's ${what} take ${formatBytes(size)}, over Zendesk's limit of ${formatBytes(MAX_PACKAGE_BYTES)}`,
    );
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}
