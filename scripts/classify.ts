/**
 * `npm run classify -- FILE`: reads a JSON array of tickets (FILE, or `-` for standard input) and
 * prints a JSON array of classifications, one per ticket, in order, and nothing else on standard
 * output. Invalid input: a message on standard error and exit code 2.
 */
import { finish, processIo } from '../src/cli/process-io';
import { runClassifyCommand } from '../src/cli/classify-command';

const result = await runClassifyCommand(process.argv.slice(2), processIo);
finish(result);
