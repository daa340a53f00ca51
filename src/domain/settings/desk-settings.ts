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

/**
 * How each setting is read. Hand-written rather than a zod schema: the settings are read before
 * the sidebar's first view shows, and zod's code costs that view tens of milliseconds to load
 * (tests/domain/settings/desk-settings-reference.test.ts holds these readers equal to the zod
 * schema they replace, on generated values).
 */
type Reading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };
type Reader<T> = (v: unknown) => Reading<T>;

const ok = <T>(value: T): Reading<T> => ({ ok: true, value });
const bad = (message: string): Reading<never> => ({ ok: false, message });
const NOT_TEXT = 'is not a text';

/**
 * An e-mail address as zod's `z.email()` accepts it: a practical subset of RFC 5322 (no quoted
 * local parts, no IP-literal domains), as the mailboxes the desk writes are.
 */
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

const text =
  (options: { required?: boolean } = {}): Reader<string> =>
  (v) => {
    if (typeof v !== 'string') return bad(NOT_TEXT);
    const trimmed = v.trim();
    return options.required === true && trimmed === '' ? bad('is empty') : ok(trimmed);
  };

const email: Reader<string> = (v) =>
  typeof v !== 'string' ? bad(NOT_TEXT) : EMAIL.test(v) ? ok(v) : bad('is not an e-mail address');

/** An https:// address, trimmed; the URL parser's own deletion of tabs and line breaks applied to it. */
const httpsUrl: Reader<string> = (v) => {
  if (typeof v !== 'string') return bad(NOT_TEXT);
  const trimmed = v.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return bad('must be an https:// address');
  }
  return url.protocol === 'https:' ? ok(trimmed.replace(/[\t\n\r]/g, '')) : bad('must be an https:// address');
};

const list =
  <T>(item: Reader<T>): Reader<T[]> =>
  (v) => {
    if (!Array.isArray(v)) return bad('is not a list');
    const out: T[] = [];
    for (const [i, element] of v.entries()) {
      const r = item(element);
      if (!r.ok) return bad(`line ${String(i + 1)} ${r.message}`);
      out.push(r.value);
    }
    return ok(out);
  };

/** "COAC=coac@example.org" lines, read into a record: the col·legi's mailbox the DCOC permission e-mail goes to. */
const collegiMailboxes: Reader<Record<string, string>> = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad('is not a list of CODE=mailbox lines');
  const out: Record<string, string> = {};
  for (const [code, mailbox] of Object.entries(v)) {
    if (!/^[A-Z]+$/.test(code)) return bad(`${code} is not a col·legi code`);
    const r = email(mailbox);
    if (!r.ok) return bad(`${code}: ${r.message}`);
    out[code] = r.value;
  }
  return ok(out);
};

const wholeNumber =
  (min: number, max: number): Reader<number> =>
  (v) =>
    typeof v !== 'number' || !Number.isInteger(v)
      ? bad('is not a whole number')
      : v < min || v > max
        ? bad(`must be from ${String(min)} to ${String(max)}`)
        : ok(v);

export interface DeskSettings {
  /** Tag that tickets from the EACAT "altes de serveis" form carry. */
  altaTag: string;
  /** How replies address the head of service (PSCP escalation to PRO). No default: a person. */
  headOfServiceName: string;
  /** Who signs the MINHAP authorisation form through PortaSignatures, when it must be signed. */
  signatoryName: string;
  /** Who handles SetDIBA's MUX integrations (the dates to move to production come later). */
  setdibaMuxContact: string;
  /** Where the SetDIBA certificate for each ens is found (shown in its step), https only. */
  setdibaCertificateUrl: string;
  /** The desk's mailbox, given to ens in the Padró message. */
  supportEmail: string;
  /** Addresses the ens must open in its firewall for the Padró telemàtic, one per line. */
  padroFirewallAddresses: string[];
  /** AEAT's mailbox for ens that cannot register their CDA (a public institutional address). */
  aeatContactEmail: string;
  /** Who the col·legis' permission e-mails copy in (DCOC), one address per line or comma separated. */
  dcocCopyTo: string[];
  /** Each col·legi's mailbox for the DCOC permission e-mail, by the col·legi's code. */
  dcocCollegiMailboxes: Record<string, string>;
  /** Days after which a ticket waiting on the ens is closed automatically. */
  autoCloseDays: number;
}

/** The manifest parameter each desk setting is read from (named in the errors of a reply). */
export type DeskSettingName = keyof DeskSettings;

/** Each setting's reader and its default. A reader never sees an empty value: that keeps the default. */
type SettingRule<K extends DeskSettingName> = {
  readonly read: Reader<DeskSettings[K]>;
  readonly fallback: () => DeskSettings[K];
};
const SETTINGS: { readonly [K in DeskSettingName]: SettingRule<K> } = {
  altaTag: { read: text({ required: true }), fallback: () => 'alta_servei' },
  headOfServiceName: { read: text(), fallback: () => '' },
  signatoryName: { read: text(), fallback: () => '' },
  setdibaMuxContact: { read: text(), fallback: () => '' },
  setdibaCertificateUrl: { read: httpsUrl, fallback: () => SETDIBA_CERTIFICATE_URL_DEFAULT },
  supportEmail: { read: email, fallback: () => SUPPORT_EMAIL_DEFAULT },
  padroFirewallAddresses: { read: list(text({ required: true })), fallback: () => [...PADRO_FIREWALL_DEFAULTS] },
  aeatContactEmail: { read: text(), fallback: () => 'RelacionesInstitucionales.Cataluna@correo.aeat.es' },
  dcocCopyTo: { read: list(email), fallback: () => [] },
  dcocCollegiMailboxes: { read: collegiMailboxes, fallback: () => ({}) },
  autoCloseDays: { read: wholeNumber(1, 90), fallback: () => 7 },
};

/** The desk settings' names, in the manifest's order. */
export const DESK_SETTING_NAMES = Object.keys(SETTINGS) as DeskSettingName[];

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

/** Zendesk's texts as the readers take them: lists split into lines or addresses, the days a number. */
export function fromZendeskText(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const days = raw.autoCloseDays;
  return {
    ...raw,
    padroFirewallAddresses: lines(raw.padroFirewallAddresses),
    dcocCopyTo: addresses(raw.dcocCopyTo),
    dcocCollegiMailboxes: mailboxes(raw.dcocCollegiMailboxes),
    autoCloseDays: typeof days === 'string' && days.trim() !== '' ? Number(days) : days,
  };
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
  const candidate = fromZendeskText(raw);
  const invalid: { setting: string; message: string }[] = [];
  const settings: Partial<Record<DeskSettingName, unknown>> = {};
  for (const name of DESK_SETTING_NAMES) {
    const v = candidate[name];
    // An empty text keeps the default, except for settings whose default is a value and that an
    // admin may want to clear (none today: an empty list keeps the manual's list).
    const given = v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
    const r = given ? SETTINGS[name].read(v) : undefined;
    if (r !== undefined && !r.ok) invalid.push({ setting: name, message: r.message });
    settings[name] = r?.ok === true ? r.value : SETTINGS[name].fallback();
  }
  // Every name was given its reader's value or its default just above: the record is whole.
  return { settings: settings as DeskSettings, invalid };
}

/** Reads settings as Zendesk gives them, keeping defaults; throws on an invalid one. */
export function readDeskSettings(raw: Readonly<Record<string, unknown>>): DeskSettings {
  const r = readDeskSettingsReporting(raw);
  const first = r.invalid[0];
  if (first !== undefined) throw new Error(`setting ${first.setting}: ${first.message}`);
  return r.settings;
}
