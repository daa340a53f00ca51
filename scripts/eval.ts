/**
 * `npm run eval [-- FILE...]`: scores the classifier on labelled corpora. By default the desk's
 * development corpus (tests/fixtures/dev-tickets.json) and the project's own
 * tickets (tests/fixtures/tickets.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import { CorpusSchema, formatScore, score } from '../src/cli/evaluate';

const defaults = [
  'tests/fixtures/dev-tickets.json',
  'tests/fixtures/tickets.json',
  'tests/fixtures/blind-tickets.json',
];
const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : defaults.filter((f) => existsSync(f));
if (files.length === 0) {
  process.stderr.write('eval: no corpus found; pass a file: npm run eval -- FILE\n');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  const parsed = CorpusSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    process.stderr.write(`eval: ${file} is not a labelled corpus: ${parsed.error.issues[0]?.message ?? ''}\n`);
    process.exit(2);
  }
  const s = score(parsed.data);
  process.stdout.write(formatScore(s, file) + '\n\n');
  if (s.allCorrect !== s.total) failed = true;
}
process.exitCode = failed ? 1 : 0;
