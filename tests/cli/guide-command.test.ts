import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGuideCommand } from '../../src/cli/guide-command';

const dir = mkdtempSync(join(tmpdir(), 'guide-'));
function file(content: unknown): string {
  const path = join(dir, `${String(Math.random()).slice(2)}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const io = { readStdin: () => Promise.resolve('[]') };
const NOW = () => new Date('2026-11-23T09:00:00Z');

const dcocTicket = {
  id: '123',
  subject: "Alta d'integració Via Oberta - DCOC",
  description:
    "Benvolguts, l'Ajuntament de Sant Cugat del Vallès vol integrar-se via serveis web amb la Via Oberta per " +
    "obtenir documents visats del Col·legi d'Arquitectes de Catalunya (COAC). Adjuntem el formulari i el " +
    'certificat CDA.',
  tags: ['alta_servei'],
  attachments: ['formulari_sol-licitud_integracio_serveis_caoc.pdf', 'cda.cer'],
};

interface Out {
  id: string;
  classification: { service: string; flags: string[] };
  procedure: string | null;
  steps: {
    id: string;
    kind: string;
    effect: string;
    status: string;
    template?: string;
    reason?: string;
    waitsFor?: { step?: string; question?: string; text: string }[];
  }[];
}
async function guideOf(items: unknown): Promise<Out[]> {
  const r = await runGuideCommand([file(items)], io, undefined, NOW);
  expect(r.stderr).toBeUndefined();
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout ?? '') as Out[];
}

describe('npm run guide', () => {
  it('prints one object per item, in order: the classification and every step with its state', async () => {
    const [opened, answered] = await guideOf([
      { ticket: dcocTicket },
      {
        ticket: { ...dcocTicket, id: '124' },
        answers: { 'vo.authorisedInPro': true, 'vo.alreadyInPre': false, 'dcoc.permissionGranted': true },
      },
    ]);
    expect(opened?.id).toBe('123');
    expect(opened?.classification.flags).toContain('DCOC');
    expect(opened?.procedure).toBe('vo-pre');
    const alta = opened?.steps.find((s) => s.id === 'vo-pre.alta-siri');
    expect(alta).toMatchObject({ kind: 'manual', effect: 'authorises', status: 'waiting' });
    expect(alta?.waitsFor).toContainEqual({
      step: 'vo-pre.dcoc-permis',
      question: 'dcoc.permissionGranted',
      text: 'El col·legi ha donat permís per fer les proves amb aquest ens?',
    });
    expect(opened?.steps.find((s) => s.id === 'vo-pre.dcoc-permis')).toMatchObject({
      kind: 'message',
      effect: 'messages-third-party',
      template: 'vo-dcoc-permis-collegi',
    });
    expect(answered?.id).toBe('124');
    expect(answered?.steps.find((s) => s.id === 'vo-pre.alta-siri')?.status).toBe('applies');
    // Every step of the procedure, skipped ones with their reason.
    const skipped = opened?.steps.filter((s) => s.status === 'skipped') ?? [];
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((s) => typeof s.reason === 'string' && s.reason.length > 0)).toBe(true);
  });

  it('ticked steps are done and open what waited for them', async () => {
    const answers = { 'vo.authorisedInPro': true, 'vo.alreadyInPre': false, 'dcoc.permissionGranted': true };
    const [r] = await guideOf([{ ticket: dcocTicket, answers, done: ['vo-pre.alta-siri', 'vo-pre.ips'] }]);
    expect(r?.steps.find((s) => s.id === 'vo-pre.alta-siri')?.status).toBe('done');
    expect(r?.steps.find((s) => s.id === 'vo-pre.homologacio')?.status).toBe('applies');
  });

  it('a ticket that asks no integration has no procedure and no steps', async () => {
    const [r] = await guideOf([
      { ticket: { id: '9', subject: 'Factura', description: 'Us adjuntem la factura del mes.' } },
    ]);
    expect(r?.procedure).toBeNull();
    expect(r?.steps).toEqual([]);
  });

  it('refuses bad input with a message on standard error and exit code 2', async () => {
    const cases: [unknown, RegExp][] = [
      ['not json', /is not valid JSON/],
      [{ ticket: dcocTicket }, /must hold a JSON array/],
      [[{ answers: {} }], /items\[0\]\.ticket/],
      [[{ ticket: dcocTicket, answers: { 'no.such': true } }], /"no\.such" is not a question id/],
      [[{ ticket: dcocTicket, answers: { 'dcoc.permissionGranted': 'yes' } }], /items\[0\]\.answers/],
      [[{ ticket: dcocTicket, done: ['vo-pre.nope'] }], /no step has the id "vo-pre\.nope"/],
      [[{ ticket: dcocTicket, extra: 1 }], /items\[0\]/],
    ];
    for (const [input, message] of cases) {
      const r = await runGuideCommand([file(input)], io, undefined, NOW);
      expect(r.code, String(message)).toBe(2);
      expect(r.stdout).toBeUndefined();
      expect(r.stderr).toMatch(message);
    }
    expect((await runGuideCommand([], io)).code).toBe(2);
    expect((await runGuideCommand([join(dir, 'missing.json')], io)).stderr).toMatch(/no such file/);
  });
});
