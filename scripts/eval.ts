/**
 * `npm run eval [-- [--min=0.95] [--holdout] FILE...]`: scores the classifier on labelled corpora
 * and prints, per file and for all files together, the accuracy per field and per category, the
 * flags, the confusion of products and every wrong value with the evidence that produced it.
 *
 * Default corpora: tests/fixtures/{dev-tickets,tickets,blind-tickets}.json and every
 * tests/fixtures/corpus/*-dev.json — the sets the classifier is developed on. `--holdout` scores
 * the held-out sets instead (tests/fixtures/corpus/*-holdout.json): they are kept aside to measure
 * the classifier on tickets nobody tuned it on, so they are scored, never read to tune. Exit code:
 * 1 when a ticket is wrong (with --min=X: when a field's accuracy over all files is below X), 2 when
 * a file is not a labelled corpus. `--json` adds, last, one line of JSON with the totals over all files
 * (tickets, per-field accuracy, modalities), for `npm run bench:all`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusSchema, fieldAccuracy, formatScore, score, type LabelledTicket } from '../src/cli/evaluate';

const CORPUS_DIR = 'tests/fixtures/corpus';
const fixed = ['tests/fixtures/dev-tickets.json', 'tests/fixtures/tickets.json', 'tests/fixtures/blind-tickets.json'];

function corpusFiles(suffix: string): string[] {
  return existsSync(CORPUS_DIR)
    ? readdirSync(CORPUS_DIR)
        .filter((f) => f.endsWith(suffix))
        .sort()
        .map((f) => join(CORPUS_DIR, f))
    : [];
}

function defaultFiles(holdout: boolean): string[] {
  if (holdout) return corpusFiles('-holdout.json');
  return [...fixed.filter((f) => existsSync(f)), ...corpusFiles('-dev.json')];
}

const args = process.argv.slice(2);
const minArg = args.find((a) => a.startsWith('--min='));
const min = minArg === undefined ? undefined : Number(minArg.slice('--min='.length));
if (min !== undefined && !(min >= 0 && min <= 1)) {
  process.stderr.write('eval: --min takes an accuracy between 0 and 1, e.g. --min=0.95\n');
  process.exit(2);
}
const known = new Set(['--holdout', '--json']);
const unknown = args.filter((a) => a.startsWith('--') && !a.startsWith('--min=') && !known.has(a));
if (unknown.length > 0) {
  process.stderr.write(`eval: unknown option ${unknown.join(' ')}; options: --min=X, --holdout, --json\n`);
  process.exit(2);
}
const named = args.filter((a) => !a.startsWith('--'));
const files = named.length > 0 ? named : defaultFiles(args.includes('--holdout'));
if (files.length === 0) {
  process.stderr.write('eval: no corpus found; pass a file: npm run eval -- FILE\n');
  process.exit(2);
}

const all: LabelledTicket[] = [];
for (const file of files) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`eval: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const parsed = CorpusSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : issue.path.map(String).join('.');
    process.stderr.write(`eval: ${file} is not a labelled corpus: ${where}: ${issue?.message ?? ''}\n`);
    process.exit(2);
  }
  all.push(...parsed.data);
  process.stdout.write(formatScore(score(parsed.data), file) + '\n\n');
}

const total = score(all);
if (files.length > 1) {
  const summary = formatScore({ ...total, misses: [] }, `All ${String(files.length)} files`);
  process.stdout.write(summary + '\n');
}
if (args.includes('--json')) {
  const json = {
    files: files.length,
    tickets: total.total,
    accuracy: fieldAccuracy(total),
    modalities: total.modalities,
  };
  process.stdout.write(JSON.stringify(json) + '\n');
}
if (min === undefined) {
  process.exitCode = total.allCorrect === total.total ? 0 : 1;
} else {
  const below = Object.entries(fieldAccuracy(total)).filter(([field, acc]) => field !== 'all' && acc < min);
  for (const [field, acc] of below)
    process.stderr.write(`eval: ${field} ${(100 * acc).toFixed(1)}% is below --min=${String(min)}\n`);
  process.exitCode = below.length === 0 ? 0 : 1;
}
