/** The integrator register of "Pas 7": listing it is a check (audited), registering is a write. */
import { listIntegratorRegistrations, registerIntegrator, registerIntegrators } from '../../../shared/api';
import { identifierLookup } from '../../checks/ens-lookup';
import type { AuditWriter } from '../../store/audit';
import {
  listRegistrations,
  registerIntegrator as register,
  type RegisterTarget,
} from '../../store/integrator-register';
import { implement, type RouteDefinition } from '../route';
import { auditedCheck } from './audited';

export function integratorRoutes(target: RegisterTarget, audit: AuditWriter): RouteDefinition[] {
  return [
    auditedCheck(audit, listIntegratorRegistrations, {
      subject: (q) => ({ ine10: q.ine10.value }),
      run: async (q) => ({
        lookup: identifierLookup('ine10', q.ine10),
        registrations: await listRegistrations(target, q.ine10.value),
      }),
      outcome: (r) => `${r.registrations.length} registration(s)`,
    }),
    implement(registerIntegrator, async ({ body, agent }) => {
      const result = await register(target, audit, body, agent);
      return { status: result.created ? 201 : 200, body: result };
    }),
    implement(registerIntegrators, async ({ body, agent }) => {
      const { products, ...rest } = body;
      const list = products.length === 0 ? [undefined] : [...new Set(products)];
      const registrations = [];
      // One after another: a repeat of the same product finds the first.
      for (const product of list)
        registrations.push(
          await register(target, audit, { ...rest, ...(product === undefined ? {} : { product }) }, agent),
        );
      return { status: registrations.some((r) => r.created) ? 201 : 200, body: { registrations } };
    }),
  ];
}
