/**
 * `npm run guide -- FILE`: reads a JSON array of `{ ticket, answers?, done? }` (FILE, or `-` for
 * standard input) and prints, for each, the classification and the steps of its procedure with
 * their state (`contracts/guide.md`), and nothing else on standard output. Invalid input: a
 * message on standard error and exit code 2.
 */
import { finish, processIo } from '../src/cli/process-io';
import { runGuideCommand } from '../src/cli/guide-command';

const result = await runGuideCommand(process.argv.slice(2), processIo);
finish(result);
