import { z } from '../zod';
import { collegis, type Lang } from '../catalogue';
import { ine10Proves, parsePersonNif, type IdentifierError } from '../identifiers';

/** A text the agent reads, in each of the sidebar's languages. */
export type TemplateText = Readonly<Record<Lang, string>>;

/**
 * Why a typed value is refused, when no identifier rule says it: the app words each reason in the
 * agent's language (`replies.rule.<rule>`), the English sentence of each issue is for the logs.
 */
export const VARIABLE_RULES = ['ine10ProvesForm', 'collegiCode', 'email', 'tooLong', 'form'] as const;
export type VariableRule = (typeof VARIABLE_RULES)[number];

/** A refusal by an identifier's rule: its code and values travel with the issue, for the app to word. */
const identifierIssue = (r: IdentifierError) => ({
  code: 'custom' as const,
  message: r.message,
  params: { identifier: { code: r.code, params: r.params } },
});

/**
 * The variables replies use, each with its rule. A template names the ones it needs (registry.ts),
 * by the name its text uses; `VARIABLE_LABELS` says what each is, next to the field the agent fills.
 */
const text = (max = 300) => z.string().trim().min(1, 'is empty').max(max);

export const COLLEGI_CODES = ['COAC', 'CAATEEB', 'CAATB', 'COIT', 'APATGN', 'CETIB', 'COEIC', 'COETC'] as const;

/** The codes a col·legi is known by: the catalogue's acronyms and the manual's own spellings. */
const COLLEGI_ACRONYMS: ReadonlySet<string> = new Set([...COLLEGI_CODES, ...collegis.map((c) => c.acronym)]);

export const Var = {
  ensName: text(200),
  services: text(),
  ambits: text(),
  authorisations: text(),
  authorisationRows: z
    .array(
      z.object({
        asked: z.string().trim().min(1),
        pro: z.string().trim(),
        pre: z.string().trim(),
      }),
    )
    .min(1, 'run the SIRI authorisations check (asked × PRO × PRE) first')
    .max(100),
  userNif: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const r = parsePersonNif(v);
      if (!r.ok) ctx.addIssue(identifierIssue(r));
    })
    .transform((v) => {
      const r = parsePersonNif(v);
      return r.ok ? r.value : v;
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
          params: { rule: 'ine10ProvesForm' },
        });
        return;
      }
      const r = ine10Proves(m[1] ?? '');
      if (!r.ok) ctx.addIssue(identifierIssue(r));
    })
    .transform((v) => {
      const r = ine10Proves(v.replace(/_PROVES$/, ''));
      return r.ok ? r.value : v;
    }),
  collegiCode: z
    .string()
    .trim()
    .refine((v) => COLLEGI_ACRONYMS.has(v), {
      message: 'is not the acronym of a col·legi (COAC, CAATB...)',
      params: { rule: 'collegiCode' },
    }),
  collegiName: text(),
  ticketId: z.union([z.string().trim().min(1), z.number().int().positive()]).optional(),
  collegiEmail: z.email('is not an e-mail address'),
  copyTo: z.array(z.email('is not an e-mail address')).min(1, 'no address configured'),
  headOfServiceName: text(100),
  signatoryName: text(100),
  supportEmail: z.email('is not an e-mail address'),
  aeatContactEmail: z.email('is not an e-mail address'),
  firewallAddresses: z.array(z.string().trim().min(1)).min(1, 'no address configured'),
  internalTicketRef: z.string().trim().max(50).optional(),
  autoCloseDays: z.number().int().min(1).max(90),
  oldPscpIntegration: z.boolean().optional(),
};

export type VariableName = keyof typeof Var;

export function isVariableName(name: string): name is VariableName {
  return Object.hasOwn(Var, name);
}

/**
 * What each variable is, as the field the agent fills is labelled (and a refused reply names it),
 * in the sidebar's three languages; the typecheck refuses a variable without its label.
 */
export const VARIABLE_LABELS: Readonly<Record<VariableName, TemplateText>> = {
  ensName: {
    ca: "Nom de l'ens (p. ex. Ajuntament de Vila-seca)",
    es: 'Nombre del ente (p. ej. Ajuntament de Vila-seca)',
    en: 'Name of the body (e.g. Ajuntament de Vila-seca)',
  },
  services: {
    ca: 'Servei o serveis, amb productes i modalitats',
    es: 'Servicio o servicios, con productos y modalidades',
    en: 'Service or services, with products and modalities',
  },
  ambits: {
    ca: "Àmbits d'aplicació dels serveis",
    es: 'Ámbitos de aplicación de los servicios',
    en: 'Àmbits the services apply to',
  },
  authorisations: {
    ca: 'Producte, modalitat i finalitat autoritzats',
    es: 'Producto, modalidad y finalidad autorizados',
    en: 'Product, modality and purpose authorised',
  },
  authorisationRows: {
    ca: 'Autoritzacions: el que es demana × PRO × PRE (de la comprovació de SIRI)',
    es: 'Autorizaciones: lo que se pide × PRO × PRE (de la comprobación de SIRI)',
    en: 'Authorisations: what is asked × PRO × PRE (from the SIRI check)',
  },
  userNif: {
    ca: "NIF de l'usuari amb permisos de publicació a la PSCP",
    es: 'NIF del usuario con permisos de publicación en la PSCP',
    en: 'NIF of the user with publishing rights on the PSCP',
  },
  ine10Proves: {
    ca: 'Codi de procediment de proves: INE10 seguit de _PROVES, sense espais',
    es: 'Código de procedimiento de pruebas: INE10 seguido de _PROVES, sin espacios',
    en: 'Test procedure code: the INE10 followed by _PROVES, without spaces',
  },
  collegiCode: {
    ca: 'Codi del col·legi (COAC, CAATEEB...)',
    es: 'Código del colegio (COAC, CAATEEB...)',
    en: 'Code of the col·legi (COAC, CAATEEB...)',
  },
  collegiName: {
    ca: 'Nom del col·legi (p. ex. Col·legi d’Arquitectes de Catalunya)',
    es: 'Nombre del colegio (p. ej. Col·legi d’Arquitectes de Catalunya)',
    en: 'Name of the col·legi (e.g. Col·legi d’Arquitectes de Catalunya)',
  },
  ticketId: { ca: 'Número del tiquet', es: 'Número del tique', en: 'Ticket number' },
  collegiEmail: {
    ca: 'Bústia del col·legi (configuració dcocCollegiMailboxes)',
    es: 'Buzón del colegio (configuración dcocCollegiMailboxes)',
    en: 'Mailbox of the col·legi (setting dcocCollegiMailboxes)',
  },
  copyTo: {
    ca: 'En còpia (configuració de l’app)',
    es: 'En copia (configuración de la app)',
    en: 'In copy (app setting)',
  },
  headOfServiceName: {
    ca: 'Nom de la persona cap de servei (configuració de l’app)',
    es: 'Nombre de la persona de la jefatura de servicio (configuración de la app)',
    en: 'Name of the head of service (app setting)',
  },
  signatoryName: {
    ca: 'Qui signa el formulari del MINHAP (configuració de l’app)',
    es: 'Quién firma el formulario del MINHAP (configuración de la app)',
    en: 'Who signs the MINHAP form (app setting)',
  },
  supportEmail: {
    ca: 'Bústia del suport tècnic (configuració de l’app)',
    es: 'Buzón del soporte técnico (configuración de la app)',
    en: 'Technical support mailbox (app setting)',
  },
  aeatContactEmail: {
    ca: "Bústia de l'AEAT per al registre del CDA",
    es: 'Buzón de la AEAT para el registro del CDA',
    en: "The AEAT's mailbox for registering the CDA",
  },
  firewallAddresses: {
    ca: 'Adreces que l’ens ha d’obrir al firewall (configuració de l’app)',
    es: 'Direcciones que el ente debe abrir en el firewall (configuración de la app)',
    en: 'Addresses the body must open in its firewall (app setting)',
  },
  internalTicketRef: {
    ca: 'Referència del tiquet intern a la cap de servei',
    es: 'Referencia del tique interno a la jefatura de servicio',
    en: 'Reference of the internal ticket to the head of service',
  },
  autoCloseDays: {
    ca: 'Dies abans del tancament automàtic',
    es: 'Días antes del cierre automático',
    en: 'Days before the automatic closing',
  },
  oldPscpIntegration: {
    ca: "L'ens ja estava integrat amb l'antiga PSCP",
    es: 'El ente ya estaba integrado con la antigua PSCP',
    en: 'The body was already integrated with the old PSCP',
  },
};

/**
 * How the agent fills each variable: one line of text, a list (one item per line), a number, a
 * yes/no, or rows a database check gives (not typed). The replies panel draws the field from it;
 * a test holds each kind to what its rule in `Var` accepts, and the typecheck refuses a variable
 * without one.
 */
export type VariableKind = 'text' | 'list' | 'number' | 'boolean' | 'checkRows';
export const VARIABLE_KINDS: Readonly<Record<VariableName, VariableKind>> = {
  ensName: 'text',
  services: 'text',
  ambits: 'text',
  authorisations: 'text',
  authorisationRows: 'checkRows',
  userNif: 'text',
  ine10Proves: 'text',
  collegiCode: 'text',
  collegiName: 'text',
  ticketId: 'text',
  collegiEmail: 'text',
  copyTo: 'list',
  headOfServiceName: 'text',
  signatoryName: 'text',
  supportEmail: 'text',
  aeatContactEmail: 'text',
  firewallAddresses: 'list',
  internalTicketRef: 'text',
  autoCloseDays: 'number',
  oldPscpIntegration: 'boolean',
};

/**
 * Variables that come from the app's settings, by the setting (manifest parameter) they are read
 * from: a reply that lacks one names the setting to fill, since the agent cannot fix it in the reply.
 */
export const VARIABLE_SETTINGS: Readonly<Partial<Record<VariableName, string>>> = {
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
export const CHECK_FILLED_VARIABLES: ReadonlySet<string> = new Set(
  (Object.keys(VARIABLE_KINDS) as VariableName[]).filter((name) => VARIABLE_KINDS[name] === 'checkRows'),
);
