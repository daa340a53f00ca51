import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusSchema } from '../../src/cli/evaluate';
import type { CorrectionPage, CorrectionRecord } from '../../src/domain/corpus/correction';
import { localCorrections } from '../../src/local/server/corrections';
import { writeFixture } from '../../src/local/server/fixture-writer';

describe('the fixture writer', () => {
  let root = '';
  let folder = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'fixture-writer-'));
    folder = join(root, 'tests', 'fixtures', 'corrections');
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('writes a fixture in its folder', () => {
    const result = writeFixture(folder, 'ticket-1002', [{ a: 1 }]);
    expect(result).toEqual({ ok: true, path: join(folder, 'ticket-1002.json') });
    expect(JSON.parse(readFileSync(join(folder, 'ticket-1002.json'), 'utf8'))).toEqual([{ a: 1 }]);
  });

  it.each([
    '../escape',
    '../../../../tmp/escape',
    '/etc/passwd',
    'a/b',
    'a\\b',
    '.hidden',
    'UPPER',
    '',
    'x'.repeat(81),
  ])('refuses the name %j (paths outside its folder, or not a plain name)', (name) => {
    const result = writeFixture(folder, name, []);
    expect(result.ok).toBe(false);
    expect(result.ok ? 0 : result.status).toBe(400);
  });

  it('does not write through a symbolic link, nor follow a linked folder elsewhere', () => {
    const outside = join(root, 'outside.json');
    writeFileSync(outside, 'keep');
    symlinkSync(outside, join(folder, 'linked.json'));
    expect(writeFixture(folder, 'linked', [], { replace: true }).ok).toBe(false);
    expect(readFileSync(outside, 'utf8')).toBe('keep');
  });

  it('keeps an existing fixture unless told to replace it', () => {
    writeFixture(folder, 'kept', [1]);
    const again = writeFixture(folder, 'kept', [2]);
    expect(again.ok ? 0 : again.status).toBe(409);
    expect(JSON.parse(readFileSync(join(folder, 'kept.json'), 'utf8'))).toEqual([1]);
    expect(writeFixture(folder, 'kept', [2], { replace: true }).ok).toBe(true);
    expect(JSON.parse(readFileSync(join(folder, 'kept.json'), 'utf8'))).toEqual([2]);
  });
});

const record: CorrectionRecord = {
  ticket: 1002,
  kind: 'corrected',
  changed: ['products'],
  subject: 'Alta Via Oberta',
  labels: { service: 'VO', products: ['AEAT', 'TGSS'], environment: 'PRE', ambit: 'AGE', flags: ['AEAT_CERT'] },
  classifierVersion: 'test',
  by: 'agent-1',
  byName: 'Agent 1',
  at: '2026-11-30T10:00:00.000Z',
  input: {
    id: '1002',
    subject: 'Alta Via Oberta',
    description: "Sol·licitem l'alta a Via Oberta per a l'AEAT i la TGSS. Contacte: apuig@example.cat, 612 345 678.",
    requester: { name: 'Anna Puig', email: 'apuig@example.cat' },
    tags: ['alta_servei'],
    attachments: ['formulari.pdf'],
  },
  original: {
    service: 'VO',
    products: ['AEAT'],
    environment: 'PRE',
    ambit: 'AGE',
    flags: ['AEAT_CERT'],
    confidence: 0.9,
    evidence: [{ field: 'description', text: 'AEAT', means: 'product AEAT' }],
  },
};

describe('the local corrections endpoints', () => {
  let server: Server | undefined;
  let base = '';
  let folder = '';
  const seen: { url: string; authorization: string | null }[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'local-corrections-'));
    mkdirSync(folder, { recursive: true });
    // The proxy, played by a stub: two pages, to check that every page is read.
    const fakeFetch: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      seen.push({ url: url.toString(), authorization: new Headers(init?.headers).get('authorization') });
      const page: CorrectionPage =
        url.searchParams.get('afterTicket') === null
          ? {
              records: [{ ...record, ticket: 1001, input: { ...record.input, id: '1001' } }],
              next: { at: record.at, ticket: 1001 },
            }
          : { records: [record], next: null };
      return Promise.resolve(new Response(JSON.stringify(page), { headers: { 'content-type': 'application/json' } }));
    };
    const handler = localCorrections({
      proxyUrl: 'http://127.0.0.1:9',
      sharedSecret: 'a-local-shared-secret-of-32-characters!',
      issuer: 'local',
      audience: 'aoc-integration-assistant',
      fixturesDir: folder,
      maskKey: 'local test mask key',
      fetch: fakeFetch,
    });
    server = createServer((req, res) => {
      // Mounted as Vite mounts it: the prefix stripped.
      req.url = (req.url ?? '/').replace(/^\/__local\/corrections/, '') || '/';
      handler(req, res);
    });
    await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/__local/corrections`;
  });
  afterAll(async () => {
    await new Promise((done) => server?.close(done));
    rmSync(folder, { recursive: true, force: true });
  });

  it("lists every page of the proxy's records, asking with a signed token", async () => {
    const response = await fetch(`${base}?since=2026-11-01`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { records: CorrectionRecord[] };
    expect(body.records.map((r) => r.ticket)).toEqual([1001, 1002]);
    expect(seen[0]?.url).toContain('/v1/corrections?since=2026-11-01T00%3A00%3A00.000Z');
    expect(seen[0]?.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('turns a correction into a masked one-ticket corpus under its folder', async () => {
    const response = await fetch(`${base}/fixture`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket: 1002, name: 'vo-tgss-missed' }),
    });
    expect(response.status).toBe(200);
    const file = join(folder, 'vo-tgss-missed.json');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('apuig@');
    expect(text).not.toContain('612 345 678');
    const corpus = CorpusSchema.parse(JSON.parse(text));
    expect(corpus).toHaveLength(1);
    expect(corpus[0]?.expected.products).toEqual(['AEAT', 'TGSS']);
  });

  it('refuses a path outside its folder, an unknown ticket, and a body that is not a request', async () => {
    const post = (body: unknown) =>
      fetch(`${base}/fixture`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ ticket: 1002, name: '../../escape' })).status).toBe(400);
    expect(existsSync(join(folder, '..', '..', 'escape.json'))).toBe(false);
    expect((await post({ ticket: 4242, name: 'nothing' })).status).toBe(404);
    expect((await post({ name: 'x' })).status).toBe(400);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });
});
