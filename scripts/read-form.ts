/**
 * `npm run read-form -- FILE.pdf [FILE.pdf ...]`: prints a JSON array with one reading of the ens's
 * request form per file, in order, and nothing else on standard output (contracts/request-form.md).
 * Exit 0, also for files that cannot be read; exit 2 with a message when no file is given.
 */
import { runReadFormCommand } from '../src/cli/read-form-command';

const result = await runReadFormCommand(process.argv.slice(2));
if (result.stdout !== undefined) process.stdout.write(result.stdout);
if (result.stderr !== undefined) process.stderr.write(result.stderr);
process.exitCode = result.code;
