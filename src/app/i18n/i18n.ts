import ca from '../../../translations/ca.json';
import en from '../../../translations/en.json';
import es from '../../../translations/es.json';

/**
 * The UI's texts, from translations/*.json (ZAF's format: the `ui` section holds the app's own
 * strings). The language follows the agent's Zendesk locale: xx-YY → xx → Catalan.
 */
export type UiLang = 'ca' | 'es' | 'en';
export type UiKey = keyof typeof ca.ui;

const TABLES: Readonly<Record<UiLang, Readonly<Record<string, string>>>> = { ca: ca.ui, es: es.ui, en: en.ui };

export function resolveLocale(locale: string | undefined | null): UiLang {
  const lower = (locale ?? '').toLowerCase();
  const base = lower.split(/[-_]/)[0] ?? '';
  if (lower === 'ca' || lower === 'es' || lower === 'en') return lower;
  if (base === 'ca' || base === 'es' || base === 'en') return base;
  return 'ca';
}

export type Translate = (key: UiKey, vars?: Readonly<Record<string, string | number>>) => string;

export function translator(lang: UiLang): Translate {
  const table = TABLES[lang];
  return (key, vars) => {
    const template = table[key] ?? TABLES.ca[key] ?? key;
    if (vars === undefined) return template;
    return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name] ?? ''));
  };
}
