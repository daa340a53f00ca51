/**
 * `npm run catalogue -- --summary`: loads and validates the catalogue file and prints its counts
 * (the figures the README states); `--json` prints the catalogue as loaded.
 */
import { runCatalogueCommand } from '../src/cli/catalogue-command';

const result = runCatalogueCommand(process.argv.slice(2));
if (result.stdout !== undefined) process.stdout.write(result.stdout);
if (result.stderr !== undefined) process.stderr.write(result.stderr);
process.exitCode = result.code;
