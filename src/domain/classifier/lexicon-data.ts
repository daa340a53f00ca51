/**
 * The lexicon as the matcher reads it. Building it (the catalogue's names, lexicon.ts) is cold code
 * that cost the sidebar a few hundred milliseconds each time it opened, so the app's build runs
 * this module in Node and bundles its exports as data (tools/vite/prebuilt-data.ts); tests and the
 * command-line tools import it as it is and build the lexicon at load.
 */
export { LEXICON, STOPWORDS } from './lexicon';
