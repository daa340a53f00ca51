import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { library } from '../../../src/domain/procedures';
import { TEMPLATE_IDS } from '../../../src/domain/templates';

/**
 * docs/procedures.md's coverage tables say which step or template does each part of the manual and
 * which tests hold it: the names they use must be the data's, and the tests they cite must exist
 * and be about those steps.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const doc = readFileSync(join(ROOT, 'docs/procedures.md'), 'utf8');
const section = doc.slice(doc.indexOf('## Coverage'), doc.indexOf('### Services without a page'));

interface Row {
  readonly seed: string;
  readonly names: readonly string[];
  readonly evidence: readonly string[];
}
const rows: Row[] = section
  .split('\n')
  .filter((l) => l.startsWith('| ') && !l.startsWith('| seed section') && !l.startsWith('| ---'))
  .map((l) => {
    const [seed = '', names = '', evidence = ''] = l.slice(2, -2).split(' | ');
    return {
      seed,
      names: [...names.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''),
      evidence: evidence.split(',').map((e) => e.trim()),
    };
  });

const steps = library()
  .procedures.filter((p) => p.id !== 'general')
  .flatMap((p) => p.steps);
const stepIds = steps.map((s) => s.id);
const glob = (pattern: string): RegExp =>
  new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[a-z0-9.-]*')}$`);
const stepsNamed = (r: Row): string[] => r.names.flatMap((n) => stepIds.filter((id) => glob(n).test(id)));
const templatesNamed = (r: Row): string[] => r.names.filter((n) => (TEMPLATE_IDS as readonly string[]).includes(n));

function testFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}
const TESTS = testFiles('tests');
/** A cited test by its name (`gates` is tests/domain/procedures/gates.test.ts), with what it reads. */
function cited(name: string): string | undefined {
  const file = TESTS.find((f) => f.endsWith(`/${name}.test.ts`) || f.endsWith(`/${name}.test.tsx`));
  if (file === undefined) return undefined;
  const text = readFileSync(join(ROOT, file), 'utf8');
  // The template test runs every template on the seed texts it imports.
  return name === 'templates' ? text + readFileSync(join(ROOT, 'tests/domain/templates/seed-texts.ts'), 'utf8') : text;
}

describe('docs/procedures.md coverage tables', () => {
  it('have rows for the three pages of the manual', () => {
    expect(rows.length).toBeGreaterThan(50);
  });

  it('name only steps that exist (patterns like vo-pro.padro-* included)', () => {
    for (const r of rows)
      for (const n of r.names.filter((x) => /^[a-z*][a-z0-9*-]*\.[a-z0-9*-]+$/.test(x) && !x.endsWith('.json')))
        if (!['dcoc.properties', 'docs.received'].includes(n))
          expect(
            stepIds.some((id) => glob(n).test(id)),
            `${r.seed}: ${n}`,
          ).toBe(true);
  });

  it('name every step of the manual’s procedures and every reply template', () => {
    const named = new Set(rows.flatMap((r) => [...stepsNamed(r), ...templatesNamed(r)]));
    expect(stepIds.filter((id) => !named.has(id))).toEqual([]);
    expect(TEMPLATE_IDS.filter((id) => !named.has(id))).toEqual([]);
  });

  it('name each check as the step that runs it does', () => {
    for (const r of rows) {
      const line = section.split('\n').find((l) => l.startsWith(`| ${r.seed} |`)) ?? '';
      const checks = [...line.matchAll(/check `([a-z0-9-]+)`/g)].map((m) => m[1]);
      expect(line, r.seed).not.toBe('');
      const run = new Set(steps.filter((s) => stepsNamed(r).includes(s.id)).map((s) => s.check?.id));
      for (const c of checks) expect(run.has(c), `${r.seed}: check ${String(c)}`).toBe(true);
    }
  });

  it('cite a test on every row the seeds have (no step is data only)', () => {
    for (const r of rows.filter((x) => !x.evidence.includes('—')))
      expect(
        r.evidence.filter((e) => e !== 'data only' && e !== ''),
        r.seed,
      ).not.toEqual([]);
  });

  it('cite tests that exist and are about the row’s steps or templates', () => {
    for (const r of rows) {
      const about = [...stepsNamed(r), ...templatesNamed(r)];
      for (const e of r.evidence) {
        if (e === 'data only' || e === '—') continue;
        const text = cited(e);
        expect(text, `${r.seed}: no test "${e}"`).toBeDefined();
        if (about.length > 0 && !['engine', 'rules', 'catalogue'].includes(e))
          expect(
            about.some((id) => text?.includes(`'${id}'`) === true || text?.includes(`"${id}"`) === true),
            `${r.seed}: ${e} names none of ${about.join(', ')}`,
          ).toBe(true);
      }
    }
  });
});
