import { beforeAll, describe, expect, it } from 'vitest';
import { classify, type TicketInput } from '../../../src/domain/classifier';
import { readForm } from '../../../src/domain/form';
import type { FormReading } from '../../../src/domain/form/schema';
import { buildFormPdf, SAMPLE_FILLED_VALUES } from '../../../src/local/forms/build-form';

/**
 * MISSING_DOCS follows what the form reader found when it ran, not the attachments' names: a
 * read form is the form whatever its file is called, a blank form is none, and a scan or a
 * damaged file (which the reader cannot vouch for either way) leaves the decision to the name.
 */
let filled: FormReading;
let blank: FormReading;
let scan: FormReading;
let damaged: FormReading;

beforeAll(async () => {
  filled = await readForm(await buildFormPdf({ values: SAMPLE_FILLED_VALUES }), { file: 'document.pdf' });
  blank = await readForm(await buildFormPdf(), { file: 'formulari.pdf' });
  scan = await readForm(await buildFormPdf({ xfa: 'none' }), { file: 'formulari.pdf' });
  damaged = await readForm(new TextEncoder().encode('not a pdf'), { file: 'formulari.pdf' });
});

const ticket = (attachments: string[], form?: FormReading): TicketInput => ({
  id: 'md',
  subject: 'Alta MUX',
  description: 'Volem integrar el MUX.',
  tags: ['alta_servei'],
  attachments,
  ...(form === undefined ? {} : { form }),
});

const missing = (t: TicketInput): string | undefined =>
  classify(t).evidence.find((e) => e.means.startsWith('flag MISSING_DOCS'))?.means;

describe('MISSING_DOCS from what was read', () => {
  it('the readings are what the cases need', () => {
    expect([filled.status, blank.status, scan.status, damaged.status]).toEqual([
      'read',
      'blank',
      'not-a-form',
      'unreadable',
    ]);
  });

  it('a read form counts although its file is not named like the form', () => {
    expect(missing(ticket(['document.pdf', 'cda.cer']))).toMatch(/request form/);
    expect(missing(ticket(['document.pdf', 'cda.cer'], filled))).toBeUndefined();
  });

  it('a blank form is no form, although its file is named like one', () => {
    expect(missing(ticket(['formulari.pdf', 'cda.cer']))).toBeUndefined();
    expect(missing(ticket(['formulari.pdf', 'cda.cer'], blank))).toMatch(/request form \(the attached form is blank\)/);
  });

  it('a scan or an unreadable file leaves it to the name', () => {
    expect(missing(ticket(['formulari.pdf', 'cda.cer'], scan))).toBeUndefined();
    expect(missing(ticket(['formulari.pdf', 'cda.cer'], damaged))).toBeUndefined();
    expect(missing(ticket(['escaneig.pdf', 'cda.cer'], scan))).toMatch(/request form/);
  });

  it('a read form does not stand for the certificate', () => {
    const means = missing(ticket(['document.pdf'], filled));
    expect(means).toMatch(/CDA certificate/);
    expect(means).not.toMatch(/request form/);
  });
});
