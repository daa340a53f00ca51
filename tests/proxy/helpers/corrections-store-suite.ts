/**
 * The corrections store's behaviour, run against each engine the store supports (PGlite and
 * PostgreSQL): latest record wins, own records only, retention.
 */
import { expect, it } from 'vitest';
import type { Database } from '../../../src/proxy/db/types';
import { CorrectionsStore, startRetention, type NewCorrection } from '../../../src/proxy/store/corrections';
import type { Agent } from '../../../src/proxy/store/agent';

const anna: Agent = { id: 'agent-anna', name: 'Anna' };
const pau: Agent = { id: 'agent-pau', name: 'Pau' };

/** A fixed clock that tests move forward. */
function clock(start = '2026-11-01T10:00:00.000Z') {
  let now = new Date(start);
  return {
    now: () => now,
    advanceDays: (days: number) => {
      now = new Date(now.getTime() + days * 86_400_000);
    },
  };
}

export function sampleCorrection(ticket: number, overrides: Partial<NewCorrection> = {}): NewCorrection {
  return {
    input: {
      id: String(ticket),
      subject: `Alta Via Oberta ${ticket}`,
      description: "L'Ajuntament demana consultar l'AEAT i el Padró. Contacte: apuig@example.cat, 938000000.",
      requester: { name: 'Anna Puig', email: 'apuig@example.cat' },
      organization: { name: 'Ajuntament de Vila-seca' },
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
    labels: {
      service: 'VO',
      products: ['AEAT', 'PADRO'],
      environment: 'PRE',
      ambit: 'MIXED',
      flags: ['AEAT_CERT', 'MULTI_AMBIT', 'PADRO'],
    },
    classifierVersion: 'test-1',
    ...overrides,
  };
}

async function auditActions(db: Database, ticket: number): Promise<string[]> {
  const rows = await db.query(
    `SELECT action, outcome, agent_id FROM assistant.audit_log WHERE ticket_id = :ticket ORDER BY id`,
    { ticket },
  );
  return rows.map((r) => `${String(r.action)}:${String(r.outcome)}:${String(r.agent_id)}`);
}

export function correctionsStoreSuite(database: () => Database): void {
  it('keeps one record per ticket: what the classifier saw, said, and what the agent settled on', async () => {
    const db = database();
    const store = new CorrectionsStore(db, { retentionDays: 30 });
    const summary = await store.record(910_001, sampleCorrection(910_001), anna);
    expect(summary).toMatchObject({
      ticket: 910_001,
      kind: 'corrected',
      changed: ['products', 'ambit', 'flags'],
      by: anna.id,
      classifierVersion: 'test-1',
    });
    const [record] = (await store.listAll(undefined)).filter((r) => r.ticket === 910_001);
    expect(record?.input.description).toContain('apuig@example.cat');
    expect(record?.original.evidence[0]?.text).toBe('AEAT');
    expect(record?.labels.products).toEqual(['AEAT', 'PADRO']);
    expect(await auditActions(db, 910_001)).toEqual([`correction.record:corrected:${anna.id}`]);
  });

  it('records a confirmation ("correcte") as a record whose labels are the answer', async () => {
    const store = new CorrectionsStore(database(), { retentionDays: 30 });
    const base = sampleCorrection(910_002);
    const { service, products, environment, ambit, flags } = base.original;
    const summary = await store.record(
      910_002,
      { ...base, labels: { service, products, environment, ambit, flags } },
      anna,
    );
    expect(summary.kind).toBe('confirmed');
    expect(summary.changed).toEqual([]);
  });

  it('the latest correction of a ticket replaces the earlier one, whoever made it', async () => {
    const store = new CorrectionsStore(database(), { retentionDays: 30 });
    await store.record(910_003, sampleCorrection(910_003), anna);
    const later = sampleCorrection(910_003, {
      labels: { service: 'VO', products: ['AEAT'], environment: 'PRO', ambit: 'AGE', flags: ['AEAT_CERT'] },
    });
    await store.record(910_003, later, pau);
    const all = (await store.listAll(undefined)).filter((r) => r.ticket === 910_003);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ by: pau.id, changed: ['environment'] });
    expect((await store.listOwn(anna)).some((r) => r.ticket === 910_003)).toBe(false);
    expect((await store.listOwn(pau)).some((r) => r.ticket === 910_003)).toBe(true);
  });

  it("withdraws an agent's own record only", async () => {
    const db = database();
    const store = new CorrectionsStore(db, { retentionDays: 30 });
    await store.record(910_004, sampleCorrection(910_004), anna);
    expect(await store.withdraw(910_004, pau)).toBe(false);
    expect((await store.listAll(undefined)).some((r) => r.ticket === 910_004)).toBe(true);
    expect(await store.withdraw(910_004, anna)).toBe(true);
    expect((await store.listAll(undefined)).some((r) => r.ticket === 910_004)).toBe(false);
    expect(await store.withdraw(910_004, anna)).toBe(false);
    expect(await auditActions(db, 910_004)).toEqual([
      `correction.record:corrected:${anna.id}`,
      `correction.withdraw:withdrawn:${anna.id}`,
    ]);
  });

  it('never returns a record older than the retention, and purges it', async () => {
    const db = database();
    const time = clock();
    const store = new CorrectionsStore(db, { retentionDays: 10, now: time.now });
    await store.record(910_005, sampleCorrection(910_005), anna);
    time.advanceDays(9);
    await store.record(910_006, sampleCorrection(910_006), anna);
    time.advanceDays(2);
    // 910_005 is 11 days old: hidden at once, before any purge.
    const own = (await store.listOwn(anna)).map((r) => r.ticket);
    expect(own).toContain(910_006);
    expect(own).not.toContain(910_005);
    expect((await store.listAll(undefined)).map((r) => r.ticket)).not.toContain(910_005);
    expect(await store.purgeExpired()).toBeGreaterThanOrEqual(1);
    // Gone from the table: a store whose clock is back at the start no longer finds it.
    const back = new CorrectionsStore(db, { retentionDays: 10, now: () => new Date('2026-11-01T10:00:00.000Z') });
    expect((await back.listAll(undefined)).map((r) => r.ticket)).not.toContain(910_005);
    expect((await back.listAll(undefined)).map((r) => r.ticket)).toContain(910_006);
  });

  it('purges at start-up, before the first timer tick', async () => {
    const db = database();
    const time = clock('2026-06-01T10:00:00.000Z');
    const store = new CorrectionsStore(db, { retentionDays: 5, now: time.now });
    await store.record(910_007, sampleCorrection(910_007), anna);
    time.advanceDays(6);
    const logged: string[] = [];
    const retention = startRetention(store, {
      info: (_o, msg) => logged.push(msg),
      warn: (_o, msg) => logged.push(msg),
    });
    await retention.first;
    retention.stop();
    const back = new CorrectionsStore(db, { retentionDays: 5, now: () => new Date('2026-06-01T10:00:00.000Z') });
    expect((await back.listAll(undefined)).map((r) => r.ticket)).not.toContain(910_007);
    expect(logged).toContain('expired classification corrections purged');
  });

  it('lists every record since a date, oldest first', async () => {
    const time = clock('2026-11-20T08:00:00.000Z');
    const store = new CorrectionsStore(database(), { retentionDays: 365, now: time.now });
    await store.record(910_008, sampleCorrection(910_008), anna);
    time.advanceDays(1);
    await store.record(910_009, sampleCorrection(910_009), pau);
    const since = (await store.listAll(new Date('2026-11-21T00:00:00.000Z'))).map((r) => r.ticket);
    expect(since).toContain(910_009);
    expect(since).not.toContain(910_008);
    const all = (await store.listAll(undefined)).map((r) => r.ticket);
    expect(all.indexOf(910_008)).toBeLessThan(all.indexOf(910_009));
  });
}
