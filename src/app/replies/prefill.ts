import { PRODUCTS, SERVICES, collegis, isKnownService } from '../../domain/catalogue';
import type { Classification } from '../../domain/classifier';
import { ine10Proves } from '../../domain/identifiers';
import type { DeskSettings } from '../../domain/settings/desk-settings';

/**
 * What the app already knows for a reply's variables: the ens from the ticket, the services from
 * the classification, people and mailboxes from the settings, codes from the checks. The agent
 * fills or changes the rest; what they type always wins.
 */
export interface PrefillSources {
  readonly classification: Classification;
  readonly organizationName: string;
  readonly ticketId: number;
  readonly desk: DeskSettings;
  readonly ine10?: string;
  readonly userNif?: string;
  /** The ticket's subject and description, where the col·legi asked for is named. */
  readonly ticketText?: string;
  /** The SIRI check's rows (asked × PRO × PRE), once it has run. */
  readonly authorisationRows?: readonly AuthorisationRow[];
}

/** One row of the SIRI check as a reply lists it: what the ens asks, what PRO and PRE hold. */
export interface AuthorisationRow {
  readonly asked: string;
  readonly pro: string;
  readonly pre: string;
}

/** The col·legi the ticket names by its acronym (COAC, CAATB...), when it names exactly one. */
export function collegiNamed(text: string): { code: string; name: string } | undefined {
  const found = collegis.filter((c) => new RegExp(`(^|[^A-Za-z])${c.acronym}([^A-Za-z]|$)`).test(text));
  const only = found.length === 1 ? found[0] : undefined;
  return only === undefined ? undefined : { code: only.acronym, name: only.name };
}

const AMBIT_NAMES: Readonly<Record<string, string>> = {
  AGE: 'Administració General de l’Estat',
  GENERALITAT: 'Administració de la Generalitat de Catalunya',
  LOCAL: 'Administració local',
  COLLEGIS: 'Col·legis professionals',
};

export function servicesText(c: Classification): string {
  if (c.service === 'VO' && c.products.length > 0) return c.products.map((p) => PRODUCTS[p].name).join(', ');
  return isKnownService(c.service) ? SERVICES[c.service].name : '';
}

export function prefill(s: PrefillSources): Record<string, unknown> {
  const c = s.classification;
  const values: Record<string, unknown> = {
    ensName: s.organizationName,
    services: servicesText(c),
    ambits: [...new Set(c.products.map((p) => PRODUCTS[p].ambit))].map((a) => AMBIT_NAMES[a] ?? a).join(', '),
    ticketId: String(s.ticketId),
    headOfServiceName: s.desk.headOfServiceName,
    signatoryName: s.desk.signatoryName,
    supportEmail: s.desk.supportEmail,
    firewallAddresses: s.desk.padroFirewallAddresses,
    aeatContactEmail: s.desk.aeatContactEmail,
    autoCloseDays: s.desk.autoCloseDays,
    copyTo: s.desk.dcocCopyTo,
  };
  const collegi = s.ticketText === undefined ? undefined : collegiNamed(s.ticketText);
  if (collegi !== undefined) {
    values.collegiCode = collegi.code;
    values.collegiName = collegi.name;
    const mailbox = s.desk.dcocCollegiMailboxes[collegi.code];
    if (mailbox !== undefined) values.collegiEmail = mailbox;
  }
  if (s.authorisationRows !== undefined) values.authorisationRows = s.authorisationRows;
  if (s.userNif !== undefined) values.userNif = s.userNif;
  if (s.ine10 !== undefined) {
    const code = ine10Proves(s.ine10);
    if (code.ok) values.ine10Proves = code.value;
  }
  return values;
}
