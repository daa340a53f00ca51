/**
 * Acknowledged writes survive the proxy process: registrations and progress ticks acknowledged
 * (2xx) by one process are read back by the next one on the same store, whether the first was
 * stopped cleanly (SIGTERM) or killed right after its last answer (SIGKILL). The same scenario
 * runs on the embedded PGlite (data directory on disk) and on a PostgreSQL store.
 */
import { expect, it } from 'vitest';
import { DEMO } from '../../../src/proxy/db/demo/demo-data';
import type {
  AuditResponse,
  IntegratorListResponse,
  ProgressResponse,
  RegisterIntegratorResponse,
} from '../../../src/shared/api';
import { spawnProxy } from './proxy-process';

const TICKET = 901;
const TICKS = 12;

const registration = (nif: string, nom: string) => ({
  ticket: TICKET,
  ens: { ine10: DEMO.vilaSeca.ine10, nom: 'Ajuntament de Vila-seca' },
  service: 'PSCP',
  integrator: { nif, nom },
});

export function durabilityScenario(env: () => Record<string, string>): void {
  it('keeps what one process acknowledged after SIGTERM, and after SIGKILL right after the answer', async () => {
    // 1. First process: one registration and one tick, then a clean stop.
    const first = await spawnProxy(env());
    const registered = await first.call(
      'POST',
      '/v1/integrator-registrations',
      registration('B00000000', 'Integracions Demo SL'),
    );
    expect(registered.status).toBe(201);
    const firstId = (registered.body as RegisterIntegratorResponse).registration.id;
    expect(
      (
        await first.call('PUT', `/v1/tickets/${String(TICKET)}/progress/pas-1`, {
          done: true,
          procedure: 'pscp-alta',
          note: 'abans del SIGTERM',
        })
      ).status,
    ).toBe(200);
    expect(await first.stop('SIGTERM')).toEqual({ code: 0, signal: null });

    // 2. Second process on the same store: reads them back, writes more, and is killed as soon as
    //    the last write is acknowledged.
    const second = await spawnProxy(env());
    const afterTerm = await second.call(
      'GET',
      `/v1/integrator-registrations?ine10=${DEMO.vilaSeca.ine10}&ticket=${String(TICKET)}`,
    );
    expect((afterTerm.body as IntegratorListResponse).registrations.map((r) => r.id)).toEqual([firstId]);
    const progress = (await second.call('GET', `/v1/tickets/${String(TICKET)}/progress`)).body as ProgressResponse;
    expect(progress.steps).toEqual([
      expect.objectContaining({ stepId: 'pas-1', done: true, note: 'abans del SIGTERM' }),
    ]);

    const again = await second.call(
      'POST',
      '/v1/integrator-registrations',
      registration('A58818501', 'Solucions Locals SA'),
    );
    expect(again.status).toBe(201);
    const secondId = (again.body as RegisterIntegratorResponse).registration.id;
    // Several ticks at once, as agents on a ticket do; all acknowledged before the kill.
    const ticks = await Promise.all(
      Array.from({ length: TICKS }, (_, i) =>
        second.call(
          'PUT',
          `/v1/tickets/${String(TICKET)}/progress/pas-${String(i + 2)}`,
          { done: true, procedure: 'pscp-alta' },
          `agent-${String(i)}`,
        ),
      ),
    );
    expect(ticks.map((t) => t.status)).toEqual(Array.from({ length: TICKS }, () => 200));
    expect(await second.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });

    // 3. Third process: every acknowledged write is there, with its audit entry.
    const third = await spawnProxy(env());
    try {
      const list = (
        await third.call('GET', `/v1/integrator-registrations?ine10=${DEMO.vilaSeca.ine10}&ticket=${String(TICKET)}`)
      ).body as IntegratorListResponse;
      expect(list.registrations.map((r) => r.id).sort((a, b) => a - b)).toEqual(
        [firstId, secondId].sort((a, b) => a - b),
      );
      const steps = ((await third.call('GET', `/v1/tickets/${String(TICKET)}/progress`)).body as ProgressResponse)
        .steps;
      expect(steps.map((s) => s.stepId).sort()).toEqual(
        ['pas-1', ...Array.from({ length: TICKS }, (_, i) => `pas-${String(i + 2)}`)].sort(),
      );
      expect(steps.every((s) => s.done)).toBe(true);
      const audit = ((await third.call('GET', `/v1/tickets/${String(TICKET)}/audit?limit=100`)).body as AuditResponse)
        .entries;
      expect(audit.filter((e) => e.action === 'integrator.register')).toHaveLength(2);
      expect(audit.filter((e) => e.action === 'progress.set')).toHaveLength(1 + TICKS);
      // The store still takes writes after the crash.
      expect(
        (
          await third.call('PUT', `/v1/tickets/${String(TICKET)}/progress/pas-1`, {
            done: false,
            procedure: 'pscp-alta',
          })
        ).status,
      ).toBe(200);
    } finally {
      await third.stop('SIGTERM');
    }
  }, 180_000);
}
