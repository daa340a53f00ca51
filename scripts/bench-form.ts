/**
 * `npm run bench:form`: reads a filled request form of about 250 KB (built like the real one: a
 * large template packet beside a small datasets packet) 100 times and prints the median and the
 * slowest read. Target: median ≤ 50 ms.
 *
 * Baseline, in the same run: one pass over the same bytes (its line ends counted), the least a
 * reader of the file must do. `--json` adds one line of JSON with
 * every figure, for `npm run bench:all`.
 */
import { readForm } from '../src/domain/form';
import { buildFormPdf, SAMPLE_FILLED_VALUES } from '../src/local/forms/build-form';

const RUNS = 100;
const bytes = await buildFormPdf({ values: SAMPLE_FILLED_VALUES, padToBytes: 300 * 1024, javascript: 'void 0;' });
const first = await readForm(bytes);
if (first.status !== 'read') throw new Error(`the benchmark form did not read: ${first.status}`);

const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  await readForm(bytes);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = ((times[RUNS / 2 - 1] ?? 0) + (times[RUNS / 2] ?? 0)) / 2;
const p95 = times[Math.ceil(RUNS * 0.95) - 1] ?? 0;
const baseline: number[] = [];
let lines = 0;
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  let count = 0;
  for (const byte of bytes) if (byte === 0x0a) count++;
  lines = count;
  baseline.push(performance.now() - start);
}
baseline.sort((a, b) => a - b);
const baselineMedian = ((baseline[RUNS / 2 - 1] ?? 0) + (baseline[RUNS / 2] ?? 0)) / 2;
console.log(`request form: ${(bytes.length / 1024).toFixed(0)} KB, ${String(RUNS)} reads`);
console.log(
  `median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, slowest ${(times[RUNS - 1] ?? 0).toFixed(1)} ms (target: median ≤ 50 ms)`,
);
console.log(
  `baseline (one pass over the bytes, ${String(lines)} line ends) median ${baselineMedian.toFixed(2)} ms; ` +
    `the read ${(median / baselineMedian).toFixed(0)}× that`,
);
if (process.argv.includes('--json')) {
  const figures = { medianMs: median, p95Ms: p95, slowestMs: times[RUNS - 1] ?? 0, baselineMedianMs: baselineMedian };
  console.log(JSON.stringify(figures));
}
