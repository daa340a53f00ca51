// The proxy finds each check's route by the check's id (src/proxy/http/routes/checks.ts): a module
// that exports no route, or the route of another check, stops the proxy at start with its path.
import { describe, expect, it } from 'vitest';
import * as api from '../../src/shared/api';
import { CHECK_IDS } from '../../src/shared/api/check-ids';
import { checkRoute, checkRoutes, type CheckDependencies } from '../../src/proxy/http/routes/checks';
import { route as dir3Route } from '../../src/proxy/checks/dir3';
import type { AuditWriter } from '../../src/proxy/store/audit';

// Building a route reads no dependency: inert stand-ins do.
const deps = { sources: {}, dcocFile: '', register: {} } as unknown as CheckDependencies;
const audit = {} as unknown as AuditWriter;

describe('check routes by convention', () => {
  it('loads one route for every check id of the contract, each for its own operation', async () => {
    const routes = await checkRoutes(deps, audit);
    expect(routes.map((r) => r.operation.check)).toEqual(CHECK_IDS);
    expect(routes.find((r) => r.operation.check === 'dir3')?.operation).toBe(api.checkDir3);
  });

  it('refuses a check module without a route', () => {
    expect(() => checkRoute('dir3', { checkDir3: () => undefined }, deps, audit)).toThrow(
      'src/proxy/checks/dir3.ts must export',
    );
  });

  it("refuses a module that answers another check's operation", () => {
    expect(() => checkRoute('finalitat', { route: dir3Route }, deps, audit)).toThrow(
      'src/proxy/checks/finalitat.ts answers the operation of dir3',
    );
  });
});
