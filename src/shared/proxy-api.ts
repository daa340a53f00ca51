/**
 * The proxy's HTTP contract: the zod schemas that validate every request and response, shared by
 * the backend (`src/proxy/`) and the sidebar app, which imports this file into the browser bundle.
 * So: no Node imports here, only zod and the pure domain validators.
 *
 * Identifier fields reuse `src/domain/identifiers`: the refusal message the agent reads is the
 * validator's own, and the value that reaches SQL is the canonical form (upper case, padded INE10).
 */
import { z } from '../domain/zod';
import { SERVICE_IDS } from '../domain/catalogue';
import { parseCif, parseIne10, parseNif, parsePersonNif, type IdentifierResult } from '../domain/identifiers';

export const API_PREFIX = '/v1';

// ---------------------------------------------------------------------------------------------
// Request fields
// ---------------------------------------------------------------------------------------------

/** PRE (preproducció) or PRO (producció): the two AOC environments the checks read. */
export const Environment = z.enum(['PRE', 'PRO'], { message: 'must be PRE or PRO' });
export type Environment = z.infer<typeof Environment>;

/** Parsed identifier: canonical value plus the validator's non-blocking remarks. */
export interface ParsedIdentifier {
  readonly value: string;
  readonly warnings: readonly string[];
}

/** Longest raw identifier accepted: room for separators people type, nothing like a payload. */
const MAX_IDENTIFIER_INPUT = 32;

function identifier(parse: (input: string) => IdentifierResult<string>) {
  return z
    .string()
    .max(MAX_IDENTIFIER_INPUT, `must be at most ${MAX_IDENTIFIER_INPUT} characters`)
    .transform((raw, ctx): ParsedIdentifier => {
      const result = parse(raw);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.message, params: { identifierCode: result.code } });
        return z.NEVER;
      }
      return { value: result.value, warnings: result.warnings };
    });
}

/** INE10 of an ens (9 digits are padded; a code failing the check digits passes with a warning). */
export const Ine10 = identifier(parseIne10);
/** NIF of an organisation (CIF): how an ens, an òrgan de contractació or an integrator is known. */
export const Cif = identifier(parseCif);
/** NIF of a person (DNI, NIE, K/L/M): a PSCP user. */
export const PersonNif = identifier(parsePersonNif);
/** Any NIF: an integrator company may also be a self-employed person. */
export const AnyNif = identifier(parseNif);

/** Zendesk ticket ids are positive integers; the query string carries them as digits. */
export const TicketId = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/, 'must be a Zendesk ticket id (a positive whole number)')
  .transform(Number);
export const TicketIdNumber = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A SIRI finalitat code: PROVES, REGISTRE, or an SIA code such as 4317110007_PROVES. */
export const FinalitatCode = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_]+$/, 'holds only letters, digits and underscores (no spaces)')
  .transform((s) => s.toUpperCase());

/** Procedure step ids come from the app's procedures (data): short slugs. */
export const StepId = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'is a step id: lower-case letters, digits, dot, dash, underscore');

/** Free text typed by agents; control characters other than newlines and tabs are refused. */
function freeText(max: number) {
  return (
    z
      .string()
      .max(max, `must be at most ${max} characters`)
      // eslint-disable-next-line no-control-regex -- refusing control characters is the point
      .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'must not contain control characters')
  );
}

function exactlyOne(fields: readonly string[]) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const given = fields.filter((f) => value[f] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [fields[0] ?? ''],
        message: `give exactly one of ${fields.join(', ')} (got ${given.length === 0 ? 'none' : given.join(' and ')})`,
      });
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Check requests (query strings) and responses
// ---------------------------------------------------------------------------------------------

export const AuthorisationsQuery = z
  .strictObject({ env: Environment, ticket: TicketId, ine10: Ine10.optional(), nif: Cif.optional() })
  .superRefine(exactlyOne(['ine10', 'nif']));
export type AuthorisationsQuery = z.infer<typeof AuthorisationsQuery>;

const IsoDateTime = z.iso.datetime();
const NamedCode = z.object({ codi: z.string(), nom: z.string().nullable() });

export const Organisme = z.object({ codi: z.string(), nom: z.string().nullable(), cif: z.string().nullable() });
export type Organisme = z.infer<typeof Organisme>;

export const Authorisation = z.object({
  organisme: Organisme,
  producte: NamedCode,
  modalitat: NamedCode,
  finalitat: NamedCode,
  dataAlta: IsoDateTime.nullable(),
});
export type Authorisation = z.infer<typeof Authorisation>;

/** What the request asked for, echoed in canonical form, with the validator's remarks. */
export const Lookup = z.object({
  by: z.enum(['ine10', 'nif', 'code']),
  value: z.string(),
  warnings: z.array(z.string()),
});
export type Lookup = z.infer<typeof Lookup>;

export const AuthorisationsResponse = z.object({
  env: Environment,
  lookup: Lookup,
  /** Only authorisations whose finalitat is in force today. */
  authorisations: z.array(Authorisation),
  /** True when more rows exist than the proxy returns (the limit is in `authorisations.length`). */
  truncated: z.boolean(),
});
export type AuthorisationsResponse = z.infer<typeof AuthorisationsResponse>;

export const Dir3Query = z.strictObject({ ticket: TicketId, ine10: Ine10, env: Environment.optional() });
export const Dir3Response = z.object({
  env: Environment,
  lookup: Lookup,
  dir3: z.string().nullable(),
  nom: z.string().nullable(),
  /** `table`: a row of DIR3_2_INE10_UO; `derived`: L01 + INE code for an ajuntament with no row; `none`. */
  source: z.enum(['table', 'derived', 'none']),
  note: z.string().nullable(),
});
export type Dir3Response = z.infer<typeof Dir3Response>;

export const FinalitatQuery = z
  .strictObject({ env: Environment, ticket: TicketId, code: FinalitatCode.optional(), ine10: Ine10.optional() })
  .superRefine(exactlyOne(['code', 'ine10']));
export const Finalitat = z.object({
  codi: z.string(),
  nom: z.string().nullable(),
  vigentDes: IsoDateTime.nullable(),
  vigentFins: IsoDateTime.nullable(),
  inForce: z.boolean(),
});
export const FinalitatResponse = z.object({
  env: Environment,
  lookup: Lookup,
  exists: z.boolean(),
  finalitat: Finalitat.nullable(),
});
export type FinalitatResponse = z.infer<typeof FinalitatResponse>;

export const OrganismeQuery = z
  .strictObject({ env: Environment, ticket: TicketId, ine10: Ine10.optional(), nif: Cif.optional() })
  .superRefine(exactlyOne(['ine10', 'nif']));
export const OrganismeResponse = z.object({
  env: Environment,
  lookup: Lookup,
  exists: z.boolean(),
  organismes: z.array(Organisme),
});
export type OrganismeResponse = z.infer<typeof OrganismeResponse>;

/** PSCP permissions, as the desk's manual names them. */
export const PSCP_PERMISSIONS = {
  ADMINISTRADOR_ORGAN: "Administrador d'òrgan",
  VALIDADOR: 'Validador',
  EDITOR: 'Editor',
  VISUALITZADOR_OFERTES: "Visualitzador d'ofertes (eLICITA)",
  ADMINISTRADOR_AMBIT: "Administrador d'àmbit",
  SUPORT: 'Suport',
  TECNIC: 'Tècnic',
} as const;
export type PscpPermission = keyof typeof PSCP_PERMISSIONS;
export const PscpPermissionCode = z.enum(Object.keys(PSCP_PERMISSIONS) as [PscpPermission, ...PscpPermission[]]);
/** A user who publishes through the web service needs all three (manual, "Alta usuari", point 5). */
export const PSCP_REQUIRED: readonly PscpPermission[] = ['ADMINISTRADOR_ORGAN', 'VALIDADOR', 'EDITOR'];
/** Never to be given to an ens's user (manual: "permisos que no s'han de donar"). */
export const PSCP_FORBIDDEN: readonly PscpPermission[] = ['ADMINISTRADOR_AMBIT', 'SUPORT', 'TECNIC'];

export const PscpGrant = z.object({
  permissions: z.array(PscpPermissionCode),
  /** Required permissions the user lacks on this òrgan. */
  missing: z.array(PscpPermissionCode),
  /** Permissions the user holds that the desk must never give. */
  forbidden: z.array(PscpPermissionCode),
  /** Holds every required permission and no forbidden one: the NIF can go in the end-of-registration message. */
  ready: z.boolean(),
});

export const PscpOrgan = z.object({
  cif: z.string(),
  nom: z.string().nullable(),
  /** "Origen dels expedients: Sistema extern — AOC" is enabled. */
  sistemaExternAoc: z.boolean(),
});

export const PscpUserQuery = z.strictObject({ env: Environment, ticket: TicketId, nif: PersonNif });
export const PscpUserResponse = z.object({
  env: Environment,
  lookup: Lookup,
  exists: z.boolean(),
  user: z.object({ nif: z.string(), nom: z.string().nullable(), actiu: z.boolean() }).nullable(),
  organs: z.array(PscpOrgan.extend(PscpGrant.shape)),
});
export type PscpUserResponse = z.infer<typeof PscpUserResponse>;

export const PscpOrganQuery = z.strictObject({ env: Environment, ticket: TicketId, cif: Cif });
export const PscpOrganResponse = z.object({
  env: Environment,
  lookup: Lookup,
  exists: z.boolean(),
  organ: PscpOrgan.nullable(),
  users: z.array(z.object({ nif: z.string(), nom: z.string().nullable(), actiu: z.boolean() }).extend(PscpGrant.shape)),
});
export type PscpOrganResponse = z.infer<typeof PscpOrganResponse>;

export const DcocQuery = z.strictObject({ ticket: TicketId, ine10: Ine10 });
export const DcocResponse = z.object({
  lookup: Lookup,
  /** One entry per `dcoc.<col·legi>.<...>.organismes` list of the configured dcoc.properties. */
  lists: z.array(z.object({ key: z.string(), colegi: z.string(), configured: z.boolean() })),
  /** Col·legis (upper case) whose lists name the ens. */
  configuredFor: z.array(z.string()),
});
export type DcocResponse = z.infer<typeof DcocResponse>;

// ---------------------------------------------------------------------------------------------
// Writes: integrator register ("Pas 7"), per-ticket procedure progress, audit log
// ---------------------------------------------------------------------------------------------

export const ServiceCode = z.enum(SERVICE_IDS, { message: `must be one of ${SERVICE_IDS.join(', ')}` });

export const RegisterIntegratorBody = z.strictObject({
  ticket: TicketIdNumber,
  ens: z.strictObject({ ine10: Ine10, nom: freeText(200).min(1, 'must not be empty') }),
  service: ServiceCode,
  /** Only for Via Oberta and MUX (the register's second drop-down), e.g. SCT for SCT_DENUNCIES. */
  product: z
    .string()
    .max(64, 'must be at most 64 characters')
    .regex(/^[A-Z0-9_]+$/, 'is a product code: upper-case letters, digits, underscores')
    .optional(),
  integrator: z.strictObject({ nif: AnyNif, nom: freeText(200).min(1, 'must not be empty') }),
  observations: freeText(1000).optional(),
});
export type RegisterIntegratorBody = z.infer<typeof RegisterIntegratorBody>;

export const IntegratorRegistration = z.object({
  id: z.number().int(),
  ensIne10: z.string(),
  ensNom: z.string(),
  service: ServiceCode,
  product: z.string().nullable(),
  integratorNif: z.string(),
  integratorNom: z.string(),
  observations: z.string().nullable(),
  ticket: z.number().int(),
  registeredBy: z.string(),
  registeredAt: IsoDateTime,
});
export type IntegratorRegistration = z.infer<typeof IntegratorRegistration>;

export const RegisterIntegratorResponse = z.object({
  /** False when the same ens + service + product + integrator was already registered. */
  created: z.boolean(),
  registration: IntegratorRegistration,
});
export type RegisterIntegratorResponse = z.infer<typeof RegisterIntegratorResponse>;

export const IntegratorListQuery = z.strictObject({ ticket: TicketId, ine10: Ine10 });
export const IntegratorListResponse = z.object({ lookup: Lookup, registrations: z.array(IntegratorRegistration) });
export type IntegratorListResponse = z.infer<typeof IntegratorListResponse>;

export const TicketParams = z.strictObject({ ticketId: TicketId });
export const StepParams = z.strictObject({ ticketId: TicketId, stepId: StepId });

export const SetStepBody = z.strictObject({
  done: z.boolean(),
  /** The procedure the step belongs to (e.g. `vo-integracio`), so the app can tell stale progress. */
  procedure: StepId,
  note: freeText(500).optional(),
});
export type SetStepBody = z.infer<typeof SetStepBody>;

export const StepProgress = z.object({
  stepId: z.string(),
  procedure: z.string(),
  done: z.boolean(),
  /** Agent who last changed the step, and when. */
  by: z.string(),
  byName: z.string().nullable(),
  at: IsoDateTime,
  note: z.string().nullable(),
});
export type StepProgress = z.infer<typeof StepProgress>;

export const ProgressResponse = z.object({ ticket: z.number().int(), steps: z.array(StepProgress) });
export type ProgressResponse = z.infer<typeof ProgressResponse>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: IsoDateTime,
  agent: z.string(),
  agentName: z.string().nullable(),
  ticket: z.number().int(),
  action: z.string(),
  /** What was checked or changed, e.g. `{"env":"PRO","ine10":"0801930008"}`. */
  subject: z.record(z.string(), z.unknown()),
  outcome: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,2}$/, 'must be a whole number from 1 to 500')
    .transform(Number)
    .refine((n) => n <= 500, 'must be at most 500')
    .optional(),
});
export const AuditResponse = z.object({ ticket: z.number().int(), entries: z.array(AuditEntry) });
export type AuditResponse = z.infer<typeof AuditResponse>;

// ---------------------------------------------------------------------------------------------
// Health and errors
// ---------------------------------------------------------------------------------------------

export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  databases: z.record(z.string(), z.enum(['up', 'down'])),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'RATE_LIMITED',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
  /** An operation whose settings the proxy lacks (e.g. no Zendesk API credentials). */
  'NOT_CONFIGURED',
  /** Zendesk's API refused or failed a call the proxy made for the agent. */
  'ZENDESK_ERROR',
  /** An attachment the proxy will not fetch: not on the ticket, flagged as malware, too large. */
  'ATTACHMENT_REFUSED',
] as const;
export const ApiError = z.object({
  error: z.enum(ERROR_CODES),
  message: z.string(),
  /** For BAD_REQUEST: each field that was refused and why. */
  fields: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
  /** For DATABASE_UNAVAILABLE: which database (PRE, PRO, store, DCOC configuration). */
  database: z.string().optional(),
  requestId: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiError>;
