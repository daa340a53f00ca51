// A database check has one id, and it stands in every place that knows the check: the contract's
// operation, the proxy's audited route, the procedures' steps, the sidebar's registry and the
// translations. Each test fails when an id is in one of those places and not in another.
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, CHECK_OPERATIONS, isCheckId } from '../../../src/shared/api/check-ids';
import { library } from '../../../src/domain/procedures';
import { CHECKS } from '../../../src/app/checks/registry';
import { CHECK_NAMES, checksTranslator, type CheckTextKey } from '../../../src/app/checks/texts';
import { loadLanguage, translator, type UiLang } from '../../../src/app/i18n/i18n';
import { apiRoutes, type RouteDependencies } from '../../../src/proxy/http/routes';

/** Route definitions only: building them reads no dependency, so inert stand-ins do. */
function proxyRoutes() {
  const inert = {} as never;
  const deps: RouteDependencies = { sources: inert, store: inert, health: [], dcocFile: '', version: 'test' };
  return apiRoutes(deps);
}

describe('database check ids', () => {
  it('come from the contract: one operation each', () => {
    expect(CHECK_IDS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(CHECK_IDS).size).toBe(CHECK_IDS.length);
    for (const [id, op] of CHECK_OPERATIONS) {
      expect(op.check, op.id).toBe(id);
      // A check's path is its id, except the register, which is also written to.
      if (id !== 'integrator-register') expect(op.path, id).toBe(`/v1/checks/${id}`);
    }
  });

  it('name only checks the contract has, in every procedure step', () => {
    const named = library().procedures.flatMap((p) =>
      p.steps.flatMap((s) => (s.check === undefined ? [] : [`${p.id}/${s.id}: ${s.check.id}`])),
    );
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((n) => !isCheckId(n.split(': ')[1] ?? ''))).toEqual([]);
  });

  it('each have a registry entry when a step runs them, and the registry has no check the contract lacks', () => {
    const registered = CHECKS.map((c) => c.id);
    expect(new Set(registered).size).toBe(registered.length);
    for (const id of registered) expect(isCheckId(id), id).toBe(true);
    const runByASstep = new Set(library().procedures.flatMap((p) => p.steps.flatMap((s) => s.check?.id ?? [])));
    for (const id of runByASstep) expect(registered, `a step runs ${id}`).toContain(id);
  });

  it('each have a route in the proxy that audits it under its id', async () => {
    const routes = await proxyRoutes();
    for (const [id, op] of CHECK_OPERATIONS) {
      const route = routes.find((r) => r.operation === op);
      expect(route, `proxy route for ${id}`).toBeDefined();
    }
    const checkRoutes = routes.filter((r) => r.operation.check !== undefined).map((r) => r.operation.check);
    expect([...checkRoutes].sort()).toEqual([...CHECK_IDS].sort());
  });

  it('each have a name in Catalan, Spanish and English, which the sidebar reads in that language', async () => {
    const langs: readonly UiLang[] = ['ca', 'es', 'en'];
    for (const lang of langs) await loadLanguage(lang);
    for (const id of CHECK_IDS) {
      const names: Readonly<Partial<Record<UiLang, string>>> =
        (CHECK_NAMES as Record<string, Partial<Record<UiLang, string>>>)[id] ?? {};
      for (const lang of langs) {
        const name = names[lang];
        expect(name?.trim(), `${lang} checks.name.${id}`).toBeTruthy();
        expect(checksTranslator(translator(lang))(`checks.name.${id}` as CheckTextKey), `${lang} ${id}`).toBe(name);
      }
    }
    expect(Object.keys(CHECK_NAMES).filter((id) => !isCheckId(id))).toEqual([]);
  });
});
