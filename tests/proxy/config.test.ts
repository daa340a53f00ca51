// Configuration from environment variables: demo defaults, production requirements, refusals.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/proxy/config';

describe('proxy configuration', () => {
  it('runs the embedded demo with no variables at all', () => {
    const config = loadConfig({});
    expect(config.demo).toBe(true);
    expect(config.jwt.secret).toBeUndefined();
    expect(config.db.pre).toEqual({ location: { kind: 'embedded' }, schemaPrefix: 'PRE_' });
    expect(config.db.pro).toEqual({ location: { kind: 'embedded' }, schemaPrefix: '' });
    expect(config.corsOrigins).toEqual([]);
    expect(config.port).toBe(8787);
  });

  it('counts rate limits in memory unless a redis:// store is named', () => {
    expect(loadConfig({}).rateLimit.redisUrl).toBeUndefined();
    expect(loadConfig({ RATE_LIMIT_REDIS_URL: 'redis://limits.example:6379/2' }).rateLimit.redisUrl).toBe(
      'redis://limits.example:6379/2',
    );
    expect(() => loadConfig({ RATE_LIMIT_REDIS_URL: 'http://limits.example' })).toThrow(
      /RATE_LIMIT_REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/,
    );
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ JWT_SECRET: '', PROXY_PORT: '' }).port).toBe(8787);
  });

  it('requires a secret and an issuer once a real database is configured', () => {
    expect(() => loadConfig({ PRO_DATABASE_URL: 'postgres://reader@db/aoc' })).toThrow(
      /JWT_SECRET: required[\s\S]*JWT_ISSUER: required/,
    );
  });

  it('reads PostgreSQL and Oracle locations', () => {
    const config = loadConfig({
      JWT_SECRET: 'x'.repeat(32),
      JWT_ISSUER: 'aoc-demo',
      PRE_DATABASE_URL: 'oracle://siri_ro:p%40ss@siri-pre.example:1522/SIRIPRE',
      PRO_DATABASE_URL: 'postgres://reader@db/aoc',
      STORE_DATABASE_URL: 'postgresql://assistant@db/assistant',
    });
    expect(config.demo).toBe(false);
    expect(config.db.pre.location).toEqual({
      kind: 'oracle',
      user: 'siri_ro',
      password: 'p@ss',
      connectString: 'siri-pre.example:1522/SIRIPRE',
    });
    expect(config.db.pre.schemaPrefix).toBe('');
    expect(config.db.pro.location).toEqual({ kind: 'postgres', url: 'postgres://reader@db/aoc' });
  });

  it('lists every invalid value at once', () => {
    let message = '';
    try {
      loadConfig({
        JWT_SECRET: 'short',
        PROXY_PORT: '99999',
        STORE_DATABASE_URL: 'oracle://u:p@h/S',
        CORS_ORIGINS: 'https://ok.zendesk.com,https://bad.zendesk.com/path',
        PRE_SCHEMA_PREFIX: 'PRE; DROP',
      });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    for (const name of ['JWT_SECRET', 'PROXY_PORT', 'STORE_DATABASE_URL', 'CORS_ORIGINS', 'PRE_SCHEMA_PREFIX'])
      expect(message).toContain(name);
  });
});
