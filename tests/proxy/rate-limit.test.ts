// A flood above the per-agent rate limit: the flooding agent gets 429 with Retry-After past the
// limit, another agent is still served meanwhile, and the first agent is served again once the
// window has passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import type { ApiError, DcocConfigResponse } from '../../src/shared/api';
import { startHarness, type Harness } from './helpers/harness';

const MAX = 5;
// Short, so that the test waits little for it to pass, yet long enough that the flood and the
// checks made while the first agent is limited all fit in it on a busy machine.
const WINDOW_MS = 3000;
const CHECK = `/v1/checks/dcoc-config?ine10=${DEMO.barcelona.ine10}&ticket=601`;

describe('proxy rate limit under a flood', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ RATE_LIMIT_MAX: String(MAX), RATE_LIMIT_WINDOW_MS: String(WINDOW_MS) });
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('refuses the flooding agent past the limit, serves another agent, and serves the first again after the window', async () => {
    const flooder = await h.token('flooding-agent');
    const call = (token: string) =>
      h.app.inject({ method: 'GET', url: CHECK, headers: { authorization: `Bearer ${token}` } });

    // 40 simultaneous requests: exactly MAX get through, whatever the order they arrive in.
    const flood = await Promise.all(Array.from({ length: 40 }, () => call(flooder)));
    const statuses = flood.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(MAX);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - MAX);
    for (const refused of flood.filter((r) => r.statusCode === 429)) {
      expect(refused.json<ApiError>().error).toBe('RATE_LIMITED');
      const retryAfter = Number(refused.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(0);
      expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    }
    // Refused requests ran no check: only the MAX served ones are in the ticket's audit log.
    const served = await h.get('/v1/tickets/601/audit', 'auditor');
    expect(
      served.json<{ entries: { agent: string }[] }>().entries.filter((e) => e.agent === 'flooding-agent'),
    ).toHaveLength(MAX);

    // Another agent is served while the first is still limited.
    const other = await call(await h.token('other-agent'));
    expect(other.statusCode).toBe(200);
    expect(other.json<DcocConfigResponse>().lookup.value).toBe(DEMO.barcelona.ine10);
    expect((await call(flooder)).statusCode).toBe(429);

    // Once the window has passed the flooding agent is served again. Waiting is bounded by the
    // test's timeout, not asserted: the first 200 ends it.
    let status = 429;
    for (let attempt = 0; attempt < 100 && status === 429; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, WINDOW_MS / 10));
      status = (await call(flooder)).statusCode;
    }
    expect(status).toBe(200);
  }, 60_000);
});
