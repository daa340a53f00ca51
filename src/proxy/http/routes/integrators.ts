/**
 * The integrator register of "Pas 7": registering is a write (listing it is a check:
 * ../../checks/integrator-register.ts).
 */
import { registerIntegrator, registerIntegrators } from '../../../shared/api';
import type { AuditWriter } from '../../store/audit';
import { registerIntegrator as register, type RegisterTarget } from '../../store/integrator-register';
import { implement, type RouteDefinition } from '../route';

export function integratorRoutes(target: RegisterTarget, audit: AuditWriter): RouteDefinition[] {
  return [
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
