import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

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

/** A command's input: a JSON array read from the one file its arguments name. */
export type JsonArrayInput =
  | { readonly ok: true; readonly file: string; readonly items: readonly unknown[] }
  | { readonly ok: false; readonly result: CommandResult };

export interface JsonArrayCommand {
  /** The command's name, which opens every message. */
  readonly command: string;
  /** What the array holds, in the messages: `tickets`, `items`. */
  readonly noun: string;
  readonly usage: string;
}

/**
 * Reads the JSON array a command's arguments name: no file (or `--help`) prints the usage, a
 * file that is not read, not JSON or not an array is exit 2 with the reason.
 */
export async function readJsonArrayInput(
  c: JsonArrayCommand,
  args: readonly string[],
  io: CommandIo,
): Promise<JsonArrayInput> {
  const file = args.find((a) => !a.startsWith('--') || a === '-');
  if (file === undefined || args.includes('--help'))
    return { ok: false, result: { code: 2, stderr: `${c.command}: no input file given.\n${c.usage}` } };
  const input = await readJsonInput(c.command, file, io);
  if (!input.ok) return input;
  const { json } = input;
  if (!Array.isArray(json)) {
    const got = json === null ? 'null' : typeof json;
    const stderr = `${c.command}: ${file} must hold a JSON array of ${c.noun}, not ${got}.\n${c.usage}`;
    return { ok: false, result: { code: 2, stderr } };
  }
  return { ok: true, file, items: json as unknown[] };
}

/** Exit 2 for an array whose items the schema refuses: the first ten issues, each by its path. */
export function invalidItems(
  c: JsonArrayCommand,
  file: string,
  what: string,
  issues: readonly z.core.$ZodIssue[],
): CommandResult {
  const lines = issues.slice(0, 10).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${String(p)}]` : `.${String(p)}`)).join('');
    return `  ${path === '' ? '(top level)' : path.startsWith('[') ? c.noun + path : path}: ${issue.message}`;
  });
  const more = issues.length > 10 ? `\n  ... and ${String(issues.length - 10)} more` : '';
  return { code: 2, stderr: `${c.command}: ${file} is not ${what}:\n${lines.join('\n')}${more}\n` };
}
