/**
 * `npm run corrections -- export [--since DATE] [--out FILE] [--no-mask] [--from URL]`: the desk's
 * corrections as a labelled corpus for `npm run eval` (src/cli/corrections-command.ts), read from
 * the store the proxy's settings name (src/proxy/store/corrections-source.ts) or a local run.
 */
import { runCorrectionsCommand } from '../src/cli/corrections-command';
import { storeCorrections } from '../src/proxy/store/corrections-source';

const result = await runCorrectionsCommand(process.argv.slice(2), {
  env: process.env,
  store: () => storeCorrections(process.env),
});
if (result.stdout !== undefined) process.stdout.write(result.stdout);
if (result.stderr !== undefined) process.stderr.write(result.stderr);
process.exitCode = result.code;
