// The Oracle adapter with a stand-in for node-oracledb: what it sends, what it returns, how it
// reports an unreachable database and reconnects.
import { describe, expect, it } from 'vitest';
import { DatabaseQueryError, DatabaseUnavailableError } from '../../src/proxy/db/errors';
import { oracleDatabase, type OracleConnectionLike, type OracleDriverLike } from '../../src/proxy/db/oracle';
import type { OracleBindValue } from '../../src/proxy/db/dialect';

interface Call {
  sql: string;
  binds: Record<string, OracleBindValue>;
  callTimeout: number;
}

function fakeDriver(answer: (call: Call) => unknown[]) {
  const calls: Call[] = [];
  let pools = 0;
  let closedConnections = 0;
  const driver: OracleDriverLike = {
    OUT_FORMAT_OBJECT: 4002,
    createPool: () => {
      pools++;
      return Promise.resolve({
        getConnection: () => {
          const connection: OracleConnectionLike = {
            callTimeout: 0,
            execute: (sql, binds, options) => {
              expect(options.outFormat).toBe(4002);
              const call = { sql, binds, callTimeout: connection.callTimeout };
              calls.push(call);
              return Promise.resolve({ rows: answer(call) });
            },
            close: () => {
              closedConnections++;
              return Promise.resolve();
            },
          };
          return Promise.resolve(connection);
        },
        close: () => Promise.resolve(),
      });
    },
  };
  return { driver, calls, pools: () => pools, closed: () => closedConnections };
}

const options = {
  label: 'PRO',
  user: 'reader',
  password: 'x',
  connectString: 'db:1521/SIRI',
  statementTimeoutMs: 2000,
  poolMax: 2,
  readOnly: true as const,
};

describe('Oracle adapter', () => {
  it('sends translated SQL with renamed binds and a call timeout, and lower-cases columns', async () => {
    const fake = fakeDriver(() => [{ CODI: '801930008', NOM: 'Ajuntament de Barcelona', ACTIU: 1 }]);
    const db = oracleDatabase({ ...options, driver: fake.driver });
    const rows = await db.query(
      'SELECT CODI, NOM, ACTIU FROM SIRI.AOC_PCI_SIRI_ORGANISME o WHERE o.CODI IN (:ine10, :short)',
      {
        ine10: '0801930008',
        short: '801930008',
      },
    );
    expect(rows).toEqual([{ codi: '801930008', nom: 'Ajuntament de Barcelona', actiu: 1 }]);
    expect(fake.calls[0]).toEqual({
      sql: 'SELECT CODI, NOM, ACTIU FROM SIRI.AOC_PCI_SIRI_ORGANISME o WHERE o.CODI IN (:b0, :b1)',
      binds: { b0: '0801930008', b1: '801930008' },
      callTimeout: 2000,
    });
    expect(fake.closed()).toBe(1);
    expect(db.dialect).toBe('oracle');
  });

  it('pings with FROM DUAL and refuses anything but SELECT', async () => {
    const fake = fakeDriver(() => [{ OK: 1 }]);
    const db = oracleDatabase({ ...options, driver: fake.driver });
    await db.ping();
    expect(fake.calls[0]?.sql).toBe('SELECT 1 AS ok FROM DUAL');
    await expect(db.query('DELETE FROM SIRI.AOC_PCI_SIRI_ORGANISME')).rejects.toBeInstanceOf(DatabaseQueryError);
    await expect(db.exec('CREATE TABLE x (a INT)')).rejects.toThrow(/read-only/);
    expect(fake.calls).toHaveLength(1);
  });

  it('reports lost contact as unavailable and makes a new pool for the next query', async () => {
    let fail = true;
    const fake = fakeDriver(() => {
      if (fail)
        throw Object.assign(new Error('ORA-03113: end-of-file on communication channel'), { code: 'ORA-03113' });
      return [{ OK: 1 }];
    });
    const db = oracleDatabase({ ...options, driver: fake.driver });
    const err: unknown = await db.query('SELECT 1 AS ok FROM DUAL').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect((err as DatabaseUnavailableError).database).toBe('PRO');
    fail = false;
    expect(await db.query('SELECT 1 AS ok FROM DUAL')).toEqual([{ ok: 1 }]);
    expect(fake.pools()).toBe(2);
  });

  it('reports a faulty statement as a query error, not as unavailability', async () => {
    const fake = fakeDriver(() => {
      throw Object.assign(new Error('ORA-00942: table or view does not exist'), { code: 'ORA-00942' });
    });
    const db = oracleDatabase({ ...options, driver: fake.driver });
    await expect(db.query('SELECT * FROM nowhere')).rejects.toBeInstanceOf(DatabaseQueryError);
    expect(fake.pools()).toBe(1);
  });
});

describe('Oracle adapter with the real thin driver', () => {
  it('loads node-oracledb without an Oracle client and reports a refused connection as unavailable', async () => {
    const db = oracleDatabase({ ...options, connectString: '127.0.0.1:1/NOWHERE' });
    try {
      const err: unknown = await db.ping().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DatabaseUnavailableError);
      expect((err as Error).message).toMatch(/NJS-5\d\d/);
    } finally {
      await db.close();
    }
  });
});
