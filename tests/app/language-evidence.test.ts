import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import ca from '../../translations/ca.json';
import es from '../../translations/es.json';
import en from '../../translations/en.json';
import { CorpusSchema } from '../../src/cli/evaluate';
import { classify, EVIDENCE_CODES, type Classification } from '../../src/domain/classifier';
import { applyOverride } from '../../src/app/classification/effective';
import { evidenceText } from '../../src/app/classification/evidence-text';
import { loadLanguage, translator, type Translate, type UiKey, type UiLang } from '../../src/app/i18n/i18n';

const TABLES: Record<UiLang, Readonly<Record<string, string>>> = { ca: ca.ui, es: es.ui, en: en.ui };
const LANGS: readonly UiLang[] = ['ca', 'es', 'en'];

/** The app's translator, failing on a text missing in the language or a placeholder left unfilled. */
function strict(lang: UiLang): Translate {
  const t = translator(lang);
  const strictT = (key: UiKey, vars?: Readonly<Record<string, string | number>>) => {
    const template = TABLES[lang][key];
    if (template === undefined) throw new Error(`${lang}: no text for ${key}`);
    for (const [, name] of template.matchAll(/\{\{(\w+)\}\}/g)) {
      const value = name === undefined ? undefined : vars?.[name];
      if (value === undefined || String(value) === '') throw new Error(`${lang} ${key}: {{${String(name)}}} unfilled`);
    }
    return t(key, vars);
  };
  return Object.assign(strictT, { lang });
}

function classifications(): Classification[] {
  const fixtures = new URL('../fixtures/', import.meta.url);
  const corpusDir = new URL('corpus/', fixtures);
  const files = [
    ...['dev-tickets.json', 'tickets.json'].map((f) => new URL(f, fixtures)),
    ...(existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('-dev.json')) : []).map(
      (f) => new URL(f, corpusDir),
    ),
  ];
  return files.flatMap((f) => CorpusSchema.parse(JSON.parse(readFileSync(f, 'utf8'))).map((c) => classify(c.ticket)));
}

describe('evidence in the agent’s language', () => {
  beforeAll(async () => {
    await loadLanguage('es');
    await loadLanguage('en');
  });

  it('has a text for every code the classifier can give, in Catalan, Spanish and English', () => {
    expect(EVIDENCE_CODES.length).toBeGreaterThan(40);
    for (const code of EVIDENCE_CODES)
      for (const lang of LANGS) expect(TABLES[lang][`evidence.${code}`], `${lang} evidence.${code}`).toBeTruthy();
  });

  it('has no text for a code that no longer exists', () => {
    const known = new Set([
      ...EVIDENCE_CODES.map((c) => `evidence.${c}`),
      'evidence.part.viaProduct',
      'evidence.part.notTicked',
    ]);
    expect(Object.keys(ca.ui).filter((k) => k.startsWith('evidence.') && !known.has(k))).toEqual([]);
  });

  it('renders every evidence item of the corpora with all its values, and differently per language', () => {
    const all = classifications();
    let items = 0;
    for (const c of all) {
      for (const e of c.evidence) {
        const texts = LANGS.map((lang) => evidenceText(strict(lang), lang, e));
        items++;
        for (const text of texts) expect(text).not.toMatch(/\{\{|\}\}/);
        // Catalan and Spanish never fall back to the classifier's English sentence.
        expect(texts[0], e.means).not.toBe(e.means);
        expect(texts[1], e.means).not.toBe(e.means);
      }
    }
    expect(items).toBeGreaterThan(1000);
  });

  it('renders the agent’s corrections, an emptied list as “none”', () => {
    const auto = classify({ id: '1', subject: 'Alta Via Oberta AEAT', description: 'Volem integrar la AEAT' });
    const corrected = applyOverride(auto, { products: [], service: 'PSCP' });
    const added = corrected.evidence.slice(auto.evidence.length);
    expect(added.map((e) => evidenceText(strict('es'), 'es', e))).toEqual(
      expect.arrayContaining(['Productos corregidos por el agente: ninguno', 'Servicio corregido por el agente: PSCP']),
    );
  });

  it('keeps the English sentence of an item stored without a code', () => {
    const e = { field: 'description' as const, text: 'AEAT', means: 'product AEAT' };
    expect(evidenceText(strict('ca'), 'ca', e)).toBe('product AEAT');
  });
});

describe('the translation tables', () => {
  /** Every text of a table, by its dotted path (the ZAF sections `app` and `ui`). */
  function flatten(value: unknown, path = ''): [string, unknown][] {
    if (typeof value !== 'object' || value === null) return [[path, value]];
    return Object.entries(value).flatMap(([k, v]) => flatten(v, path === '' ? k : `${path}.${k}`));
  }
  const tables = { ca, es, en };

  it('have exactly the same keys in Catalan, Spanish and English', () => {
    const keys = flatten(ca)
      .map(([k]) => k)
      .sort();
    expect(keys.length).toBeGreaterThan(300);
    for (const table of [es, en])
      expect(
        flatten(table)
          .map(([k]) => k)
          .sort(),
      ).toEqual(keys);
  });

  it('have no empty text and no text that is only its own key', () => {
    for (const [lang, table] of Object.entries(tables)) {
      for (const [path, text] of flatten(table)) {
        expect(typeof text, `${lang} ${path}`).toBe('string');
        const s = String(text).trim();
        const key = path.replace(/^ui\./, '');
        expect(s === '' || s === key || s === path, `${lang} ${path}: ${s}`).toBe(false);
      }
    }
  });
});
