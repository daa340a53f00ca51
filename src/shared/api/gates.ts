/**
 * Operations of the procedures' gates: the checks that answer the procedure's questions (asked ×
 * PRO × PRE, the ens by name or NIF), the integrator register for every product asked, and the
 * answers shared on a ticket.
 */
import { z } from '../../domain/zod';
import { operation } from './operation';
import { AuthorisationsResponse, Organisme } from './checks';
import { Cif, Ine10, Lookup, TicketId } from './fields';
import { RegisterIntegratorBody, RegisterIntegratorResponse } from './integrators';

const codeList = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .regex(/^[A-Za-z0-9_,\s]*$/, 'is a comma-separated list of codes (letters, digits, underscores)')
  .transform((s) =>
    s
      .split(',')
      .map((c) => c.trim().toUpperCase())
      .filter((c) => c !== ''),
  )
  .refine((list) => list.length <= 100, 'names at most 100 codes');

export const CoverageQuery = z
  .strictObject({
    ticket: TicketId,
    ine10: Ine10.optional(),
    nif: Cif.optional(),
    products: codeList.optional(),
    modalities: codeList.optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.ine10 === undefined) === (q.nif === undefined))
      ctx.addIssue({ code: 'custom', path: ['ine10'], message: 'give exactly one of ine10, nif' });
    if ((q.products ?? []).length + (q.modalities ?? []).length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['products'],
        message: 'name what the ens asks for (products or modalities)',
      });
  });
export type CoverageQuery = z.infer<typeof CoverageQuery>;

const LocalText = z.object({ ca: z.string(), es: z.string(), en: z.string() });

export const CoverageResponse = z.object({
  lookup: Lookup,
  rows: z.array(
    z.object({
      asked: z.object({ kind: z.enum(['modality', 'product']), code: z.string(), product: z.string().nullable() }),
      pro: z.array(z.string()),
      pre: z.array(z.string()),
    }),
  ),
  missingInPro: z.array(z.string()),
  alreadyInPre: z.array(z.string()),
  answers: z.object({ 'vo.authorisedInPro': z.boolean(), 'vo.alreadyInPre': z.boolean() }),
  verdict: LocalText,
  pro: AuthorisationsResponse,
  pre: AuthorisationsResponse,
});
export type CoverageResponse = z.infer<typeof CoverageResponse>;

/** The ens looked up by its name (as the ticket's organisation gives it) or its NIF. */
export const EnsQuery = z
  .strictObject({
    ticket: TicketId,
    name: z
      .string()
      .trim()
      .min(3, 'must be at least 3 characters')
      .max(200, 'must be at most 200 characters')
      // eslint-disable-next-line no-control-regex -- refusing control characters is the point
      .refine((s) => !/[\u0000-\u001f\u007f%_\\]/.test(s), 'must not contain control characters, % _ or \\')
      .optional(),
    nif: Cif.optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.name === undefined) === (q.nif === undefined))
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'give exactly one of name, nif' });
  });
export type EnsQuery = z.infer<typeof EnsQuery>;

export const EnsResponse = z.object({
  by: z.enum(['name', 'nif']),
  value: z.string(),
  /** Best first; one exact match is `exact: true`. */
  candidates: z.array(Organisme.extend({ ine10: z.string(), exact: z.boolean() })),
});
export type EnsResponse = z.infer<typeof EnsResponse>;

// ---------------------------------------------------------------------------------------------
// Integrator register: every product asked in one request
// ---------------------------------------------------------------------------------------------

export const RegisterIntegratorsBody = RegisterIntegratorBody.omit({ product: true }).extend({
  /** Every product asked (Via Oberta, MUX); one registration each. Empty for other services. */
  products: z
    .array(
      z
        .string()
        .max(64, 'must be at most 64 characters')
        .regex(/^[A-Z0-9_]+$/, 'is a product code: upper-case letters, digits, underscores'),
    )
    .max(50, 'names at most 50 products'),
});
export type RegisterIntegratorsBody = z.infer<typeof RegisterIntegratorsBody>;
export const RegisterIntegratorsResponse = z.object({ registrations: z.array(RegisterIntegratorResponse) });
export type RegisterIntegratorsResponse = z.infer<typeof RegisterIntegratorsResponse>;

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

export const checkAuthorisationCoverage = operation({
  id: 'checkAuthorisationCoverage',
  check: 'authorisation-coverage',
  method: 'GET',
  path: '/v1/checks/authorisation-coverage',
  summary:
    'What the ens asks (products, modalities) against its authorisations in PRO and PRE, with the answer the step needs',
  tags: ['checks'],
  auth: true,
  query: CoverageQuery,
  response: CoverageResponse,
});

export const findEns = operation({
  id: 'findEns',
  check: 'ens',
  method: 'GET',
  path: '/v1/checks/ens',
  summary: 'The ens (its INE10) by the organisation’s name or NIF, as SIRI PRO knows it',
  tags: ['checks'],
  auth: true,
  query: EnsQuery,
  response: EnsResponse,
});

export const registerIntegrators = operation({
  id: 'registerIntegrators',
  method: 'POST',
  path: '/v1/integrator-registrations/batch',
  summary:
    'Register ens + service + integrator for every product asked (VO SCT_DENUNCIES: product SCT, observations SCT_DENUNCIES)',
  tags: ['integrator register'],
  auth: true,
  body: RegisterIntegratorsBody,
  response: RegisterIntegratorsResponse,
  successStatuses: [201, 200],
});
