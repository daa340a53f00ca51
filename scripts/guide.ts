/**
 * `npm run guide -- FILE`: reads a JSON array of `{ ticket, answers?, done? }` (FILE, or `-` for
 * standard input) and prints, for each, the classification and the steps of its procedure with
 * their state (`contracts/guide.md`), and nothing else on standard output. Invalid input: a
 * message on standard error and exit code 2.
 */
import { runGuideCommand } from '../src/cli/guide-command';

const result = await runGuideCommand(process.argv.slice(2), {
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
});
if (result.stdout !== undefined) process.stdout.write(result.stdout);
if (result.stderr !== undefined) process.stderr.write(result.stderr);
process.exitCode = result.code;
