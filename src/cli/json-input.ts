import { readFile } from 'node:fs/promises';

/** What a command returns, separated from process I/O so that tests run it in-process. */
export interface CommandResult {
  readonly code: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

export interface CommandIo {
  readonly readStdin: () => Promise<string>;
}

export type JsonInput =
  { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly result: CommandResult };

/**
 * Reads a command's JSON input: the file named, or standard input for `-`. A file that cannot be
 * read or does not parse is the command's exit 2, with the reason under the command's name.
 */
export async function readJsonInput(command: string, file: string, io: CommandIo): Promise<JsonInput> {
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    const reason =
      error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : String(error);
    return { ok: false, result: { code: 2, stderr: `${command}: cannot read ${file}: ${reason}\n` } };
  }
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, result: { code: 2, stderr: `${command}: ${file} is not valid JSON: ${reason}\n` } };
  }
}
