import { describe, expect, it } from 'vitest';
import { writeBack } from '../../../src/app/classification/effective';
import { readAppSettings } from '../../../src/app/settings';
import { classify } from '../../../src/domain/classifier';
import {
  PADRO_FIREWALL_DEFAULTS,
  readDeskSettings,
  readDeskSettingsReporting,
} from '../../../src/domain/settings/desk-settings';
import { fieldValue, parseFieldOptionTags } from '../../../src/domain/settings/field-options';
import { MemoryZendesk, memoryTicket } from '../../../src/zendesk/memory-adapter';

describe('desk settings', () => {
  it('defaults people to nothing and places to the manual’s public values', () => {
    const d = readDeskSettings({});
    expect(d.headOfServiceName).toBe('');
    expect(d.signatoryName).toBe('');
    expect(d.setdibaMuxContact).toBe('');
    expect(d.supportEmail).toBe('otsuporttecnic@aoc.cat');
    expect(d.padroFirewallAddresses).toEqual(PADRO_FIREWALL_DEFAULTS);
    expect(d.dcocCopyTo).toEqual([]);
  });

  it('reads Zendesk’s strings: lists one per line, mailboxes as CODE=address, copies by line or comma', () => {
    const d = readDeskSettings({
      padroFirewallAddresses: 'Producció: 192.0.2.10\n\n  Desenvolupament: 192.0.2.11 ',
      dcocCopyTo: 'copia.a@example.org, copia.b@example.org\ncopia.c@example.org',
      dcocCollegiMailboxes: 'coac=registre@example.org\nCAATB: caatb@example.org',
      setdibaCertificateUrl: 'https://setdiba.example.org/certificat',
      autoCloseDays: '10',
    });
    expect(d.padroFirewallAddresses).toEqual(['Producció: 192.0.2.10', 'Desenvolupament: 192.0.2.11']);
    expect(d.dcocCopyTo).toEqual(['copia.a@example.org', 'copia.b@example.org', 'copia.c@example.org']);
    expect(d.dcocCollegiMailboxes).toEqual({ COAC: 'registre@example.org', CAATB: 'caatb@example.org' });
    expect(d.setdibaCertificateUrl).toBe('https://setdiba.example.org/certificat');
    expect(d.autoCloseDays).toBe(10);
  });

  it('falls back for an invalid setting alone, and says which', () => {
    const r = readDeskSettingsReporting({
      headOfServiceName: 'Persona Exemple',
      dcocCopyTo: 'not-an-address',
      setdibaCertificateUrl: 'http://setdiba.example.org/certificat',
    });
    expect(r.settings.headOfServiceName).toBe('Persona Exemple');
    expect(r.settings.dcocCopyTo).toEqual([]);
    expect(r.settings.setdibaCertificateUrl).toBe('');
    expect(r.invalid.map((i) => i.setting).sort()).toEqual(['dcocCopyTo', 'setdibaCertificateUrl']);
    expect(() => readDeskSettings({ dcocCopyTo: 'not-an-address' })).toThrow(/dcocCopyTo/);
    expect(readAppSettings({ dcocCopyTo: 'x', headOfServiceName: 'Persona Exemple' })).toMatchObject({
      desk: { headOfServiceName: 'Persona Exemple' },
      settingProblems: [expect.stringContaining('dcocCopyTo')],
    });
  });
});

describe('drop-down option tags', () => {
  it('reads field.VALUE=tag lines and reports the others', () => {
    const r = parseFieldOptionTags(
      'service.VO=servei_via_oberta\nenvironment.pre = entorn_pre\n# a comment\nbad line\nambit.LOCAL=two words',
    );
    expect(r.tags).toEqual({ service: { VO: 'servei_via_oberta' }, environment: { PRE: 'entorn_pre' } });
    expect(r.problems).toHaveLength(2);
  });

  it('gives a mapped field the option’s tag, a text field the value, and refuses an unmapped value', () => {
    const { tags } = parseFieldOptionTags('service.VO=servei_via_oberta');
    expect(fieldValue(tags, 'service', 'VO')).toEqual({ ok: true, value: 'servei_via_oberta' });
    expect(fieldValue(tags, 'service', 'PSCP')).toEqual({ ok: false, missing: 'service.PSCP' });
    expect(fieldValue(tags, 'environment', 'PRE')).toEqual({ ok: true, value: 'PRE' });
  });

  it('writes the option tags into the ticket’s drop-down fields, and leaves an unmapped one alone', async () => {
    const port = new MemoryZendesk({ ticket: memoryTicket({ customFields: { '9003': 'ambit_anterior' } }) });
    const settings = readAppSettings({
      serviceFieldId: '9001',
      environmentFieldId: '9002',
      ambitFieldId: '9003',
      fieldOptionTags: 'service.VO=servei_via_oberta\nenvironment.PRE=entorn_pre\nambit.AGE=ambit_age',
    });
    const c = classify({
      id: '1',
      subject: 'Alta Via Oberta Padró',
      description: 'Sol·licitem la integració amb el Padró.',
      tags: ['alta_servei'],
      attachments: ['formulari_sol-licitud_integracio_serveis_caoc.pdf', 'clau.cer'],
    });
    expect([c.service, c.environment, c.ambit]).toEqual(['VO', 'PRE', 'LOCAL']);
    const r = await writeBack(port, settings, c, []);
    expect(port.ticket.customFields).toEqual({
      '9001': 'servei_via_oberta',
      '9002': 'entorn_pre',
      '9003': 'ambit_anterior',
    });
    expect(r.unmapped).toEqual(['ambit.LOCAL']);
  });
});
