import { z } from '../zod';
import { collegis } from '../catalogue';
import { parseCif, parsePersonNif, ine10Proves } from '../identifiers';

/**
 * The variables replies use, each with its rule and a description the sidebar shows next to the
 * field the agent fills. A template declares which of them it needs.
 */
const text = (description: string, max = 300) => z.string().trim().min(1, 'is empty').max(max).describe(description);

export const COLLEGI_CODES = ['COAC', 'CAATEEB', 'CAATB', 'COIT', 'APATGN', 'CETIB', 'COEIC', 'COETC'] as const;

/** The codes a col·legi is known by: the catalogue's acronyms and the manual's own spellings. */
const COLLEGI_ACRONYMS: ReadonlySet<string> = new Set([...COLLEGI_CODES, ...collegis.map((c) => c.acronym)]);

export const Var = {
  ensName: text("Nom de l'ens (p. ex. Ajuntament de Vila-seca)", 200),
  services: text('Servei o serveis, amb productes i modalitats'),
  ambits: text("Àmbits d'aplicació dels serveis"),
  authorisationsText: text('Producte, modalitat i finalitat autoritzats'),
  authorisationRows: z
    .array(
      z.object({
        asked: z.string().trim().min(1),
        pro: z.string().trim(),
        pre: z.string().trim(),
      }),
    )
    .min(1, 'run the SIRI authorisations check (asked × PRO × PRE) first')
    .max(100)
    .describe('Autoritzacions: el que es demana × PRO × PRE (de la comprovació de SIRI)'),
  // describe() last: a transform makes a new schema, which would not carry an earlier description.
  userNif: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const r = parsePersonNif(v);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
    })
    .transform((v) => {
      const r = parsePersonNif(v);
      return r.ok ? r.value : v;
    })
    .describe("NIF de l'usuari amb permisos de publicació a la PSCP"),
  organSacId: z
    .string()
    .trim()
    .describe("CIF de l'òrgan de contractació (organSACId)")
    .superRefine((v, ctx) => {
      const r = parseCif(v);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
    }),
  ine10Proves: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const m = /^(\d{9,10})_PROVES$/.exec(v);
      if (m === null) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be the INE10 followed by _PROVES, without spaces (e.g. 4317110007_PROVES)',
        });
        return;
      }
      const r = ine10Proves(m[1] ?? '');
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
    })
    .transform((v) => {
      const r = ine10Proves(v.replace(/_PROVES$/, ''));
      return r.ok ? r.value : v;
    })
    .describe('Codi de procediment de proves: INE10 seguit de _PROVES, sense espais'),
  collegiCode: z
    .string()
    .trim()
    .refine((v) => COLLEGI_ACRONYMS.has(v), 'is not the acronym of a col·legi (COAC, CAATB...)')
    .describe('Codi del col·legi (COAC, CAATEEB...)'),
  collegiName: text('Nom del col·legi (p. ex. Col·legi d’Arquitectes de Catalunya)'),
  ticketId: z
    .union([z.string().trim().min(1), z.number().int().positive()])
    .optional()
    .describe('Número del tiquet'),
  collegiEmail: z.email('is not an e-mail address').describe('Bústia del col·legi (configuració dcocCollegiMailboxes)'),
  copyTo: z
    .array(z.email('is not an e-mail address'))
    .min(1, 'no address configured')
    .describe('En còpia (configuració de l’app)'),
  headOfServiceName: text('Nom de la persona cap de servei (configuració de l’app)', 100),
  signatoryName: text('Qui signa el formulari del MINHAP (configuració de l’app)', 100),
  supportEmail: z.email('is not an e-mail address').describe('Bústia del suport tècnic (configuració de l’app)'),
  aeatContactEmail: z.email('is not an e-mail address').describe("Bústia de l'AEAT per al registre del CDA"),
  firewallAddresses: z
    .array(z.string().trim().min(1))
    .min(1, 'no address configured')
    .describe('Adreces que l’ens ha d’obrir al firewall (configuració de l’app)'),
  internalTicketRef: z.string().trim().max(50).optional().describe('Referència del tiquet intern a la cap de servei'),
  autoCloseDays: z.number().int().min(1).max(90).describe('Dies abans del tancament automàtic'),
  oldPscpIntegration: z.boolean().optional().describe("L'ens ja estava integrat amb l'antiga PSCP"),
};

/**
 * Variables that come from the app's settings, by the setting (manifest parameter) they are read
 * from: a reply that lacks one names the setting to fill, since the agent cannot fix it in the reply.
 */
export const VARIABLE_SETTINGS: Readonly<Record<string, string>> = {
  headOfServiceName: 'headOfServiceName',
  signatoryName: 'signatoryName',
  supportEmail: 'supportEmail',
  firewallAddresses: 'padroFirewallAddresses',
  aeatContactEmail: 'aeatContactEmail',
  autoCloseDays: 'autoCloseDays',
  copyTo: 'dcocCopyTo',
  collegiEmail: 'dcocCollegiMailboxes',
};

/** Variables only a check fills (a table of database rows): shown, not typed. */
export const CHECK_FILLED_VARIABLES: ReadonlySet<string> = new Set(['authorisationRows']);
