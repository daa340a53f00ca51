/**
 * Every route of the API, by resource. Checks read AOC's databases; writes go to the assistant's
 * store (`../../store/`). Every check and every change is written to the audit log with the agent
 * and the ticket.
 */
import type { AocSources } from '../../checks/schemas';
import type { MinhapTemplateSource, ZendeskApiSettings } from '../../config';
import { documentRoutes } from '../../documents/routes';
import { ensListRoutes } from '../../documents/ens-list-route';
import { formRoutes } from '../../form/routes';
import type { Database } from '../../db/types';
import { AuditWriter } from '../../store/audit';
import type { RouteDefinition } from '../route';
import { auditRoutes } from './audit';
import { checkRoutes } from './checks';
import { correctionRoutes, DEFAULT_CORRECTIONS_SETTINGS, type CorrectionsRouteSettings } from './corrections';
import { healthRoutes } from './health';
import { gateRoutes } from './gates';
import { integratorRoutes } from './integrators';
import { registerTarget, type RegisterTarget } from '../../store/integrator-register';
import { progressRoutes } from './progress';

export interface RouteDependencies {
  readonly sources: AocSources;
  readonly store: Database;
  readonly health: readonly Database[];
  readonly dcocFile: string;
  readonly version: string;
  /** Zendesk's API for the request-form operation; absent or null: that operation says not configured. */
  readonly zendesk?: ZendeskApiSettings | null;
  /** The MINHAP Excel's template; absent or null: that operation says not configured. */
  readonly minhapTemplate?: MinhapTemplateSource | null;
  /** Where the integrator register is written (default: the store's own table). */
  readonly register?: RegisterTarget;
  /** Retention and reviewers of the classification corrections (defaults: a year, no reviewer). */
  readonly corrections?: CorrectionsRouteSettings;
}

export async function apiRoutes(deps: RouteDependencies): Promise<RouteDefinition[]> {
  const audit = new AuditWriter(deps.store);
  const register = deps.register ?? registerTarget(deps.store);
  return [
    ...healthRoutes(deps),
    ...(await checkRoutes({ sources: deps.sources, dcocFile: deps.dcocFile, register }, audit)),
    ...integratorRoutes(register, audit),
    ...gateRoutes(deps.store),
    ...progressRoutes(deps.store),
    ...auditRoutes(deps.store),
    ...formRoutes(deps.zendesk, audit),
    ...ensListRoutes(deps.sources, deps.zendesk, audit),
    ...documentRoutes(
      {
        sources: deps.sources,
        minhapTemplate: deps.minhapTemplate ?? null,
        dcocFile: deps.dcocFile,
        zendesk: deps.zendesk ?? null,
      },
      audit,
    ),
    ...correctionRoutes(deps.store, deps.corrections ?? DEFAULT_CORRECTIONS_SETTINGS),
  ];
}
