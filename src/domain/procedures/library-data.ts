import type { Library } from './engine';
import { library } from './library';

/**
 * The desk's procedures, loaded and checked (library.ts). The app's build runs this module and
 * bundles its result (tools/vite/prebuilt-data.ts): a broken procedure file fails the build, and
 * the browser gets the checked data without the schemas.
 */
export const LIBRARY: Library = library();
