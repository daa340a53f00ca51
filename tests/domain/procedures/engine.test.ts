import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorpusSchema } from '../../../src/cli/evaluate';
import { classify, type Classification } from '../../../src/domain/classifier';
import { library, plan, type Facts, type PlannedStep } from '../../../src/domain/procedures';

const corpus = CorpusSchema.parse(
  JSON.parse(readFileSync(new URL('../../fixtures/dev-tickets.json', import.meta.url), 'utf8')),
);
function classified(id: string): Classification {
  const found = corpus.find((c) => c.ticket.id === id);
  if (found === undefined) throw new Error(`no ticket ${id}`);
  return classify(found.ticket);
}

const NOW = new Date('2026-11-23T09:00:00Z'); // Monday 10:00 in Barcelona

function run(c: Classification, facts: Facts = {}) {
  return plan(library(), { classification: c, facts, now: NOW, autoCloseDays: 7 });
}
const ids = (steps: readonly PlannedStep[], ...statuses: PlannedStep['status'][]) =>
  steps.filter((s) => statuses.includes(s.status)).map((s) => s.step.id);

describe('procedure library', () => {
  it('loads and validates every procedure file', () => {
    const lib = library();
    expect(lib.procedures.map((p) => p.id)).toEqual([
      'setdiba',
      'pscp-pre',
      'pscp-pro',
      'vo-pre',
      'vo-pro',
      'altres-serveis',
    ]);
  });
});

describe('PSCP in PRE', () => {
  it('gives the steps in the manual’s order, deciding the user branch once the check answers', () => {
    const c = classified('d01');
    const before = run(c);
    expect(before.procedure?.id).toBe('pscp-pre');
    expect(ids(before.steps, 'applies')).toEqual([
      'pscp-pre.seguiment',
      'pscp-pre.cda-ssl',
      'pscp-pre.ips',
      'pscp-pre.cercar-usuari',
      'pscp-pre.permisos-prohibits',
      'pscp-pre.opcions-ws-organ',
      'pscp-pre.missatge-fi-alta',
    ]);
    expect(ids(before.steps, 'pending')).toEqual([
      'pscp-pre.permisos-usuari',
      'pscp-pre.crear-usuari',
      'pscp-pre.cercar-organ',
      'pscp-pre.crear-organ',
    ]);
    expect(before.steps.find((s) => s.step.id === 'pscp-pre.crear-usuari')?.waitingOn).toEqual(['pscp.userFound']);

    const notFound = run(c, { 'pscp.userFound': false, 'pscp.organFound': false });
    expect(ids(notFound.steps, 'applies')).toEqual([
      'pscp-pre.seguiment',
      'pscp-pre.cda-ssl',
      'pscp-pre.ips',
      'pscp-pre.cercar-usuari',
      'pscp-pre.crear-usuari',
      'pscp-pre.cercar-organ',
      'pscp-pre.crear-organ',
      'pscp-pre.permisos-prohibits',
      'pscp-pre.opcions-ws-organ',
      'pscp-pre.missatge-fi-alta',
    ]);
    const found = run(c, { 'pscp.userFound': true });
    expect(ids(found.steps, 'applies')).toContain('pscp-pre.permisos-usuari');
    expect(ids(found.steps, 'skipped')).toEqual(
      expect.arrayContaining([
        'pscp-pre.crear-usuari',
        'pscp-pre.cercar-organ',
        'pscp-pre.crear-organ',
        'pscp-pre.confirmar-ws',
      ]),
    );
  });

  it('asks the ens to confirm the web service when the request form is missing', () => {
    const steps = run(classified('d28')).steps;
    expect(ids(steps, 'applies')).toContain('pscp-pre.confirmar-ws');
    expect(ids(steps, 'pending')).toContain('pscp-pre.documentacio');
    expect(ids(run(classified('d28'), { 'ens.confirmedWebService': true }).steps, 'applies')).toContain(
      'pscp-pre.documentacio',
    );
  });

  it('adds eLICITA’s own steps', () => {
    const applies = ids(run(classified('d03')).steps, 'applies');
    expect(applies).toContain('pscp-pre.elicita-requereix-pscp');
    expect(applies).toContain('pscp-pre.permis-ofertes');
  });

  it('flags the end-of-PRE message’s time window', () => {
    const step = run(classified('d01')).steps.find((s) => s.step.id === 'pscp-pre.missatge-fi-alta');
    expect(step?.window).toMatchObject({ id: 'pscp-test-environment', open: true });
    const saturday = plan(library(), { classification: classified('d01'), now: new Date('2026-11-28T10:00:00Z') });
    expect(saturday.steps.find((s) => s.step.id === 'pscp-pre.missatge-fi-alta')?.window).toMatchObject({
      open: false,
    });
  });
});

describe('PSCP in PRO', () => {
  it('never creates an òrgan in PRO: escalates when the entity is missing', () => {
    const c = classified('d02');
    const missing = run(c, { 'pscp.organFoundPro': false });
    expect(missing.procedure?.id).toBe('pscp-pro');
    expect(ids(missing.steps, 'applies')).toEqual([
      'pscp-pro.validar-proves',
      'pscp-pro.seguiment',
      'pscp-pro.cercar-organ',
      'pscp-pro.organ-no-trobat',
      'pscp-pro.registre-integrador',
    ]);
    expect(missing.steps.find((s) => s.step.id === 'pscp-pro.organ-no-trobat')?.step.warning?.ca).toMatch(
      /Mai crearem/,
    );
  });

  it('enables the external system, escalates to the head of service, then closes once the ticket returns', () => {
    const done = run(classified('d02'), { 'pscp.organFoundPro': true, 'headOfService.returned': true });
    expect(ids(done.steps, 'applies')).toEqual([
      'pscp-pro.validar-proves',
      'pscp-pro.seguiment',
      'pscp-pro.cercar-organ',
      'pscp-pro.sistema-extern',
      'pscp-pro.derivar-cap-servei',
      'pscp-pro.fi-alta',
      'pscp-pro.registre-integrador',
    ]);
  });
});

describe('Via Oberta in PRE', () => {
  const common = ['vo-pre.seguiment', 'vo-pre.autoritzacions-pro', 'vo-pre.autoritzacions-pre'];

  it('AEAT: no MINHAP, the CDA at AEAT, then the certificate in PRE', () => {
    const c = classified('d04');
    const r = run(c, { 'vo.authorisedInPro': true, 'aeat.cdaRegistered': true });
    expect(r.procedure?.id).toBe('vo-pre');
    expect(ids(r.steps, 'applies')).toEqual([
      ...common,
      'vo-pre.alta-siri',
      'vo-pre.aeat-cda',
      'vo-pre.aeat-certificat',
      'vo-pre.ips',
      'vo-pre.homologacio',
      'vo-pre.registre-integrador',
    ]);
  });

  it('MINHAP: checks, the CAID request, and no SIRI authorisation until MINHAP confirms', () => {
    const c = classified('d08');
    const waiting = run(c, { 'vo.authorisedInPro': true });
    expect(ids(waiting.steps, 'applies')).toEqual([
      ...common,
      'vo-pre.minhap-finalitat',
      'vo-pre.minhap-dir3',
      'vo-pre.minhap-excel',
      'vo-pre.minhap-caid',
      'vo-pre.minhap-esperar',
      'vo-pre.ips',
      'vo-pre.homologacio',
      'vo-pre.registre-integrador',
    ]);
    expect(ids(waiting.steps, 'pending')).toEqual(
      expect.arrayContaining([
        'vo-pre.alta-siri',
        'vo-pre.finalitat-sia',
        'vo-pre.minhap-word',
        'vo-pre.validar-evidencia',
      ]),
    );
    const confirmed = run(c, {
      'vo.authorisedInPro': true,
      'minhap.confirmed': true,
      'minhap.usesIne10Proves': true,
      'minhap.finalitatExists': false,
      'minhap.wordRequested': false,
    });
    const applies = ids(confirmed.steps, 'applies');
    expect(applies.indexOf('vo-pre.finalitat-sia')).toBeLessThan(applies.indexOf('vo-pre.alta-siri'));
    expect(applies).not.toContain('vo-pre.validar-evidencia');
  });

  it('DCOC: the col·legi’s permission first, then the DCOC configuration', () => {
    const c = classified('d11');
    expect(ids(run(c).steps, 'applies')).toContain('vo-pre.dcoc-permis');
    expect(ids(run(c).steps, 'pending')).toContain('vo-pre.dcoc-configuracio');
    expect(ids(run(c, { 'dcoc.permissionGranted': true }).steps, 'applies')).toContain('vo-pre.dcoc-configuracio');
  });

  it('Padró: internal review and the Padró message', () => {
    const applies = ids(run(classified('d09')).steps, 'applies');
    expect(applies.slice(0, 2)).toEqual(['vo-pre.padro-intern', 'vo-pre.padro-missatge']);
  });

  it('a copy of an alta ticket without form and CDA: asks for them', () => {
    expect(ids(run(classified('d20')).steps, 'applies')[0]).toBe('vo-pre.falten-documents');
  });

  it('hands the ticket to the Unitat de Suport when the service was not registered in PRO, and stops', () => {
    const r = run(classified('d04'), { 'vo.authorisedInPro': false });
    expect(ids(r.steps, 'applies')).toEqual([
      'vo-pre.seguiment',
      'vo-pre.autoritzacions-pro',
      'vo-pre.no-autoritzat-pro',
    ]);
    expect(ids(r.steps, 'after-end').length).toBeGreaterThan(3);
  });

  it.each([
    ['d21', 'vo-pre.no-via-alta', 'NOT_VIA_ALTA'],
    ['d12', 'vo-pre.coetc', 'COETC'],
    ['d13', 'vo-pre.multi-ambit', 'MULTI_AMBIT'],
  ])('%s: ends at %s (%s)', (id, stepId) => {
    const r = run(classified(id));
    expect(ids(r.steps, 'applies')).toEqual([stepId]);
    expect(r.steps.filter((s) => s.status === 'after-end').every((s) => s.because?.includes('acaba'))).toBe(true);
  });
});

describe('Via Oberta in PRO', () => {
  it('homologation delivered: validate, authorise in PRO, final message', () => {
    const r = run(classified('d25'), { 'homologation.validated': true });
    expect(r.procedure?.id).toBe('vo-pro');
    expect(ids(r.steps, 'applies')).toEqual([
      'vo-pro.validar-homologacio',
      'vo-pro.seguiment',
      'vo-pro.autoritzacions-pro',
      'vo-pro.alta-siri',
      'vo-pro.ips',
      'vo-pro.fi-alta',
      'vo-pro.registre-integrador',
    ]);
  });

  it('CORPME: straight to PRO with its own message', () => {
    const applies = ids(run(classified('d10')).steps, 'applies');
    expect(applies[0]).toBe('vo-pro.corpme');
    expect(applies).toContain('vo-pro.missatge-corpme');
    expect(applies).not.toContain('vo-pro.fi-alta');
  });

  it('mass Excel: not split by àmbit, Padró reviewed, everything in PRO', () => {
    const r = run(classified('d19'));
    const applies = ids(r.steps, 'applies');
    expect(applies).not.toContain('vo-pro.multi-ambit');
    expect(applies).toEqual(expect.arrayContaining(['vo-pro.massiu', 'vo-pro.padro-intern', 'vo-pro.aeat-certificat']));
  });
});

describe('SetDIBA', () => {
  it('splits a ticket with several services', () => {
    const r = run(classified('d16'));
    expect(r.procedure?.id).toBe('setdiba');
    expect(ids(r.steps, 'applies')).toEqual([
      'setdiba.un-tiquet-per-servei',
      'setdiba.plantilla',
      'setdiba.alta-pro',
      'setdiba.certificat',
      'setdiba.registre-integrador',
    ]);
  });

  it('MUX: the production date comes later', () => {
    expect(ids(run(classified('d14')).steps, 'applies')).toEqual([
      'setdiba.plantilla',
      'setdiba.alta-pro',
      'setdiba.certificat',
      'setdiba.mux-dates',
      'setdiba.registre-integrador',
    ]);
  });
});

describe('other services', () => {
  it('MUX in PRE: the general rules', () => {
    expect(ids(run(classified('d26')).steps, 'applies')).toEqual([
      'altres.alta',
      'altres.ips',
      'altres.homologacio',
      'altres.registre-integrador',
    ]);
  });

  it('e-NOTUM homologation: PRO', () => {
    expect(ids(run(classified('d30')).steps, 'applies')).toEqual([
      'altres.validar-homologacio',
      'altres.alta',
      'altres.ips',
      'altres.fi-alta',
      'altres.registre-integrador',
    ]);
  });
});

describe('explanations and time', () => {
  it('explains why a step applies, in the agent’s language', () => {
    const step = run(classified('d08')).steps.find((s) => s.step.id === 'vo-pre.minhap-caid');
    expect(step?.because).toBe('cas especial MINHAP');
    const en = plan(library(), { classification: classified('d08'), now: NOW, lang: 'en' });
    expect(en.steps.find((s) => s.step.id === 'vo-pre.minhap-caid')?.because).toBe('special case MINHAP');
    expect(en.because).toBe('service VO and environment PRE');
  });

  it('says there is no procedure for a ticket that asks no integration', () => {
    const r = run(classified('d23'));
    expect(r.procedure).toBeUndefined();
    expect(r.steps).toEqual([]);
    expect(r.because).toMatch(/no demana cap integració/);
  });

  it('tells when a ticket waiting on the ens closes by itself', () => {
    const c = classified('d04');
    const r = plan(library(), {
      classification: c,
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
    const ipStep = run(classified('d04')).steps.find((s) => s.step.id === 'vo-pre.ips');
    expect(ipStep?.window).toMatchObject({ id: 'ip-changes', open: false, opensInMinutes: 300 });
  });
});
