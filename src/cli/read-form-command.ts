import { open } from 'node:fs/promises';
import { MAX_FORM_FILE_BYTES, readForm, type FormReading } from '../domain/form';

/**
 * The `read-form` command, separated from process I/O so that tests run it in-process: one
 * answer per file, in order; a file that cannot be read at all is an `unreadable` answer, not an
 * error of the command.
 */
export interface CommandResult {
  readonly code: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

const USAGE = 'Usage: npm run read-form -- FILE.pdf [FILE.pdf ...]\n';

export async function runReadFormCommand(args: readonly string[], now: Date = new Date()): Promise<CommandResult> {
  const files = args.filter((a) => a !== '--');
  if (files.length === 0 || files.includes('--help')) {
    return { code: 2, stderr: `read-form: no file given.\n${USAGE}` };
  }
  const readings: FormReading[] = [];
  for (const file of files) readings.push(await readOne(file, now));
  return { code: 0, stdout: `${JSON.stringify(readings, null, 2)}\n` };
}

async function readOne(file: string, now: Date): Promise<FormReading> {
  let bytes: Uint8Array;
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_FORM_FILE_BYTES) {
        return {
          file,
          status: 'unreadable',
          code: 'TOO_LARGE',
          reason: `The file has ${String(size)} bytes; the reader opens files of at most ${String(MAX_FORM_FILE_BYTES)}.`,
        };
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const reason =
      code === 'ENOENT'
        ? 'No such file.'
        : code === 'EISDIR'
          ? 'This is a directory, not a file.'
          : `The file cannot be opened (${code || String(error)}).`;
    return { file, status: 'unreadable', code: 'MISSING_FILE', reason };
  }
  return readForm(bytes, { file, now });
}
