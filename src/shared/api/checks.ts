/**
 * The database checks: one operation per check, each naming its check id (`check`), which is also
 * its path's last segment, the audit action, the app's registry entry and what a procedure step
 * names (`check-ids.ts` lists them). Each reads AOC's databases through fixed, parameterised
 * queries and answers only what the desk needs.
 */
import { z } from '../../domain/zod';
import { PSCP_PERMISSION_CODES } from '../../domain/catalogue/pscp-permissions';
import { Cif, Environment, exactlyOne, Ine10, IsoDateTime, Lookup, PersonNif, TicketId } from './fields';
import { API_PREFIX, operation } from './operation';

const CHECKS = `${API_PREFIX}/checks`;

/** A SIRI finalitat code: PROVES, REGISTRE, or an SIA code such as 4317110007_PROVES. */
export const FinalitatCode = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_]+$/, 'holds only letters, digits and underscores (no spaces)')
  .transform((s) => s.toUpperCase());

const NamedCode = z.object({ codi: z.string(), nom: z.string().nullable() });

export const Organisme = z.object({ codi: z.string(), nom: z.string().nullable(), cif: z.string().nullable() });
export type Organisme = z.infer<typeof Organisme>;

// --- authorisations --------------------------------------------------------------------------

export const AuthorisationsQuery = z
  .strictObject({ env: Environment, ticket: TicketId, ine10: Ine10.optional(), nif: Cif.optional() })
  .superRefine(exactlyOne(['ine10', 'nif']));
export type AuthorisationsQuery = z.infer<typeof AuthorisationsQuery>;

export const Authorisation = z.object({
  organisme: Organisme,
  producte: NamedCode,
  modalitat: NamedCode,
  finalitat: NamedCode,
  dataAlta: IsoDateTime.nullable(),
});
export type Authorisation = z.infer<typeof Authorisation>;

export const AuthorisationsResponse = z.object({
  env: Environment,
  lookup: Lookup,
  /** Only authorisations whose finalitat is in force today. */
  authorisations: z.array(Authorisation),
  /** True when more rows exist than the proxy returns (the limit is in `authorisations.length`). */
  truncated: z.boolean(),
});
export type AuthorisationsResponse = z.infer<typeof AuthorisationsResponse>;

// --- dir3 ------------------------------------------------------------------------------------

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

// --- finalitat -------------------------------------------------------------------------------

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
  /** Every form found (an INE10_PROVES code with and without the INE10's leading zero). */
  matches: z.array(Finalitat),
});
export type FinalitatResponse = z.infer<typeof FinalitatResponse>;

// --- organisme -------------------------------------------------------------------------------

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

// --- pscp-user, pscp-organ -------------------------------------------------------------------

export const PscpPermissionCode = z.enum(PSCP_PERMISSION_CODES);

/** A user's permissions on one òrgan, judged by the rules of `domain/catalogue/pscp-permissions`. */
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

// --- dcoc-config -----------------------------------------------------------------------------

export const DcocConfigQuery = z.strictObject({ ticket: TicketId, ine10: Ine10 });
export const DcocConfigResponse = z.object({
  lookup: Lookup,
  /** One entry per `dcoc.<col·legi>.<...>.organismes` list of the configured dcoc.properties. */
  lists: z.array(z.object({ key: z.string(), colegi: z.string(), configured: z.boolean() })),
  /** Col·legis (upper case) whose lists name the ens. */
  configuredFor: z.array(z.string()),
});
export type DcocConfigResponse = z.infer<typeof DcocConfigResponse>;

// --- the operations --------------------------------------------------------------------------

const tags = ['checks'];

export const checkAuthorisations = operation({
  id: 'checkAuthorisations',
  check: 'authorisations',
  method: 'GET',
  path: `${CHECKS}/authorisations`,
  summary: 'Authorisations of an ens (by INE10 or NIF) in PRE or PRO, finalitats in force only',
  tags,
  auth: true,
  query: AuthorisationsQuery,
  response: AuthorisationsResponse,
});

export const checkDir3 = operation({
  id: 'checkDir3',
  check: 'dir3',
  method: 'GET',
  path: `${CHECKS}/dir3`,
  summary: 'DIR3 code of an ens by INE10 (derived for an ajuntament with no row, and said so)',
  tags,
  auth: true,
  query: Dir3Query,
  response: Dir3Response,
});

export const checkFinalitat = operation({
  id: 'checkFinalitat',
  check: 'finalitat',
  method: 'GET',
  path: `${CHECKS}/finalitat`,
  summary: 'Does a finalitat exist in SIRI (by code, or INE10 for its INE10_PROVES)?',
  tags,
  auth: true,
  query: FinalitatQuery,
  response: FinalitatResponse,
});

export const checkOrganisme = operation({
  id: 'checkOrganisme',
  check: 'organisme',
  method: 'GET',
  path: `${CHECKS}/organisme`,
  summary: 'Does SIRI know this organisme (by INE10 or NIF)?',
  tags,
  auth: true,
  query: OrganismeQuery,
  response: OrganismeResponse,
});

export const checkPscpUser = operation({
  id: 'checkPscpUser',
  check: 'pscp-user',
  method: 'GET',
  path: `${CHECKS}/pscp-user`,
  summary: 'PSCP user by NIF, with the permissions held on each òrgan de contractació',
  tags,
  auth: true,
  query: PscpUserQuery,
  response: PscpUserResponse,
});

export const checkPscpOrgan = operation({
  id: 'checkPscpOrgan',
  check: 'pscp-organ',
  method: 'GET',
  path: `${CHECKS}/pscp-organ`,
  summary: 'PSCP òrgan de contractació by CIF, whether it publishes from AOC, and its users',
  tags,
  auth: true,
  query: PscpOrganQuery,
  response: PscpOrganResponse,
});

export const checkDcocConfig = operation({
  id: 'checkDcocConfig',
  check: 'dcoc-config',
  method: 'GET',
  path: `${CHECKS}/dcoc-config`,
  summary: 'Which DCOC col·legi lists of dcoc.properties name the ens',
  tags,
  auth: true,
  query: DcocConfigQuery,
  response: DcocConfigResponse,
});
