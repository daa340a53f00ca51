/**
 * The process's side of a command, for the entry points in `scripts/`: the commands themselves
 * take their input through `CommandIo` and return a `CommandResult`, so tests run them in-process.
 */
import type { CommandIo, CommandResult } from './json-input';

/** Standard input, read whole (a command's `-` file). */
export const processIo: CommandIo = {
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** Writes a command's output and error text and sets the exit code it asks for. */
export function finish(result: CommandResult): void {
  if (result.stdout !== undefined) process.stdout.write(result.stdout);
  if (result.stderr !== undefined) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
