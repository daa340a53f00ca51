/**
 * The proxy's configuration: environment variables only (twelve-factor, so that several copies
 * behind a load balancer are configured alike), validated with zod at start-up. A wrong value
 * stops the process with every problem listed, before anything listens.
 *
 * `.env.example` at the repository root documents each variable.
 */
import { REGISTER_COLUMNS } from './store/register-columns';
import { z } from 'zod';

export const EMBEDDED = 'embedded';

/** Where one database role lives. */
export type DatabaseLocation =
  | { readonly kind: 'embedded' }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'oracle'; readonly user: string; readonly password: string; readonly connectString: string };

export interface EnvironmentDatabase {
  readonly location: DatabaseLocation;
  /** Prepended to the AOC schema names (SIRI, PSCP, DIR3), e.g. `PRE_` → `PRE_SIRI`. */
  readonly schemaPrefix: string;
}

export interface ProxyConfig {
  readonly host: string;
  readonly port: number;
  readonly trustProxy: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly jwt: {
    /** Undefined only in demo mode, where start-up makes an ephemeral secret. */
    readonly secret: string | undefined;
    readonly issuer: string;
    readonly audience: string;
    readonly clockToleranceSeconds: number;
  };
  readonly corsOrigins: readonly string[];
  readonly rateLimit: {
    readonly max: number;
    readonly windowMs: number;
    /**
     * A Redis-protocol server (redis:// or rediss://) where every copy counts the same limits;
     * undefined counts in this process's memory (one copy).
     */
    readonly redisUrl: string | undefined;
  };
  readonly bodyLimitBytes: number;
  readonly db: {
    readonly pre: EnvironmentDatabase;
    readonly pro: EnvironmentDatabase;
    readonly store: DatabaseLocation;
    readonly statementTimeoutMs: number;
    readonly poolMax: number;
    /** PGlite data directory; undefined keeps the embedded database in memory. */
    readonly embeddedDataDir: string | undefined;
    /**
     * Where the in-memory demo database's prepared copy is kept (db/demo/prepared.ts): undefined
     * for the default (node_modules/.cache/aoc-proxy), null to prepare nothing and seed each start.
     */
    readonly embeddedCacheDir: string | null | undefined;
    /**
     * The prepared copy that comes with the code (db/demo/copy/, `npm run demo:copy`), for the
     * default demo contents: loaded when its name matches, before the cache is looked at.
     */
    readonly embeddedShippedCopyDir: string;
  };
  readonly dcocPropertiesFile: string;
  readonly corrections: {
    /** Days a classification correction is kept (then purged). */
    readonly retentionDays: number;
    /**
     * Zendesk user ids (JWT `sub`) who may list every agent's corrections (desk leads); empty
     * means nobody, except in demo mode, where every agent may.
     */
    readonly reviewers: readonly string[];
  };
  /** Zendesk's REST API, for fetching a ticket's attachments (the request form); null: not configured. */
  readonly zendesk: ZendeskApiSettings | null;
  /**
   * Where the integrator register ("Pas 7") is written: the desk tool's own table. No connection
   * means the store; table and columns default to the store's `assistant.integrator_register`.
   */
  readonly integratorRegister: {
    readonly location: DatabaseLocation | undefined;
    readonly table: string;
    readonly columns: Readonly<Record<string, string>>;
  };
  readonly documents: {
    /** The desk's current MINHAP template; the demo's synthetic one when unset in demo mode; null: none. */
    readonly minhapTemplate: MinhapTemplateSource | null;
  };
  /** True when every database is the embedded demo one. */
  readonly demo: boolean;
}

/** Where the MINHAP Excel's template comes from: a file (read on each use, so it can be replaced) or the demo's. */
export type MinhapTemplateSource = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'synthetic' };

/** The proxy's own Zendesk API credentials: an API user and token, or an OAuth access token. */
export type ZendeskCredentials =
  | { readonly kind: 'token'; readonly user: string; readonly token: string }
  | { readonly kind: 'oauth'; readonly token: string };

export interface ZendeskApiSettings {
  /** The one Zendesk account the proxy serves; the JWT's issuer must be the same subdomain. */
  readonly subdomain: string;
  /** `https://<subdomain>.zendesk.com`, or a loopback stand-in (the local run, tests). */
  readonly apiUrl: string;
  readonly credentials: ZendeskCredentials;
}

const DEFAULT_DCOC_FILE = new URL('./db/demo/dcoc.properties', import.meta.url).pathname;
/** The demo database's prepared copy shipped with the code (tools/proxy-build.ts copies it too). */
export const SHIPPED_DEMO_COPY_DIR = new URL('./db/demo/copy', import.meta.url).pathname;

const intFrom = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

function parseLocation(raw: string, ctx: z.RefinementCtx, allowOracle: boolean): DatabaseLocation {
  if (raw === EMBEDDED) return { kind: 'embedded' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: `must be "${EMBEDDED}", a postgres:// URL${allowOracle ? ' or an oracle:// URL' : ''}`,
    });
    return z.NEVER;
  }
  if (url.protocol === 'postgres:' || url.protocol === 'postgresql:') return { kind: 'postgres', url: raw };
  if (url.protocol === 'oracle:' && allowOracle) {
    // oracle://user:password@host:port/service_name → thin-mode Easy Connect string.
    if (url.username === '' || url.pathname.length <= 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'an oracle:// URL needs a user and a service name: oracle://user:password@host:1521/SERVICE',
      });
      return z.NEVER;
    }
    return {
      kind: 'oracle',
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      connectString: `${url.hostname}:${url.port === '' ? '1521' : url.port}${url.pathname}`,
    };
  }
  ctx.addIssue({
    code: 'custom',
    message: `unsupported scheme ${url.protocol} (use ${EMBEDDED}, postgres://${allowOracle ? ' or oracle://' : ''})`,
  });
  return z.NEVER;
}

const checksLocation = z.string().transform((raw, ctx) => parseLocation(raw, ctx, true));
const storeLocation = z.string().transform((raw, ctx) => parseLocation(raw, ctx, false));

const schemaPrefix = z
  .string()
  .regex(/^([A-Za-z][A-Za-z0-9_]{0,15})?$/, 'a letter, then letters, digits and underscores (at most 16 in all)');

const origins = z.string().transform((raw, ctx) => {
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const origin of list) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (url?.origin !== origin) {
      ctx.addIssue({
        code: 'custom',
        message: `"${origin}" is not an origin (scheme://host[:port], no path or trailing slash)`,
      });
    }
  }
  return list;
});

const EnvSchema = z.object({
  PROXY_HOST: z.string().min(1).default('127.0.0.1'),
  PROXY_PORT: intFrom(0, 65535).default(8787),
  PROXY_TRUST_PROXY: booleanFlag.default(false),
  PROXY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (a random shared secret)').optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).default('aoc-integration-assistant'),
  JWT_CLOCK_TOLERANCE_SECONDS: intFrom(0, 300).default(30),
  CORS_ORIGINS: origins.default([]),
  RATE_LIMIT_MAX: intFrom(1, 1_000_000).default(120),
  RATE_LIMIT_WINDOW_MS: intFrom(1000, 3_600_000).default(60_000),
  RATE_LIMIT_REDIS_URL: z
    .string()
    .refine((raw) => {
      try {
        const url = new URL(raw);
        return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379/0')
    .optional(),
  BODY_LIMIT_BYTES: intFrom(256, 1_048_576).default(16_384),
  DB_STATEMENT_TIMEOUT_MS: intFrom(100, 600_000).default(5000),
  DB_POOL_MAX: intFrom(1, 200).default(10),
  PRE_DATABASE_URL: checksLocation.default({ kind: 'embedded' }),
  PRO_DATABASE_URL: checksLocation.default({ kind: 'embedded' }),
  STORE_DATABASE_URL: storeLocation.default({ kind: 'embedded' }),
  PRE_SCHEMA_PREFIX: schemaPrefix.optional(),
  PRO_SCHEMA_PREFIX: schemaPrefix.optional(),
  EMBEDDED_DATA_DIR: z.string().min(1).optional(),
  EMBEDDED_CACHE_DIR: z
    .string()
    .min(1)
    .transform((v) => (v === 'off' ? null : v))
    .optional(),
  DCOC_PROPERTIES_FILE: z.string().min(1).default(DEFAULT_DCOC_FILE),
  CORRECTIONS_RETENTION_DAYS: intFrom(1, 3650).default(365),
  CORRECTIONS_REVIEWERS: z
    .string()
    .transform((raw) =>
      raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .default([]),
  ZENDESK_SUBDOMAIN: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a Zendesk subdomain: lower-case letters, digits and hyphens')
    .optional(),
  ZENDESK_API_URL: z.string().min(1).optional(),
  ZENDESK_API_USER: z.string().min(3).max(254).optional(),
  ZENDESK_API_TOKEN: z.string().min(8).max(512).optional(),
  ZENDESK_OAUTH_TOKEN: z.string().min(8).max(2048).optional(),
  MINHAP_TEMPLATE_PATH: z.string().min(1).optional(),
  INTEGRATOR_REGISTER_DATABASE_URL: storeLocation.optional(),
  INTEGRATOR_REGISTER_TABLE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_$]*(\.[A-Za-z][A-Za-z0-9_$]*)?$/, 'must be "schema.table" or "table"')
    .default('assistant.integrator_register'),
  /** `logical=COLUMN` pairs, comma separated, e.g. `ens_ine10=CODI_ENS,service=SERVEI`. */
  INTEGRATOR_REGISTER_COLUMNS: z
    .string()
    .default('')
    .transform((raw, ctx) => {
      const out: Record<string, string> = {};
      for (const pair of raw
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '')) {
        const m = /^([a-z0-9_]+)=([A-Za-z][A-Za-z0-9_$]*)$/.exec(pair);
        if (m === null || !REGISTER_COLUMN_NAMES.includes(m[1] ?? '')) {
          ctx.addIssue({
            code: 'custom',
            message: `"${pair}" is not logical=COLUMN with logical one of ${REGISTER_COLUMN_NAMES.join(', ')}`,
          });
          return z.NEVER;
        }
        out[m[1] ?? ''] = m[2] ?? '';
      }
      return out;
    }),
});

const REGISTER_COLUMN_NAMES: readonly string[] = REGISTER_COLUMNS;

type ParsedEnv = z.output<typeof EnvSchema>;

/** The Zendesk API settings, or null when none is set; problems are added to `problems`. */
function zendeskSettings(e: ParsedEnv, problems: string[]): ZendeskApiSettings | null {
  const any =
    e.ZENDESK_SUBDOMAIN ?? e.ZENDESK_API_URL ?? e.ZENDESK_API_USER ?? e.ZENDESK_API_TOKEN ?? e.ZENDESK_OAUTH_TOKEN;
  if (any === undefined) return null;
  const subdomain = e.ZENDESK_SUBDOMAIN;
  if (subdomain === undefined) {
    problems.push('- ZENDESK_SUBDOMAIN: required with the other ZENDESK_ settings');
    return null;
  }
  if (e.JWT_ISSUER !== undefined && e.JWT_ISSUER !== subdomain) {
    problems.push(`- ZENDESK_SUBDOMAIN: must be the JWT issuer (JWT_ISSUER=${e.JWT_ISSUER}), the one account served`);
  }
  let credentials: ZendeskCredentials | null = null;
  if (e.ZENDESK_OAUTH_TOKEN !== undefined) {
    if (e.ZENDESK_API_USER !== undefined || e.ZENDESK_API_TOKEN !== undefined) {
      problems.push(
        '- ZENDESK_OAUTH_TOKEN: give either an OAuth token or ZENDESK_API_USER + ZENDESK_API_TOKEN, not both',
      );
    }
    credentials = { kind: 'oauth', token: e.ZENDESK_OAUTH_TOKEN };
  } else if (e.ZENDESK_API_USER !== undefined && e.ZENDESK_API_TOKEN !== undefined) {
    credentials = { kind: 'token', user: e.ZENDESK_API_USER, token: e.ZENDESK_API_TOKEN };
  } else {
    problems.push('- ZENDESK_API_TOKEN: give ZENDESK_API_USER and ZENDESK_API_TOKEN, or ZENDESK_OAUTH_TOKEN');
  }
  const apiUrl = e.ZENDESK_API_URL ?? `https://${subdomain}.zendesk.com`;
  let url: URL | undefined;
  try {
    url = new URL(apiUrl);
  } catch {
    url = undefined;
  }
  const loopback =
    url !== undefined && (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]');
  if (url?.origin !== apiUrl || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
    problems.push('- ZENDESK_API_URL: an https:// origin (or http:// on the loopback interface), no path');
  }
  return credentials === null ? null : { subdomain, apiUrl, credentials };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The schema prefix the embedded demo database uses for PRE (PRO uses none). */
export const EMBEDDED_PRE_PREFIX = 'PRE_';

/** Reads and validates the configuration; throws `ConfigError` listing every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): ProxyConfig {
  // Empty variables (as `.env` files often leave them) mean "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid proxy configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const demo =
    e.PRE_DATABASE_URL.kind === 'embedded' &&
    e.PRO_DATABASE_URL.kind === 'embedded' &&
    e.STORE_DATABASE_URL.kind === 'embedded';
  const problems: string[] = [];
  if (!demo && e.JWT_SECRET === undefined) problems.push('- JWT_SECRET: required when a real database is configured');
  if (!demo && e.JWT_ISSUER === undefined)
    problems.push(
      '- JWT_ISSUER: required when a real database is configured (the Zendesk subdomain the app puts in `iss`)',
    );
  const zendesk = zendeskSettings(e, problems);
  if (problems.length > 0) throw new ConfigError(`Invalid proxy configuration:\n${problems.join('\n')}`);

  const envDb = (
    location: DatabaseLocation,
    prefix: string | undefined,
    embeddedDefault: string,
  ): EnvironmentDatabase => ({
    location,
    schemaPrefix: prefix ?? (location.kind === 'embedded' ? embeddedDefault : ''),
  });

  return {
    host: e.PROXY_HOST,
    port: e.PROXY_PORT,
    trustProxy: e.PROXY_TRUST_PROXY,
    logLevel: e.PROXY_LOG_LEVEL,
    jwt: {
      secret: e.JWT_SECRET,
      issuer: e.JWT_ISSUER ?? 'demo',
      audience: e.JWT_AUDIENCE,
      clockToleranceSeconds: e.JWT_CLOCK_TOLERANCE_SECONDS,
    },
    corsOrigins: e.CORS_ORIGINS,
    rateLimit: { max: e.RATE_LIMIT_MAX, windowMs: e.RATE_LIMIT_WINDOW_MS, redisUrl: e.RATE_LIMIT_REDIS_URL },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    db: {
      pre: envDb(e.PRE_DATABASE_URL, e.PRE_SCHEMA_PREFIX, EMBEDDED_PRE_PREFIX),
      pro: envDb(e.PRO_DATABASE_URL, e.PRO_SCHEMA_PREFIX, ''),
      store: e.STORE_DATABASE_URL,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      poolMax: e.DB_POOL_MAX,
      embeddedDataDir: e.EMBEDDED_DATA_DIR,
      embeddedCacheDir: e.EMBEDDED_CACHE_DIR,
      embeddedShippedCopyDir: SHIPPED_DEMO_COPY_DIR,
    },
    dcocPropertiesFile: e.DCOC_PROPERTIES_FILE,
    corrections: { retentionDays: e.CORRECTIONS_RETENTION_DAYS, reviewers: e.CORRECTIONS_REVIEWERS },
    zendesk,
    integratorRegister: {
      location: e.INTEGRATOR_REGISTER_DATABASE_URL,
      table: e.INTEGRATOR_REGISTER_TABLE,
      columns: e.INTEGRATOR_REGISTER_COLUMNS,
    },
    documents: {
      minhapTemplate:
        e.MINHAP_TEMPLATE_PATH !== undefined
          ? { kind: 'file', path: e.MINHAP_TEMPLATE_PATH }
          : demo
            ? { kind: 'synthetic' }
            : null,
    },
    demo,
  };
}
