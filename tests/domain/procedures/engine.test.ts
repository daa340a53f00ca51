import { describe, expect, it } from 'vitest';
import { SETDIBA_OWN_SERVICES } from '../../../src/domain/catalogue/services';
import { library, plan } from '../../../src/domain/procedures';
import { cls, NOW, run, status, step } from './helpers';

describe('procedure selection', () => {
  it('loads and validates every procedure file, SetDIBA first', () => {
    expect(library().procedures.map((p) => p.id)).toEqual([
      'setdiba',
      'pscp-pre',
      'pscp-pro',
      'vo-pre',
      'vo-pro',
      'general',
    ]);
  });

  it('the SetDIBA procedure covers SetDIBA’s own services, and those only', () => {
    const setdiba = library().procedures.find((p) => p.id === 'setdiba');
    expect(setdiba?.appliesWhen).toEqual({ all: [{ flag: 'SETDIBA' }, { service: [...SETDIBA_OWN_SERVICES] }] });
    for (const service of SETDIBA_OWN_SERVICES)
      expect(run(cls({ service, environment: 'PRO', flags: ['SETDIBA'] })).procedure?.id, service).toBe('setdiba');
    // SetDIBA asking for Via Oberta or PSCP: classified PRO (the contract), it still goes through
    // that service's PRE procedure; its homologation delivered goes to the PRO one.
    expect(run(cls({ environment: 'PRO', flags: ['SETDIBA'] })).procedure?.id).toBe('vo-pre');
    expect(run(cls({ service: 'PSCP', environment: 'PRO', flags: ['SETDIBA'] })).procedure?.id).toBe('pscp-pre');
    expect(run(cls({ environment: 'PRO', flags: ['SETDIBA', 'HOMOLOGATION'] })).procedure?.id).toBe('vo-pro');
    expect(run(cls({ service: 'PSCP', environment: 'PRO', flags: ['HOMOLOGATION', 'SETDIBA'] })).procedure?.id).toBe(
      'pscp-pro',
    );
  });

  it('says there is no procedure for a ticket that asks no integration', () => {
    const r = run(cls({ service: 'UNKNOWN', environment: 'UNKNOWN' }));
    expect(r.procedure).toBeUndefined();
    expect(r.steps).toEqual([]);
    expect(r.because).toMatch(/no demana cap integració/);
  });

  it('services the manual has no page for get the general procedure, which says so and invents nothing', () => {
    for (const service of ['MUX', 'ENOTUM', 'ETAULER', 'OVER'] as const) {
      const p = run(cls({ service }));
      expect(p.procedure?.id, service).toBe('general');
      expect(step(p, 'general.sense-procediment').step.title.ca).toBe(
        'El manual no té procediment per a aquest servei',
      );
      expect(p.steps.map((s) => s.step.id)).toEqual([
        'general.sense-procediment',
        'general.cda',
        'general.ips',
        'general.homologacio',
        'general.registre-integrador',
      ]);
      // No Via Oberta text (PCI clients, Via Oberta's homologation and end messages) for these services.
      expect(p.steps.some((s) => s.step.template !== undefined)).toBe(false);
    }
  });
});

describe('explanations and time', () => {
  const minhap = cls({ products: ['DGT'], ambit: 'AGE', flags: ['MINHAP'] });
  it('explains why a step applies, in the agent’s language', () => {
    expect(step(run(minhap), 'vo-pre.minhap-caid').because).toBe('cas especial MINHAP');
    const en = plan(library(), { classification: minhap, now: NOW, lang: 'en' });
    expect(en.steps.find((s) => s.step.id === 'vo-pre.minhap-caid')?.because).toBe('special case MINHAP');
    expect(en.steps.find((s) => s.step.id === 'vo-pre.alta-siri')?.waitsFor.map((w) => w.text)).toContain(
      'Has MINHAP confirmed the authorisation?',
    );
  });

  it('a ticked step is done, with who and when', () => {
    const p = run(cls({ products: ['TFN'], ambit: 'GENERALITAT' }), {}, ['vo-pre.seguiment']);
    expect(status(p, 'vo-pre.seguiment')).toBe('done');
    expect(step(p, 'vo-pre.seguiment').done?.doneAt).toBe(NOW.toISOString());
  });

  it('tells when a ticket waiting on the ens closes by itself', () => {
    const r = plan(library(), {
      classification: cls({ products: ['AEAT'], ambit: 'AGE', flags: ['AEAT_CERT'] }),
      facts: { 'vo.authorisedInPro': true, 'vo.alreadyInPre': false },
      now: NOW,
      autoCloseDays: 7,
      progress: { 'vo-pre.aeat-cda': { doneAt: '2026-11-10T09:00:00Z', doneBy: 'agent' } },
    });
    expect(r.steps.find((s) => s.step.id === 'vo-pre.aeat-cda')?.autoClose).toEqual({
      deadline: '2026-11-17T09:00:00.000Z',
      overdue: true,
    });
  });

  it('IP changes wait until 15:00 in Barcelona', () => {
    const ipStep = step(run(cls({ products: ['TFN'], ambit: 'GENERALITAT' })), 'vo-pre.ips');
    expect(ipStep.window).toMatchObject({ id: 'ip-changes', open: false, opensInMinutes: 300 });
  });
});
