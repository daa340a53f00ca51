import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { runCorrectionsCommand } from '../../src/cli/corrections-command';
import { storeCorrections } from '../../src/proxy/store/corrections-source';
import { CorpusSchema, score } from '../../src/cli/evaluate';
import { classify } from '../../src/domain/classifier';
import { originalAnswerOf, type CorrectedTicket, type Labels } from '../../src/domain/corpus/correction';
import { createPglite, pgliteDatabase } from '../../src/proxy/db/pglite';
import { CorrectionsStore } from '../../src/proxy/store/corrections';
import { migrateStore } from '../../src/proxy/store/migrations';

const agent = { id: 'agent-1', name: 'Agent 1' };

/** A desk ticket, as the sidebar reads it. */
function deskTicket(id: string, description: string): CorrectedTicket {
  return {
    id,
    subject: 'Alta Via Oberta',
    description,
    requester: { name: 'Anna Puig', email: 'apuig@example.cat' },
    organization: { name: 'Ajuntament de Vila-seca' },
    tags: ['alta_servei'],
    attachments: ['formulari_sol-licitud_integracio_serveis_caoc.pdf', 'cda.cer'],
  };
}

const labelsOf = (t: CorrectedTicket): Labels => {
  const { service, products, environment, ambit, flags } = classify(t);
  return { service, products, environment, ambit, flags };
};

describe('correction → store → export → eval', () => {
  let pglite: PGlite | undefined;
  let store: CorrectionsStore | undefined;
  let dir = '';
  const confirmed = deskTicket(
    '1001',
    "Bon dia,\nSol·licitem l'alta a Via Oberta per consultar l'AEAT en preproducció. " +
      'Contacte: apuig@example.cat, tel. 938 000 000, DNI 99999972C.\nGràcies',
  );
  const corrected = deskTicket(
    '1002',
    "Bon dia,\nSol·licitem l'alta a Via Oberta per consultar l'AEAT en preproducció. Telèfon 612 345 678.\nGràcies",
  );
  // The agent says the ticket also asks for TGSS: a label the classifier did not give.
  const correctedLabels: Labels = { ...labelsOf(corrected), products: [...labelsOf(corrected).products, 'TGSS'] };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corrections-export-'));
    pglite = await createPglite();
    const db = pgliteDatabase(pglite, { label: 'store', readOnly: false, timeoutMs: 30_000 });
    await migrateStore(db);
    store = new CorrectionsStore(db, { retentionDays: 30 });
    for (const [ticket, labels] of [
      [confirmed, labelsOf(confirmed)],
      [corrected, correctedLabels],
    ] as const) {
      const original = originalAnswerOf(classify(ticket));
      await store.record(Number(ticket.id), { input: ticket, original, labels, classifierVersion: 'test' }, agent);
    }
  }, 60_000);
  afterAll(async () => {
    await pglite?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (args: string[], env: Record<string, string> = {}) =>
    runCorrectionsCommand(args, {
      env: { CORRECTIONS_MASK_KEY: 'a test key of some length', ...env },
      store: () => (since) => {
        if (store === undefined) throw new Error('store not started');
        return store.exportAll(since);
      },
    });

  it('exports a corpus that eval scores: the confirmed ticket right, the corrected one wrong where the agent said', async () => {
    const out = join(dir, 'desk.json');
    const result = await run(['export', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('2 ticket(s) exported (1 corrected, 1 confirmed)');
    expect(result.stderr).toContain(`npm run eval -- ${out}`);
    const corpus = CorpusSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    const s = score(corpus);
    expect(s.total).toBe(2);
    expect(s.allCorrect).toBe(1);
    expect(s.misses).toHaveLength(1);
    expect(s.misses[0]?.id).toBe('1002');
    expect(s.misses[0]?.fields.map((f) => f.field)).toEqual(['products']);
    expect(s.categories.get('corrected-products')).toEqual({ total: 1, correct: 0 });
  });

  it('masks by default, and the masked corpus scores the same', async () => {
    const masked = await run(['export']);
    const plain = await run(['export', '--no-mask']);
    expect(masked.stdout).not.toContain('apuig@');
    expect(masked.stdout).not.toContain('99999972C');
    expect(masked.stdout).not.toContain('612 345 678');
    expect(masked.stdout).toContain('@example.cat');
    expect(plain.stdout).toContain('apuig@example.cat');
    expect(plain.stdout).toContain('99999972C');
    expect(plain.stderr).toContain('NOT masked');
    const scoreOf = (json: string | undefined) => {
      const s = score(CorpusSchema.parse(JSON.parse(json ?? '')));
      return { correct: s.correct, allCorrect: s.allCorrect };
    };
    expect(scoreOf(masked.stdout)).toEqual(scoreOf(plain.stdout));
    // Deterministic under one key: two exports mask alike.
    expect((await run(['export'])).stdout).toBe(masked.stdout);
  });

  it('exports only what was corrected since a date', async () => {
    const future = await run(['export', '--since', '2999-01-01']);
    expect(JSON.parse(future.stdout ?? '')).toEqual([]);
    const past = await run(['export', '--since=2000-01-01']);
    expect(JSON.parse(past.stdout ?? '')).toHaveLength(2);
  });

  it('refuses what it cannot do, with the usage', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['import'])).stderr).toContain('unknown command "import"');
    expect((await run(['export', '--since', 'yesterday'])).stderr).toContain('--since needs a date');
    expect((await run(['export'], { CORRECTIONS_MASK_KEY: 'short' })).stderr).toContain('at least 16 characters');
    const inMemory = await runCorrectionsCommand(['export'], { env: {}, store: () => storeCorrections({}) });
    expect(inMemory.code).toBe(2);
    expect(inMemory.stderr).toContain('--from http://localhost:3000');
  });
});

describe('export from the local run running here', () => {
  const record = {
    ticket: 1003,
    kind: 'corrected',
    changed: ['service'],
    subject: 'Alta Via Oberta',
    labels: { service: 'PSCP', products: [], environment: 'PRE', ambit: 'NONE', flags: [] },
    classifierVersion: '0.1.0',
    by: '31',
    byName: null,
    at: '2026-11-23T10:00:00.000Z',
    input: deskTicket('1003', "Sol·licitem l'alta a Via Oberta per a l'AEAT."),
    original: { ...originalAnswerOf(classify(deskTicket('1003', "Sol·licitem l'alta a Via Oberta per a l'AEAT."))) },
  };
  const asked: string[] = [];
  const fetchStub: typeof fetch = (url) => {
    asked.push(typeof url === 'string' ? url : url instanceof URL ? url.href : url.url);
    return Promise.resolve(Response.json({ records: [record] }));
  };
  const noStore = () => () => Promise.reject(new Error('the store must not be opened'));

  it('reads through the local run the machine has, and says so', async () => {
    asked.length = 0;
    const result = await runCorrectionsCommand(['export', '--since', '2026-01-01'], {
      env: { CORRECTIONS_MASK_KEY: 'a test key of some length' },
      store: noStore,
      localRun: () => 'http://127.0.0.1:40299/',
      fetch: fetchStub,
    });
    expect(result.code).toBe(0);
    expect(asked).toEqual(['http://127.0.0.1:40299/__local/corrections?since=2026-01-01T00%3A00%3A00.000Z']);
    expect(result.stderr).toContain('reading the local run at http://127.0.0.1:40299/');
    const corpus = CorpusSchema.parse(JSON.parse(result.stdout ?? ''));
    expect(corpus.map((c) => [c.ticket.id, c.expected.service])).toEqual([['1003', 'PSCP']]);
  });

  it('--from names another one', async () => {
    asked.length = 0;
    const result = await runCorrectionsCommand(['export', '--from', 'http://127.0.0.1:40298'], {
      env: { CORRECTIONS_MASK_KEY: 'a test key of some length' },
      store: noStore,
      localRun: () => 'http://127.0.0.1:40299/',
      fetch: fetchStub,
    });
    expect(result.code).toBe(0);
    expect(asked).toEqual(['http://127.0.0.1:40298/__local/corrections']);
    expect(result.stderr).not.toContain('reading the local run');
  });

  it('a local run that has stopped is said to be gone', async () => {
    const result = await runCorrectionsCommand(['export'], {
      env: { CORRECTIONS_MASK_KEY: 'a test key of some length' },
      store: noStore,
      localRun: () => 'http://127.0.0.1:40297/',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Nothing answers at http://127.0.0.1:40297/');
  });
});

describe('export from the embedded store kept on disk', () => {
  it('reads the store EMBEDDED_DATA_DIR names', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'corrections-store-'));
    try {
      const pglite = await createPglite(dataDir);
      const db = pgliteDatabase(pglite, { label: 'store', readOnly: false, timeoutMs: 30_000 });
      await migrateStore(db);
      const ticket = deskTicket('2001', "Sol·licitem l'alta a l'e-NOTUM en preproducció.");
      const original = originalAnswerOf(classify(ticket));
      const labels = labelsOf(ticket);
      await new CorrectionsStore(db, { retentionDays: 30 }).record(
        2001,
        { input: ticket, original, labels, classifierVersion: 'test' },
        agent,
      );
      await pglite.close();
      const records = await storeCorrections({ EMBEDDED_DATA_DIR: dataDir })(undefined);
      expect(records.map((r) => r.ticket)).toEqual([2001]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
