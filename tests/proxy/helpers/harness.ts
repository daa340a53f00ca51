/**
 * Test harness: the real proxy (configuration, databases, server) on PGlite or on a throwaway
 * PostgreSQL server, driven through Fastify's `inject`, with tokens signed as Zendesk signs them.
 */
import pino from 'pino';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import { loadConfig } from '../../../src/proxy/config';
import { openDatabases, type Databases } from '../../../src/proxy/db/connect';
import { signAgentToken, type TokenClaims } from '../../../src/proxy/demo-token';
import { buildServer } from '../../../src/proxy/http/server';
import { registerTarget } from '../../../src/proxy/store/integrator-register';
import { findPostgresBin } from './pg-cluster';

export const SECRET = 'test-shared-secret-0123456789-abcdefghij';
export const ISSUER = 'aoc-test';
export const AUDIENCE = 'aoc-integration-assistant';

export interface Harness {
  readonly app: FastifyInstance;
  readonly databases: Databases;
  token(agentId?: string, overrides?: Partial<TokenClaims>): Promise<string>;
  get(url: string, agentId?: string): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PUT', url: string, body: unknown, agentId?: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const config = loadConfig({
    JWT_SECRET: SECRET,
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    PROXY_LOG_LEVEL: 'silent',
    ...env,
  });
  const logger = pino({ level: 'silent' });
  const databases = await openDatabases(config, logger);
  const app = await buildServer({
    settings: { ...config, jwt: { ...config.jwt, secret: SECRET } },
    deps: {
      sources: databases.sources,
      store: databases.store,
      health: databases.health,
      dcocFile: config.dcocPropertiesFile,
      zendesk: config.zendesk,
      minhapTemplate: config.documents.minhapTemplate,
      version: 'test',
      register: registerTarget(databases.register, config.integratorRegister.table, config.integratorRegister.columns),
    },
  });
  await app.ready();
  const token = (agentId = 'agent-1', overrides: Partial<TokenClaims> = {}) =>
    signAgentToken({
      secret: SECRET,
      issuer: ISSUER,
      audience: AUDIENCE,
      agentId,
      agentName: `Agent ${agentId}`,
      ...overrides,
    });
  return {
    app,
    databases,
    token,
    get: async (url, agentId) =>
      app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await token(agentId)}` } }),
    send: async (method, url, body, agentId) =>
      app.inject({
        method,
        url,
        payload: body as object,
        headers: { authorization: `Bearer ${await token(agentId)}` },
      }),
    close: async () => {
      await app.close();
      await databases.close();
    },
  };
}

/**
 * The harness of one `describe` block: started before its tests (on a busy machine PGlite's start
 * takes a while, hence the long hook timeout) and closed after them. The object it returns hands
 * each call on to that harness, so tests use it as they would use `startHarness`'s.
 */
export function harnessForSuite(env: Record<string, string> = {}): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness(env);
  }, 120_000);
  afterAll(async () => {
    await started?.close();
  });
  const current = (): Harness => {
    if (started === undefined) throw new Error('the suite’s harness is used before its beforeAll ran');
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get databases() {
      return current().databases;
    },
    token: async (agentId, overrides) => current().token(agentId, overrides),
    get: async (url, agentId) => current().get(url, agentId),
    send: async (method, url, body, agentId) => current().send(method, url, body, agentId),
    close: async () => current().close(),
  };
}

/**
 * `describe` for suites that need a real PostgreSQL server. In CI (CI set) missing binaries are
 * an error, so the suite cannot be skipped silently; locally it is skipped with a message.
 */
export function describeWithPostgres(name: string, body: () => void): void {
  const bin = findPostgresBin();
  if (bin === undefined) {
    if (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false') {
      throw new Error(
        `${name}: PostgreSQL binaries are missing in CI (.ci/run installs them with apt-get install -y postgresql)`,
      );
    }
    process.stderr.write(
      `Skipping "${name}": no PostgreSQL binaries under /usr/lib/postgresql (apt-get install -y postgresql)\n`,
    );
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}
