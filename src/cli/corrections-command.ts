/**
 * `npm run corrections -- export [--since DATE] [--out FILE] [--no-mask] [--from URL]`: writes the
 * desk's corrections as a labelled corpus that `npm run eval -- FILE` scores. Separated from
 * process I/O so that tests run it in-process.
 *
 * Where the records come from:
 * - by default, the store database the proxy is configured with (the same variables:
 *   STORE_DATABASE_URL, or EMBEDDED_DATA_DIR for an embedded store kept on disk);
 * - `--from URL`: a running local run (`npm start`), whose dev server asks its proxy, whose
 *   embedded store lives in that process's memory;
 * - without `--from`, when the store is the embedded one and a local run is running here (it
 *   leaves its address in a file, `io.localRun`), that local run.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { CorrectionRecordSchema, type CorrectionRecord } from '../domain/corpus/correction';
import { toLabelledTicket } from '../domain/corpus/labelled';
import { createMasker, type Digest, type Masker } from '../domain/corpus/mask';

export interface CommandResult {
  readonly code: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

/** Where the records come from; tests give their own. */
export type RecordSource = (since: Date | undefined) => Promise<CorrectionRecord[]>;

/** A problem the person running the command can fix: told on standard error, exit code 2. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

/** Errors of the store's configuration (the proxy's ConfigError) are the user's to fix too. */
const isUserError = (err: unknown): err is Error =>
  err instanceof CommandError || (err instanceof Error && err.name === 'ConfigError');

export interface CorrectionsIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The store the proxy's settings name (the entry point wires it: src/cli does not open databases). */
  readonly store: () => RecordSource;
  /**
   * The address of the local run (npm start) running on this machine, when the store is the
   * embedded one: its store lives in that process, so the export reads through it.
   */
  readonly localRun?: () => string | undefined;
  readonly fetch?: typeof fetch;
}

export const USAGE = `Usage: npm run corrections -- export [--since DATE] [--out FILE] [--no-mask] [--from URL]

  export      write the stored corrections as a labelled corpus (the format of tests/fixtures/*.json)
  --since     only corrections made on or after DATE (YYYY-MM-DD, or an ISO date-time)
  --out       write to FILE instead of standard output
  --no-mask   keep e-mail addresses, phone numbers and NIF/NIE as they are (masked by default)
  --from      read from a running local run (npm start), e.g. --from http://localhost:3000

Records come from the store the proxy's settings name (STORE_DATABASE_URL, EMBEDDED_DATA_DIR);
with the embedded store, from the local run (npm start) running in this checkout, if one is.
Masks are keyed by CORRECTIONS_MASK_KEY. Score the corpus with: npm run eval -- FILE
`;

interface ExportArgs {
  readonly since: Date | undefined;
  readonly out: string | undefined;
  readonly mask: boolean;
  readonly from: string | undefined;
}

function parseDate(raw: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(raw)) return undefined;
  const date = new Date(raw.length === 10 ? `${raw}T00:00:00Z` : raw);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function parseArgs(args: readonly string[]): ExportArgs | string {
  const [verb, ...rest] = args;
  if (verb !== 'export') return verb === undefined ? 'no command given.' : `unknown command "${verb}".`;
  let since: Date | undefined;
  let out: string | undefined;
  let from: string | undefined;
  let mask = true;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    const value = (): string | undefined => inline ?? rest[++i];
    if (name === '--no-mask') mask = false;
    else if (name === '--since') {
      const raw = value();
      since = raw === undefined ? undefined : parseDate(raw);
      if (since === undefined) return `--since needs a date (YYYY-MM-DD or an ISO date-time), not "${raw ?? ''}".`;
    } else if (name === '--out') {
      out = value();
      if (out === undefined || out === '') return '--out needs a file name.';
    } else if (name === '--from') {
      from = value();
      if (from === undefined || !/^https?:\/\/[^/]+/.test(from))
        return "--from needs the local run's address, e.g. http://localhost:3000.";
    } else return `unknown option "${arg}".`;
  }
  return { since, out, mask, from };
}

/** HMAC-SHA256 under the configured key: masks cannot be reversed without it. */
function maskDigest(env: CorrectionsIo['env']): { digest: Digest; note: string | undefined } {
  const key = env.CORRECTIONS_MASK_KEY ?? '';
  if (key !== '' && key.length < 16) throw new CommandError('CORRECTIONS_MASK_KEY must be at least 16 characters.');
  const secret = key === '' ? randomBytes(32) : key;
  return {
    digest: (input) => createHmac('sha256', secret).update(input).digest(),
    note:
      key === ''
        ? 'CORRECTIONS_MASK_KEY is not set: a random key masks this export, so the same person masks differently in another export.\n'
        : undefined,
  };
}

const LocalRunAnswer = z.object({ records: z.array(CorrectionRecordSchema) });

/** Reads through a running local run: its dev server asks its proxy (see src/local/server/). */
export function localRunSource(base: string, fetchImpl: typeof fetch = fetch): RecordSource {
  return async (since) => {
    const url = new URL('/__local/corrections', base);
    if (since !== undefined) url.searchParams.set('since', since.toISOString());
    let response: Response;
    try {
      response = await fetchImpl(url);
    } catch {
      throw new CommandError(`Nothing answers at ${base}: is the local run (npm start) running there?`);
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const message = z.object({ message: z.string() }).safeParse(body);
      throw new CommandError(
        `The local run answered ${response.status}: ${message.success ? message.data.message : 'no explanation'}`,
      );
    }
    return LocalRunAnswer.parse(body).records;
  };
}

export async function runCorrectionsCommand(args: readonly string[], io: CorrectionsIo): Promise<CommandResult> {
  if (args.includes('--help') || args.includes('-h')) return { code: 0, stdout: USAGE };
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return { code: 2, stderr: `corrections: ${parsed}\n\n${USAGE}` };
  let notes = '';
  try {
    const from = parsed.from ?? io.localRun?.();
    if (parsed.from === undefined && from !== undefined)
      notes += `corrections: reading the local run at ${from} (npm start).\n`;
    const source = from === undefined ? io.store() : localRunSource(from, io.fetch);
    let masker: Masker | undefined;
    if (parsed.mask) {
      const { digest, note } = maskDigest(io.env);
      masker = createMasker(digest);
      notes += note ?? '';
    }
    const records = await source(parsed.since);
    const corpus = records.map((r) => toLabelledTicket(r, masker));
    const json = JSON.stringify(corpus, null, 2) + '\n';
    const corrected = records.filter((r) => r.kind === 'corrected').length;
    const summary =
      `corrections: ${records.length} ticket(s) exported (${corrected} corrected, ${records.length - corrected} confirmed)` +
      `${parsed.since === undefined ? '' : ` since ${parsed.since.toISOString()}`}, ${parsed.mask ? 'masked' : 'NOT masked'}.\n`;
    if (parsed.out === undefined) return { code: 0, stdout: json, stderr: notes + summary };
    await writeFile(parsed.out, json, 'utf8');
    return { code: 0, stderr: `${notes}${summary}Score it: npm run eval -- ${parsed.out}\n` };
  } catch (err) {
    if (isUserError(err)) return { code: 2, stderr: `corrections: ${err.message}\n` };
    throw err;
  }
}
