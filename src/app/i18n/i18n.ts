// Only the `ui` section: the documents' texts (`documents`) load with their panels (../documents/texts.ts).
import { ui as caUi } from '../../../translations/ca.json';

/**
 * The UI's texts, from translations/*.json (ZAF's format: the `ui` section holds the app's own
 * strings). The language follows the agent's Zendesk locale: xx-YY → xx → Catalan. Catalan is
 * built in (it is also the fallback for a missing text); Spanish and English load when needed.
 */
export type UiLang = 'ca' | 'es' | 'en';
export type UiKey = keyof typeof caUi;

const TABLES: Partial<Record<UiLang, Readonly<Record<string, string>>>> = { ca: caUi };

export async function loadLanguage(lang: UiLang): Promise<void> {
  if (TABLES[lang] !== undefined) return;
  const file =
    lang === 'es' ? await import('../../../translations/es.json') : await import('../../../translations/en.json');
  TABLES[lang] = file.default.ui;
}

export function resolveLocale(locale: string | undefined | null): UiLang {
  const lower = (locale ?? '').toLowerCase();
  const base = lower.split(/[-_]/)[0] ?? '';
  if (lower === 'ca' || lower === 'es' || lower === 'en') return lower;
  if (base === 'ca' || base === 'es' || base === 'en') return base;
  return 'ca';
}

export type Translate = (key: UiKey, vars?: Readonly<Record<string, string | number>>) => string;

export function translator(lang: UiLang): Translate {
  const table = TABLES[lang] ?? caUi;
  return (key, vars) => {
    const template = (table as Readonly<Record<string, string>>)[key] ?? caUi[key];
    if (vars === undefined) return template;
    return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name] ?? ''));
  };
}
