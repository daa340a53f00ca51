/**
 * `npm run read-form -- FILE.pdf [FILE.pdf ...]`: prints a JSON array with one reading of the ens's
 * request form per file, in order, and nothing else on standard output (contracts/request-form.md).
 * Exit 0, also for files that cannot be read; exit 2 with a message when no file is given.
 */
import { finish } from '../src/cli/process-io';
import { runReadFormCommand } from '../src/cli/read-form-command';

const result = await runReadFormCommand(process.argv.slice(2));
finish(result);
