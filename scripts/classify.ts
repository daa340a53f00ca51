/**
 * `npm run classify -- FILE`: reads a JSON array of tickets (FILE, or `-` for standard input) and
 * prints a JSON array of classifications, one per ticket, in order, and nothing else on standard
 * output. Invalid input: a message on standard error and exit code 2.
 */
import { runClassifyCommand } from '../src/cli/classify-command';

const result = await runClassifyCommand(process.argv.slice(2), {
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
});
if (result.stdout !== undefined) process.stdout.write(result.stdout);
if (result.stderr !== undefined) process.stderr.write(result.stderr);
process.exitCode = result.code;
