import file from './data/catalogue.json';
import { loadCatalogue } from './load';

/**
 * The catalogue, validated once: a broken file stops with a clear error. The app's build runs
 * this module and bundles its result (tools/vite/prebuilt-data.ts), so a broken file fails the
 * build and the browser does not validate it again.
 */
export const CATALOGUE = loadCatalogue(file);
