/**
 * The database checks, found by convention: each check id of the contract (CHECK_IDS, made of the
 * operations' `check` fields) has its module `src/proxy/checks/<id>.ts`, which exports its audited
 * `route`. Nothing lists them: a new check is its operation and its module. The import names its
 * folder and extension, so esbuild bundles every module there for the built proxy (tools/proxy-build.ts).
 */
import { CHECK_IDS, type CheckId } from '../../../shared/api/check-ids';
import type { AocSources } from '../../checks/schemas';
import type { AuditWriter } from '../../store/audit';
import type { RegisterTarget } from '../../store/integrator-register';
import type { RouteDefinition } from '../route';

export interface CheckDependencies {
  readonly sources: AocSources;
  readonly dcocFile: string;
  /** Where the integrator register is read. */
  readonly register: RegisterTarget;
}

/** What a check's module exports as `route`. */
export type CheckRoute = (deps: CheckDependencies, audit: AuditWriter) => RouteDefinition;

export class CheckModuleError extends Error {
  override readonly name = 'CheckModuleError';
}

/** The check's route from its module, refused unless it exports one for that very check. */
export function checkRoute(id: CheckId, module: unknown, deps: CheckDependencies, audit: AuditWriter): RouteDefinition {
  const route = (module as { readonly route?: unknown }).route;
  if (typeof route !== 'function')
    throw new CheckModuleError(`src/proxy/checks/${id}.ts must export the check's route as \`route\``);
  const definition = (route as CheckRoute)(deps, audit);
  if (definition.operation.check !== id)
    throw new CheckModuleError(
      `src/proxy/checks/${id}.ts answers the operation of ${definition.operation.check ?? definition.operation.id}`,
    );
  return definition;
}

export async function checkRoutes(deps: CheckDependencies, audit: AuditWriter): Promise<RouteDefinition[]> {
  return Promise.all(
    CHECK_IDS.map(async (id) => checkRoute(id, (await import(`../../checks/${id}.ts`)) as unknown, deps, audit)),
  );
}
