// Only the `ui` section: the documents' texts (`documents`) load with their panels (../documents/texts.ts).
import { ui as caUi } from '../../../translations/ca.json';

/**
 * The UI's texts, from translations/*.json (ZAF's format: the `ui` section holds the app's own
 * strings). The language follows the agent's Zendesk locale: xx-YY → xx → Catalan. Catalan is
 * built in (it is also the fallback for a missing text); Spanish and English load when needed.
 * The database checks' texts are in ../checks/texts.ts, which the checks' views read through
 * `checksTranslator(t)`.
 */
export type UiLang = 'ca' | 'es' | 'en';
export type UiKey = keyof typeof caUi;
type UiTable = Readonly<Record<UiKey, string>>;

const TABLES: Partial<Record<UiLang, UiTable>> = { ca: caUi };

export async function loadLanguage(lang: UiLang): Promise<void> {
  if (TABLES[lang] !== undefined) return;
  const file =
    lang === 'es' ? await import('../../../translations/es.json') : await import('../../../translations/en.json');
  TABLES[lang] = file.default.ui;
}

/** Whether a language's texts are loaded (Catalan's always are). */
export function isLanguageLoaded(lang: UiLang): boolean {
  return TABLES[lang] !== undefined;
}

/** A loaded language's whole table (Catalan's until the language is loaded): for tests and tools. */
export function uiTable(lang: UiLang): UiTable {
  return TABLES[lang] ?? caUi;
}

export function resolveLocale(locale: string | undefined | null): UiLang {
  const lower = (locale ?? '').toLowerCase();
  const base = lower.split(/[-_]/)[0] ?? '';
  if (lower === 'ca' || lower === 'es' || lower === 'en') return lower;
  if (base === 'ca' || base === 'es' || base === 'en') return base;
  return 'ca';
}

/** Fills a text's `{{name}}` placeholders. */
export function fill(template: string, vars: Readonly<Record<string, string | number>> | undefined): string {
  if (vars === undefined) return template;
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name] ?? ''));
}

/** A text by its key, in one language, which it carries (for texts kept outside these tables). */
export interface Translate {
  (key: UiKey, vars?: Readonly<Record<string, string | number>>): string;
  readonly lang: UiLang;
}

export function translator(lang: UiLang): Translate {
  // A language file may lack a text the Catalan one has: the Catalan text stands in.
  const table: Readonly<Partial<Record<UiKey, string>>> = uiTable(lang);
  const translate = (key: UiKey, vars?: Readonly<Record<string, string | number>>) =>
    fill(table[key] ?? caUi[key], vars);
  return Object.assign(translate, { lang });
}
