/**
 * `npm run corrections -- export [--since DATE] [--out FILE] [--no-mask] [--from URL]`: the desk's
 * corrections as a labelled corpus for `npm run eval` (src/cli/corrections-command.ts).
 */
import { runCorrectionsCommand } from '../src/cli/corrections-command';

const result = await runCorrectionsCommand(process.argv.slice(2), { env: process.env });
if (result.stdout !== undefined) process.stdout.write(result.stdout);
if (result.stderr !== undefined) process.stderr.write(result.stderr);
process.exitCode = result.code;
