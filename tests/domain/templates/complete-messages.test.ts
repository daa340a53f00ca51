import { describe, expect, it } from 'vitest';
import type { ProxyClient } from '../../../src/app/api/proxy-client';
import { CHECKS } from '../../../src/app/checks/registry';
import { translator } from '../../../src/app/i18n/i18n';
import { loadCompiledTemplate } from '../../../src/app/replies/compiled-templates';
import { prefill } from '../../../src/app/replies/prefill';
import { classify } from '../../../src/domain/classifier';
import { readDeskSettings } from '../../../src/domain/settings/desk-settings';
import { checkVariables, renderTemplate } from '../../../src/domain/templates';
import { coverage } from '../../../src/proxy/checks/coverage';

/**
 * "Every message leaves the app complete or not at all" (issue 13), from the ticket to the text:
 * the ticket classified, the desk's settings read as Zendesk gives them, the values the replies
 * panel prefills, the message rendered.
 */
const dcocTicket = {
  id: '31',
  subject: "Alta d'integració Via Oberta - documents visats",
  description:
    "Bon dia, l'Ajuntament de Sant Cugat del Vallès vol obtenir els documents visats del Col·legi " +
    "d'Arquitectes de Catalunya (COAC) per la Via Oberta. Adjuntem el formulari i el certificat CDA.",
  tags: ['alta_servei'],
  attachments: ['formulari_sol-licitud_integracio_serveis_caoc.pdf', 'cda.cer'],
};
const text = `${dcocTicket.subject}\n${dcocTicket.description}`;

describe('the DCOC message to the col·legi', () => {
  it('gets the col·legi’s configured mailbox as its recipient and the configured copies as CC', async () => {
    const desk = readDeskSettings({
      dcocCollegiMailboxes: 'COAC=visats@coac.example.org\nCOAATB=visats@coaatb.example.org',
      dcocCopyTo: 'cap.servei@example.org, suport@example.org',
    });
    const values = prefill({
      classification: classify(dcocTicket),
      organizationName: 'Ajuntament de Sant Cugat del Vallès',
      ticketId: 31,
      desk,
      ticketText: text,
    });
    const r = await renderTemplate('vo-dcoc-permis-collegi', 'ca', values, loadCompiledTemplate);
    if (!r.ok) return expect.fail(JSON.stringify(r.problems));
    expect(r.text).toContain('Per a: visats@coac.example.org');
    expect(r.text).toContain('CC: cap.servei@example.org, suport@example.org');
    expect(r.text).toContain('DCOC - COAC - Ajuntament de Sant Cugat del Vallès (31)');
  });

  it('is refused, naming the setting, while the col·legi’s mailbox or the copies are not configured', () => {
    const values = prefill({
      classification: classify(dcocTicket),
      organizationName: 'Ajuntament de Sant Cugat del Vallès',
      ticketId: 31,
      desk: readDeskSettings({}),
      ticketText: text,
    });
    expect(
      checkVariables('vo-dcoc-permis-collegi', values)
        .map((p) => p.setting)
        .sort(),
    ).toEqual(['dcocCollegiMailboxes', 'dcocCopyTo']);
  });
});

describe('the homologation message', () => {
  it('lists what was asked against PRO and PRE, from the SIRI coverage check’s own rows', async () => {
    const held = (producte: string, modalitat: string, finalitat: string) => ({
      organisme: { codi: '0819630003', nom: 'Ajuntament de Sant Cugat del Vallès', cif: null },
      producte: { codi: producte, nom: producte },
      modalitat: { codi: modalitat, nom: modalitat },
      finalitat: { codi: finalitat, nom: finalitat },
      dataAlta: '2025-01-10T00:00:00.000Z',
    });
    const lookup = { by: 'ine10' as const, value: '0819630003', warnings: [] };
    const pro = [held('TGSS', 'SCSP_TGSS', 'GESTIO'), held('CADASTRE', 'DADES_CADASTRALS', 'GESTIO')];
    const pre = [held('TGSS', 'SCSP_TGSS', 'PROVES')];
    const answer = {
      lookup,
      ...coverage({ products: ['TGSS', 'CADASTRE'], modalities: [] }, pro, pre),
      pro: { env: 'PRO' as const, lookup, authorisations: pro, truncated: false },
      pre: { env: 'PRE' as const, lookup, authorisations: pre, truncated: false },
    };
    // The proxy's answer goes through the app's own check entry, as the checks panel runs it.
    const proxy = { call: () => Promise.resolve({ ok: true, data: answer }) } as unknown as ProxyClient;
    const check = CHECKS.find((c) => c.id === 'authorisation-coverage') ?? expect.fail('no coverage check');
    const run = await check.run(
      proxy,
      { ticket: 31, env: 'PRE', ine10: '0819630003', service: 'VO', products: ['TGSS', 'CADASTRE'], modalities: [] },
      translator('ca'),
    );
    if (!run.ok) return expect.fail('the check failed');
    const rows = run.data.learned.authorisationRows;
    const values = { services: 'Seguretat Social, Cadastre', authorisationRows: rows };
    expect(checkVariables('vo-homologacio', values)).toEqual([]);
    const r = await renderTemplate('vo-homologacio', 'ca', values, loadCompiledTemplate);
    if (!r.ok) return expect.fail(JSON.stringify(r.problems));
    expect(r.html).toContain(
      '<tr><td>TGSS</td><td>TGSS / SCSP_TGSS / GESTIO</td><td>TGSS / SCSP_TGSS / PROVES</td></tr>',
    );
    expect(r.html).toContain('<tr><td>CADASTRE</td><td>CADASTRE / DADES_CADASTRALS / GESTIO</td><td>—</td></tr>');
    // Before the check has run there are no rows, and the message does not go.
    expect(checkVariables('vo-homologacio', { services: 'Cadastre' }).map((p) => p.variable)).toEqual([
      'authorisationRows',
    ]);
  });
});
