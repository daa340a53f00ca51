import { describe, expect, it } from 'vitest';
import ca from '../../../translations/ca.json';
import es from '../../../translations/es.json';
import en from '../../../translations/en.json';
import {
  IDENTIFIER_CODES,
  IDENTIFIER_NOTE_CODES,
  parseCif,
  parseDir3,
  parseIne,
  parseIne10,
  parseNif,
} from '../../../src/domain/identifiers';
import { IDENTIFIER_TEXTS } from '../../../src/domain/identifiers/texts';
import { identifierReason } from '../../../src/app/i18n/identifiers';
import { loadLanguage, translator, type UiLang } from '../../../src/app/i18n/i18n';
import { checksTranslator, checkTexts, type CheckTextKey } from '../../../src/app/checks/texts';

const TABLES: Record<UiLang, Readonly<Record<string, string>>> = { ca: ca.ui, es: es.ui, en: en.ui };
const LANGS: readonly UiLang[] = ['ca', 'es', 'en'];

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('the app’s translations', () => {
  it('have the same keys in Catalan, Spanish and English, none empty', () => {
    const keys = Object.keys(ca.ui).sort();
    for (const lang of LANGS) {
      expect(Object.keys(TABLES[lang]).sort(), lang).toEqual(keys);
      for (const [key, text] of Object.entries(TABLES[lang])) expect(text.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('use in every language the same placeholders as Catalan', () => {
    for (const [key, text] of Object.entries(ca.ui)) {
      for (const lang of LANGS)
        expect(placeholders(TABLES[lang][key] ?? ''), `${lang} ${key}`).toEqual(placeholders(text));
    }
  });
});

describe('the checks’ texts (src/app/checks/texts.ts)', () => {
  it('stand only there: no key of theirs is also in a language file, so no lookup order decides', () => {
    for (const lang of LANGS) {
      const inFile = Object.keys(checkTexts(lang)).filter((key) => key in TABLES[lang]);
      expect(inFile, lang).toEqual([]);
    }
  });

  it('are read in the agent’s language by the checks’ views, beside the UI’s texts', async () => {
    for (const lang of LANGS) {
      await loadLanguage(lang);
      const t = checksTranslator(translator(lang));
      expect(t.lang).toBe(lang);
      for (const [key, text] of Object.entries(checkTexts(lang))) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholders(text), `${lang} ${key}`).toEqual([]);
        expect(t(key as CheckTextKey)).toBe(text);
      }
      expect(t('checks.empty')).toBe(TABLES[lang]['checks.empty']);
    }
    expect(checksTranslator(translator('es'))('checks.name.pscp-user')).toBe('Usuario PSCP');
  });
});

describe('identifier reasons', () => {
  const codes = [...IDENTIFIER_CODES, ...IDENTIFIER_NOTE_CODES];

  it('has a text for every code in all three languages, with the English text’s placeholders', () => {
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) {
      for (const lang of LANGS) {
        const text = TABLES[lang][`identifier.${code}`];
        expect(text, `${lang} identifier.${code}`).toBeDefined();
        expect(placeholders(text ?? ''), `${lang} identifier.${code}`).toEqual(placeholders(IDENTIFIER_TEXTS[code]));
      }
    }
  });

  it('has no translation for a code the validators no longer give', () => {
    const known = new Set(codes.map((c) => `identifier.${c}`));
    const stale = Object.keys(ca.ui).filter((k) => k.startsWith('identifier.') && !known.has(k));
    expect(stale).toEqual([]);
  });

  it('reads a refusal in the agent’s language, its values filled in', async () => {
    await loadLanguage('es');
    await loadLanguage('en');
    const wrong = parseNif('99999972D');
    if (wrong.ok) throw new Error('99999972D has the wrong control letter');
    expect(identifierReason(translator('ca'), wrong)).toBe('La lletra de control hauria de ser C, no D.');
    expect(identifierReason(translator('es'), wrong)).toBe('La letra de control debería ser C, no D.');
    expect(identifierReason(translator('en'), wrong)).toBe(wrong.message);
  });

  it('leaves no placeholder unfilled for the refusals the validators give', async () => {
    await loadLanguage('es');
    await loadLanguage('en');
    const refusals = [
      parseNif(''),
      parseNif('12#45678Z'),
      parseNif('1234'),
      parseNif('I2345678Z'),
      parseNif('X12A4567L'),
      parseNif('12345678Z'.replace('Z', '9')),
      parseCif('99999972C'),
      parseCif('Q0000000A'),
      parseCif('A00000000'.replace(/0$/, 'A')),
      parseIne('99001'),
      parseIne('080194'),
      parseIne10('123'),
      parseDir3('L01080194'),
      parseDir3('L0108019'),
    ];
    for (const r of refusals) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      for (const lang of LANGS)
        expect(identifierReason(translator(lang), r), `${lang} ${r.code}`).not.toMatch(/\{\{|\}\}/);
    }
    const padded = parseIne10('801930008');
    expect(padded.ok && padded.notes.map((n) => identifierReason(translator('es'), n))).toEqual([
      'Faltaba el cero inicial y se ha añadido.',
    ]);
  });
});
