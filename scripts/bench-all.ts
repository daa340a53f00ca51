/**
 * `npm run bench:all`: runs every benchmark several times (`--runs N`, default 3) with `--json`,
 * and writes docs/benchmarks.md: date, machine (cores, memory, load, Node, Chromium), each figure
 * with the min / median / max of its runs, and each figure's ratio to its baseline measured in the
 * same run (so that a busy or slow machine moves both). Heavy: run it on an otherwise idle machine.
 *
 * `--proxy-duration S` sets bench:proxy's seconds per load (default 10); `--out FILE` writes
 * elsewhere than docs/benchmarks.md.
 */
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { ProxyBenchRow as ProxyRow } from '../tools/bench/proxy-row';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}
const RUNS = Number(option('--runs', '3'));
const PROXY_DURATION = option('--proxy-duration', '10');
const OUT = option('--out', 'docs/benchmarks.md');
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a whole number ≥ 1');

type Figures = Record<string, unknown>;

/** Runs one benchmark script with --json and returns the JSON of its last line. */
async function runJson(script: string, args: readonly string[]): Promise<Figures> {
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
      if (code !== 0 || last === undefined) {
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
for (let run = 1; run <= RUNS; run++) {
  process.stdout.write(`\n=== run ${String(run)} of ${String(RUNS)}\n`);
  const classifier = await runJson('scripts/bench-classifier.ts', []);
  const baseline = num(classifier, 'baselineMedianMs');
  const trivial = { of: baseline, name: 'trivial loop over the same tickets (lower-case, count words)' };
  record('Classifier (`npm run bench`)', 'median per ticket', 'ms', num(classifier, 'medianMs'), trivial);
  record('Classifier (`npm run bench`)', 'p99 per ticket', 'ms', num(classifier, 'p99Ms'), trivial);
  record('Classifier (`npm run bench`)', 'throughput', 'tickets/s', num(classifier, 'ticketsPerSecond'));
  record('Classifier (`npm run bench`)', '200 KB description, worst of 5', 'ms', num(classifier, 'bigDescriptionMs'));

  const form = await runJson('scripts/bench-form.ts', []);
  const pass = { of: num(form, 'baselineMedianMs'), name: 'one pass over the same bytes' };
  record('Request form (`npm run bench:form`)', 'median read', 'ms', num(form, 'medianMs'), pass);
  record('Request form (`npm run bench:form`)', 'p95 read', 'ms', num(form, 'p95Ms'), pass);

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
    record(memory, `proxy on ${db}: resident at rest`, 'MB', real.restRssMb);
    record(memory, `proxy on ${db}: peak under bench:proxy load`, 'MB', real.maxRssMb);
  }
  if (hello !== undefined) {
    record(section, 'bare Fastify hello route: requests/s', 'req/s', hello.rps);
    record('Memory', 'bare Fastify hello route (node + tsx): peak', 'MB', hello.maxRssMb);
  }

  const demo = await runJson('scripts/proxy-memory.ts', ['3000']);
  record('Memory', 'PGlite demo proxy (`npm run proxy`): peak after start', 'MB', num(demo, 'peakAfterStartMb'));
  record('Memory', 'PGlite demo proxy: peak after 3000 requests', 'MB', num(demo, 'peakAfterLoadMb'));
  record('Memory', 'PGlite demo proxy: resident after 3000 requests', 'MB', num(demo, 'residentAfterLoadMb'));
  record('Memory', 'PGlite demo proxy: start to ready', 's', num(demo, 'readySeconds'));

  const sidebar = await runJson('scripts/bench-sidebar.ts', []);
  const empty = { of: num(sidebar, 'emptyPageMs'), name: 'an empty page from a loopback server, same browser' };
  const sb = 'Sidebar (`npm run bench:sidebar`)';
  record(sb, 'production build: frame start → classification shown', 'ms', num(sidebar, 'buildShownMs'), empty);
  record(sb, 'local ticket page (dev server): same', 'ms', num(sidebar, 'devShownMs'), empty);
  record(sb, 'empty page load (the baseline)', 'ms', num(sidebar, 'emptyPageMs'));
  record('Memory', 'local run (`npm start`, all its processes): at rest', 'MB', num(sidebar, 'localRunRestMb'));
  record('Memory', 'local run: peak while the sidebar loads 11 times', 'MB', num(sidebar, 'localRunPeakMb'));
}
const loadAfter = loadavg();

function stats(values: readonly number[]): { min: number; median: number; max: number } {
  const s = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 0 ? ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2 : (s[mid] ?? NaN);
  return { min: s[0] ?? NaN, median, max: s[s.length - 1] ?? NaN };
}
const fmt = (v: number): string =>
  !Number.isFinite(v) ? '–' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(1) : v.toFixed(3);
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
  `- bench:proxy: 100 connections, ${PROXY_DURATION} s per load after a 2 s warm-up`,
  '',
];
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
lines.push(
  'Targets: the proxy on PostgreSQL under 150 MB resident, the PGlite demo peak under 500 MB (docs/proxy.md, "Memory").',
  'Not measured here: the proxy on Oracle (no Oracle server on the development machines).',
  '',
);
writeFileSync(OUT, lines.join('\n'));
// The repository's formatting, so that `npm run lint` passes on the written file.
execFileSync(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--write', OUT], { stdio: 'ignore' });
process.stdout.write(`\nWrote ${OUT}\n`);
