/**
 * `npm run catalogue -- --summary`: loads and validates the catalogue file and prints its counts
 * (the figures the README states); `--json` prints the catalogue as loaded.
 */
import { finish } from '../src/cli/process-io';
import { runCatalogueCommand } from '../src/cli/catalogue-command';

const result = runCatalogueCommand(process.argv.slice(2));
finish(result);
