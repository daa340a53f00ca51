/**
 * The lexicon as the matcher reads it: its phrases folded and indexed (lexicon-tables.ts), from
 * the one source, lexicon.ts. Building it is cold code that cost the sidebar a few hundred
 * milliseconds each time it opened, so the app's build runs this module in Node and bundles its
 * exports as data (tools/vite/prebuilt-data.ts); tests and the command-line tools import it as it
 * is and build the tables at load.
 */
import { LEXICON, STOPWORDS } from './lexicon';
import { compileLexicon } from './lexicon-tables';

export { STOPWORDS };
export const LEXICON_TABLES = compileLexicon(LEXICON, STOPWORDS);
