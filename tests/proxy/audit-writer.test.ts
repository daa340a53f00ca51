// Group commit of audit entries: every caller waits for its own entry; concurrent entries share
// INSERTs; a failed INSERT fails exactly the callers whose entries it carried.
import { describe, expect, it } from 'vitest';
import { AuditWriter } from '../../src/proxy/store/audit';
import type { Database, SqlParams } from '../../src/proxy/db/types';

function recordingDatabase(failOn: (call: number) => boolean = () => false) {
  const inserts: SqlParams[] = [];
  const db: Database = {
    label: 'store',
    dialect: 'postgres',
    query: async (_sql: string, params: SqlParams = {}) => {
      await new Promise((r) => setTimeout(r, 5));
      inserts.push(params);
      if (failOn(inserts.length)) throw new Error('store down');
      return [];
    },
    exec: () => Promise.resolve(),
    ping: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  return { db, inserts };
}

const entry = (i: number) => ({
  agent: { id: `a${i}`, name: null },
  ticket: 1,
  action: 'check.test',
  subject: { i },
  outcome: 'ok',
});

describe('AuditWriter', () => {
  it('writes every entry, batching those that arrive while an INSERT is in flight', async () => {
    const { db, inserts } = recordingDatabase();
    const writer = new AuditWriter(db);
    await Promise.all(Array.from({ length: 50 }, (_, i) => writer.write(entry(i))));
    const agents = inserts.flatMap((p) =>
      Object.entries(p)
        .filter(([k]) => /^agent\d+$/.test(k))
        .map(([, v]) => v),
    );
    expect(agents.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `a${i}`).sort());
    expect(inserts.length).toBeLessThanOrEqual(2);
  });

  it('rejects the callers of a failed INSERT and goes on with the next batch', async () => {
    const { db } = recordingDatabase((call) => call === 1);
    const writer = new AuditWriter(db);
    const first = writer.write(entry(1));
    const second = writer.write(entry(2));
    await expect(first).rejects.toThrow('store down');
    await expect(second).resolves.toBeUndefined();
  });
});
