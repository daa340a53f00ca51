/**
 * `npm run corrections -- export [--since DATE] [--out FILE] [--no-mask] [--from URL]`: the desk's
 * corrections as a labelled corpus for `npm run eval` (src/cli/corrections-command.ts), read from
 * the store the proxy's settings name (src/proxy/store/corrections-source.ts) or a local run.
 */
import { finish } from '../src/cli/process-io';
import { runCorrectionsCommand } from '../src/cli/corrections-command';
import { localRunFile, runningLocalRun } from '../src/local/server/local-run-file';
import { storeCorrections } from '../src/proxy/store/corrections-source';

// The embedded store belongs to the process running it: a local run here is where its records are.
const embeddedStore = (process.env.STORE_DATABASE_URL ?? 'embedded') === 'embedded';
const result = await runCorrectionsCommand(process.argv.slice(2), {
  env: process.env,
  store: () => storeCorrections(process.env),
  localRun: () => (embeddedStore ? runningLocalRun(localRunFile(process.env)) : undefined),
});
finish(result);
