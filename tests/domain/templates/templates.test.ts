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
  VARIABLE_LABELS,
  isVariableName,
  type TemplateId,
  type TemplateText,
} from '../../../src/domain/templates';
import { readDeskSettings } from '../../../src/domain/settings/desk-settings';
import { handlebarsPrecompile } from '../../../tools/vite/handlebars-precompile';
import { flat } from './helpers/flat';
import { SEED_TEXTS } from './seed-texts';

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

describe('the template list’s texts', () => {
  const LANGS = ['ca', 'es', 'en'] as const;
  const texts: readonly [string, TemplateText][] = [
    ...TEMPLATE_IDS.map((id): [string, TemplateText] => [`title ${id}`, TEMPLATES[id].title]),
    ...Object.entries(VARIABLE_LABELS).map(([name, label]): [string, TemplateText] => [`label ${name}`, label]),
  ];

  it('give every template title and variable label a Spanish and an English text of its own', () => {
    for (const [what, text] of texts) {
      for (const lang of LANGS) expect(text[lang].trim(), `${what} ${lang}`).not.toBe('');
      // A copy of the Catalan text would pass for a translation in the sidebar.
      expect(text.es, what).not.toBe(text.ca);
      expect(text.en, what).not.toBe(text.ca);
      expect(text.en, what).not.toBe(text.es);
    }
  });

  it('label every variable a template uses', () => {
    for (const id of TEMPLATE_IDS)
      for (const name of Object.keys(TEMPLATES[id].variables.shape))
        expect(isVariableName(name), `${id} ${name}`).toBe(true);
  });
});

describe('variables', () => {
  it('reports an invalid NIF with the validator’s reason', () => {
    const problems = checkVariables('pscp-inici-homologacio', { userNif: '99999972D' });
    expect(problems).toMatchObject([{ variable: 'userNif', reason: 'invalid' }]);
    expect(problems[0]?.message).toContain('control letter should be C');
    // The code and values the app words in the agent's language.
    expect(problems[0]?.why).toEqual({
      kind: 'identifier',
      code: 'nif.control-letter',
      params: expect.objectContaining({ expected: 'C', found: 'D' }) as unknown,
    });
  });

  it('says which rule a refused value breaks, for the app to word', () => {
    const why = (id: TemplateId, values: Record<string, unknown>, variable: string) =>
      checkVariables(id, values).find((p) => p.variable === variable)?.why;
    expect(why('minhap-caid', { ine10Proves: '1716320004 _PROVES' }, 'ine10Proves')).toEqual({
      kind: 'rule',
      rule: 'ine10ProvesForm',
      params: {},
    });
    expect(why('vo-dcoc-permis-collegi', { collegiCode: 'XYZ' }, 'collegiCode')).toMatchObject({ rule: 'collegiCode' });
    expect(why('vo-dcoc-permis-collegi', { collegiEmail: 'no-at-sign' }, 'collegiEmail')).toMatchObject({
      rule: 'email',
    });
    expect(why('vo-padro', { internalTicketRef: 'x'.repeat(51) }, 'internalTicketRef')).toEqual({
      kind: 'rule',
      rule: 'tooLong',
      params: { max: 50 },
    });
    // A missing value has no reason beyond being missing.
    expect(why('minhap-caid', {}, 'ensName')).toBeUndefined();
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

  it('names the app setting to fill when a value from the settings is missing', () => {
    for (const [id, variable, setting] of [
      ['pscp-derivacio-cap-servei', 'headOfServiceName', 'headOfServiceName'],
      ['vo-dcoc-permis-collegi', 'copyTo', 'dcocCopyTo'],
      ['vo-dcoc-permis-collegi', 'collegiEmail', 'dcocCollegiMailboxes'],
      ['vo-padro', 'firewallAddresses', 'padroFirewallAddresses'],
    ] as const) {
      const problem = checkVariables(id, { headOfServiceName: '', copyTo: [], firewallAddresses: [] }).find(
        (p) => p.variable === variable,
      );
      expect(problem, `${id} ${variable}`).toMatchObject({ reason: 'missing', setting });
      expect(problem?.message).toContain(setting);
    }
  });

  it('never greets "Cap de Servei": without the head of service’s name the escalation is refused', async () => {
    const desk = readDeskSettings({});
    const result = await render('pscp-derivacio-cap-servei', 'ca', {
      headOfServiceName: desk.headOfServiceName,
      ensName: 'Ajuntament de Salt',
    });
    expect(result.ok).toBe(false);
    const named = await render('pscp-derivacio-cap-servei', 'ca', {
      headOfServiceName: 'Persona Exemple',
      ensName: 'Ajuntament de Salt',
    });
    expect(named.ok && named.text.split('\n')[0]).toBe('Bon dia Persona Exemple,');
  });

  it('gives the Padró message the manual’s public mailbox and firewall list by default', async () => {
    const desk = readDeskSettings({});
    const result = await render('vo-padro', 'ca', {
      supportEmail: desk.supportEmail,
      firewallAddresses: desk.padroFirewallAddresses,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text).toContain('otsuporttecnic@aoc.cat');
    expect(result.text).toContain('Producció: 213.27.191.126');
    expect(result.text).toContain('psisbeta.catcert.net');
  });

  it('links AOC’s own sites over https and keeps every other link as the manual writes it', async () => {
    for (const id of TEMPLATE_IDS) {
      for (const lang of TEMPLATES[id].languages) {
        const template = await loadCompiledTemplate(`${id}.${lang}`);
        const html = template({}, { partials: { '_vo-docs-ambits': () => '' } });
        expect(html, `${id}.${lang}`).not.toMatch(/href="http:/);
      }
    }
    const old = await render('pscp-confirmacio-ws', 'ca', { ensName: 'Ajuntament de Salt', oldPscpIntegration: true });
    expect(old.ok && old.html).toContain('https://www.aoc.cat/blog/2023/disponible-el-nou-servei-web-de-la-pscp/');
    const elicita = await render('pscp-elicita-sense-pscp', 'ca', { ensName: 'Ajuntament de Salt' });
    expect(elicita.ok && elicita.html).toContain(
      'https://www.aoc.cat/blog/2022/shabilita-el-servei-web-de-recuperacio-dofertes-de-licita/',
    );
  });

  it('refuses the homologation message until the SIRI check has given its rows', () => {
    expect(checkVariables('vo-homologacio', { services: 'Padró' })).toMatchObject([
      { variable: 'authorisationRows', reason: 'missing' },
    ]);
    expect(
      checkVariables('vo-homologacio', {
        services: 'Padró',
        authorisationRows: [{ asked: 'PADRO · RESIDENT', pro: 'RESIDENT', pre: 'RESIDENT' }],
      }),
    ).toEqual([]);
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
