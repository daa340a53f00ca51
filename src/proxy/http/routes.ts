/**
 * Every route of the API, as data (see route.ts). Checks read AOC's databases through fixed,
 * parameterised queries (`../checks/`); writes go to the assistant's store (`../store/`). Every
 * check and every change is written to the audit log with the agent and the ticket.
 */
import {
  API_PREFIX,
  AuditQuery,
  AuditResponse,
  AuthorisationsQuery,
  AuthorisationsResponse,
  DcocQuery,
  DcocResponse,
  Dir3Query,
  Dir3Response,
  FinalitatQuery,
  FinalitatResponse,
  HealthResponse,
  IntegratorListQuery,
  IntegratorListResponse,
  OrganismeQuery,
  OrganismeResponse,
  ProgressResponse,
  PscpOrganQuery,
  PscpOrganResponse,
  PscpUserQuery,
  PscpUserResponse,
  RegisterIntegratorBody,
  RegisterIntegratorResponse,
  SetStepBody,
  StepParams,
  StepProgress,
  TicketParams,
} from '../../shared/proxy-api';
import { ine10Proves } from '../../domain/identifiers';
import { checkAuthorisations } from '../checks/authorisations';
import { checkDcoc } from '../checks/dcoc';
import { checkDir3 } from '../checks/dir3';
import { ensKey, identifierLookup } from '../checks/ens-lookup';
import { checkFinalitat } from '../checks/finalitat';
import { checkOrganisme } from '../checks/organisme';
import { checkPscpOrgan, checkPscpUser } from '../checks/pscp';
import type { AocSources } from '../checks/schemas';
import type { Database } from '../db/types';
import { AuditWriter, listAudit } from '../store/audit';
import type { Agent } from '../store/agent';
import { listRegistrations, registerIntegrator } from '../store/integrator-register';
import { getProgress, setStep } from '../store/progress';
import { defineRoute, ok, type RouteDefinition } from './route';
import type { ZendeskApiSettings } from '../config';
import { formRoutes } from '../form/routes';

export interface RouteDependencies {
  readonly sources: AocSources;
  readonly store: Database;
  readonly health: readonly Database[];
  readonly dcocFile: string;
  readonly version: string;
  /** Zendesk's API for the request-form operation; absent or null: that operation says not configured. */
  readonly zendesk?: ZendeskApiSettings | null;
}

/**
 * Runs a check and records it in the audit log with its outcome. A failed check is recorded too
 * (best effort: the store may be what failed). If the log cannot be written after a successful
 * check, the answer is withheld: every answer the agent sees is in the log.
 */
async function audited<T>(
  audit: AuditWriter,
  entry: { agent: Agent; ticket: number; action: string; subject: Record<string, unknown> },
  check: () => Promise<T>,
  outcome: (result: T) => string,
): Promise<T> {
  let result: T;
  try {
    result = await check();
  } catch (err) {
    const reason = err instanceof Error ? err.name : 'error';
    await audit.write({ ...entry, outcome: `failed: ${reason}` }).catch(() => undefined);
    throw err;
  }
  await audit.write({ ...entry, outcome: outcome(result) });
  return result;
}

const found = (exists: boolean) => (exists ? 'found' : 'not found');

export function apiRoutes(deps: RouteDependencies): RouteDefinition[] {
  const { sources, store } = deps;
  const audit = new AuditWriter(store);
  const p = API_PREFIX;
  return [
    defineRoute({
      method: 'GET',
      path: '/health',
      operationId: 'health',
      summary: 'Liveness and the state of each database (503 when one is down)',
      tags: ['operations'],
      auth: false,
      response: HealthResponse,
      successStatuses: [200, 503],
      handler: async () => {
        const states = await Promise.all(
          deps.health.map(async (db) => {
            try {
              await db.ping();
              return [db.label, 'up'] as const;
            } catch {
              return [db.label, 'down'] as const;
            }
          }),
        );
        const databases = Object.fromEntries(states);
        const allUp = states.every(([, s]) => s === 'up');
        const status = allUp ? ('ok' as const) : ('degraded' as const);
        return { status: allUp ? 200 : 503, body: { status, databases, version: deps.version } };
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${p}/checks/authorisations`,
      operationId: 'checkAuthorisations',
      summary: 'Authorisations of an ens (by INE10 or NIF) in PRE or PRO, finalitats in force only',
      tags: ['checks'],
      auth: true,
      query: AuthorisationsQuery,
      response: AuthorisationsResponse,
      handler: async ({ query, agent }) => {
        const key = ensKey(query);
        const result = await audited(
          audit,
          {
            agent,
            ticket: query.ticket,
            action: 'check.authorisations',
            subject: { env: query.env, [key.by]: key.id.value },
          },
          () => checkAuthorisations(sources[query.env], key),
          (r) => `${r.authorisations.length} authorisation(s)${r.truncated ? ' (truncated)' : ''}`,
        );
        return ok(result);
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${p}/checks/dir3`,
      operationId: 'checkDir3',
      summary: 'DIR3 code of an ens by INE10 (derived for an ajuntament with no row, and said so)',
      tags: ['checks'],
      auth: true,
      query: Dir3Query,
      response: Dir3Response,
      handler: async ({ query, agent }) => {
        // DIR3 is the state's directory, not per environment: PRO's copy unless PRE is asked.
        const env = query.env ?? 'PRO';
        const result = await audited(
          audit,
          { agent, ticket: query.ticket, action: 'check.dir3', subject: { env, ine10: query.ine10.value } },
          () => checkDir3(sources[env], query.ine10),
          (r) => (r.dir3 === null ? 'not found' : `${r.dir3} (${r.source})`),
        );
        return ok(result);
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${p}/checks/finalitat`,
      operationId: 'checkFinalitat',
      summary: 'Does a finalitat exist in SIRI (by code, or INE10 for its INE10_PROVES)?',
      tags: ['checks'],
      auth: true,
      query: FinalitatQuery,
      response: FinalitatResponse,
      handler: async ({ query, agent }) => {
        let lookup = identifierLookup('code', { value: query.code ?? '', warnings: [] });
        if (query.ine10 !== undefined) {
          const proves = ine10Proves(query.ine10.value);
          // The INE10 parsed already, so this cannot fail; keep the type honest anyway.
          if (!proves.ok) throw new Error(proves.message);
          lookup = identifierLookup('code', { value: proves.value, warnings: query.ine10.warnings });
        }
        const code = lookup.value;
        const result = await audited(
          audit,
          { agent, ticket: query.ticket, action: 'check.finalitat', subject: { env: query.env, code } },
          () => checkFinalitat(sources[query.env], code, lookup),
          (r) => found(r.exists),
        );
        return ok(result);
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${p}/checks/organisme`,
      operationId: 'checkOrganisme',
      summary: 'Does SIRI know this organisme (by INE10 or NIF)?',
      tags: ['checks'],
      auth: true,
      query: OrganismeQuery,
      response: OrganismeResponse,
      handler: async ({ query, agent }) => {
        const key = ensKey(query);
        const result = await audited(
          audit,
          {
            agent,
            ticket: query.ticket,
            action: 'check.organisme',
            subject: { env: query.env, [key.by]: key.id.value },
          },
          () => checkOrganisme(sources[query.env], key),
          (r) => found(r.exists),
        );
        return ok(result);
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${p}/checks/pscp-user`,
      operationId: 'checkPscpUser',
      summary: 'PSCP user by NIF, with the permissions held on each òrgan de contractació',
      tags: ['checks'],
      auth: true,
      query: PscpUserQuery,
      response: PscpUserResponse,
      handler: async ({ query, agent }) => {
        const result = await audited(
          audit,
          { agent, ticket: query.ticket, action: 'check.pscp-user', subject: { env: query.env, nif: query.nif.value } },
          () => checkPscpUser(sources[query.env], query.nif),
          (r) => (r.exists ? `found, ready on ${r.organs.filter((o) => o.ready).length} òrgan(s)` : 'not found'),
        );
        return ok(result);
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${p}/checks/pscp-organ`,
      operationId: 'checkPscpOrgan',
      summary: 'PSCP òrgan de contractació by CIF, whether it publishes from AOC, and its users',
      tags: ['checks'],
      auth: true,
      query: PscpOrganQuery,
      response: PscpOrganResponse,
      handler: async ({ query, agent }) => {
        const result = await audited(
          audit,
          {
            agent,
            ticket: query.ticket,
            action: 'check.pscp-organ',
            subject: { env: query.env, cif: query.cif.value },
          },
          () => checkPscpOrgan(sources[query.env], query.cif),
          (r) => found(r.exists),
        );
        return ok(result);
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${p}/checks/dcoc`,
      operationId: 'checkDcoc',
      summary: 'Which DCOC col·legi lists of dcoc.properties name the ens',
      tags: ['checks'],
      auth: true,
      query: DcocQuery,
      response: DcocResponse,
      handler: async ({ query, agent }) => {
        const result = await audited(
          audit,
          { agent, ticket: query.ticket, action: 'check.dcoc', subject: { ine10: query.ine10.value } },
          () => checkDcoc(deps.dcocFile, query.ine10),
          (r) => (r.configuredFor.length === 0 ? 'no col·legi' : r.configuredFor.join(', ')),
        );
        return ok(result);
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${p}/integrator-registrations`,
      operationId: 'listIntegratorRegistrations',
      summary: 'Integrator companies registered for an ens (the register of Pas 7)',
      tags: ['integrator register'],
      auth: true,
      query: IntegratorListQuery,
      response: IntegratorListResponse,
      handler: async ({ query, agent }) => {
        const registrations = await audited(
          audit,
          { agent, ticket: query.ticket, action: 'check.integrators', subject: { ine10: query.ine10.value } },
          () => listRegistrations(store, query.ine10.value),
          (r) => `${r.length} registration(s)`,
        );
        return ok({ lookup: identifierLookup('ine10', query.ine10), registrations });
      },
    }),
    defineRoute({
      method: 'POST',
      path: `${p}/integrator-registrations`,
      operationId: 'registerIntegrator',
      summary: 'Register ens + service (+ product) + integrator company; idempotent (201 new, 200 existing)',
      tags: ['integrator register'],
      auth: true,
      body: RegisterIntegratorBody,
      response: RegisterIntegratorResponse,
      successStatuses: [201, 200],
      handler: async ({ body, agent }) => {
        const result = await registerIntegrator(store, body, agent);
        return { status: result.created ? 201 : 200, body: result };
      },
    }),
    defineRoute({
      method: 'GET',
      path: `${p}/tickets/:ticketId/progress`,
      operationId: 'getProgress',
      summary: 'Procedure steps recorded on a ticket: done or not, by whom, when',
      tags: ['progress'],
      auth: true,
      params: TicketParams,
      response: ProgressResponse,
      handler: async ({ params }) => ok(await getProgress(store, params.ticketId)),
    }),
    defineRoute({
      method: 'PUT',
      path: `${p}/tickets/:ticketId/progress/:stepId`,
      operationId: 'setStep',
      summary: 'Mark a procedure step done (or not done) on a ticket',
      tags: ['progress'],
      auth: true,
      params: StepParams,
      body: SetStepBody,
      response: StepProgress,
      handler: async ({ params, body, agent }) => ok(await setStep(store, params.ticketId, params.stepId, body, agent)),
    }),
    defineRoute({
      method: 'GET',
      path: `${p}/tickets/:ticketId/audit`,
      operationId: 'getAudit',
      summary: 'Audit log of a ticket, newest first: every check and change, who and when',
      tags: ['progress'],
      auth: true,
      params: TicketParams,
      query: AuditQuery,
      response: AuditResponse,
      handler: async ({ params, query }) =>
        ok({ ticket: params.ticketId, entries: await listAudit(store, params.ticketId, query.limit ?? 100) }),
    }),
    ...formRoutes(deps.zendesk, audit),
  ];
}
