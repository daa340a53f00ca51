/**
 * `npm run bench`: classifies 10,000 tickets and prints the median and tail per-ticket times, then
 * the worst case on a 200 KB description. A benchmark, not a test: it prints figures.
 *
 * The tickets are the labelled corpora's, varied (reordered sentences, other numbers and names,
 * extra words) so that the classifier's per-word cache does not see the same text over and over.
 *
 * Baseline, in the same run: a trivial loop over the same tickets (lower-case the text and count
 * its words), the least any classifier must do per ticket. `--json` adds one line of JSON with
 * every figure, for `npm run bench:all`.
 */
import { readFileSync } from 'node:fs';
import { CorpusSchema } from '../src/cli/evaluate';
import { classify, type TicketInput } from '../src/domain/classifier';

const corpus = [
  ...CorpusSchema.parse(JSON.parse(readFileSync('tests/fixtures/dev-tickets.json', 'utf8'))),
  ...CorpusSchema.parse(JSON.parse(readFileSync('tests/fixtures/tickets.json', 'utf8'))),
].map((c) => c.ticket);

let seed = 42;
function random(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}
const FILLER = [
  'expedient',
  'gestor',
  'tramitació',
  'sol·licitants',
  'informàtica',
  'urgent',
  'consulta',
  'aplicació',
  'departament',
];

function vary(t: TicketInput, i: number): TicketInput {
  const sentences = t.description.split(/(?<=[.!?\n])/);
  const extra = Array.from(
    { length: 1 + random(6) },
    () => `${FILLER[random(FILLER.length)] ?? ''} ${String(random(100000))}`,
  ).join(' ');
  const shuffled = sentences.length > 2 ? [sentences[0] ?? '', ...sentences.slice(1).reverse()] : sentences;
  return {
    ...t,
    id: `${t.id}-${String(i)}`,
    description: `${shuffled.join('')}\nRef. ${extra} — Ens ${String(random(1000))}`,
  };
}

const N = 10_000;
const tickets = Array.from({ length: N }, (_, i) =>
  vary(corpus[i % corpus.length] ?? { id: 'x', subject: '', description: '' }, i),
);

// Warm-up: compiles the lexicon and lets the JIT settle, as in a running app.
for (let i = 0; i < 500; i++) classify(tickets[i % tickets.length] ?? { id: 'w', subject: '', description: '' });

const times = new Float64Array(N);
// CPU time as well as wall time: on a machine shared with other work, the wall time of one ticket
// includes the moments the process waits for a core.
const cpuStart = process.cpuUsage();
const start = process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  const t0 = process.hrtime.bigint();
  classify(tickets[i] ?? { id: 'x', subject: '', description: '' });
  times[i] = Number(process.hrtime.bigint() - t0) / 1e6;
}
const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
const cpu = process.cpuUsage(cpuStart);
const cpuPerTicketMs = (cpu.user + cpu.system) / 1000 / N;
const sorted = Array.from(times).sort((a, b) => a - b);
const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

const baselineTimes = new Float64Array(N);
let words = 0;
for (let i = 0; i < N; i++) {
  const t = tickets[i] ?? { id: 'x', subject: '', description: '' };
  const t0 = process.hrtime.bigint();
  words += `${t.subject} ${t.description}`.toLowerCase().split(/\s+/).length;
  baselineTimes[i] = Number(process.hrtime.bigint() - t0) / 1e6;
}
const baselineSorted = Array.from(baselineTimes).sort((a, b) => a - b);
const baselineMedian = baselineSorted[Math.floor(N / 2)] ?? NaN;
const avgChars = Math.round(tickets.reduce((s, t) => s + t.subject.length + t.description.length, 0) / N);

const big =
  'Bon dia, volem integrar el padró, la PSCP i l’AEAT amb el nostre gestor d’expedients número 12345. '.repeat(2100);
const bigTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = process.hrtime.bigint();
  classify({ id: `big${String(i)}`, subject: 'Alta Via Oberta', description: big + String(i), tags: ['alta_servei'] });
  bigTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
}

const f = (ms: number): string => `${ms.toFixed(3)} ms`;
console.log(
  `Classifier benchmark — ${String(N)} tickets (average ${String(avgChars)} characters), Node ${process.version}`,
);
console.log(`  median per ticket  ${f(at(0.5))}`);
console.log(`  p95 per ticket     ${f(at(0.95))}`);
console.log(`  p99 per ticket     ${f(at(0.99))}`);
console.log(`  max per ticket     ${f(at(1))}`);
console.log(`  CPU per ticket     ${f(cpuPerTicketMs)} mean (process CPU time over the 10,000, timing included)`);
console.log(`  throughput         ${Math.round(N / (totalMs / 1000)).toLocaleString('en')} tickets/s`);
console.log(`  200 KB description ${f(Math.max(...bigTimes))} worst of 5 (${String(big.length)} characters)`);
console.log(
  `  baseline (lower-case and count words) median ${f(baselineMedian)}; ` +
    `classifier ${(at(0.5) / baselineMedian).toFixed(0)}× that (${String(words)} words)`,
);
if (process.argv.includes('--json'))
  console.log(
    JSON.stringify({
      medianMs: at(0.5),
      p99Ms: at(0.99),
      ticketsPerSecond: N / (totalMs / 1000),
      bigDescriptionMs: Math.max(...bigTimes),
      baselineMedianMs: baselineMedian,
    }),
  );
