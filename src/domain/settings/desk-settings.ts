import { z } from '../zod';

/**
 * Values the desk's manual writes for people and places: who the head of service is, who signs,
 * which addresses the Padró deployment opens, the support mailbox... They are installation
 * settings (the app's manifest parameters), never code, and their defaults are neutral. A setting
 * left empty is reported as a missing variable when a reply needs it, so no reply goes out with a
 * blank where a name or address should be.
 */
export const DeskSettingsSchema = z.object({
  /** Tag that tickets from the EACAT "altes de serveis" form carry. */
  altaTag: z.string().trim().min(1).default('alta_servei'),
  /** How replies address the head of service (PSCP escalation to PRO, Padró internal review). */
  headOfServiceName: z.string().trim().default('Cap de Servei'),
  /** Who signs the MINHAP authorisation form through PortaSignatures, when it must be signed. */
  signatoryName: z.string().trim().default(''),
  /** Who handles SetDIBA's MUX integrations (the dates to move to production come later). */
  setdibaMuxContact: z.string().trim().default(''),
  /** The desk's mailbox, given to ens in the Padró message. */
  supportEmail: z.string().trim().default(''),
  /** Addresses the ens must open in its firewall for the Padró telemàtic, one per line. */
  padroFirewallAddresses: z.array(z.string().trim().min(1)).default([]),
  /** AEAT's mailbox for ens that cannot register their CDA (a public institutional address). */
  aeatContactEmail: z.string().trim().default('RelacionesInstitucionales.Cataluna@correo.aeat.es'),
  /** Who the col·legis' permission e-mails copy in (DCOC), comma separated. */
  dcocCopyTo: z.string().trim().default(''),
  /** Days after which a ticket waiting on the ens is closed automatically. */
  autoCloseDays: z.number().int().min(1).max(90).default(7),
});

export type DeskSettings = z.infer<typeof DeskSettingsSchema>;

/** Reads settings as Zendesk gives them (strings; lists as multi-line text), keeping defaults. */
export function readDeskSettings(raw: Readonly<Record<string, unknown>>): DeskSettings {
  const lines = (v: unknown): unknown =>
    typeof v === 'string'
      ? v
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l) => l.length > 0)
      : v;
  const days = raw.autoCloseDays;
  const candidate = {
    ...raw,
    padroFirewallAddresses: lines(raw.padroFirewallAddresses),
    autoCloseDays: typeof days === 'string' && days.trim() !== '' ? Number(days) : days,
  };
  const cleaned = Object.fromEntries(
    Object.entries(candidate).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  );
  return DeskSettingsSchema.parse(cleaned);
}
