/**
 * The texts of the ens list and the child tickets, in translations/*.json's `documents` section:
 * they load with these panels, not with the sidebar (whose first load has a size budget). The
 * Catalan file comes as text (a module of its own, in this chunk only); Spanish and English are
 * the files the app loads for the agent's language anyway.
 */
import type caFile from '../../../translations/ca.json';
import caText from '../../../translations/ca.json?raw';
import type { UiLang } from '../i18n/i18n';

export type DocumentKey = keyof (typeof caFile)['documents'];
export type DocumentTranslate = (key: DocumentKey, vars?: Readonly<Record<string, string | number>>) => string;

const TABLES: Partial<Record<UiLang, Readonly<Record<string, string>>>> = {};

export async function loadDocumentTexts(lang: UiLang): Promise<void> {
  TABLES.ca ??= (JSON.parse(caText) as { documents: Record<string, string> }).documents;
  if (TABLES[lang] !== undefined) return;
  const file =
    lang === 'es' ? await import('../../../translations/es.json') : await import('../../../translations/en.json');
  TABLES[lang] = file.default.documents;
}

export const documentTextsLoaded = (lang: UiLang): boolean => TABLES[lang] !== undefined;

/** Like the app's `t`: the agent's language, else Catalan, `{{name}}` filled in. */
export function documentTranslator(lang: UiLang): DocumentTranslate {
  return (key, vars) => {
    const template = TABLES[lang]?.[key] ?? TABLES.ca?.[key] ?? key;
    if (vars === undefined) return template;
    return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name] ?? ''));
  };
}
