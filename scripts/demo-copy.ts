/**
 * Makes the demo database's prepared copy that ships with the code (`npm run demo:copy`): the copy
 * of the default demo contents (every role embedded, the default schema prefixes) in
 * src/proxy/db/demo/copy/, named by the hash of what goes into it (db/demo/prepared.ts), the older
 * one deleted. Run it after a change to the demo data, the tables, the store's schema, PGlite's
 * settings or its version: `tests/proxy/demo-shipped-copy.test.ts` fails until then. Made as a
 * first start makes it, in a child process (db/demo/copy-process.ts).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, SHIPPED_DEMO_COPY_DIR } from '../src/proxy/config';
import { demoContents } from '../src/proxy/db/connect';
import { makeCopyInChild } from '../src/proxy/db/demo/copy-process';
import { copyName } from '../src/proxy/db/demo/prepared';

// The demo's configuration: no database named, whatever the calling shell has set.
const contents = demoContents(loadConfig({}).db);
const file = join(SHIPPED_DEMO_COPY_DIR, await copyName(contents));
const { peakMb } = await makeCopyInChild(contents, SHIPPED_DEMO_COPY_DIR, file);
process.stdout.write(
  `${file}: ${(statSync(file).size / 2 ** 20).toFixed(1)} MB (the child process making it peaked at ${String(peakMb)} MB)\n`,
);
