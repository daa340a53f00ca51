/**
 * Zendesk drop-down custom fields take the tag of one of their options, not its title: writing
 * "VO" into a drop-down whose options are tagged `servei_via_oberta` leaves it blank. The admin
 * maps each classification value to its option's tag, per field, in the `fieldOptionTags` setting:
 *
 *     service.VO=servei_via_oberta
 *     environment.PRE=entorn_pre
 *     ambit.LOCAL=ambit_local
 *
 * A field with no line is a text field and receives the value itself.
 */
export const CLASSIFICATION_FIELDS = ['service', 'environment', 'ambit'] as const;
export type ClassificationField = (typeof CLASSIFICATION_FIELDS)[number];

const isField = (v: string): v is ClassificationField => (CLASSIFICATION_FIELDS as readonly string[]).includes(v);

/**
 * What is wrong with a line's classification value and option tag, if anything (Zendesk's rule for
 * a tag: no spaces or commas, at most 255 characters).
 */
function valueProblem(value: string, tag: string): string | undefined {
  if (!/^[A-Z0-9_]+$/.test(value)) return 'is not a classification value';
  if (tag.length > 255) return 'is too long for a drop-down option tag (at most 255 characters)';
  if (!/^[^\s,]+$/.test(tag)) return 'is not a drop-down option tag (no spaces or commas)';
  return undefined;
}
export type FieldOptionTags = Partial<Record<ClassificationField, Readonly<Record<string, string>>>>;

export interface FieldOptionTagsReading {
  readonly tags: FieldOptionTags;
  /** Lines that could not be read, with why (the app shows them; nothing is guessed). */
  readonly problems: readonly string[];
}

export function parseFieldOptionTags(text: string): FieldOptionTagsReading {
  const tags: Partial<Record<ClassificationField, Record<string, string>>> = {};
  const problems: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-z]+)\.([A-Za-z0-9_]+)\s*[=:]\s*(.+)$/.exec(line);
    const field = m?.[1];
    const value = m?.[2]?.toUpperCase();
    const tag = m?.[3]?.trim();
    if (field === undefined || value === undefined || tag === undefined) {
      problems.push(`${line}: expected field.VALUE=option_tag`);
      continue;
    }
    if (!isField(field)) {
      problems.push(`${line}: is not a field (${CLASSIFICATION_FIELDS.join(', ')})`);
      continue;
    }
    const problem = valueProblem(value, tag);
    if (problem !== undefined) {
      problems.push(`${line}: ${problem}`);
      continue;
    }
    tags[field] = { ...tags[field], [value]: tag };
  }
  return { tags, problems };
}

export type FieldValue =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly missing: string };

/**
 * What to write into a classification field: the option's tag when the field is mapped (a
 * drop-down), the value itself when it is not (a text field). A mapped field without a line for
 * this value is refused (`missing` names the line to add), never written with a raw value.
 */
export function fieldValue(map: FieldOptionTags, field: ClassificationField, value: string): FieldValue {
  const options = map[field];
  if (options === undefined) return { ok: true, value };
  const tag = options[value];
  return tag === undefined ? { ok: false, missing: `${field}.${value}` } : { ok: true, value: tag };
}
