import { describe, expect, it } from 'vitest';
import { TEMPLATES, isTemplateId } from '../../../src/domain/templates';
import { flatText, manualText } from '../manual-pages';
import { SEED_TEXTS } from './seed-texts';

/**
 * seed-texts.ts, the reference the templates are held to, is the manual's text: every paragraph of
 * a message the manual gives is in the manual's pages (read from AOC_SEEDS_DIR: ../manual-pages.ts),
 * the values it was filled with standing for the manual's placeholders (XXXX, a name). What the
 * project changes on purpose is undone before comparing: AOC's own sites are linked over https, a
 * geminated l the manual writes with a bullet (l•l) is written l·l, and a field's name ("Per a:")
 * is the note's label. Paragraphs the registry marks as derived are not compared.
 */
const manual = manualText('seed-texts-manual.test.ts');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function pattern(paragraph: string, values: Record<string, unknown>): RegExp {
  const filled = Object.values(values)
    .flatMap((v): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v]))
    .filter((v): v is string => typeof v === 'string' && v.length > 2)
    .map(flatText)
    .sort((a, b) => b.length - a.length);
  const HOLE = '\u0000';
  let text = flatText(paragraph).replace(/https:\/\/(plpre\.eacat\.net|suport\.aoc\.cat)/g, 'http://$1');
  for (const value of filled) text = text.split(value).join(HOLE);
  text = text.replace(/^[\p{L}·]+(?: [\p{L}·]+){0,2}:\s+/u, '');
  return new RegExp(escape(text).split(HOLE).join('.{1,60}?'));
}

describe.runIf(manual !== undefined)('the manual’s texts in seed-texts.ts', () => {
  const page = (manual ?? '').replace(/l•l/g, 'l·l');

  it.each(Object.entries(SEED_TEXTS))('%s is the manual’s', (id, seed) => {
    if (isTemplateId(id) && TEMPLATES[id].derived === true) return; // written from a rule: no text to compare
    const derived = new Set(seed.derivedParagraphs ?? []);
    const absent = seed.paragraphs.filter((p) => !derived.has(p)).filter((p) => !pattern(p, seed.values).test(page));
    expect(absent).toEqual([]);
  });
});
