import { describe, expect, it } from 'vitest';
import type { ProxyClient } from '../../../src/app/api/proxy-client';
import { CHECKS, type CheckRequest } from '../../../src/app/checks/registry';
import { translator } from '../../../src/app/i18n/i18n';
import { cifControlDigit } from '../../../src/domain/identifiers';
import type { Facts } from '../../../src/domain/procedures';
import { DEMO } from '../../../src/proxy/db/demo/demo-data';
import { harnessForSuite, type Harness } from '../../proxy/helpers/harness';
import { cls, ids, run, status, step, waits } from './helpers';

/**
 * Steps of the manual that had no test of what they do: the òrgan's web-service options in PSCP
 * PRE, looking the ens up as an òrgan in PSCP PRO (through the proxy's demo database) and what its
 * answer opens or ends, the MINHAP's Word form, and SetDIBA's Excel template.
 */

describe('PSCP PRE · 6. the òrgan’s web-service options (pscp-pre.opcions-ws-organ)', () => {
  const pscp = cls({ service: 'PSCP' });

  it('is done once the òrgan exists: at once when the user (and so the òrgan) is found', () => {
    const p = run(pscp, { 'pscp.userFound': true });
    expect(status(p, 'pscp-pre.crear-organ')).toBe('skipped');
    expect(step(p, 'pscp-pre.opcions-ws-organ')).toMatchObject({
      status: 'applies',
      step: { effect: 'authorises', kind: 'manual' },
    });
  });

  it('waits for the òrgan to be created when it was not found, then applies', () => {
    const facts = { 'pscp.userFound': false, 'pscp.organFound': false } as const;
    expect(waits(run(pscp, facts), 'pscp-pre.opcions-ws-organ')).toEqual(['pscp-pre.crear-organ']);
    expect(status(run(pscp, facts, ['pscp-pre.crear-organ']), 'pscp-pre.opcions-ws-organ')).toBe('applies');
    // The òrgan found (only the user is new): nothing to create, the options are checked.
    expect(status(run(pscp, { 'pscp.userFound': false, 'pscp.organFound': true }), 'pscp-pre.opcions-ws-organ')).toBe(
      'applies',
    );
  });

  it('is held until the ens confirms web services and sends the document, and never given for EACAT only', () => {
    const missing = cls({ service: 'PSCP', flags: ['MISSING_DOCS'] });
    expect(waits(run(missing), 'pscp-pre.opcions-ws-organ')).toContain('ens.confirmedWebService');
    expect(waits(run(missing, { 'ens.confirmedWebService': true }), 'pscp-pre.opcions-ws-organ')).toContain(
      'docs.received',
    );
    expect(status(run(missing, { 'ens.confirmedWebService': false }), 'pscp-pre.opcions-ws-organ')).toBe('skipped');
    // eLICITA without a PSCP integration gets no web-service option either.
    expect(
      status(run(cls({ service: 'ELICITA' }), { 'pscp.previousIntegration': false }), 'pscp-pre.opcions-ws-organ'),
    ).toBe('skipped');
  });
});

/** The app's PSCP òrgan check, answered by the proxy of the demo database. */
function throughProxy(h: Harness): ProxyClient {
  const fake = {
    call: async (op: { path: string }, input: { query: Record<string, string | number> }) => {
      const query = new URLSearchParams(Object.entries(input.query).map(([k, v]) => [k, String(v)]));
      const res = await h.get(`${op.path}?${query.toString()}`);
      const data: unknown = res.json();
      return res.statusCode === 200 ? { ok: true, data } : { ok: false, status: res.statusCode };
    },
  };
  // The registry only calls `call`; the real client's transport is tested in tests/app/proxy-client.test.ts.
  return fake as unknown as ProxyClient;
}

describe('PSCP PRO · Pas 1: the ens as an òrgan de contractació in PRO (through the proxy)', () => {
  const pro = cls({ service: 'PSCP', environment: 'PRO', flags: ['HOMOLOGATION'] });
  const validated = { 'homologation.validated': true } as const;
  // Vila-seca is an òrgan in the demo's PRE only; Barcelona is one in PRO too.
  const vilaSecaCif = `P4317100${'JABCDEFGHI'.charAt(cifControlDigit('4317100'))}`;
  const h = harnessForSuite();

  /** Runs the step's own check as the sidebar does and returns the fact it answers. */
  async function answerOf(cif: string): Promise<Facts> {
    const spec = step(run(pro, validated), 'pscp-pro.cercar-organ').step.check;
    expect(spec).toEqual({ id: 'pscp-organ', environment: 'PRO', answers: 'pscp.organFoundPro' });
    const check = CHECKS.find((c) => c.id === spec?.id) ?? expect.fail('no pscp-organ check in the app');
    const request: CheckRequest = { ticket: 108, env: 'PRO', cif, service: 'PSCP', products: [], modalities: [] };
    const result = await check.run(throughProxy(h), request, translator('ca'), 'pscp.organFoundPro');
    if (!result.ok || result.data.answer === undefined) throw new Error(`no answer: ${JSON.stringify(result)}`);
    return { 'pscp.organFoundPro': result.data.answer };
  }

  it('is looked up only after the tests are validated', () => {
    expect(step(run(pro), 'pscp-pro.cercar-organ')).toMatchObject({ status: 'waiting' });
    expect(waits(run(pro), 'pscp-pro.cercar-organ')).toEqual(['homologation.validated']);
    expect(status(run(pro, validated), 'pscp-pro.cercar-organ')).toBe('applies');
    expect(status(run(pro, { 'homologation.validated': false }), 'pscp-pro.cercar-organ')).toBe('skipped');
  });

  it('found in PRO: the external-system option is set, and the òrgan is never created', async () => {
    const facts = { ...validated, ...(await answerOf(DEMO.barcelona.cif)) };
    expect(facts['pscp.organFoundPro']).toBe(true);
    const p = run(pro, facts);
    expect(status(p, 'pscp-pro.sistema-extern')).toBe('applies');
    expect(status(p, 'pscp-pro.organ-no-trobat')).toBe('skipped');
  });

  it('not in PRO (an òrgan of PRE only): talk to the head of service, never create it, and stop there', async () => {
    const facts = { ...validated, ...(await answerOf(vilaSecaCif)) };
    expect(facts['pscp.organFoundPro']).toBe(false);
    const p = run(pro, facts);
    const notFound = step(p, 'pscp-pro.organ-no-trobat');
    expect(notFound).toMatchObject({ status: 'applies', step: { effect: 'messages-third-party', ends: true } });
    expect(notFound.step.warning?.ca).toContain('Mai crearem un nou òrgan de contractació a PRO');
    expect(notFound.step.detail?.ca).toContain('CSUC');
    for (const id of ['pscp-pro.sistema-extern', 'pscp-pro.derivar-cap-servei', 'pscp-pro.fi-alta'])
      expect(status(p, id), id).toBe('skipped');
    expect(ids(p, 'applies', 'waiting')).not.toContain('pscp-pro.fi-alta');
  });

  it('unanswered: neither branch is taken', () => {
    const p = run(pro, validated);
    expect(status(p, 'pscp-pro.organ-no-trobat')).not.toBe('applies');
    expect(status(p, 'pscp-pro.sistema-extern')).not.toBe('applies');
  });
});

describe('VO PRE · Pas 3: the MINHAP’s Word form, only when the MINHAP asks for it (vo-pre.minhap-word)', () => {
  const minhap = cls({ products: ['DGT'], ambit: 'AGE', flags: ['MINHAP'] });
  const inPro = { 'vo.authorisedInPro': true, 'vo.alreadyInPre': false } as const;
  const sent = ['vo-pre.minhap-excel', 'vo-pre.minhap-caid'];

  it('waits for the CAID ticket’s answer; not asked, it is skipped and the SIRI alta still waits for MINHAP', () => {
    const p = run(minhap, inPro, sent);
    expect(waits(p, 'vo-pre.minhap-word')).toEqual(['minhap.wordRequested']);
    const notAsked = run(minhap, { ...inPro, 'minhap.wordRequested': false }, sent);
    expect(status(notAsked, 'vo-pre.minhap-word')).toBe('skipped');
    expect(status(notAsked, 'vo-pre.minhap-signatura')).toBe('skipped');
    expect(waits(notAsked, 'vo-pre.alta-siri')).toContain('minhap.confirmed');
  });

  it('asked: the step quotes the MINHAP’s message, says how to fill the Word, and asks whether to sign it', () => {
    const p = run(minhap, { ...inPro, 'minhap.wordRequested': true }, sent);
    const word = step(p, 'vo-pre.minhap-word');
    expect(word).toMatchObject({ status: 'applies', step: { effect: 'messages-third-party' } });
    expect(word.step.detail?.ca).toContain('es necesario que nos remita el formulario de alta de aplicación');
    expect(word.step.detail?.ca).toContain('INE10_PROVES');
    expect(word.step.asks).toBe('minhap.signatureRequired');
    expect(waits(p, 'vo-pre.minhap-signatura')).toEqual(['minhap.signatureRequired']);
    const sign = run(minhap, { ...inPro, 'minhap.wordRequested': true, 'minhap.signatureRequired': true }, sent);
    expect(step(sign, 'vo-pre.minhap-signatura')).toMatchObject({
      status: 'applies',
      step: { template: 'portasignatures-signatura' },
    });
    // Sending the Word is no confirmation: the SIRI alta waits for MINHAP all the same.
    expect(waits(sign, 'vo-pre.alta-siri')).toContain('minhap.confirmed');
  });

  it('is not part of a ticket that does not go through the MINHAP', () => {
    const aeat = run(cls({ products: ['AEAT'], ambit: 'AGE', flags: ['AEAT_CERT'] }), inPro);
    expect(status(aeat, 'vo-pre.minhap-word')).toBe('skipped');
  });
});

describe('SetDIBA · the Excel template of ajuntaments (setdiba.plantilla)', () => {
  it('is the first thing reviewed on every SetDIBA service’s ticket, before the alta, the MUX date included', () => {
    for (const service of ['MUX', 'ENOTUM', 'ETAULER', 'OVER'] as const) {
      const p = run(cls({ service, environment: 'PRO', flags: ['SETDIBA'] }));
      expect(p.procedure?.id, service).toBe('setdiba');
      const template = step(p, 'setdiba.plantilla');
      expect(template, service).toMatchObject({ status: 'applies', waitsFor: [], step: { effect: 'none' } });
      const order = p.steps.map((s) => s.step.id);
      for (const later of ['setdiba.alta-pro', 'setdiba.certificat', 'setdiba.registre-integrador'])
        expect(order.indexOf('setdiba.plantilla'), `${service}: before ${later}`).toBeLessThan(order.indexOf(later));
    }
    // For MUX the alta waits for the date, the template's review does not.
    const mux = run(cls({ service: 'MUX', environment: 'PRO', flags: ['SETDIBA'] }));
    expect(status(mux, 'setdiba.alta-pro')).toBe('waiting');
    expect(status(mux, 'setdiba.plantilla')).toBe('applies');
  });

  it('points to the blank templates the manual names', () => {
    const p = run(cls({ service: 'ENOTUM', environment: 'PRO', flags: ['SETDIBA'] }));
    expect(step(p, 'setdiba.plantilla').step.detail?.ca).toContain('SETDIBA Plantilles.zip');
  });
});
