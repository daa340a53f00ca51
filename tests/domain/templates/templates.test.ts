import fc from 'fast-check';
import HandlebarsRuntime from 'handlebars/runtime';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { loadCompiledTemplate, TEMPLATE_FILES } from '../../../src/app/replies/compiled-templates';
import {
  checkVariables,
  renderTemplate,
  TEMPLATE_IDS,
  TEMPLATES,
  type TemplateId,
} from '../../../src/domain/templates';
import { handlebarsPrecompile } from '../../../tools/vite/handlebars-precompile';
import { SEED_TEXTS } from './seed-texts';

/** Compares texts as a reader would: quotes, apostrophes and spacing unified, list dashes dropped. */
function flat(s: string): string {
  return s
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/^\s*- /gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

async function render(id: TemplateId, lang: 'ca' | 'es', values: Record<string, unknown>) {
  return renderTemplate(id, lang, values, loadCompiledTemplate);
}

describe('template files', () => {
  it('exist for every template in every language it declares, and nothing else', () => {
    const declared = TEMPLATE_IDS.flatMap((id) => TEMPLATES[id].languages.map((l) => `${id}.${l}`));
    const partials = TEMPLATE_IDS.flatMap((id) =>
      (TEMPLATES[id].partials ?? []).flatMap((p) => TEMPLATES[id].languages.map((l) => `${p}.${l}`)),
    );
    expect([...TEMPLATE_FILES].sort()).toEqual([...new Set([...declared, ...partials])].sort());
  });

  it('have a Spanish version for every message sent to an ens', () => {
    for (const id of TEMPLATE_IDS) {
      if (TEMPLATES[id].audience === 'ens') expect(TEMPLATES[id].languages, id).toEqual(['ca', 'es']);
    }
  });

  it('are all covered by a seed-text test', () => {
    expect(Object.keys(SEED_TEXTS).sort()).toEqual([...TEMPLATE_IDS].sort());
  });
});

describe.each(TEMPLATE_IDS)('template %s', (id) => {
  const seed = SEED_TEXTS[id];
  if (seed === undefined) return;
  const first = TEMPLATES[id].languages[0] ?? 'ca';

  it('renders the seed’s text, paragraph by paragraph, in order', async () => {
    const result = await render(id, first, seed.values);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const text = flat(result.text);
    let from = 0;
    for (const paragraph of seed.paragraphs) {
      const at = text.indexOf(flat(paragraph), from);
      expect(at, `missing or out of order: "${paragraph}"\nin: ${text}`).toBeGreaterThanOrEqual(0);
      from = at + flat(paragraph).length;
    }
  });

  it('renders in every language with the same values, leaving no placeholder behind', async () => {
    for (const lang of TEMPLATES[id].languages) {
      const result = await render(id, lang, seed.values);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.language).toBe(lang);
      expect(result.html).not.toMatch(/\{\{|\}\}|XXXXXXXX/);
      for (const value of Object.values(seed.values)) {
        if (typeof value === 'string' && value.length > 3) expect(flat(result.text)).toContain(flat(value));
      }
    }
  });

  it('refuses to render without its required variables, naming them', async () => {
    const shape = TEMPLATES[id].variables.shape as Record<string, ZodType>;
    const required = Object.entries(shape).filter(([, schema]) => !schema.safeParse(undefined).success);
    const result = await render(id, first, {});
    if (required.length === 0) {
      expect(result.ok).toBe(true);
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.variable).sort()).toEqual(required.map(([k]) => k).sort());
    expect(result.problems.every((p) => p.reason === 'missing')).toBe(true);
  });
});

describe('variables', () => {
  it('reports an invalid NIF with the validator’s reason', () => {
    const problems = checkVariables('pscp-inici-homologacio', { userNif: '99999972D' });
    expect(problems).toMatchObject([{ variable: 'userNif', reason: 'invalid' }]);
    expect(problems[0]?.message).toContain('control letter should be C');
  });

  it('reports an INE10_PROVES code with spaces or a wrong shape', () => {
    const problems = checkVariables('minhap-caid', {
      ensName: 'Ajuntament de Salt',
      services: 'Cadastre',
      ine10Proves: '1716320004 _PROVES',
    });
    expect(problems).toMatchObject([{ variable: 'ine10Proves', reason: 'invalid' }]);
  });

  it('pads a 9-digit INE10 in the _PROVES code', async () => {
    const result = await render('minhap-caid', 'es', {
      ensName: 'Ajuntament de Barcelona',
      services: 'Catastro',
      ine10Proves: '801930008_PROVES',
    });
    expect(result.ok && result.text).toContain('0801930008_PROVES');
  });

  it('reports an unconfigured setting as missing (no blank in the reply)', () => {
    expect(checkVariables('vo-padro', { supportEmail: '', firewallAddresses: [] })).toMatchObject([
      { variable: 'supportEmail', reason: 'missing' },
      { variable: 'firewallAddresses', reason: 'missing' },
    ]);
  });
});

describe('safety', () => {
  it('escapes what the agent or the ens typed: no markup can be injected', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0),
        async (name) => {
          const result = await render('pscp-confirmacio-ws', 'ca', { ensName: `<b onclick="x()">${name}</b>` });
          if (!result.ok) return;
          expect(result.html).not.toContain('<b');
          expect(result.html).not.toMatch(/<script|onclick="/i);
          expect(result.html).toContain('&lt;b onclick&#x3D;&quot;x()&quot;&gt;');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('runs on Handlebars’ runtime, which has no compiler', () => {
    expect((HandlebarsRuntime as unknown as Record<string, unknown>).compile).toBeUndefined();
  });

  it('turns a template into plain JavaScript at build time, importing only the runtime', () => {
    const plugin = handlebarsPrecompile();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    const out = transform('<p>{{ensName}}</p>', 'x.hbs');
    expect(out?.code).toContain("from 'handlebars/runtime'");
    expect(out?.code).not.toMatch(/new Function|eval\(/);
    expect(transform('x', 'x.ts')).toBeNull();
  });
});
