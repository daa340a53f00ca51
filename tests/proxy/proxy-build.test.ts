import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProxy, PROXY_NODE_FLAGS } from '../../tools/proxy-build';

/**
 * The proxy as production runs it: built to plain JavaScript (`npm run build:proxy`) and started
 * with `node` alone. Checks what a build can break and the sources' tests cannot see: the files
 * read beside the code (package.json's version, dcoc.properties, the demo database's prepared
 * copy), the packages loaded from node_modules (PGlite's WASM), the lazily loaded chunks.
 */
const OUTDIR = `build/test-${String(process.pid)}`;
const CACHE_DIR = mkdtempSync(join(tmpdir(), 'aoc-build-cache-'));
let child: ChildProcess | undefined;
let base = '';
let token = '';

beforeAll(async () => {
  const { proxy } = await buildProxy({ entryPoints: { proxy: 'scripts/proxy.ts' }, outdir: OUTDIR });
  // Demo mode (no JWT_SECRET): every database embedded, and the proxy prints a token to use.
  // An empty cache: the build's own copy of the demo database is what the start must load.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PROXY_PORT: '0',
    PROXY_LOG_LEVEL: 'warn',
    EMBEDDED_CACHE_DIR: CACHE_DIR,
  };
  delete env.JWT_SECRET;
  const started = spawn(process.execPath, [...PROXY_NODE_FLAGS, proxy], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  child = started;
  for await (const line of createInterface({ input: started.stdout })) {
    const match = /curl -H "Authorization: Bearer (\S+)" "(http:\/\/[^/]+)\//.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      token = match[1];
      base = match[2];
      break;
    }
  }
  started.stdout.resume();
  if (base === '') throw new Error('the built proxy exited before printing its demo token');
}, 300_000);

afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(OUTDIR, { recursive: true, force: true });
  rmSync(CACHE_DIR, { recursive: true, force: true });
});

const get = async (path: string) => {
  const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('the built proxy', () => {
  it('reports the package version and every database up', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', version });
  });

  it('starts the demo database from the prepared copy it ships with, making none', () => {
    expect(readdirSync(join(OUTDIR, 'db/demo/copy'))).toHaveLength(1);
    expect(readdirSync(CACHE_DIR), 'the shipped copy did not load: npm run demo:copy?').toEqual([]);
  });

  it('answers a check from the embedded demo database', async () => {
    const check = await get('/v1/checks/authorisations?env=PRO&ine10=0801930008&ticket=1');
    expect(check.status).toBe(200);
    expect(Array.isArray(check.body.authorisations)).toBe(true);
    expect((check.body.authorisations as unknown[]).length).toBeGreaterThan(0);
  });

  it('reads the dcoc.properties file it ships with', async () => {
    const lines = await get('/v1/documents/dcoc-lines?ine10=0801930008&ticket=1');
    expect(lines.status).toBe(200);
    expect((lines.body.lines as unknown[]).length).toBeGreaterThan(0);
  });

  it('builds a MINHAP Excel through its lazily loaded spreadsheet chunk', async () => {
    const res = await fetch(`${base}/v1/documents/minhap`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        ticket: 1,
        ensName: 'Ajuntament de Barcelona',
        cif: 'P0801900B',
        ine10: '0801930008',
        modalities: [{ product: 'CADASTRE', modality: 'DADES_CADASTRALS' }],
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; file?: { size: number } };
    expect(body.status).toBe('built');
    expect(body.file?.size).toBeGreaterThan(1000);
  });
});

describe("the proxy's launches", () => {
  // Every way of starting the built proxy passes the same V8 flags (PROXY_NODE_FLAGS).
  const command = `node ${PROXY_NODE_FLAGS.join(' ')} build/proxy/proxy.mjs`;

  it('npm run proxy', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.proxy).toBe(`tsx scripts/build-proxy.ts && ${command}`);
  });

  it('the Containerfile', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync('deploy/Containerfile', 'utf8'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...PROXY_NODE_FLAGS, 'build/proxy/proxy.mjs']);
  });

  it('the systemd unit', () => {
    const exec = /^ExecStart=(.*)$/m.exec(readFileSync('deploy/aoc-proxy@.service', 'utf8'))?.[1];
    expect(exec).toBe(`/usr/bin/${command}`);
  });
});
