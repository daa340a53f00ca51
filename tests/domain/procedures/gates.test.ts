import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/domain/classifier';
import { cls, DCOC_GATED_STEPS, ids, run, status, step, waits } from './helpers';

/**
 * Every gate of the manual that issue 13 lists, through the engine: what waits, for what, and what
 * happens once the answer comes (either way).
 */
const dcoc = cls({ products: ['DCOC'], ambit: 'COLLEGIS', flags: ['DCOC'] });
const inPro = { 'vo.authorisedInPro': true, 'vo.alreadyInPre': false } as const;

describe('DCOC: permission of the col·legi before Pas 2', () => {
  it('holds the SIRI alta, the DCOC configuration, IPs, homologation and close while the permission is unknown', () => {
    const p = run(dcoc, inPro);
    expect(status(p, 'vo-pre.dcoc-permis')).toBe('applies');
    for (const id of DCOC_GATED_STEPS) {
      expect(status(p, id), id).toBe('waiting');
      expect(waits(p, id), id).toContain('dcoc.permissionGranted');
    }
    expect(step(p, 'vo-pre.alta-siri').waitsFor[0]).toMatchObject({
      step: 'vo-pre.dcoc-permis',
      question: 'dcoc.permissionGranted',
      text: 'El col·legi ha donat permís per fer les proves amb aquest ens?',
    });
  });

  it('goes on once the col·legi agrees', () => {
    const p = run(dcoc, { ...inPro, 'dcoc.permissionGranted': true });
    expect(status(p, 'vo-pre.dcoc-configuracio')).toBe('applies');
    expect(status(p, 'vo-pre.alta-siri')).toBe('applies');
    expect(status(p, 'vo-pre.ips')).toBe('applies');
    // The homologation message still waits for the alta and the IPs to be done.
    expect(waits(p, 'vo-pre.homologacio')).toEqual(['vo-pre.alta-siri', 'vo-pre.ips']);
  });

  it('stops when the col·legi refuses: nothing is authorised, messaged or closed', () => {
    const p = run(dcoc, { ...inPro, 'dcoc.permissionGranted': false });
    expect(status(p, 'vo-pre.dcoc-sense-permis')).toBe('applies');
    for (const id of DCOC_GATED_STEPS) expect(status(p, id), id).toBe('skipped');
  });

  it('asks no MINHAP question on a DCOC ticket', () => {
    expect(run(dcoc).questions.map((q) => q.question)).not.toContain('minhap.confirmed');
  });
});

describe('PSCP in PRE', () => {
  const missing = cls({ service: 'PSCP', flags: ['MISSING_DOCS'] });

  it('waits for the ens’s confirmation of web services, then for the filled integration document', () => {
    const p = run(missing);
    expect(status(p, 'pscp-pre.confirmar-ws')).toBe('applies');
    for (const id of ['pscp-pre.documentacio', 'pscp-pre.cda-ssl', 'pscp-pre.ips', 'pscp-pre.missatge-fi-alta'])
      expect(waits(p, id), id).toContain('ens.confirmedWebService');
    const confirmed = run(missing, { 'ens.confirmedWebService': true });
    expect(status(confirmed, 'pscp-pre.documentacio')).toBe('applies');
    expect(waits(confirmed, 'pscp-pre.cda-ssl')).toContain('docs.received');
    expect(waits(confirmed, 'pscp-pre.missatge-fi-alta')).toContain('docs.received');
    const received = run(missing, { 'ens.confirmedWebService': true, 'docs.received': true });
    expect(status(received, 'pscp-pre.cda-ssl')).toBe('applies');
  });

  it('an ens that wants no web service (only EACAT) leads to its own branch and ends there', () => {
    const p = run(missing, { 'ens.confirmedWebService': false });
    expect(status(p, 'pscp-pre.nomes-eacat')).toBe('applies');
    expect(ids(p, 'applies', 'waiting')).not.toContain('pscp-pre.cda-ssl');
    expect(status(p, 'pscp-pre.missatge-fi-alta')).toBe('skipped');
  });

  it('checks or creates the òrgan before the user and before any permission', () => {
    const complete = cls({ service: 'PSCP' });
    const p = run(complete, { 'pscp.userFound': false, 'pscp.organFound': false });
    const order = p.steps.map((s) => s.step.id);
    expect(order.indexOf('pscp-pre.cercar-organ')).toBeLessThan(order.indexOf('pscp-pre.crear-usuari'));
    expect(order.indexOf('pscp-pre.crear-organ')).toBeLessThan(order.indexOf('pscp-pre.crear-usuari'));
    expect(status(p, 'pscp-pre.crear-organ')).toBe('applies');
    expect(waits(p, 'pscp-pre.crear-usuari')).toEqual(['pscp-pre.crear-organ']);
    expect(waits(p, 'pscp-pre.permisos-usuari')).toEqual(['pscp-pre.crear-organ', 'pscp-pre.crear-usuari']);
    const later = run(complete, { 'pscp.userFound': false, 'pscp.organFound': false }, [
      'pscp-pre.crear-organ',
      'pscp-pre.crear-usuari',
    ]);
    expect(status(later, 'pscp-pre.permisos-usuari')).toBe('applies');
    // A user found: permissions straight away, no òrgan to create.
    const found = run(complete, { 'pscp.userFound': true });
    expect(status(found, 'pscp-pre.permisos-usuari')).toBe('applies');
    expect(status(found, 'pscp-pre.crear-organ')).toBe('skipped');
  });
});

describe('eLICITA needs a previous PSCP integration', () => {
  const elicita = cls({ service: 'ELICITA' });
  it('holds everything while unknown', () => {
    const p = run(elicita);
    expect(status(p, 'pscp-pre.elicita-requereix-pscp')).toBe('applies');
    expect(waits(p, 'pscp-pre.cda-ssl')).toContain('pscp.previousIntegration');
  });
  it('“no” is a branch with its own message, and the procedure ends', () => {
    const p = run(elicita, { 'pscp.previousIntegration': false });
    expect(step(p, 'pscp-pre.elicita-sense-pscp')).toMatchObject({
      status: 'applies',
      step: { template: 'pscp-elicita-sense-pscp' },
    });
    expect(ids(p, 'applies', 'waiting')).toEqual([
      'pscp-pre.seguiment',
      'pscp-pre.elicita-requereix-pscp',
      'pscp-pre.elicita-sense-pscp',
    ]);
  });
  it('“yes” opens the integration', () => {
    const p = run(elicita, { 'pscp.previousIntegration': true });
    expect(status(p, 'pscp-pre.elicita-sense-pscp')).toBe('skipped');
    expect(status(p, 'pscp-pre.cda-ssl')).toBe('applies');
  });
});

describe('PSCP PRO: nothing after a failed or unanswered validation', () => {
  const pro = cls({ service: 'PSCP', environment: 'PRO', flags: ['HOMOLOGATION'] });
  it('unanswered: derivation, end message wait', () => {
    const p = run(pro, { 'pscp.organFoundPro': true });
    expect(status(p, 'pscp-pro.derivar-cap-servei')).toBe('waiting');
    expect(status(p, 'pscp-pro.fi-alta')).toBe('waiting');
    expect(waits(p, 'pscp-pro.fi-alta')).toContain('homologation.validated');
  });
  it('failed: no derivation, no end message', () => {
    const p = run(pro, { 'homologation.validated': false, 'pscp.organFoundPro': true });
    expect(status(p, 'pscp-pro.proves-ko')).toBe('applies');
    expect(status(p, 'pscp-pro.derivar-cap-servei')).toBe('skipped');
    expect(status(p, 'pscp-pro.fi-alta')).toBe('skipped');
  });
  it('validated: derive, then the end message once the head of service returns the ticket', () => {
    const facts = { 'homologation.validated': true, 'pscp.organFoundPro': true } as const;
    const p = run(pro, facts, ['pscp-pro.sistema-extern']);
    expect(status(p, 'pscp-pro.derivar-cap-servei')).toBe('applies');
    expect(waits(p, 'pscp-pro.fi-alta')).toEqual(['headOfService.returned']);
    expect(
      status(run(pro, { ...facts, 'headOfService.returned': true }, ['pscp-pro.sistema-extern']), 'pscp-pro.fi-alta'),
    ).toBe('applies');
  });
});

describe('VO PRO: nothing after a failed or unanswered validation', () => {
  const pro = cls({ products: ['TGSS'], ambit: 'AGE', environment: 'PRO', flags: ['HOMOLOGATION'] });
  it('unanswered: alta, end message and close wait', () => {
    const p = run(pro);
    for (const id of ['vo-pro.alta-siri', 'vo-pro.fi-alta', 'vo-pro.tancar'])
      expect(waits(run(pro), id), id).toContain('homologation.validated');
    expect(status(p, 'vo-pro.validar-homologacio')).toBe('applies');
  });
  it('failed: the procedure ends at the failed tests', () => {
    const p = run(pro, { 'homologation.validated': false });
    expect(status(p, 'vo-pro.homologacio-ko')).toBe('applies');
    for (const id of ['vo-pro.alta-siri', 'vo-pro.fi-alta', 'vo-pro.tancar']) expect(status(p, id), id).toBe('skipped');
  });
  it('validated: close with «Gestió realitzada» once the end message and the register are done', () => {
    const p = run(pro, { 'homologation.validated': true, 'vo.authorisedInPro': false }, [
      'vo-pro.alta-siri',
      'vo-pro.ips',
      'vo-pro.fi-alta',
      'vo-pro.registre-integrador',
    ]);
    expect(status(p, 'vo-pro.tancar')).toBe('applies');
    expect(step(p, 'vo-pro.tancar').step.title.ca).toContain('Gestió realitzada');
  });
});

describe('VO PRO: the coverage check says what is left to authorise in PRO', () => {
  const pro = cls({ products: ['TGSS'], ambit: 'AGE', environment: 'PRO', flags: ['HOMOLOGATION'] });
  it('the PRO alta waits for the check, runs for what PRO lacks, and is not given again', () => {
    expect(step(run(pro), 'vo-pro.autoritzacions-pro').step.check).toEqual({
      id: 'authorisation-coverage',
      answers: 'vo.authorisedInPro',
    });
    const validated = { 'homologation.validated': true } as const;
    expect(waits(run(pro, validated), 'vo-pro.alta-siri')).toEqual(['vo.authorisedInPro']);
    expect(status(run(pro, { ...validated, 'vo.authorisedInPro': false }), 'vo-pro.alta-siri')).toBe('applies');
    const held = run(pro, { ...validated, 'vo.authorisedInPro': true }, ['vo-pro.ips', 'vo-pro.registre-integrador']);
    expect(status(held, 'vo-pro.alta-siri')).toBe('skipped');
    expect(status(held, 'vo-pro.fi-alta')).toBe('applies');
  });
  it('says on the step that authorising there what PRO lacks is the desk’s to confirm (the manual does not say it)', () => {
    const alta = step(run(pro, { 'homologation.validated': true, 'vo.authorisedInPro': false }), 'vo-pro.alta-siri');
    expect(alta.step.toConfirm?.ca).toMatch(/^A confirmar per l'equip:/);
    expect(alta.step.toConfirm?.es).toMatch(/^A confirmar por el equipo:/);
    expect(alta.step.toConfirm?.en).toMatch(/^For the desk to confirm:/);
    expect(alta.step.source).toContain("«En teoria, ja haurien d'estar donats d'alta a PRO»");
  });
  it('bulk registrations: the spreadsheet says what to give, no check of one ens', () => {
    const bulk = run(cls({ products: ['TFN'], ambit: 'GENERALITAT', environment: 'PRO', flags: ['MASS_EXCEL'] }));
    expect(status(bulk, 'vo-pro.autoritzacions-pro')).toBe('skipped');
    expect(status(bulk, 'vo-pro.alta-siri')).toBe('applies');
    expect(bulk.questions).toEqual([]);
  });
});

describe('VO PRE: the homologation message waits for everything it claims', () => {
  const minhap = cls({ products: ['DGT'], ambit: 'AGE', flags: ['MINHAP'] });
  it('MINHAP: no SIRI alta, no homologation message until MINHAP confirms', () => {
    const p = run(minhap, inPro);
    expect(waits(p, 'vo-pre.minhap-caid')).toEqual(['vo-pre.minhap-excel']);
    expect(status(run(minhap, inPro, ['vo-pre.minhap-excel']), 'vo-pre.minhap-caid')).toBe('applies');
    for (const id of ['vo-pre.alta-siri', 'vo-pre.finalitat-sia', 'vo-pre.homologacio', 'vo-pre.tancar'])
      expect(waits(p, id), id).toContain('minhap.confirmed');
    const confirmed = run(minhap, { ...inPro, 'minhap.confirmed': true, 'minhap.usesIne10Proves': false });
    expect(status(confirmed, 'vo-pre.alta-siri')).toBe('applies');
    expect(waits(confirmed, 'vo-pre.homologacio')).toEqual([
      'vo-pre.alta-siri',
      'vo-pre.validar-evidencia',
      'vo-pre.ips',
    ]);
  });
  it('AEAT: the message waits for the CDA at AEAT and the certificate in PRE', () => {
    const aeat = cls({ products: ['AEAT'], ambit: 'AGE', flags: ['AEAT_CERT'] });
    const p = run(aeat, inPro, ['vo-pre.alta-siri', 'vo-pre.ips']);
    expect(status(p, 'vo-pre.aeat-cda')).toBe('applies');
    expect(waits(p, 'vo-pre.homologacio')).toEqual(['aeat.cdaRegistered', 'vo-pre.aeat-certificat']);
    const registered = run(aeat, { ...inPro, 'aeat.cdaRegistered': true }, ['vo-pre.alta-siri', 'vo-pre.ips']);
    expect(waits(registered, 'vo-pre.homologacio')).toEqual(['vo-pre.aeat-certificat']);
    // No MINHAP question on an AEAT ticket.
    expect(p.questions.map((q) => q.question)).not.toContain('minhap.confirmed');
  });
  it('the SIRI alta is a gate of the message', () => {
    const p = run(cls({ products: ['TFN'], ambit: 'GENERALITAT' }), inPro);
    expect(waits(p, 'vo-pre.homologacio')).toEqual(['vo-pre.alta-siri', 'vo-pre.ips']);
    expect(
      status(
        run(cls({ products: ['TFN'], ambit: 'GENERALITAT' }), inPro, ['vo-pre.alta-siri', 'vo-pre.ips']),
        'vo-pre.homologacio',
      ),
    ).toBe('applies');
  });
  it('what PRE already holds is not given again', () => {
    const p = run(cls({ products: ['TFN'], ambit: 'GENERALITAT' }), {
      'vo.authorisedInPro': true,
      'vo.alreadyInPre': true,
    });
    expect(status(p, 'vo-pre.alta-siri')).toBe('skipped');
  });
});

describe('missing documents', () => {
  const missing = cls({ products: ['TFN'], ambit: 'GENERALITAT', flags: ['MISSING_DOCS'] });
  it('the message (which says the ens is authorised in PRO) comes after the PRO check and waits for it', () => {
    const p = run(missing);
    const order = p.steps.map((s) => s.step.id);
    expect(order.indexOf('vo-pre.autoritzacions-pro')).toBeLessThan(order.indexOf('vo-pre.falten-documents'));
    expect(status(p, 'vo-pre.falten-documents')).toBe('waiting');
    expect(waits(p, 'vo-pre.falten-documents')).toEqual(['vo.authorisedInPro']);
    // Not authorised in PRO: handed to the Unitat de Suport, and the message never goes.
    expect(status(run(missing, { 'vo.authorisedInPro': false }), 'vo-pre.falten-documents')).toBe('skipped');
  });
  it('later steps are held until the documents arrive', () => {
    const p = run(missing, inPro);
    expect(status(p, 'vo-pre.falten-documents')).toBe('applies');
    for (const id of ['vo-pre.alta-siri', 'vo-pre.ips', 'vo-pre.homologacio', 'vo-pre.tancar'])
      expect(waits(p, id), id).toContain('docs.received');
    expect(status(run(missing, { ...inPro, 'docs.received': true }), 'vo-pre.alta-siri')).toBe('applies');
  });
});

describe('SetDIBA', () => {
  it('is limited to MUX, e-NOTUM, e-TAULER and OVER: a SetDIBA Via Oberta ticket (classified PRO) keeps PRE and MINHAP', () => {
    const ticket = {
      id: 'sd-vo',
      subject: 'SetDIBA - alta Via Oberta Cadastre',
      description:
        "Des de la SetDIBA sol·licitem l'alta de l'Ajuntament de Sant Boi de Llobregat a la Via Oberta per " +
        'consultar el Cadastre via serveis web. Adjuntem el formulari i el CDA.',
      tags: ['alta_servei'],
      attachments: ['formulari_sol-licitud_integracio_serveis_caoc.pdf', 'cda.cer'],
    };
    const c = classify(ticket);
    expect(c).toMatchObject({ environment: 'PRO', flags: ['MINHAP', 'SETDIBA'] });
    const p = run(c, inPro);
    expect(p.procedure?.id).toBe('vo-pre');
    for (const id of ['vo-pre.minhap-excel', 'vo-pre.minhap-caid', 'vo-pre.alta-siri', 'vo-pre.homologacio'])
      expect(status(p, id), id).not.toBe('skipped');
    // The SIRI alta waits for MINHAP, as on any Via Oberta ticket of an AGE product.
    expect(waits(p, 'vo-pre.alta-siri')).toContain('minhap.confirmed');
    const mux = classify({ ...ticket, id: 'sd-mux', subject: 'SetDIBA - alta MUX', description: 'Plantilla adjunta.' });
    expect(mux).toMatchObject({ service: 'MUX', environment: 'PRO' });
    expect(run(mux).procedure?.id).toBe('setdiba');
    expect(run(cls({ service: 'ENOTUM', environment: 'PRO', flags: ['SETDIBA'] })).procedure?.id).toBe('setdiba');
  });
  it('MUX: the PRO date holds the alta; the MUX contact and the certificate’s link are settings shown', () => {
    const p = run(cls({ service: 'MUX', environment: 'PRO', flags: ['SETDIBA'] }));
    expect(step(p, 'setdiba.mux-data').step.shows).toEqual(['setdibaMuxContact']);
    expect(waits(p, 'setdiba.alta-pro')).toEqual(['setdiba.muxDateKnown']);
    expect(step(p, 'setdiba.certificat').step.shows).toEqual(['setdibaCertificateUrl']);
    expect(
      status(
        run(cls({ service: 'MUX', environment: 'PRO', flags: ['SETDIBA'] }), { 'setdiba.muxDateKnown': true }),
        'setdiba.alta-pro',
      ),
    ).toBe('applies');
    expect(status(run(cls({ service: 'OVER', environment: 'PRO', flags: ['SETDIBA'] })), 'setdiba.alta-pro')).toBe(
      'applies',
    );
  });
});

describe('Padró', () => {
  it('stops at the internal review: JIRA to the head of service, then the Padró message, and nothing else', () => {
    const p = run(cls({ products: ['PADRO'], ambit: 'LOCAL', flags: ['PADRO'] }));
    expect(ids(p, 'applies', 'waiting')).toEqual(['vo-pre.padro-intern', 'vo-pre.padro-missatge']);
    expect(waits(p, 'vo-pre.padro-missatge')).toEqual(['vo-pre.padro-intern']);
    expect(status(p, 'vo-pre.alta-siri')).toBe('skipped');
    expect(step(p, 'vo-pre.alta-siri').because).toContain('acaba');
  });
  it('Audifilm’s bulk Excel does not take the Padró path', () => {
    const p = run(cls({ products: ['PADRO'], ambit: 'LOCAL', environment: 'PRO', flags: ['MASS_EXCEL', 'PADRO'] }));
    expect(status(p, 'vo-pro.padro-intern')).toBe('skipped');
    expect(status(p, 'vo-pro.massiu')).toBe('applies');
    expect(status(p, 'vo-pro.alta-siri')).toBe('applies');
  });
});

describe('questions only where they decide, each asked once', () => {
  it('a SOC ticket asks no MINHAP question', () => {
    const p = run(cls({ products: ['SOC'], ambit: 'GENERALITAT' }));
    expect(p.questions.map((q) => q.question)).toEqual(['vo.authorisedInPro', 'vo.alreadyInPre']);
  });
  it('a CORPME or bulk ticket asks no homologation question', () => {
    const corpme = run(cls({ products: ['CORPME'], ambit: 'COLLEGIS', environment: 'PRO', flags: ['CORPME'] }));
    expect(corpme.questions.map((q) => q.question)).not.toContain('homologation.validated');
    const bulk = run(cls({ products: ['TFN'], ambit: 'GENERALITAT', environment: 'PRO', flags: ['MASS_EXCEL'] }));
    expect(bulk.questions.map((q) => q.question)).not.toContain('homologation.validated');
  });
  it('every open question appears once, at the step that asks it', () => {
    const p = run(cls({ products: ['DGT'], ambit: 'AGE', flags: ['MINHAP'] }), inPro);
    const qs = p.questions.map((q) => q.question);
    expect(new Set(qs).size).toBe(qs.length);
    expect(p.questions.find((q) => q.question === 'minhap.confirmed')?.step).toBe('vo-pre.minhap-esperar');
  });
});

describe('«Tancar amb Gestió realitzada» on every Via Oberta close', () => {
  it('every VO step that closes says so and applies the close macro', async () => {
    const { library } = await import('../../../src/domain/procedures');
    const closes = library()
      .procedures.filter((p) => p.id.startsWith('vo-'))
      .flatMap((p) => p.steps.filter((s) => s.effect === 'closes'));
    expect(closes.map((s) => s.id).sort()).toEqual(
      [
        'vo-pre.coetc',
        'vo-pre.no-via-alta',
        'vo-pre.tancar',
        'vo-pro.coetc',
        'vo-pro.no-via-alta',
        'vo-pro.tancar',
      ].sort(),
    );
    for (const s of closes) {
      expect(s.title.ca, s.id).toContain('Gestió realitzada');
      expect(s.actions, s.id).toContainEqual({ type: 'macro', macro: 'close-ticket' });
    }
  });
});
