import { isProductId, type ProductId } from '../../domain/catalogue/ids';
import { correctClassification } from '../../domain/procedures/corrections';
import type { Classification } from '../../domain/classifier';
import { fieldValue, type ClassificationField } from '../../domain/settings/field-options';
import type { ZendeskPort } from '../../zendesk/port';
import type { AppSettings } from '../settings';

/**
 * The agent's corrections of the classification, and the classification the rest of the app uses
 * (the automatic one with the corrections applied). A correction can be written back to the
 * ticket's configured fields and tags so that Zendesk views and reports can use it.
 */
export type Override = Partial<Pick<Classification, 'service' | 'environment' | 'ambit' | 'products' | 'flags'>>;

export function isOverride(v: unknown): v is Override {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function applyOverride(auto: Classification, override: Override): Classification {
  const keys = Object.keys(override) as (keyof Override)[];
  if (keys.length === 0) return auto;
  // The domain recomputes the àmbit and the product flags from the corrected products.
  const next = correctClassification(auto, override);
  return {
    ...next,
    evidence: [
      ...auto.evidence,
      ...keys.map((k) => {
        const value = next[k];
        return {
          field: 'tags' as const,
          text: '',
          means: `${k} corrected by the agent: ${JSON.stringify(value)}`,
          code: `corrected.${k}` as const,
          params: { value: Array.isArray(value) ? value.join(', ') : value },
        };
      }),
    ],
  };
}

/** Reads "AEAT, tgss" into product ids; unknown codes are returned apart. */
export function parseProducts(text: string): { products: ProductId[]; unknown: string[] } {
  const products: ProductId[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const code = raw.trim().toUpperCase();
    if (code === '') continue;
    if (isProductId(code)) {
      if (!products.includes(code)) products.push(code);
    } else unknown.push(raw.trim());
  }
  return { products, unknown };
}

/** Tags that mirror a classification: prefix + service, environment, àmbit and flags. */
export function classificationTags(c: Classification, prefix: string): string[] {
  const tags = [c.service, c.environment, c.ambit, ...c.flags]
    .filter((v) => v !== 'UNKNOWN' && v !== 'NONE')
    .map((v) => `${prefix}${v.toLowerCase()}`);
  return [...new Set(tags)];
}

export interface WriteBackResult {
  readonly wrote: boolean;
  /**
   * Drop-down values with no option tag in `fieldOptionTags` (`service.VO`...): those fields were
   * left as they were, since a drop-down given a value that is not one of its tags goes blank.
   */
  readonly unmapped: readonly string[];
}

/** Writes the classification to the configured fields and tags; replaces earlier classification tags. */
export async function writeBack(
  port: ZendeskPort,
  settings: AppSettings,
  c: Classification,
  currentTags: readonly string[],
): Promise<WriteBackResult> {
  let wrote = false;
  const unmapped: string[] = [];
  const fields: [string | undefined, ClassificationField, string][] = [
    [settings.serviceFieldId, 'service', c.service],
    [settings.environmentFieldId, 'environment', c.environment],
    [settings.ambitFieldId, 'ambit', c.ambit],
  ];
  for (const [id, field, value] of fields) {
    if (id === undefined) continue;
    const v = fieldValue(settings.fieldOptionTags, field, value);
    if (!v.ok) {
      unmapped.push(v.missing);
      continue;
    }
    await port.set(`ticket.customField:custom_field_${id}`, v.value);
    wrote = true;
  }
  if (settings.writeBackTags) {
    const wanted = classificationTags(c, settings.tagPrefix);
    const stale = currentTags.filter((t) => t.startsWith(settings.tagPrefix) && !wanted.includes(t));
    if (stale.length > 0) await port.invoke('ticket.tags.remove', stale);
    if (wanted.length > 0) await port.invoke('ticket.tags.add', wanted);
    wrote = true;
  }
  return { wrote, unmapped };
}
