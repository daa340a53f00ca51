/**
 * What the embedded database holds, as plain data: the demo data of each embedded environment
 * (under its schema prefix) and the store's tables when the store is embedded. Plain data so that
 * another process can build the same database: the prepared copy is made in a child process
 * (prepared.ts), which receives this description and runs the same initialisation.
 */
import type { Environment } from '../../../shared/api';
import { migrateStore } from '../../store/migrations';
import type { Database } from '../types';
import { seedDemoEnvironment } from './seed';

export interface DemoContents {
  readonly environments: readonly { readonly env: Environment; readonly prefix: string }[];
  readonly store: boolean;
}

/** Runs the demo's initialisation (seeding, store tables) through the database it is given. */
export type Initialise = (writer: Database) => Promise<void>;

export function demoInitialiser(contents: DemoContents): Initialise {
  return async (writer) => {
    for (const { env, prefix } of contents.environments) await seedDemoEnvironment(writer, env, prefix);
    if (contents.store) await migrateStore(writer);
  };
}

const ENVIRONMENTS: readonly string[] = ['PRE', 'PRO'] satisfies readonly Environment[];

/** Reads a description another process sent (prepare-copy.ts): anything else is refused. */
export function parseDemoContents(value: unknown): DemoContents {
  const fail = (): never => {
    throw new Error('not a description of the demo database');
  };
  if (typeof value !== 'object' || value === null) return fail();
  const { environments, store } = value as { environments?: unknown; store?: unknown };
  if (typeof store !== 'boolean' || !Array.isArray(environments)) return fail();
  return {
    store,
    environments: environments.map((item: unknown) => {
      const { env, prefix } = (item ?? {}) as { env?: unknown; prefix?: unknown };
      if (typeof env !== 'string' || !ENVIRONMENTS.includes(env) || typeof prefix !== 'string') return fail();
      return { env: env as Environment, prefix };
    }),
  };
}
