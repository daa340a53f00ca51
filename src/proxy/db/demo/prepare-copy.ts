/**
 * The child process that makes the demo database's prepared copy (copy-process.ts starts it,
 * prepared.ts explains why). Argument: one JSON object, `{ contents, dir, file }`. Prints
 * `{"peakMb": N}` (its own peak resident memory) once the copy is written, and exits.
 */
import { parseDemoContents } from './contents';
import { makeCopy } from './prepared';

const job = JSON.parse(process.argv[2] ?? 'null') as { contents?: unknown; dir?: unknown; file?: unknown } | null;
const { dir, file } = job ?? {};
if (typeof dir !== 'string' || typeof file !== 'string')
  throw new Error('usage: prepare-copy {"contents", "dir", "file"}');
await makeCopy(parseDemoContents(job?.contents), dir, file);
// resourceUsage's maxRSS is in kilobytes.
const result = `${JSON.stringify({ peakMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`;
// Exits once written, whatever handle the database may have left open.
process.stdout.write(result, () => process.exit(0));
