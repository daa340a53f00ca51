/**
 * The register of integrator companies ("Pas 7"): which company integrates which ens with which
 * service (and product). Listing it is the `integrator-register` check of the procedures.
 */
import { z } from '../../domain/zod';
import { AnyNif, freeText, Ine10, IsoDateTime, Lookup, ServiceCode, TicketId, TicketIdNumber } from './fields';
import { API_PREFIX, operation } from './operation';

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

const path = `${API_PREFIX}/integrator-registrations`;
const tags = ['integrator register'];

export const listIntegratorRegistrations = operation({
  id: 'listIntegratorRegistrations',
  check: 'integrator-register',
  method: 'GET',
  path,
  summary: 'Integrator companies registered for an ens (the register of Pas 7)',
  tags,
  auth: true,
  query: IntegratorListQuery,
  response: IntegratorListResponse,
});

export const registerIntegrator = operation({
  id: 'registerIntegrator',
  method: 'POST',
  path,
  summary: 'Register ens + service (+ product) + integrator company; idempotent (201 new, 200 existing)',
  tags,
  auth: true,
  body: RegisterIntegratorBody,
  response: RegisterIntegratorResponse,
  successStatuses: [201, 200],
});
