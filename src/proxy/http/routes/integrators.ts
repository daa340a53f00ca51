/** The integrator register of "Pas 7": listing it is a check (audited), registering is a write. */
import { listIntegratorRegistrations, registerIntegrator } from '../../../shared/api';
import { identifierLookup } from '../../checks/ens-lookup';
import type { Database } from '../../db/types';
import type { AuditWriter } from '../../store/audit';
import { listRegistrations, registerIntegrator as register } from '../../store/integrator-register';
import { implement, type RouteDefinition } from '../route';
import { auditedCheck } from './audited';

export function integratorRoutes(store: Database, audit: AuditWriter): RouteDefinition[] {
  return [
    auditedCheck(audit, listIntegratorRegistrations, {
      check: 'integrator-register',
      subject: (q) => ({ ine10: q.ine10.value }),
      run: async (q) => ({
        lookup: identifierLookup('ine10', q.ine10),
        registrations: await listRegistrations(store, q.ine10.value),
      }),
      outcome: (r) => `${r.registrations.length} registration(s)`,
    }),
    implement(registerIntegrator, async ({ body, agent }) => {
      const result = await register(store, body, agent);
      return { status: result.created ? 201 : 200, body: result };
    }),
  ];
}
