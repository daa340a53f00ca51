/**
 * `npm run bench:all`: runs every benchmark several times (`--runs N`, default 3) with `--json`,
 * and writes docs/benchmarks.md: date, machine (cores, memory, load, Node, Chromium), each figure
 * with the min / median / max of its runs, and each figure's ratio to its baseline measured in the
 * same run (so that a busy or slow machine moves both). Heavy: run it on an otherwise idle machine.
 *
 * `--proxy-duration S` sets bench:proxy's seconds per load (default 10); `--out FILE` writes
 * elsewhere than docs/benchmarks.md; `--only LIST` runs only some of the benchmarks (a
 * comma-separated subset of accuracy, classifier, form, proxy, demo, sidebar: `--only proxy,demo` is
 * the proxy's memory and load without the rest), and the file then says which ran. `accuracy` is the
 * classifier's scores (`npm run eval`, on the development sets and on the held-out sets): the same on
 * every run, so it runs once.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { ProxyBenchRow as ProxyRow } from '../tools/bench/proxy-row';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}
const RUNS = Number(option('--runs', '3'));
const PROXY_DURATION = option('--proxy-duration', '10');
const OUT = option('--out', 'docs/benchmarks.md');
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a whole number ≥ 1');
const BENCHMARKS = ['accuracy', 'classifier', 'form', 'proxy', 'demo', 'sidebar'] as const;
type Benchmark = (typeof BENCHMARKS)[number];
const ONLY = option('--only', BENCHMARKS.join(','))
  .split(',')
  .map((b) => b.trim());
for (const b of ONLY)
  if (!(BENCHMARKS as readonly string[]).includes(b)) throw new Error(`--only: unknown benchmark ${b}`);
const runs = (b: Benchmark): boolean => ONLY.includes(b);
// A fresh checkout's first start loads the demo database's copy shipped with the code; later
// starts do the same.
const FIRST_START_PEAK = 'PGlite demo proxy (`npm run proxy`), first start (shipped copy): peak after start';
const FIRST_START_TREE_PEAK = 'PGlite demo proxy, first start: every process together, highest sample';
const LATER_PEAK = 'PGlite demo proxy, first and later starts: peak after 3000 requests';
// Contents the shipped copy lacks (src/proxy/db/demo/prepared.ts): the first start makes the copy
// in a child process, into the cache.
const MADE = 'PGlite demo, contents the shipped copy lacks, first start';
const MADE_CHILD_PEAK = `${MADE}: peak of the child process making the copy`;
const MADE_TREE_PEAK = `${MADE}: proxy and child together, highest sample`;

type Figures = Record<string, unknown>;

/** Runs one benchmark script with --json and returns the JSON of its last line. */
async function runJson(script: string, args: readonly string[], okCodes: readonly number[] = [0]): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args, '--json'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      process.stdout.write(chunk);
    });
    child.once('exit', (code) => {
      const last = out
        .trim()
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{'));
      if (code === null || !okCodes.includes(code) || last === undefined) {
        reject(new Error(`${script} failed (exit ${String(code)})`));
        return;
      }
      resolve(JSON.parse(last) as Figures);
    });
  });
}

/** One row of the report: a figure, its unit, and its baseline when it has one. */
interface Measure {
  readonly section: string;
  readonly name: string;
  readonly unit: string;
  readonly values: number[];
  /** Figure ÷ baseline, per run. */
  readonly ratios?: number[];
  readonly baseline?: string;
}

const measures = new Map<string, Measure>();
function record(section: string, name: string, unit: string, value: number, ratio?: { of: number; name: string }) {
  const key = `${section}\u0000${name}`;
  let m = measures.get(key);
  if (m === undefined) {
    m = { section, name, unit, values: [], ...(ratio === undefined ? {} : { ratios: [], baseline: ratio.name }) };
    measures.set(key, m);
  }
  m.values.push(value);
  if (ratio !== undefined && ratio.of > 0) m.ratios?.push(value / ratio.of);
}

const num = (f: Figures, key: string): number => {
  const v = f[key];
  return typeof v === 'number' ? v : Number.NaN;
};

const started = new Date();
const loadBefore = loadavg();

/** The classifier's accuracy on a set of corpora, as `npm run eval -- --json` prints it. */
interface Accuracy {
  readonly files: number;
  readonly tickets: number;
  readonly accuracy: Record<'service' | 'products' | 'environment' | 'ambit' | 'flags' | 'all', number>;
  readonly modalities: { readonly total: number; readonly correct: number };
}
const accuracies: { readonly set: string; readonly figures: Accuracy }[] = [];
if (runs('accuracy')) {
  // eval exits 1 when a ticket is wrong: that is a figure here, not a failure.
  for (const [set, args] of [
    ['development sets (`npm run eval`)', []],
    ['held-out sets (`npm run eval -- --holdout`)', ['--holdout']],
  ] as const) {
    accuracies.push({ set, figures: (await runJson('scripts/eval.ts', args, [0, 1])) as unknown as Accuracy });
  }
}
for (let run = 1; run <= RUNS; run++) {
  process.stdout.write(`\n=== run ${String(run)} of ${String(RUNS)}\n`);
  if (runs('classifier')) await classifierRun();
  if (runs('form')) await formRun();
  if (runs('proxy')) await proxyRun();
  if (runs('demo')) await demoRun();
  if (runs('sidebar')) await sidebarRun();
}
const loadAfter = loadavg();

async function classifierRun(): Promise<void> {
  const classifier = await runJson('scripts/bench-classifier.ts', []);
  const baseline = num(classifier, 'baselineMedianMs');
  const trivial = { of: baseline, name: 'trivial loop over the same tickets (lower-case, count words)' };
  record('Classifier (`npm run bench`)', 'median per ticket', 'ms', num(classifier, 'medianMs'), trivial);
  record('Classifier (`npm run bench`)', 'p99 per ticket', 'ms', num(classifier, 'p99Ms'), trivial);
  record('Classifier (`npm run bench`)', 'throughput', 'tickets/s', num(classifier, 'ticketsPerSecond'));
  record('Classifier (`npm run bench`)', '200 KB description, worst of 5', 'ms', num(classifier, 'bigDescriptionMs'));
}

async function formRun(): Promise<void> {
  const form = await runJson('scripts/bench-form.ts', []);
  const pass = { of: num(form, 'baselineMedianMs'), name: 'one pass over the same bytes' };
  record('Request form (`npm run bench:form`)', 'median read', 'ms', num(form, 'medianMs'), pass);
  record('Request form (`npm run bench:form`)', 'p95 read', 'ms', num(form, 'p95Ms'), pass);
}

async function proxyRun(): Promise<void> {
  const proxy = await runJson('scripts/bench-proxy.ts', ['--duration', PROXY_DURATION]);
  const rows = (proxy.rows ?? []) as ProxyRow[];
  const row = (name: string) => rows.find((r) => r.name === name);
  const hello = row('bare Fastify route, fixed JSON');
  const section = 'Proxy (`npm run bench:proxy`)';
  for (const db of ['PGlite', 'PostgreSQL']) {
    const real = row(`proxy check (authorisations), ${db}`);
    const bare = row(`bare route + authorisations query, ${db}`);
    if (real === undefined) continue;
    if (hello !== undefined)
      record(section, `check on ${db}: requests/s`, 'req/s', real.rps, {
        of: hello.rps,
        name: 'bare Fastify hello route (fixed JSON)',
      });
    if (bare !== undefined)
      record(section, `check on ${db}: p50 latency`, 'ms', real.p50, {
        of: bare.p50,
        name: 'bare Fastify route running the same query',
      });
    record(section, `check on ${db}: errors + non-2xx`, '', real.errors + real.non2xx);
    const memory = 'Memory';
    const bareRest =
      hello === undefined ? undefined : { of: hello.restRssMb, name: 'bare Fastify hello route: at rest' };
    const barePeak = hello === undefined ? undefined : { of: hello.maxRssMb, name: 'bare Fastify hello route: peak' };
    record(memory, `proxy on ${db}: resident at rest`, 'MB', real.restRssMb, bareRest);
    record(memory, `proxy on ${db}: peak under bench:proxy load`, 'MB', real.maxRssMb, barePeak);
  }
  const oracle = proxy.oracle as { restRssMb: number; afterFailedConnectRssMb: number } | null | undefined;
  if (oracle !== null && oracle !== undefined) {
    const bareRest =
      hello === undefined ? undefined : { of: hello.restRssMb, name: 'bare Fastify hello route: at rest' };
    record(
      'Memory',
      'proxy on Oracle: resident at rest (driver loaded, not connected)',
      'MB',
      oracle.restRssMb,
      bareRest,
    );
    record(
      'Memory',
      'proxy on Oracle: resident after a /health that cannot connect',
      'MB',
      oracle.afterFailedConnectRssMb,
      bareRest,
    );
  }
  if (hello !== undefined) {
    record(section, 'bare Fastify hello route: requests/s', 'req/s', hello.rps);
    record('Memory', 'bare Fastify hello route (node): at rest', 'MB', hello.restRssMb);
    record('Memory', 'bare Fastify hello route (node): peak', 'MB', hello.maxRssMb);
  }
}

async function demoRun(): Promise<void> {
  // A fresh checkout's first start (an empty cache: the shipped copy loaded); then, with contents
  // the shipped copy lacks (PRE under another prefix, as a change of the demo data without
  // `npm run demo:copy` leaves it), a first start making the copy and a later one loading it.
  const cacheDir = mkdtempSync(join(tmpdir(), 'aoc-bench-demo-'));
  try {
    const first = await runJson('scripts/proxy-memory.ts', ['3000', '--cache-dir', cacheDir]);
    const made = await runJson('scripts/proxy-memory.ts', ['3000', '--cache-dir', cacheDir, '--other-contents']);
    const loaded = await runJson('scripts/proxy-memory.ts', ['3000', '--cache-dir', cacheDir, '--other-contents']);
    const got = [first.copy, made.copy, loaded.copy].map(String).join(', ');
    if (got !== 'shipped, made, loaded')
      throw new Error(`demo runs: expected shipped, made, loaded copies, got ${got}`);
    const m = 'Memory';
    record(m, FIRST_START_PEAK, 'MB', num(first, 'peakAfterStartMb'));
    record(m, FIRST_START_TREE_PEAK, 'MB', num(first, 'treePeakMb'));
    record(m, LATER_PEAK, 'MB', num(first, 'peakAfterLoadMb'));
    record(m, 'PGlite demo proxy: resident after 3000 requests', 'MB', num(first, 'residentAfterLoadMb'));
    record(m, 'PGlite demo proxy: start to ready', 's', num(first, 'readySeconds'));
    record(m, MADE_CHILD_PEAK, 'MB', num(made, 'childPeakMb'));
    record(m, MADE_TREE_PEAK, 'MB', num(made, 'treePeakMb'));
    record(m, `${MADE}: start to ready`, 's', num(made, 'readySeconds'));
    record(
      m,
      'PGlite demo, such contents on later starts (copy in the cache): peak after 3000 requests',
      'MB',
      num(loaded, 'peakAfterLoadMb'),
    );
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

async function sidebarRun(): Promise<void> {
  const sidebar = await runJson('scripts/bench-sidebar.ts', []);
  const empty = { of: num(sidebar, 'emptyPageMs'), name: 'an empty page from a loopback server, same browser' };
  const sb = 'Sidebar (`npm run bench:sidebar`)';
  // The frame from a site of its own, as Zendesk serves an app (bench-sidebar.ts, built-app.ts).
  record(sb, 'production build: frame start → classification shown', 'ms', num(sidebar, 'buildShownMs'), empty);
  record(
    sb,
    'production build, hashed chunks cacheable (loads after the first): same',
    'ms',
    num(sidebar, 'buildCachedShownMs'),
    empty,
  );
  record(
    sb,
    'production build, host page on the frame’s thread (one site, not as Zendesk runs it): same',
    'ms',
    num(sidebar, 'buildSameSiteShownMs'),
    empty,
  );
  record(sb, 'local ticket page (dev server): same', 'ms', num(sidebar, 'devShownMs'), empty);
  record(sb, 'empty page load (the baseline)', 'ms', num(sidebar, 'emptyPageMs'));
  record('Memory', 'local run (`npm start`, all its processes): at rest', 'MB', num(sidebar, 'localRunRestMb'));
  record('Memory', 'local run: peak while the sidebar loads 11 times', 'MB', num(sidebar, 'localRunPeakMb'));
}

function stats(values: readonly number[]): { min: number; median: number; max: number } {
  const s = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 0 ? ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2 : (s[mid] ?? NaN);
  return { min: s[0] ?? NaN, median, max: s[s.length - 1] ?? NaN };
}
const fmt = (v: number): string =>
  !Number.isFinite(v) ? '–' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(1) : v.toFixed(3);
/** A share (0–1) as a percentage with one decimal. */
const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;
const fmtRatio = (v: number): string => (!Number.isFinite(v) ? '–' : v >= 10 ? `${v.toFixed(0)}×` : `${v.toFixed(2)}×`);

const loads = (l: readonly number[]): string => l.map((x) => x.toFixed(1)).join(', ');
let chromium = 'not found';
try {
  chromium = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
} catch {
  // left as "not found"
}
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  // not a checkout
}

const skipped = BENCHMARKS.filter((b) => !runs(b));
const notRun = skipped.length === 0 ? '' : ` (not run: ${skipped.join(', ')}; their figures are not in this file)`;
const lines: string[] = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench:all\` (\`scripts/bench-all.ts\`); do not edit by hand. Each figure is the min / median / max`,
  `of ${String(RUNS)} runs of its benchmark; a ratio divides the figure by its baseline measured in the same run (min /`,
  'median / max of the per-run ratios), so that it says what the product costs over the least such work would, on',
  'whatever machine runs it. What each benchmark does is said at the top of its script (`scripts/bench-*.ts`,',
  '`scripts/proxy-memory.ts`) and in the README.',
  '',
  `- date: ${started.toISOString()} (commit ${commit})`,
  `- machine: ${String(cpus().length)} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory`,
  `- load average (1, 5, 15 min) before: ${loads(loadBefore)}; after: ${loads(loadAfter)}` +
    (loadBefore[0] !== undefined && loadBefore[0] > cpus().length
      ? ' — the machine was shared with other work: absolute figures are slower and more spread than on an ' +
        'idle machine; the ratios hold better'
      : ''),
  `- Node ${process.version}; ${chromium}`,
  `- bench:proxy: 100 connections, ${PROXY_DURATION} s per load after a 2 s warm-up; every proxy and bare server ` +
    'runs built to plain JavaScript under `node` alone, as production runs the proxy (`npm run build:proxy`)',
  `- benchmarks run: ${ONLY.join(', ')}${notRun}`,
  '',
];
if (accuracies.length > 0) {
  lines.push(
    '## Classifier accuracy (`npm run eval`)',
    '',
    'Share of labelled tickets whose value is right, over all the files of each set (the same on every run). The ' +
      'held-out sets are written and reviewed blind to the code and never read to tune it.',
    '',
    '| set | tickets | service | products | environment | àmbit | flags | all fields | modalities (labelled) |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const { set, figures: f } of accuracies) {
    const a = f.accuracy;
    const mod =
      f.modalities.total === 0
        ? '–'
        : `${pct(f.modalities.correct / f.modalities.total)} (${String(f.modalities.correct)}/${String(f.modalities.total)})`;
    lines.push(
      `| ${set} | ${String(f.tickets)} in ${String(f.files)} files | ${pct(a.service)} | ${pct(a.products)} | ` +
        `${pct(a.environment)} | ${pct(a.ambit)} | ${pct(a.flags)} | ${pct(a.all)} | ${mod} |`,
    );
  }
  lines.push('');
}
const sections = [...new Set([...measures.values()].map((m) => m.section))];
for (const section of sections) {
  lines.push(
    `## ${section}`,
    '',
    '| figure | min | median | max | ratio to baseline (min / median / max) | baseline |',
  );
  lines.push('|---|---|---|---|---|---|');
  for (const m of [...measures.values()].filter((x) => x.section === section)) {
    const s = stats(m.values);
    const unit = m.unit === '' ? '' : ` ${m.unit}`;
    const r = m.ratios === undefined ? undefined : stats(m.ratios);
    lines.push(
      `| ${m.name} | ${fmt(s.min)}${unit} | ${fmt(s.median)}${unit} | ${fmt(s.max)}${unit} | ` +
        `${r === undefined ? '' : `${fmtRatio(r.min)} / ${fmtRatio(r.median)} / ${fmtRatio(r.max)}`} | ${m.baseline ?? ''} |`,
    );
  }
  lines.push('');
}
/** "met" / "not met" for a target on a figure's median and max, or why there is no verdict. */
function verdict(name: string, limitMb: number): string {
  const m = [...measures.values()].find((x) => x.section === 'Memory' && x.name === name);
  if (m === undefined) return `${name}: not measured in this run`;
  const s = stats(m.values);
  const met = (v: number) => (v < limitMb ? 'met' : 'not met');
  return (
    `${name}: median ${fmt(s.median)} MB, max ${fmt(s.max)} MB — under ${String(limitMb)} MB: ` +
    `${met(s.median)} on the median, ${met(s.max)} on the max`
  );
}
lines.push(
  'Targets (docs/proxy.md, "Memory"):',
  '',
  `- ${verdict('proxy on PostgreSQL: resident at rest', 150)}`,
  `- ${verdict('proxy on PostgreSQL: peak under bench:proxy load', 150)}`,
  `- ${verdict(FIRST_START_PEAK, 500)}`,
  `- ${verdict(FIRST_START_TREE_PEAK, 500)} (the same start: what the machine needed at once, sampled every 100 ms)`,
  `- ${verdict(LATER_PEAK, 500)}`,
  `- ${verdict(MADE_TREE_PEAK, 500)} (not the demo's own start: only until \`npm run demo:copy\` ships the copy again)`,
  '',
  'Oracle: no Oracle server is reachable from the development machines. Measured: the proxy configured with PRE ' +
    'and PRO on Oracle (an address where nothing listens) and the store on PostgreSQL, at rest with the oracledb ' +
    'driver (thin mode) loaded before any connection, and after one /health whose Oracle connections fail. Not ' +
    'measured: the proxy connected to Oracle, its pool, its queries, and its memory under load.',
  '',
);
writeFileSync(OUT, lines.join('\n'));
// The repository's formatting, so that `npm run lint` passes on the written file.
execFileSync(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--write', OUT], { stdio: 'ignore' });
process.stdout.write(`\nWrote ${OUT}\n`);

/** The median ratio (or, with `value`, the median figure) of a measure, formatted; "–" when not measured. */
function median(section: string, name: string, what: 'ratio' | 'value'): string {
  const m = [...measures.values()].find((x) => x.section.startsWith(section) && x.name === name);
  if (m === undefined) return '–';
  if (what === 'value') return `${fmt(stats(m.values).median)} ${m.unit}`;
  return m.ratios === undefined ? '–' : fmtRatio(stats(m.ratios).median);
}

/** The held-out accuracy in one sentence, for the README's summary. */
function accuracySummary(): string {
  const held = accuracies.find((a) => a.set.startsWith('held-out'))?.figures;
  if (held === undefined) return '';
  const a = held.accuracy;
  return (
    ` The classifier, on the ${String(held.tickets)} held-out tickets: service ${pct(a.service)}, products ` +
    `${pct(a.products)}, environment ${pct(a.environment)}, àmbit ${pct(a.ambit)}, flags ${pct(a.flags)}, every ` +
    `field right ${pct(a.all)}.`
  );
}

/**
 * The README quotes this run's figures between two markers, written here rather than copied by
 * hand, so that they are always the last run's. Only a full run to docs/benchmarks.md rewrites it.
 */
const README = 'README.md';
const START = '<!-- bench:all summary -->';
const END = '<!-- /bench:all summary -->';
if (OUT === 'docs/benchmarks.md' && skipped.length === 0 && existsSync(README)) {
  const summary =
    `In its last run (medians of ${String(RUNS)}, commit ${commit}): the proxy's check on PostgreSQL answered at ` +
    `${median('Proxy', 'check on PostgreSQL: p50 latency', 'ratio')} the p50 latency of a bare Fastify route running ` +
    `the same query, and at ${median('Proxy', 'check on PostgreSQL: requests/s', 'ratio')} the requests/s of a bare ` +
    `hello route; the classifier's median ticket took ${median('Classifier', 'median per ticket', 'ratio')} a ` +
    `trivial loop over the same text (${median('Classifier', 'median per ticket', 'value')}); a form read took ` +
    `${median('Request form', 'median read', 'ratio')} one pass over its bytes; the production sidebar showed its ` +
    `classification ${median('Sidebar', 'production build: frame start → classification shown', 'ratio')} later ` +
    `than an empty page loads (${median('Sidebar', 'production build: frame start → classification shown', 'value')}). ` +
    `Memory: the proxy on PostgreSQL ${median('Memory', 'proxy on PostgreSQL: resident at rest', 'value')} at rest ` +
    `and ${median('Memory', 'proxy on PostgreSQL: peak under bench:proxy load', 'value')} at its peak under load; ` +
    `the PGlite demo ${median('Memory', FIRST_START_TREE_PEAK, 'value')} at its peak on a fresh checkout's first ` +
    `start, every process summed, and ${median('Memory', LATER_PEAK, 'value')} under load.` +
    accuracySummary();
  const readme = readFileSync(README, 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from === -1 || to < from) {
    process.stdout.write(`${README} has no ${START} … ${END} block: not updated\n`);
  } else {
    writeFileSync(README, readme.slice(0, from + START.length) + '\n' + summary + '\n' + readme.slice(to));
    process.stdout.write(`Updated the benchmark summary in ${README}\n`);
  }
}
