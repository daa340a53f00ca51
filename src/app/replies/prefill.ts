import { PRODUCTS, SERVICES, isKnownService } from '../../domain/catalogue';
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
  };
  if (s.userNif !== undefined) values.userNif = s.userNif;
  if (s.ine10 !== undefined) {
    const code = ine10Proves(s.ine10);
    if (code.ok) values.ine10Proves = code.value;
  }
  return values;
}
