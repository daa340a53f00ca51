// The rate-limit counters: in memory, in a shared Redis, and what happens when Redis is away (each
// copy limits on its own instead of failing requests or letting every one through).
import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryCounter, sharedRateLimitStore, type SharedRateLimitStore } from '../../src/proxy/http/rate-limit-store';
import { freePort } from './helpers/free-port';
import { hasRedisServer, startRedisServer, type RedisServer } from './helpers/redis-server';

const MAX = 3;
const logger = pino({ level: 'silent' });

async function limitedApp(store: SharedRateLimitStore): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(rateLimit, { max: MAX, timeWindow: 600_000, store: store.store, keyGenerator: () => 'agent-1' });
  app.get('/', () => ({ ok: true }));
  await app.ready();
  return app;
}

const statuses = async (app: FastifyInstance, n: number) =>
  Promise.all(Array.from({ length: n }, async () => (await app.inject('/')).statusCode));

describe('in-memory counter', () => {
  it('counts within a window, starts again after it, and forgets the oldest keys past its size', () => {
    const counter = new MemoryCounter(2);
    expect(counter.incr('a', 1000, 0)).toEqual({ current: 1, ttl: 1000 });
    expect(counter.incr('a', 1000, 400)).toEqual({ current: 2, ttl: 600 });
    expect(counter.incr('a', 1000, 1000)).toEqual({ current: 1, ttl: 1000 });
    counter.incr('b', 1000, 1000);
    counter.incr('c', 1000, 1000);
    // 'a' was the oldest of three keys in a counter of two: it starts again.
    expect(counter.incr('a', 1000, 1001).current).toBe(1);
    expect(counter.incr('c', 1000, 1001).current).toBe(2);
  });
});

describe('shared store', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('without an answering Redis, limits in this process and refuses no request for want of a counter', async () => {
    const port = await freePort();
    const store = sharedRateLimitStore({ url: `redis://127.0.0.1:${String(port)}/0`, windowMs: 600_000, logger });
    cleanup.push(() => store.close());
    expect(await store.ready(3000)).toBe(false);
    const app = await limitedApp(store);
    cleanup.push(() => app.close());
    expect((await statuses(app, MAX + 2)).sort()).toEqual([200, 200, 200, 429, 429]);
    expect(store.shared()).toBe(false);
  });

  describe.skipIf(!hasRedisServer())('with redis-server', () => {
    it('counts two copies against one limit, and each limits on its own while Redis is down', async () => {
      let redis: RedisServer | undefined = await startRedisServer();
      cleanup.push(async () => redis?.stop());
      const stores = [0, 1].map(() => sharedRateLimitStore({ url: redis?.url ?? '', windowMs: 600_000, logger }));
      const apps: FastifyInstance[] = [];
      for (const store of stores) {
        cleanup.push(() => store.close());
        expect(await store.ready(10_000)).toBe(true);
        const app = await limitedApp(store);
        cleanup.push(() => app.close());
        apps.push(app);
      }
      const [one, two] = apps as [FastifyInstance, FastifyInstance];
      expect(await statuses(one, 2)).toEqual([200, 200]);
      expect(await statuses(two, 2)).toEqual([200, 429]);
      expect(stores[1]?.shared()).toBe(true);

      await redis.stop();
      redis = undefined;
      // Each copy now counts from zero in its own memory: limited, never failing.
      expect((await statuses(two, MAX + 1)).sort()).toEqual([200, 200, 200, 429]);
      expect(stores[1]?.shared()).toBe(false);
    });
  });
});
