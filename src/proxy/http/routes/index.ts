/**
 * Every route of the API, by resource. Checks read AOC's databases; writes go to the assistant's
 * store (`../../store/`). Every check and every change is written to the audit log with the agent
 * and the ticket.
 */
import type { AocSources } from '../../checks/schemas';
import type { ZendeskApiSettings } from '../../config';
import { formRoutes } from '../../form/routes';
import type { Database } from '../../db/types';
import { AuditWriter } from '../../store/audit';
import type { RouteDefinition } from '../route';
import { auditRoutes } from './audit';
import { checkRoutes } from './checks';
import { healthRoutes } from './health';
import { integratorRoutes } from './integrators';
import { progressRoutes } from './progress';

export interface RouteDependencies {
  readonly sources: AocSources;
  readonly store: Database;
  readonly health: readonly Database[];
  readonly dcocFile: string;
  readonly version: string;
  /** Zendesk's API for the request-form operation; absent or null: that operation says not configured. */
  readonly zendesk?: ZendeskApiSettings | null;
}

export function apiRoutes(deps: RouteDependencies): RouteDefinition[] {
  const audit = new AuditWriter(deps.store);
  return [
    ...healthRoutes(deps),
    ...checkRoutes(deps, audit),
    ...integratorRoutes(deps.store, audit),
    ...progressRoutes(deps.store),
    ...auditRoutes(deps.store),
    ...formRoutes(deps.zendesk, audit),
  ];
}
