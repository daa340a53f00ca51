import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DESK_SETTING_NAMES,
  fromZendeskText,
  PADRO_FIREWALL_DEFAULTS,
  readDeskSettingsReporting,
  SETDIBA_CERTIFICATE_URL_DEFAULT,
  SUPPORT_EMAIL_DEFAULT,
} from '../../../src/domain/settings/desk-settings';
import { CLASSIFICATION_FIELDS, parseFieldOptionTags } from '../../../src/domain/settings/field-options';

/**
 * The desk settings' and option tags' readers are hand-written (the sidebar reads them before its
 * first view, where zod's code would cost tens of milliseconds). These zod schemas say what they
 * must accept, and what they must make of it; generated values hold the readers to them: the same
 * settings, the same defaults, the same settings reported invalid.
 */
const email = z.email();
const reference = z.object({
  altaTag: z.string().trim().min(1).default('alta_servei'),
  headOfServiceName: z.string().trim().default(''),
  signatoryName: z.string().trim().default(''),
  setdibaMuxContact: z.string().trim().default(''),
  setdibaCertificateUrl: z
    .union([z.literal(''), z.url({ protocol: /^https$/ })])
    .default(SETDIBA_CERTIFICATE_URL_DEFAULT),
  supportEmail: z.union([z.literal(''), email]).default(SUPPORT_EMAIL_DEFAULT),
  padroFirewallAddresses: z.array(z.string().trim().min(1)).default([...PADRO_FIREWALL_DEFAULTS]),
  aeatContactEmail: z.string().trim().default('RelacionesInstitucionales.Cataluna@correo.aeat.es'),
  dcocCopyTo: z.array(email).default([]),
  dcocCollegiMailboxes: z.record(z.string().regex(/^[A-Z]+$/), email).default({}),
  autoCloseDays: z.number().int().min(1).max(90).default(7),
});

/** Each setting alone through the reference: its value, or undefined when the reference refuses it. */
function referenceValue(name: string, value: unknown): unknown {
  const r = reference.safeParse({ [name]: value });
  return r.success ? (r.data as Record<string, unknown>)[name] : undefined;
}

// Values shaped like what admins type, with the edges the readers decide on.
const piece = fc.constantFrom(
  'a',
  'Z',
  '0',
  '_',
  '-',
  '+',
  "'",
  '.',
  '..',
  '@',
  'example',
  'org',
  'cat',
  ' ',
  '\t',
  '\n',
  ',',
  ';',
  '=',
  ':',
  'https://',
  'http://',
  'ftp://',
  '/',
  'ç',
  'é',
  'COAC',
  'coac',
  'x',
  '192.0.2.1',
  '',
);
const typed = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
const addressLike = fc
  .tuple(typed, fc.constantFrom('@', ''), typed, fc.constantFrom('.org', '.cat', '.c', '', '.o-rg'))
  .map((parts) => parts.join(''));
const urlLike = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'https:/', 'ftp://', ' https://', ''),
    typed,
    fc.constantFrom('', '/x', ' '),
  )
  .map((parts) => parts.join(''));
const settingValue = fc.oneof(
  typed,
  addressLike,
  urlLike,
  fc.constant(''),
  fc.integer({ min: -5, max: 120 }).map(String),
  fc.constantFrom('7.5', 'NaN', 'Infinity', ' 12 ', '1e1', '0', '1', '90', '91', 0, 1, 90, 91),
  fc.integer({ min: -5, max: 120 }),
  fc.constantFrom(true, null, 3.5),
  fc.array(addressLike, { maxLength: 3 }).map((a) => a.join('\n')),
  fc.array(fc.tuple(typed, addressLike), { maxLength: 3 }).map((a) => a.map(([k, v]) => `${k}=${v}`).join('\n')),
);

describe('the desk settings’ readers, held to the zod schema they replace', () => {
  it('read every setting as the schema does, default and report it when the schema refuses it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DESK_SETTING_NAMES), settingValue, (name, value) => {
        const mine = readDeskSettingsReporting({ [name]: value });
        const prepared = fromZendeskText({ [name]: value })[name];
        const given =
          prepared !== undefined &&
          prepared !== null &&
          prepared !== '' &&
          !(Array.isArray(prepared) && prepared.length === 0);
        const expected = given ? referenceValue(name, prepared) : referenceValue(name, undefined);
        expect(mine.invalid.map((i) => i.setting)).toEqual(expected === undefined ? [name] : []);
        expect(mine.settings[name]).toEqual(expected ?? referenceValue(name, undefined));
      }),
      { numRuns: 3000 },
    );
  });

  it('read every generated line of option tags as the line schema does', () => {
    const line = z.object({
      field: z.enum(CLASSIFICATION_FIELDS),
      value: z.string().regex(/^[A-Z0-9_]+$/),
      tag: z
        .string()
        .min(1)
        .max(255)
        .regex(/^[^\s,]+$/),
    });
    // One line: the setting's other lines are read alike, one at a time.
    const part = fc
      .oneof(typed, fc.constantFrom('service', 'environment', 'ambit', 'VO', 'pre', 'x'.repeat(256)))
      .filter((p) => !/[\r\n]/.test(p));
    fc.assert(
      fc.property(part, part, part, (field, value, tag) => {
        const text = `${field}.${value}=${tag}`;
        const r = parseFieldOptionTags(text);
        const m = /^([a-z]+)\.([A-Za-z0-9_]+)\s*[=:]\s*(.+)$/.exec(text.trim());
        if (m === null || text.trim() === '' || text.trim().startsWith('#')) return;
        const ok = line.safeParse({ field: m[1], value: m[2]?.toUpperCase(), tag: m[3]?.trim() }).success;
        expect(r.problems.length === 0).toBe(ok);
      }),
      { numRuns: 3000 },
    );
  });
});
