// The portable SQL's translation to PostgreSQL ($n) and Oracle (:bN, no booleans).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertSqlIdentifier, lowerCaseKeys, scanBinds, toOracle, toPostgres } from '../../src/proxy/db/dialect';
import { authorisationsSql } from '../../src/proxy/checks/authorisations';
import { ensCondition } from '../../src/proxy/checks/ens-lookup';

describe('SQL dialect translation', () => {
  it('numbers PostgreSQL binds by first use, reusing the position of a repeated name', () => {
    const s = toPostgres('SELECT * FROM t WHERE a = :x OR b = :y OR c = :x', { x: 1, y: 'two' });
    expect(s).toEqual({ text: 'SELECT * FROM t WHERE a = $1 OR b = $2 OR c = $1', values: [1, 'two'] });
  });

  it('renames Oracle binds away from reserved words and turns booleans into 1/0', () => {
    const s = toOracle('SELECT * FROM t WHERE d = :date AND u = :uid AND f = :flag AND d2 = :date;', {
      date: new Date(0),
      uid: 'u',
      flag: true,
    });
    expect(s.text).toBe('SELECT * FROM t WHERE d = :b0 AND u = :b1 AND f = :b2 AND d2 = :b0');
    expect(s.binds).toEqual({ b0: new Date(0), b1: 'u', b2: 1 });
    expect(toOracle('SELECT :f AS f FROM DUAL', { f: false }).binds).toEqual({ b0: 0 });
  });

  it('leaves colons in literals, quoted names, comments and casts alone', () => {
    const sql = `SELECT ':notbind', "a:b", x::text, '' || 'it''s :no' -- :comment\n /* :block */ FROM t WHERE y = :yes`;
    expect(toPostgres(sql, { yes: 1 }).text).toBe(sql.replace(':yes', '$1'));
    expect(toOracle(sql, { yes: 1 }).text).toBe(sql.replace(':yes', ':b0'));
    expect(
      scanBinds(sql)
        .filter((s) => s.bind !== undefined)
        .map((s) => s.bind),
    ).toEqual(['yes']);
  });

  it('refuses a missing or an unused parameter, and unterminated quotes', () => {
    expect(() => toPostgres('SELECT :a', {})).toThrow(/:a has no value/);
    expect(() => toOracle('SELECT 1 FROM DUAL', { a: 1 })).toThrow(/not used/);
    expect(() => toPostgres("SELECT 'open", {})).toThrow(/Unterminated/);
  });

  it('translates the real checks: every bind replaced, no value spliced into the text', () => {
    const condition = ensCondition({ by: 'ine10', id: { value: '0801930008', warnings: [] } });
    const sql = authorisationsSql('SIRI', condition.sql);
    const pgStatement = toPostgres(sql, condition.params);
    expect(pgStatement.values).toEqual(['0801930008', '801930008']);
    expect(pgStatement.text).toContain('o.CODI IN ($1, $2)');
    const ora = toOracle(sql, condition.params);
    expect(ora.text).toContain('o.CODI IN (:b0, :b1)');
    expect(ora.text).toContain('FETCH FIRST 501 ROWS ONLY');
    expect(ora.text).not.toContain('0801930008');
  });

  it('never lets a parameter value reach the statement text (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.boolean(), (value, asOracle) => {
        const marker = `zz${value}`;
        const params = { v: marker };
        const text = asOracle
          ? toOracle('SELECT x FROM t WHERE a = :v', params).text
          : toPostgres('SELECT x FROM t WHERE a = :v', params).text;
        expect(text.includes(marker)).toBe(false);
      }),
    );
  });

  it('lower-cases Oracle column names and checks spliced identifiers', () => {
    expect(lowerCaseKeys({ CODI: 'a', Nom: 'b' })).toEqual({ codi: 'a', nom: 'b' });
    expect(assertSqlIdentifier('PRE_SIRI', 'schema')).toBe('PRE_SIRI');
    expect(() => assertSqlIdentifier('SIRI; DROP', 'schema')).toThrow(/plain SQL identifier/);
  });
});
