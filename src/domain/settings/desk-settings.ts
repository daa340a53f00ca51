import { z } from '../zod';

/**
 * Values the desk's manual writes for people and places: who the head of service is, who signs,
 * which addresses the Padró deployment opens, the support mailbox... They are installation
 * settings (the app's manifest parameters), never code. People default to nothing: a reply that
 * needs an empty one is refused before insert, naming the setting, so no reply goes out with a
 * blank or a placeholder where a name should be. Places default to the values the manual publishes
 * to every ens (AOC's public addresses and public mailbox), which a desk may change.
 */

/**
 * The Padró message's firewall list as the manual publishes it (vo-integracio · Altes especials ·
 * PADRÓ): AOC's public addresses, one line per machine or service.
 */
export const PADRO_FIREWALL_DEFAULTS: readonly string[] = [
  'Producció: 213.27.191.126',
  'Desenvolupament: 213.27.191.107',
  'Monitorització: 81.19.100.250, 83.231.130.138',
  'Unitat de Servei: 212.0.104.88',
  'Oficina tècnica: 62.97.96.198, 91.215.65.18',
  'psis.catcert.net: primària 217.111.232.28; secundària 185.100.181.144 (antigues: 178.249.15.200, 217.124.241.45)',
  'psisbeta.catcert.net: primària 217.111.232.27; secundària 217.124.241.47',
];

/** The desk's public mailbox, the one the manual's Padró message gives every ens. */
export const SUPPORT_EMAIL_DEFAULT = 'otsuporttecnic@aoc.cat';

/** SetDIBA's page of the certificate it uses for every ens (a public page of SetDIBA's). */
export const SETDIBA_CERTIFICATE_URL_DEFAULT = '';

const emailList = z.array(z.email('is not an e-mail address'));

/** "COAC=coac@example.org" lines: the col·legi's mailbox the DCOC permission e-mail goes to. */
const collegiMailboxes = z.record(z.string().regex(/^[A-Z]+$/), z.email('is not an e-mail address'));

export const DeskSettingsSchema = z.object({
  /** Tag that tickets from the EACAT "altes de serveis" form carry. */
  altaTag: z.string().trim().min(1).default('alta_servei'),
  /** How replies address the head of service (PSCP escalation to PRO). No default: a person. */
  headOfServiceName: z.string().trim().default(''),
  /** Who signs the MINHAP authorisation form through PortaSignatures, when it must be signed. */
  signatoryName: z.string().trim().default(''),
  /** Who handles SetDIBA's MUX integrations (the dates to move to production come later). */
  setdibaMuxContact: z.string().trim().default(''),
  /** Where the SetDIBA certificate for each ens is found (shown in its step), https only. */
  setdibaCertificateUrl: z
    .union([z.literal(''), z.url({ protocol: /^https$/, error: 'must be an https:// address' })])
    .default(SETDIBA_CERTIFICATE_URL_DEFAULT),
  /** The desk's mailbox, given to ens in the Padró message. */
  supportEmail: z.union([z.literal(''), z.email('is not an e-mail address')]).default(SUPPORT_EMAIL_DEFAULT),
  /** Addresses the ens must open in its firewall for the Padró telemàtic, one per line. */
  padroFirewallAddresses: z.array(z.string().trim().min(1)).default([...PADRO_FIREWALL_DEFAULTS]),
  /** AEAT's mailbox for ens that cannot register their CDA (a public institutional address). */
  aeatContactEmail: z.string().trim().default('RelacionesInstitucionales.Cataluna@correo.aeat.es'),
  /** Who the col·legis' permission e-mails copy in (DCOC), one address per line or comma separated. */
  dcocCopyTo: emailList.default([]),
  /** Each col·legi's mailbox for the DCOC permission e-mail, by the col·legi's code. */
  dcocCollegiMailboxes: collegiMailboxes.default({}),
  /** Days after which a ticket waiting on the ens is closed automatically. */
  autoCloseDays: z.number().int().min(1).max(90).default(7),
});

export type DeskSettings = z.infer<typeof DeskSettingsSchema>;

/** The manifest parameter each desk setting is read from (named in the errors of a reply). */
export type DeskSettingName = keyof DeskSettings;

const lines = (v: unknown): unknown =>
  typeof v === 'string'
    ? v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l.length > 0)
    : v;

const addresses = (v: unknown): unknown =>
  typeof v === 'string'
    ? v
        .split(/[\s,;]+/)
        .map((l) => l.trim())
        .filter((l) => l.length > 0)
    : v;

/** "CODE=mailbox" (or "CODE: mailbox") lines into a record; a line that does not parse is kept as an error. */
function mailboxes(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const out: Record<string, string> = {};
  for (const line of v.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const m = /^\s*([A-Za-z]+)\s*[=:]\s*(\S+)\s*$/.exec(line);
    // A line that is not "CODE=mailbox" makes the setting invalid (reported), not silently dropped.
    if (m?.[1] === undefined || m[2] === undefined) return line;
    out[m[1].toUpperCase()] = m[2];
  }
  return out;
}

export interface DeskSettingsReading {
  readonly settings: DeskSettings;
  /** Settings whose value was not valid: their defaults are used, and the app says so. */
  readonly invalid: readonly { readonly setting: string; readonly message: string }[];
}

/**
 * Reads settings as Zendesk gives them (strings; lists as multi-line text). A setting that is
 * not valid falls back to its default alone, and is reported: one typo does not reset the others.
 */
export function readDeskSettingsReporting(raw: Readonly<Record<string, unknown>>): DeskSettingsReading {
  const days = raw.autoCloseDays;
  const candidate: Record<string, unknown> = {
    ...raw,
    padroFirewallAddresses: lines(raw.padroFirewallAddresses),
    dcocCopyTo: addresses(raw.dcocCopyTo),
    dcocCollegiMailboxes: mailboxes(raw.dcocCollegiMailboxes),
    autoCloseDays: typeof days === 'string' && days.trim() !== '' ? Number(days) : days,
  };
  const known = Object.keys(DeskSettingsSchema.shape);
  const cleaned = Object.fromEntries(
    Object.entries(candidate).filter(
      ([k, v]) =>
        known.includes(k) &&
        v !== undefined &&
        v !== null &&
        // An empty text keeps the default, except for settings whose default is a value and
        // that an admin may want to clear (none today: an empty list keeps the manual's list).
        v !== '' &&
        !(Array.isArray(v) && v.length === 0),
    ),
  );
  const invalid: { setting: string; message: string }[] = [];
  const parsed = DeskSettingsSchema.safeParse(cleaned);
  if (parsed.success) return { settings: parsed.data, invalid };
  const bad = new Set<string>();
  for (const issue of parsed.error.issues) {
    const setting = String(issue.path[0] ?? '');
    if (!bad.has(setting)) invalid.push({ setting, message: issue.message });
    bad.add(setting);
  }
  const kept = Object.fromEntries(Object.entries(cleaned).filter(([k]) => !bad.has(k)));
  return { settings: DeskSettingsSchema.parse(kept), invalid };
}

/** Reads settings as Zendesk gives them, keeping defaults; throws on an invalid one. */
export function readDeskSettings(raw: Readonly<Record<string, unknown>>): DeskSettings {
  const r = readDeskSettingsReporting(raw);
  const first = r.invalid[0];
  if (first !== undefined) throw new Error(`setting ${first.setting}: ${first.message}`);
  return r.settings;
}
