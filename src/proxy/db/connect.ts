/**
 * Opens the three database roles the configuration names: PRE and PRO (read-only, AOC's data,
 * for the checks) and the store (writable, the assistant's own tables). Every role that says
 * `embedded` shares one in-process PGlite, seeded with the demo data.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseLocation, EnvironmentDatabase, ProxyConfig } from '../config';
import { aocSchemas, type AocSource, type AocSources } from '../checks/schemas';
import { migrateStore } from '../store/migrations';
import { oracleDatabase } from './oracle';
import { pgDatabase } from './pg';
import type { Database } from './types';
import type { DemoContents } from './demo/contents';
import type { Environment } from '../../shared/api';
import type { PGlite } from '@electric-sql/pglite';

export interface Databases {
  readonly sources: AocSources;
  readonly store: Database;
  /** The integrator register's database: the store unless configured apart. */
  readonly register: Database;
  /** Each distinct connection once, for /health. */
  readonly health: readonly Database[];
  close(): Promise<void>;
}

type Logger = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

/**
 * What the embedded database holds: the demo data of each embedded environment, and the store's
 * tables when the store is embedded.
 */
export function demoContents(db: ProxyConfig['db']): DemoContents {
  const environments = [
    { env: 'PRE', settings: db.pre },
    { env: 'PRO', settings: db.pro },
  ] as const;
  return {
    environments: environments
      .filter(({ settings }) => settings.location.kind === 'embedded')
      .map(({ env, settings }) => ({ env, prefix: settings.schemaPrefix })),
    store: db.store.kind === 'embedded',
  };
}

export async function openDatabases(config: ProxyConfig, log: Logger): Promise<Databases> {
  const { db } = config;
  const timeoutMs = db.statementTimeoutMs;
  const needsEmbedded = [db.pre.location, db.pro.location, db.store].some((l) => l.kind === 'embedded');
  let embedded: PGlite | undefined;
  // PGlite (its WASM module: about 40 MB resident once loaded) and the demo data are loaded only
  // when a role is embedded, so that a proxy on real databases never holds them.
  const demo = needsEmbedded ? { ...(await import('./pglite')), ...(await import('./demo/prepared')) } : undefined;
  const pgliteDatabase = (...args: Parameters<NonNullable<typeof demo>['pgliteDatabase']>) => {
    if (demo === undefined) throw new Error('embedded database missing');
    return demo.pgliteDatabase(...args);
  };
  if (demo !== undefined) {
    // Seeded through a writable view; checks read the data through read-only views.
    embedded = await demo.openEmbedded({
      dataDir: db.embeddedDataDir,
      cacheDir: db.embeddedCacheDir,
      shippedDir: db.embeddedShippedCopyDir,
      contents: demoContents(db),
      log,
    });
    log.info({ dataDir: db.embeddedDataDir ?? 'memory' }, 'embedded PGlite database started');
  }
  const closers: (() => Promise<void>)[] = [];

  const open = (label: string, location: DatabaseLocation, readOnly: boolean): Database => {
    switch (location.kind) {
      case 'embedded': {
        if (embedded === undefined) throw new Error('embedded database missing');
        return pgliteDatabase(embedded, { label, readOnly, timeoutMs });
      }
      case 'postgres': {
        const database = pgDatabase({
          label,
          url: location.url,
          readOnly,
          statementTimeoutMs: timeoutMs,
          poolMax: db.poolMax,
          onIdleError: (err) => {
            log.warn({ err, database: label }, 'idle database connection lost');
          },
        });
        closers.push(() => database.close());
        return database;
      }
      case 'oracle': {
        const database = oracleDatabase({
          label,
          user: location.user,
          password: location.password,
          connectString: location.connectString,
          statementTimeoutMs: timeoutMs,
          poolMax: db.poolMax,
          readOnly: true,
        });
        closers.push(() => database.close());
        return database;
      }
    }
  };

  const store = open('store', db.store, false);
  const registerLocation = config.integratorRegister.location;
  const register = registerLocation === undefined ? store : open('integrator register', registerLocation, false);
  const source = (env: Environment, settings: EnvironmentDatabase): AocSource => ({
    env,
    db: open(env, settings.location, true),
    schemas: aocSchemas(settings.schemaPrefix),
  });
  try {
    const pre = source('PRE', db.pre);
    const pro = source('PRO', db.pro);
    // The store's tables are created at start-up; a store that is down then stops the start.
    await migrateStore(store);
    if (embedded !== undefined)
      log.info('demo data ready (Catalan ajuntaments, demo authorisations, PSCP users, DIR3)');
    const embeddedInstance = embedded;
    return {
      sources: { PRE: pre, PRO: pro },
      store,
      register,
      health: register === store ? [pre.db, pro.db, store] : [pre.db, pro.db, store, register],
      close: async () => {
        await Promise.allSettled(closers.map((c) => c()));
        if (embeddedInstance !== undefined) await embeddedInstance.close();
      },
    };
  } catch (err) {
    await Promise.allSettled(closers.map((c) => c()));
    await embedded?.close();
    throw err;
  }
}
