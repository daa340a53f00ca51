import { isProductId } from '../../domain/catalogue/ids';
import { productLabel } from '../../domain/catalogue/catalogue';
import type { Evidence, EvidenceCode } from '../../domain/classifier';
import type { Translate, UiKey, UiLang } from '../i18n/i18n';

/**
 * An evidence item in the agent's language: its code's text from translations/ with its
 * parameters, and the product's name from the catalogue in that language. An item without a code
 * (a classification stored before the codes) keeps the classifier's English sentence.
 */
export function evidenceText(t: Translate, lang: UiLang, e: Evidence): string {
  return evidenceParts(t, lang, e).join(' ');
}

/** The same text as its translated parts (the sidebar shows each part in its own element). */
export function evidenceParts(t: Translate, lang: UiLang, e: Evidence): string[] {
  if (e.code === undefined) return [e.means];
  const params = e.params ?? {};
  const vars: Record<string, string> = { ...params };
  const product = params.product;
  if (product !== undefined && isProductId(product)) vars.productName = productLabel(product, lang).name;
  if (e.code.startsWith('corrected.') && params.value === '') vars.value = t('cls.none');
  // Typed without a cast: a code with no Catalan text fails the typecheck.
  const key: UiKey = `evidence.${e.code}`;
  const parts = [t(key, vars)];
  if (e.code.startsWith('service.') && params.product !== undefined) parts.push(t('evidence.part.viaProduct', vars));
  if (params.notTicked !== undefined) parts.push(t('evidence.part.notTicked', vars));
  return parts;
}

/** The classification's rows, and which evidence each shows. */
export type EvidenceRow = 'service' | 'environment' | 'ambit' | 'products' | 'flags';

const ROW_OF_PREFIX: readonly (readonly [string, EvidenceRow])[] = [
  ['intent.', 'service'],
  ['service.', 'service'],
  ['notAsked.', 'service'],
  ['corrected.service', 'service'],
  ['environment.', 'environment'],
  ['corrected.environment', 'environment'],
  ['ambit.', 'ambit'],
  ['corrected.ambit', 'ambit'],
  ['product', 'products'],
  ['modality', 'products'],
  ['corrected.products', 'products'],
  ['flag.', 'flags'],
  ['corrected.flags', 'flags'],
];

/** The row an evidence item belongs to; an item without a code by its English sentence. */
export function evidenceRow(e: Evidence): EvidenceRow | undefined {
  const code: EvidenceCode | undefined = e.code;
  if (code !== undefined) return ROW_OF_PREFIX.find(([prefix]) => code.startsWith(prefix))?.[1];
  const legacy: readonly (readonly [string, EvidenceRow])[] = [
    ['service', 'service'],
    ['environment', 'environment'],
    ['ambit', 'ambit'],
    ['product', 'products'],
    ['flag', 'flags'],
  ];
  return legacy.find(([prefix]) => e.means.startsWith(prefix))?.[1];
}
