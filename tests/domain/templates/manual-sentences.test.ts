import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { loadCompiledTemplate } from '../../../src/app/replies/compiled-templates';
import { htmlToText } from '../../../src/domain/templates/html-to-text';
import { TEMPLATE_IDS, TEMPLATES, type TemplateId } from '../../../src/domain/templates';
import { flat } from './helpers/flat';
import { SEED_TEXTS } from './seed-texts';

/**
 * Every sentence a reply sends is the manual's, or the registry says it is not: either the whole
 * message is `derived`, or the element that holds the sentence carries `data-derived="<key>"` and
 * the registry names that key in `derivedParts` (the replies panel tells the agent). The manual's
 * texts are `seed-texts.ts`; variables are filled with the same values on both sides.
 */

/** Removes each element marked `data-derived` with all it holds; returns the rest and the keys. */
export function withoutDerived(html: string): { html: string; keys: string[] } {
  const keys: string[] = [];
  let out = html;
  for (;;) {
    const open = /<([a-z][a-z0-9]*)\b[^>]*\sdata-derived="([^"]+)"[^>]*>/i.exec(out);
    if (open === null) return { html: out, keys };
    const [tag, name = '', key = ''] = open;
    keys.push(key);
    // Find the matching close tag, counting nested elements of the same name.
    const pattern = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
    pattern.lastIndex = open.index + tag.length;
    let depth = 1;
    let end = out.length;
    for (let m = pattern.exec(out); m !== null; m = pattern.exec(out)) {
      depth += m[1] === '/' ? -1 : 1;
      if (depth === 0) {
        end = m.index + m[0].length;
        break;
      }
    }
    out = out.slice(0, open.index) + out.slice(end);
  }
}

/**
 * The sentences of a plain-text reply: one per line, split after a full stop, question or
 * exclamation mark. A line's leading field name ("Per a:", "Assumpte:", "usuari:") is the note's
 * or list's label, not a sentence; what follows it is checked like any other text.
 */
function sentences(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*-\s*/, '').replace(/^[\p{L}·]+(?: [\p{L}·]+){0,2}:(?:\s+|$)/u, ''))
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map(flat)
    .filter((s) => s.length > 0);
}

/** The values a template is rendered with: the seed's, and every optional yes/no part switched on. */
function valuesFor(id: TemplateId): Record<string, unknown> {
  const values: Record<string, unknown> = { ...SEED_TEXTS[id]?.values };
  const shape = TEMPLATES[id].variables.shape as Record<string, ZodType>;
  for (const [name, schema] of Object.entries(shape)) {
    if (values[name] === undefined && schema.safeParse(true).success) values[name] = true;
  }
  return values;
}

async function renderRaw(id: TemplateId, lang: string): Promise<string> {
  const template = await loadCompiledTemplate(`${id}.${lang}`);
  const partials: Record<string, unknown> = {};
  for (const name of TEMPLATES[id].partials ?? []) partials[name] = await loadCompiledTemplate(`${name}.${lang}`);
  return template(valuesFor(id), { partials });
}

describe('withoutDerived', () => {
  it('removes a marked element with its nested elements and keeps the rest', () => {
    const html = '<p>a</p><ul data-derived="k"><li>b<ul><li>c</li></ul></li></ul><p>d</p>';
    expect(withoutDerived(html)).toEqual({ html: '<p>a</p><p>d</p>', keys: ['k'] });
  });
});

describe('sentences', () => {
  it('splits lines and sentences and drops a leading field name only', () => {
    expect(sentences('Assumpte: Alta. Segona frase!\n- usuari: el NIF\nText sense etiqueta')).toEqual([
      'Alta.',
      'Segona frase!',
      'el NIF',
      'Text sense etiqueta',
    ]);
  });
});

describe.each(TEMPLATE_IDS)('template %s', (id) => {
  const def = TEMPLATES[id];
  const seed = SEED_TEXTS[id];
  const manualLanguage = def.languages[0] ?? 'ca';

  it('marks in its text exactly the derived part the registry names', async () => {
    for (const lang of def.languages) {
      const { keys } = withoutDerived(await renderRaw(id, lang));
      expect(keys, `${id}.${lang}`).toEqual(def.derivedParts === undefined ? [] : [def.derivedParts]);
    }
  });

  it('sends only the manual’s sentences outside what is marked derived', async () => {
    if (def.derived === true) return; // the registry says the whole message is written from a rule
    expect(seed, `no manual text for ${id} in seed-texts.ts`).toBeDefined();
    const manual = flat((seed?.paragraphs ?? []).join('\n'));
    const { html } = withoutDerived(await renderRaw(id, manualLanguage));
    const unmarked = sentences(htmlToText(html)).filter((s) => !manual.includes(s));
    expect(unmarked, `${id}.${manualLanguage}: sentences the manual does not have`).toEqual([]);
  });

  it('has the same shape in every language: as many lines, the same derived part', async () => {
    const shapes = await Promise.all(
      def.languages.map(async (lang) => {
        const { html, keys } = withoutDerived(await renderRaw(id, lang));
        return {
          lines: htmlToText(html)
            .split('\n')
            .filter((l) => l.trim() !== '').length,
          keys,
        };
      }),
    );
    for (const shape of shapes) expect(shape, id).toEqual(shapes[0]);
  });
});
