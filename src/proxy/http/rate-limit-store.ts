/**
 * Where the rate-limit counters live. Without a Redis URL each copy counts in its own memory (one
 * copy: exact; N copies behind a balancer: up to N × the limit). With `RATE_LIMIT_REDIS_URL` every
 * copy counts in the same Redis-protocol server, so the limit holds for the agent whichever copy
 * answers.
 *
 * If that server is down or silent, a copy goes on counting in its own memory (a per-copy limit
 * instead of none, and no request refused for want of a counter) and goes back to the shared
 * counters as soon as the server answers again.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { Redis } from 'ioredis';

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

// One fixed window per key: the first hit of a window starts its expiry; later hits only count.
// Atomic in the server, so two copies counting the same agent at the same instant never both see
// the last free slot.
const FIXED_WINDOW_SCRIPT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  return {current, tonumber(ARGV[1])}
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}
`;

/** ioredis with the script as a command of its own (sent by hash after the first call). */
type ScriptedRedis = Redis & {
  aocRateLimit(key: string, windowMs: number, callback: (err: Error | null, result?: unknown) => void): void;
};

/** An in-process fixed window per key, bounded in size (oldest keys go first). */
export class MemoryCounter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly maxKeys = 10_000) {}

  incr(key: string, windowMs: number, now = Date.now()): { current: number; ttl: number } {
    let entry = this.windows.get(key);
    if (entry === undefined || entry.resetAt <= now) {
      this.windows.delete(key);
      if (this.windows.size >= this.maxKeys) {
        const oldest = this.windows.keys().next();
        if (oldest.done !== true) this.windows.delete(oldest.value);
      }
      entry = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, entry);
    }
    entry.count += 1;
    return { current: entry.count, ttl: entry.resetAt - now };
  }
}

export interface SharedRateLimitStore {
  /** The store class `@fastify/rate-limit` instantiates (its `store` option). */
  readonly store: FastifyRateLimitStoreCtor;
  /** Waits (up to `timeoutMs`) for the first connection; false if the server did not answer. */
  ready(timeoutMs: number): Promise<boolean>;
  /** Whether the last command reached the shared server. */
  shared(): boolean;
  close(): Promise<void>;
}

export interface SharedStoreOptions {
  readonly url: string;
  readonly windowMs: number;
  readonly logger: FastifyBaseLogger;
  /** Prefix of every key, so that one Redis can serve other programs too. */
  readonly prefix?: string;
}

export function sharedRateLimitStore(options: SharedStoreOptions): SharedRateLimitStore {
  const { logger, windowMs } = options;
  const prefix = options.prefix ?? 'aoc-proxy:rate:';
  const client = new Redis(options.url, {
    lazyConnect: true,
    // A request never waits on a Redis that is away: commands fail at once (and count locally)
    // instead of queueing, and a silent server is given up on after a second.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 1000,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  }) as ScriptedRedis;
  client.defineCommand('aocRateLimit', { numberOfKeys: 1, lua: FIXED_WINDOW_SCRIPT });

  const local = new MemoryCounter();
  let usingShared = false;
  let warned = false;
  client.on('ready', () => {
    logger.info('rate limits: counting in the shared Redis store');
    warned = false;
  });
  client.on('error', (err: Error) => {
    // ioredis repeats the error on every reconnection attempt: say it once per outage.
    if (!warned) {
      logger.warn({ err: err.message }, 'rate limits: the shared Redis store is unreachable; counting in this copy');
      warned = true;
    }
  });

  function incr(key: string, callback: IncrCallback, window: number = windowMs): void {
    const fullKey = prefix + key;
    const fallBack = () => {
      usingShared = false;
      callback(null, local.incr(fullKey, window));
    };
    if (client.status !== 'ready') {
      fallBack();
      return;
    }
    client.aocRateLimit(fullKey, window, (err, result) => {
      if (err !== null || !Array.isArray(result)) {
        fallBack();
        return;
      }
      const [current, ttl] = result as [number, number];
      usingShared = true;
      callback(null, { current, ttl });
    });
  }

  const scoped = (namespace: string): FastifyRateLimitStore => ({
    // The plugin passes the route's window and max after the callback (not in its typings).
    incr: (key: string, callback: IncrCallback, window?: number) => {
      incr(namespace + key, callback, window);
    },
    // A route with limits of its own counts apart from the global limit.
    child: (routeOptions) => {
      const method = Array.isArray(routeOptions.method) ? routeOptions.method.join(',') : routeOptions.method;
      return scoped(`${namespace}${method} ${routeOptions.url}:`);
    },
  });
  // The plugin instantiates the store itself (`new store(params)`).
  const Store = function SharedStore() {
    return scoped('');
  } as unknown as FastifyRateLimitStoreCtor;

  return {
    store: Store,
    ready: async (timeoutMs) => {
      const connected = client.connect().then(
        () => true,
        () => false,
      );
      const timeout = new Promise<boolean>((resolve) => {
        setTimeout(resolve, timeoutMs, false).unref();
      });
      return Promise.race([connected, timeout]);
    },
    shared: () => usingShared,
    close: async () => {
      if (client.status === 'ready') await client.quit().catch(() => undefined);
      client.disconnect();
    },
  };
}
