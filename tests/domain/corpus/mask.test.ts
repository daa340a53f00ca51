import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, TicketSchema } from '../../../src/domain/classifier';
import { createMasker, type Digest } from '../../../src/domain/corpus/mask';
import { parseNif } from '../../../src/domain/identifiers';
import { z } from 'zod';

const RawCorpus = z.array(z.object({ ticket: TicketSchema.loose() }));

const digest =
  (key: string): Digest =>
  (input) =>
    createHmac('sha256', key).update(input).digest();

const mask = createMasker(digest('test key'));

describe('masking keeps the shape of what it hides', () => {
  it('masks a DNI as another valid DNI, separators and case kept', () => {
    for (const original of ['99999972C', '99.999.972-C', '99999972 C', '99999972c']) {
      const masked = mask.text(`DNI ${original}.`);
      const value = masked.slice(4, -1);
      expect(value).not.toBe(original);
      const shape = (v: string) => v.replace(/[0-9]/g, '0').replace(/[A-Z]/g, 'A').replace(/[a-z]/g, 'a');
      expect(shape(value)).toBe(shape(original));
      const parsed = parseNif(value);
      expect(parsed.ok && parsed.kind).toBe('DNI');
    }
  });

  it('masks a NIE as a valid NIE with the same first letter, and K/L/M likewise', () => {
    for (const original of ['X1234567L', 'Y-1234567-X', 'Z7654321H', 'K1234567L']) {
      expect(parseNif(original).ok).toBe(true);
      const masked = mask.text(original);
      expect(masked).not.toBe(original);
      expect(masked.charAt(0)).toBe(original.charAt(0));
      expect(masked.length).toBe(original.length);
      const parsed = parseNif(masked);
      const expectedKind = original.startsWith('K') ? 'KLM' : 'NIE';
      expect(parsed.ok && parsed.kind).toBe(expectedKind);
    }
  });

  it('keeps an invalid NIF invalid (a typo stays a typo)', () => {
    const masked = mask.text('12345678A');
    expect(masked).not.toBe('12345678A');
    expect(parseNif(masked).ok).toBe(false);
    expect(/^\d{8}[A-Z]$/.test(masked)).toBe(true);
  });

  it("leaves organisations' NIFs alone", () => {
    expect(mask.text("CIF de l'ajuntament: P0811100G")).toBe("CIF de l'ajuntament: P0811100G");
  });

  it("masks an e-mail's local part, keeping its domain and letter/digit pattern", () => {
    const masked = mask.text('Escriviu a Marta.Puig2@example.cat, gràcies');
    const match = /a (\S+)@example\.cat,/.exec(masked);
    expect(match?.[1]).toBeDefined();
    const local = match?.[1] ?? '';
    expect(local).not.toBe('Marta.Puig2');
    expect(local.replace(/[a-z]/g, 'a').replace(/[A-Z]/g, 'A').replace(/\d/g, '0')).toBe('Aaaaa.Aaaa0');
  });

  it('masks phone numbers as people write them, keeping the first digit and the grouping', () => {
    for (const original of ['938000000', '93 800 00 00', '+34 612 345 678', '0034-612-34-56-78', '972.12.34.56']) {
      const masked = mask.text(`Tel. ${original}`).slice(5);
      expect(masked).not.toBe(original);
      expect(masked.replace(/\d/g, '0')).toBe(original.replace(/\d/g, '0'));
      const national = (v: string) => v.replace(/^(\+|00)34/, '').replace(/\D/g, '');
      expect(national(masked).charAt(0)).toBe(national(original).charAt(0));
      expect(masked.startsWith('+34') || masked.startsWith('0034')).toBe(/^(\+|00)34/.test(original));
    }
    expect(mask.text('612 345 678').charAt(0)).toBe('6');
  });

  it('does not take INE codes, IP addresses or other numbers for phones', () => {
    const text = 'INE10 0801930008, INE 801930008, IPs 213.0.1.10 i 77.230.10.15, expedient 2024/123456, any 2026';
    expect(mask.text(text)).toBe(text);
  });

  it('masks the same value the same way everywhere, and differently with another key', () => {
    const a = mask.text('99999972C i apuig@example.cat');
    expect(mask.text('ticket 2: apuig@example.cat, 99999972C')).toBe(
      `ticket 2: ${a.split(' i ')[1] ?? ''}, ${a.split(' i ')[0] ?? ''}`,
    );
    expect(createMasker(digest('another key')).text('99999972C')).not.toBe(mask.text('99999972C'));
  });

  it('masks every string inside a structure and keeps the structure', () => {
    const form = { technicalContact: { nif: '99999974E', phone: '938000000', email: 'a@example.org' }, n: 3, ok: true };
    const masked = mask.deep(form);
    expect(Object.keys(masked.technicalContact)).toEqual(['nif', 'phone', 'email']);
    expect(masked.technicalContact.nif).not.toBe('99999974E');
    expect(masked.technicalContact.phone).not.toBe('938000000');
    expect(masked.technicalContact.email).toMatch(/^[a-z]@example\.org$/);
    expect(masked.n).toBe(3);
    expect(masked.ok).toBe(true);
  });
});

describe('masking does not change what the classifier reads', () => {
  // Every labelled corpus the project keeps (tests/fixtures/*.json and its folders).
  const corpora = readdirSync('tests/fixtures', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => `tests/fixtures/${f}`)
    .sort();
  let changedInAll = 0;
  const scored = (t: Parameters<typeof classify>[0]) => {
    const c = classify(t);
    const { service, products, environment, ambit, flags, modalities } = c;
    return { service, products, environment, ambit, flags, modalities };
  };

  it.each(corpora)('%s: same service, products, environment, àmbit and flags once masked', (file) => {
    // Tickets as the file holds them (a form included), whatever the labels' version.
    const corpus = RawCorpus.parse(JSON.parse(readFileSync(file, 'utf8')));
    for (const { ticket } of corpus) {
      const masked = mask.deep(ticket);
      if (JSON.stringify(masked) !== JSON.stringify(ticket)) changedInAll++;
      expect(scored(masked), ticket.id).toEqual(scored(ticket));
    }
  });

  it('had identifiers to mask (otherwise the comparison above proved nothing)', () => {
    expect(changedInAll).toBeGreaterThanOrEqual(100);
  });
});
