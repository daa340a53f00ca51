/**
 * The local run's corrections endpoints (dev server only, never the production proxy):
 * - `GET /__local/corrections[?since=ISO]`: every agent's corrections, read from the local proxy
 *   with a token this server signs (as Zendesk's request proxy signs the app's): the workbench's
 *   disagreements page and `npm run corrections -- export --from URL` read it.
 * - `POST /__local/corrections/fixture` `{ ticket, name, replace? }`: turns one correction into a
 *   test case, a one-ticket labelled corpus under tests/fixtures/corrections/, always masked.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { z } from 'zod';
import { CorrectionPageSchema, type CorrectionRecord, type ListCursor } from '../../domain/corpus/correction';
import { toLabelledTicket } from '../../domain/corpus/labelled';
import { createMasker, type Masker } from '../../domain/corpus/mask';
import { signHs256 } from './request-proxy';
import { writeFixture } from './fixture-writer';

export interface LocalCorrectionsOptions {
  /** The local proxy, e.g. http://127.0.0.1:8787. */
  readonly proxyUrl: string;
  readonly sharedSecret: string;
  /** The JWT `iss` the proxy expects: the local subdomain. */
  readonly issuer: string;
  readonly audience: string;
  /** Where fixtures go: tests/fixtures/corrections/ of this checkout. */
  readonly fixturesDir: string;
  /** CORRECTIONS_MASK_KEY; without one, a random key for this run. */
  readonly maskKey?: string;
  readonly fetch?: typeof fetch;
}

export const DEFAULT_FIXTURES_DIR = resolve(import.meta.dirname, '../../../tests/fixtures/corrections');

/** The reviewer the workbench acts as (demo mode lets every agent list all corrections). */
const WORKBENCH_AGENT = 'local-workbench';

class LocalError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, limit = 10_000): Promise<string> {
  return new Promise((done, fail) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) fail(new LocalError(413, 'The request is too large.'));
      else chunks.push(c);
    });
    req.on('end', () => {
      done(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', fail);
  });
}

async function proxyPage(
  options: LocalCorrectionsOptions,
  since: string | undefined,
  after: ListCursor | undefined,
): Promise<z.infer<typeof CorrectionPageSchema>> {
  const url = new URL('/v1/corrections', options.proxyUrl);
  if (since !== undefined) url.searchParams.set('since', since);
  if (after !== undefined) {
    url.searchParams.set('afterAt', after.at);
    url.searchParams.set('afterTicket', String(after.ticket));
  }
  const seconds = Math.floor(Date.now() / 1000);
  const token = signHs256(
    {
      iss: options.issuer,
      aud: options.audience,
      sub: WORKBENCH_AGENT,
      name: 'Local workbench',
      iat: seconds,
      exp: seconds + 300,
    },
    options.sharedSecret,
  );
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { headers: { Authorization: `Bearer ${token}` } });
  } catch {
    throw new LocalError(502, `The local proxy does not answer at ${options.proxyUrl}.`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = z.object({ message: z.string() }).safeParse(body);
    throw new LocalError(502, `The proxy answered ${response.status}: ${message.success ? message.data.message : ''}`);
  }
  return CorrectionPageSchema.parse(body);
}

export async function allCorrections(options: LocalCorrectionsOptions, since?: string): Promise<CorrectionRecord[]> {
  const records: CorrectionRecord[] = [];
  let after: ListCursor | undefined;
  for (;;) {
    const page = await proxyPage(options, since, after);
    records.push(...page.records);
    if (page.next === null) return records;
    after = page.next;
  }
}

const FixtureRequest = z.strictObject({
  ticket: z.number().int().positive(),
  name: z.string().max(100),
  replace: z.boolean().optional(),
});

function maskerFor(options: LocalCorrectionsOptions): Masker {
  const key = options.maskKey !== undefined && options.maskKey !== '' ? options.maskKey : randomBytes(32);
  return createMasker((input) => createHmac('sha256', key).update(input).digest());
}

export function localCorrections(options: LocalCorrectionsOptions) {
  const masker = maskerFor(options);
  const list = async (req: IncomingMessage) => {
    const since = new URL(req.url ?? '/', 'http://local').searchParams.get('since') ?? undefined;
    if (since !== undefined && Number.isNaN(new Date(since).getTime()))
      throw new LocalError(400, '"since" must be a date (YYYY-MM-DD or ISO date-time).');
    return { records: await allCorrections(options, since === undefined ? undefined : new Date(since).toISOString()) };
  };
  const fixture = async (req: IncomingMessage) => {
    let raw: unknown;
    try {
      raw = JSON.parse(await readBody(req));
    } catch (err) {
      if (err instanceof LocalError) throw err;
      throw new LocalError(400, 'The request is not JSON.');
    }
    const parsed = FixtureRequest.safeParse(raw);
    if (!parsed.success) throw new LocalError(400, 'Send { ticket: number, name: string, replace?: boolean }.');
    const record = (await allCorrections(options)).find((r) => r.ticket === parsed.data.ticket);
    if (record === undefined) throw new LocalError(404, `No correction is stored for ticket ${parsed.data.ticket}.`);
    const written = writeFixture(options.fixturesDir, parsed.data.name, [toLabelledTicket(record, masker)], {
      replace: parsed.data.replace === true,
    });
    if (!written.ok) throw new LocalError(written.status, written.message);
    return { path: written.path };
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0];
    const route =
      req.method === 'GET' && (path === '/' || path === '')
        ? list
        : req.method === 'POST' && path === '/fixture'
          ? fixture
          : undefined;
    if (route === undefined) {
      send(res, 404, { message: 'GET /__local/corrections or POST /__local/corrections/fixture' });
      return;
    }
    route(req).then(
      (body) => {
        send(res, 200, body);
      },
      (err: unknown) => {
        if (err instanceof LocalError) send(res, err.status, { message: err.message });
        else send(res, 500, { message: err instanceof Error ? err.message : 'Unexpected error.' });
      },
    );
  };
}
