import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runGuideCommand } from '../../../src/cli/guide-command';
import { classify, TicketSchema } from '../../../src/domain/classifier';
import type { Facts } from '../../../src/domain/procedures';
import { DCOC_GATED_STEPS, expectGateRuleEitherWay, NOW } from './helpers';

/**
 * Every path of the manual that issue 13 names, as tickets an ens would write
 * (`tests/fixtures/guide/issue-13-paths.json`, the guide command's input), run through
 * `npm run guide` as the desk would run it: what each path shows, and the gate rule on each plan.
 */
const FILE = fileURLToPath(new URL('../../fixtures/guide/issue-13-paths.json', import.meta.url));

interface Wait {
  readonly step?: string;
  readonly question?: string;
  readonly text: string;
}
interface GuideStep {
  readonly id: string;
  readonly effect: string;
  readonly status: string;
  readonly template?: string;
  readonly reason?: string;
  readonly waitsFor?: readonly Wait[];
}
interface Guide {
  readonly id: string;
  readonly classification: { service: string; environment: string; flags: string[]; products: string[] };
  readonly procedure: string | null;
  readonly steps: readonly GuideStep[];
  readonly questions: readonly { question: string; step?: string }[];
}

const io = { readStdin: () => Promise.resolve('[]') };
const result = await runGuideCommand([FILE], io, undefined, () => NOW);
const guides = JSON.parse(result.stdout ?? '[]') as Guide[];

function of(id: string): Guide {
  return guides.find((g) => g.id === id) ?? expect.fail(`no ticket ${id} in ${FILE}`);
}
function stepOf(g: Guide, id: string): GuideStep {
  return g.steps.find((s) => s.id === id) ?? expect.fail(`no step ${id} in ${g.id}`);
}
const statusOf = (g: Guide, id: string): string => stepOf(g, id).status;
const waitsOf = (g: Guide, id: string): string[] =>
  (stepOf(g, id).waitsFor ?? []).map((w) => w.question ?? w.step ?? '');
const todo = (g: Guide): string[] => g.steps.filter((s) => s.status === 'applies').map((s) => s.id);
const questions = (g: Guide): string[] => g.questions.map((q) => q.question);
const gated = ['authorises', 'messages-ens', 'closes'];

describe('npm run guide on the paths of issue 13', () => {
  it('reads the file as the command does: one result per ticket, in order', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBeUndefined();
    const items = JSON.parse(readFileSync(FILE, 'utf8')) as { ticket: { id: string } }[];
    expect(guides.map((g) => g.id)).toEqual(items.map((i) => i.ticket.id));
  });

  it('holds the gate rule on every plan: as given, and with every question answered yes, then no', () => {
    const items = JSON.parse(readFileSync(FILE, 'utf8')) as {
      ticket: unknown;
      answers?: Facts;
      done?: string[];
    }[];
    for (const item of items)
      expectGateRuleEitherWay(classify(TicketSchema.parse(item.ticket)), { facts: item.answers, done: item.done });
    // In the command's own output too: a step that authorises, messages the ens or closes and
    // applies waits for nothing.
    for (const g of guides)
      for (const s of g.steps)
        if (s.status === 'applies' && gated.includes(s.effect)) expect(s.waitsFor, `${g.id} ${s.id}`).toBeUndefined();
  });

  it('DCOC: permission unknown holds the alta, IPs, homologation and close; refused stops them', () => {
    const unknown = of('dcoc-permission-unknown');
    expect(unknown.classification.flags).toEqual(['DCOC']);
    for (const id of DCOC_GATED_STEPS) expect(waitsOf(unknown, id), id).toContain('dcoc.permissionGranted');
    expect(stepOf(unknown, 'vo-pre.dcoc-permis')).toMatchObject({
      status: 'applies',
      template: 'vo-dcoc-permis-collegi',
    });
    const refused = of('dcoc-permission-refused');
    expect(statusOf(refused, 'vo-pre.dcoc-sense-permis')).toBe('applies');
    for (const id of DCOC_GATED_STEPS) expect(statusOf(refused, id), id).toBe('skipped');
    // A DCOC ticket asks nothing about MINHAP.
    expect(questions(unknown)).toEqual(['dcoc.permissionGranted']);
  });

  it('PSCP PRE: nothing goes on before the ens confirms web services; EACAT only is its own end', () => {
    const pending = of('pscp-pre-confirmation-pending');
    expect(pending.classification).toMatchObject({ service: 'PSCP', environment: 'PRE', flags: ['MISSING_DOCS'] });
    expect(stepOf(pending, 'pscp-pre.confirmar-ws')).toMatchObject({
      status: 'applies',
      template: 'pscp-confirmacio-ws',
    });
    for (const id of ['pscp-pre.documentacio', 'pscp-pre.cda-ssl', 'pscp-pre.ips', 'pscp-pre.missatge-fi-alta'])
      expect(waitsOf(pending, id), id).toContain('ens.confirmedWebService');
    expect(waitsOf(pending, 'pscp-pre.crear-usuari')).toContain('pscp-pre.crear-organ');
    const eacat = of('pscp-pre-eacat-only');
    expect(todo(eacat)).toEqual(['pscp-pre.seguiment', 'pscp-pre.confirmar-ws', 'pscp-pre.nomes-eacat']);
    expect(statusOf(eacat, 'pscp-pre.missatge-fi-alta')).toBe('skipped');
  });

  it('eLICITA without a previous PSCP integration: its own message, and nothing else', () => {
    const g = of('elicita-without-pscp');
    expect(g.classification.service).toBe('ELICITA');
    expect(todo(g)).toEqual(['pscp-pre.seguiment', 'pscp-pre.elicita-requereix-pscp', 'pscp-pre.elicita-sense-pscp']);
    expect(stepOf(g, 'pscp-pre.elicita-sense-pscp').template).toBe('pscp-elicita-sense-pscp');
    expect(g.steps.filter((s) => s.status === 'waiting')).toEqual([]);
  });

  it('PSCP PRO and VO PRO after a failed validation: no derivation, no end message, no close', () => {
    const pscp = of('pscp-pro-failed-validation');
    expect(pscp.classification).toMatchObject({ service: 'PSCP', environment: 'PRO', flags: ['HOMOLOGATION'] });
    expect(todo(pscp)).toEqual(['pscp-pro.validar-proves', 'pscp-pro.proves-ko']);
    for (const id of ['pscp-pro.derivar-cap-servei', 'pscp-pro.fi-alta'])
      expect(statusOf(pscp, id), id).toBe('skipped');
    const vo = of('vo-pro-failed-validation');
    expect(vo.classification).toMatchObject({ service: 'VO', environment: 'PRO', flags: ['HOMOLOGATION'] });
    expect(todo(vo)).toEqual(['vo-pro.validar-homologacio', 'vo-pro.homologacio-ko']);
    for (const id of ['vo-pro.alta-siri', 'vo-pro.fi-alta', 'vo-pro.tancar'])
      expect(statusOf(vo, id), id).toBe('skipped');
  });

  it('VO PRE with MINHAP pending: no SIRI alta, no homologation message, no close', () => {
    const g = of('vo-pre-minhap-pending');
    expect(g.classification).toMatchObject({ environment: 'PRE', flags: ['MINHAP'], products: ['CADASTRE'] });
    for (const id of ['vo-pre.alta-siri', 'vo-pre.homologacio', 'vo-pre.tancar']) {
      expect(statusOf(g, id), id).toBe('waiting');
      expect(waitsOf(g, id), id).toContain('minhap.confirmed');
    }
    expect(statusOf(g, 'vo-pre.minhap-excel')).toBe('applies');
    expect(questions(g)).toContain('minhap.confirmed');
  });

  it('SetDIBA: MUX waits for its PRO date; a Via Oberta request of SetDIBA keeps PRE and MINHAP', () => {
    const mux = of('setdiba-mux-date');
    expect(mux.classification).toMatchObject({ service: 'MUX', environment: 'PRO' });
    expect(mux.procedure).toBe('setdiba');
    expect(waitsOf(mux, 'setdiba.alta-pro')).toEqual(['setdiba.muxDateKnown']);
    const vo = of('setdiba-via-oberta');
    // PRO as the classification contract says for SetDIBA; the Via Oberta PRE procedure all the same.
    expect(vo.classification).toMatchObject({ service: 'VO', environment: 'PRO', flags: ['MINHAP', 'SETDIBA'] });
    expect(vo.procedure).toBe('vo-pre');
    expect(waitsOf(vo, 'vo-pre.alta-siri')).toContain('minhap.confirmed');
  });

  it('Padró stops at the internal review; Audifilm’s Excel goes to PRO; "massiu" alone is one ens in PRE', () => {
    const padro = of('padro');
    expect(padro.steps.filter((s) => s.status !== 'skipped').map((s) => s.id)).toEqual([
      'vo-pre.padro-intern',
      'vo-pre.padro-missatge',
    ]);
    const bulk = of('audifilm-bulk-excel');
    expect(bulk.classification).toMatchObject({ environment: 'PRO', flags: ['MASS_EXCEL', 'PADRO'] });
    expect(statusOf(bulk, 'vo-pro.massiu')).toBe('applies');
    expect(statusOf(bulk, 'vo-pro.padro-intern')).toBe('skipped');
    expect(statusOf(bulk, 'vo-pro.alta-siri')).toBe('applies');
    const massiu = of('massiu-alone');
    expect(massiu.classification.environment).toBe('PRE');
    expect(massiu.classification.flags).not.toContain('MASS_EXCEL');
    expect(massiu.procedure).toBe('vo-pre');
  });

  it('questions only where they decide: none on MINHAP for SOC, AEAT or DCOC, none on homologation for CORPME or bulk', () => {
    for (const id of ['minhap-noise-soc', 'minhap-noise-aeat', 'dcoc-permission-unknown'])
      expect(questions(of(id)), id).not.toContain('minhap.confirmed');
    for (const id of ['homologation-noise-corpme', 'audifilm-bulk-excel'])
      expect(questions(of(id)), id).not.toContain('homologation.validated');
    // Each question once, and each holds a step that waits for its answer.
    for (const g of guides) {
      const qs = questions(g);
      expect(new Set(qs).size, g.id).toBe(qs.length);
      const waitedFor = new Set(g.steps.flatMap((s) => (s.waitsFor ?? []).map((w) => w.question)));
      for (const q of qs) expect(waitedFor.has(q), `${g.id}: ${q} decides nothing`).toBe(true);
    }
    expect(questions(of('audifilm-bulk-excel'))).toEqual([]);
  });

  it('every Via Oberta close the manual names is «Gestió realitzada» and waits for what comes before it', () => {
    const notViaAlta = of('vo-close-not-via-alta');
    expect(todo(notViaAlta)).toEqual(['vo-pre.no-via-alta']);
    expect(stepOf(notViaAlta, 'vo-pre.no-via-alta')).toMatchObject({ effect: 'closes', template: 'vo-no-via-alta' });
    const coetc = of('vo-close-coetc');
    expect(todo(coetc)).toEqual(['vo-pre.coetc']);
    expect(stepOf(coetc, 'vo-pre.coetc')).toMatchObject({ effect: 'closes', template: 'vo-coetc' });
    const pro = of('vo-close-pro');
    expect(stepOf(pro, 'vo-pro.tancar')).toMatchObject({ effect: 'closes', status: 'applies' });
    // Not before the homologation is validated.
    expect(waitsOf(of('vo-pro-failed-validation'), 'vo-pro.tancar')).toEqual([]);
    expect(statusOf(of('vo-pro-failed-validation'), 'vo-pro.tancar')).toBe('skipped');
  });

  it('DCOC in PRO: the col·legi is asked after the validated homologation, and the PRO alta waits for both', () => {
    const g = of('dcoc-pro-validation-unknown');
    expect(g.classification).toMatchObject({ environment: 'PRO', flags: ['DCOC', 'HOMOLOGATION'] });
    expect(waitsOf(g, 'vo-pro.dcoc-permis')).toEqual(['homologation.validated']);
    for (const id of [
      'vo-pro.dcoc-configuracio',
      'vo-pro.alta-siri',
      'vo-pro.ips',
      'vo-pro.fi-alta',
      'vo-pro.tancar',
    ]) {
      expect(waitsOf(g, id), id).toContain('homologation.validated');
      expect(waitsOf(g, id), id).toContain('dcoc.permissionGranted');
    }
  });

  it('PSCP PRE with the òrgan missing: the òrgan is created before the user, its permissions and its web-service options', () => {
    const g = of('pscp-pre-organ-missing');
    expect(g.classification).toMatchObject({ service: 'PSCP', flags: [] });
    expect(statusOf(g, 'pscp-pre.crear-organ')).toBe('applies');
    for (const id of ['pscp-pre.crear-usuari', 'pscp-pre.permisos-usuari', 'pscp-pre.opcions-ws-organ'])
      expect(waitsOf(g, id), id).toContain('pscp-pre.crear-organ');
    expect(waitsOf(g, 'pscp-pre.missatge-fi-alta')).toEqual(
      expect.arrayContaining(['pscp-pre.permisos-usuari', 'pscp-pre.opcions-ws-organ']),
    );
  });

  it('eLICITA with a PSCP integration: the integration goes on, with the permission to see offers after the user’s', () => {
    const g = of('elicita-with-pscp');
    expect(statusOf(g, 'pscp-pre.elicita-sense-pscp')).toBe('skipped');
    expect(waitsOf(g, 'pscp-pre.permis-ofertes')).toContain('pscp-pre.permisos-usuari');
    expect(waitsOf(g, 'pscp-pre.missatge-fi-alta')).toContain('pscp-pre.permis-ofertes');
  });

  it('services of two àmbits (AEAT and TFN): only the one-ticket-per-àmbit message, nothing authorised', () => {
    const g = of('multi-ambit-aeat-tfn');
    expect(g.classification).toMatchObject({ ambit: 'MIXED', flags: ['AEAT_CERT', 'MULTI_AMBIT'] });
    expect(todo(g)).toEqual(['vo-pre.multi-ambit']);
    expect(g.steps.filter((s) => s.status === 'waiting')).toEqual([]);
  });

  it('not authorised in PRO: the ticket goes to the Unitat de Suport and nothing else is done', () => {
    const g = of('vo-pre-not-in-pro');
    expect(todo(g)).toEqual(['vo-pre.seguiment', 'vo-pre.autoritzacions-pro', 'vo-pre.no-autoritzat-pro']);
    expect(g.steps.filter((s) => s.status === 'waiting')).toEqual([]);
  });

  it('MINHAP answered with the INE10_PROVES code: the SIA finalitat first, then the SIRI alta, then the message', () => {
    const g = of('vo-pre-minhap-ine10-proves');
    expect(statusOf(g, 'vo-pre.finalitat-sia')).toBe('applies');
    expect(statusOf(g, 'vo-pre.validar-evidencia')).toBe('skipped');
    expect(waitsOf(g, 'vo-pre.alta-siri')).toEqual(['vo-pre.finalitat-sia']);
    expect(waitsOf(g, 'vo-pre.homologacio')).toContain('vo-pre.alta-siri');
  });

  it('AEAT written in Spanish: the CDA message now, the certificate, IPs and homologation after AEAT’s alta', () => {
    const g = of('vo-pre-aeat-spanish');
    expect(g.classification).toMatchObject({ products: ['AEAT'], flags: ['AEAT_CERT'] });
    expect(stepOf(g, 'vo-pre.aeat-cda')).toMatchObject({ status: 'applies', template: 'vo-aeat-cda' });
    for (const id of ['vo-pre.aeat-certificat', 'vo-pre.ips', 'vo-pre.homologacio'])
      expect(waitsOf(g, id), id).toContain('aeat.cdaRegistered');
    expect(questions(g)).toEqual(['aeat.cdaRegistered']);
  });

  it('SetDIBA e-NOTUM and CORPME: straight to PRO; only MUX waits for a date', () => {
    const enotum = of('setdiba-enotum');
    expect(enotum.procedure).toBe('setdiba');
    expect(todo(enotum)).toEqual([
      'setdiba.plantilla',
      'setdiba.alta-pro',
      'setdiba.certificat',
      'setdiba.registre-integrador',
    ]);
    const corpme = of('corpme-pro');
    expect(corpme.classification).toMatchObject({ environment: 'PRO', flags: ['CORPME'] });
    expect(waitsOf(corpme, 'vo-pro.missatge-corpme')).toContain('vo-pro.alta-siri');
    expect(questions(corpme)).not.toContain('homologation.validated');
  });

  it('missing documents: the message waits for the PRO check, and the rest waits for the documents', () => {
    const g = of('vo-pre-missing-documents');
    expect(g.classification.flags).toContain('MISSING_DOCS');
    expect(waitsOf(g, 'vo-pre.falten-documents')).toEqual(['vo.authorisedInPro']);
    for (const id of ['vo-pre.minhap-caid', 'vo-pre.alta-siri', 'vo-pre.homologacio', 'vo-pre.tancar'])
      expect(waitsOf(g, id), id).toContain('docs.received');
  });
});
