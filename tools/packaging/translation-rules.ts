/**
 * translations/<locale>.json: what Zendesk reads for the app's name and the settings' labels.
 */
import { Findings, isObject, type JsonObject, typeName } from './types';

/** A translation file's name: a locale such as en, ca, pt-br or zh-hant. */
export const LOCALE_FILE = /^[a-z]{2,3}(-\w{2,3})?\.json$/;

/** Keys en.json must hold for a public (marketplace) app, besides app.name. */
const PUBLIC_APP_KEYS = ['short_description', 'long_description', 'installation_instructions'];

/**
 * Checks every translation file: its name, its JSON and its values. `parameterNames` are the
 * manifest's, each of which needs a label in English (the fallback of every other language).
 */
export function checkTranslations(
  files: Iterable<string>,
  translations: ReadonlyMap<string, string>,
  manifest: JsonObject,
  parameterNames: readonly string[],
  found: Findings,
): void {
  for (const path of files) {
    if (!path.startsWith('translations/')) continue;
    const name = path.slice('translations/'.length);
    if (!LOCALE_FILE.test(name)) {
      found.error(`${path}: not a translation file name (translations/<locale>.json, the locale like "en" or "pt-br")`);
    }
  }
  const parsed = new Map<string, JsonObject>();
  for (const [path, text] of translations) {
    const json = parseTranslation(path, text, found);
    if (json === undefined) continue;
    checkValues(path, json, '', found);
    parsed.set(path, json);
  }
  const english = parsed.get('translations/en.json');
  if (!translations.has('translations/en.json')) {
    found.error("translations/en.json is missing: Zendesk needs English texts (app.name and the settings' labels)");
  } else if (english !== undefined) {
    checkEnglish(english, manifest, parameterNames, found);
  }
  for (const [path, json] of parsed) {
    if (path === 'translations/en.json') continue;
    const missing = parameterNames.filter((name) => !hasText(json, ['app', 'parameters', name, 'label']));
    if (missing.length > 0) found.warn(`${path}: no label for ${missing.join(', ')} (English is shown instead)`);
  }
}

function parseTranslation(path: string, text: string, found: Findings): JsonObject | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    found.error(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
  if (!isObject(json)) {
    found.error(`${path}: must hold a JSON object, not ${typeName(json)}`);
    return undefined;
  }
  return json;
}

/** Every value is a string, an object of values, or a {title, value} pair of strings. */
function checkValues(path: string, node: JsonObject, prefix: string, found: Findings): void {
  for (const [key, value] of Object.entries(node)) {
    const at = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string' || isTitleValue(value)) continue;
    if (isObject(value)) {
      checkValues(path, value, at, found);
    } else {
      found.error(`${path}: "${at}" must be a string or {"title", "value"}, not ${typeName(value)}`);
    }
  }
}

function isTitleValue(value: unknown): boolean {
  if (!isObject(value)) return false;
  const keys = Object.keys(value).sort();
  return (
    keys.length === 2 &&
    keys[0] === 'title' &&
    keys[1] === 'value' &&
    typeof value.title === 'string' &&
    typeof value.value === 'string'
  );
}

function lookup(json: JsonObject, keys: readonly string[]): unknown {
  let node: unknown = json;
  for (const key of keys) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** A non-empty text at `keys`: a string, or the value of a {title, value} pair. */
function hasText(json: JsonObject, keys: readonly string[]): boolean {
  const value = lookup(json, keys);
  if (typeof value === 'string') return value.trim() !== '';
  return isTitleValue(value) && isObject(value) && typeof value.value === 'string' && value.value.trim() !== '';
}

function checkEnglish(
  json: JsonObject,
  manifest: JsonObject,
  parameterNames: readonly string[],
  found: Findings,
): void {
  const path = 'translations/en.json';
  if (!hasText(json, ['app', 'name'])) found.error(`${path}: "app.name" is missing (the app's name in Zendesk)`);
  if (manifest.private === false) {
    for (const key of PUBLIC_APP_KEYS) {
      if (!hasText(json, ['app', key])) found.error(`${path}: "app.${key}" is missing (required for a public app)`);
    }
  }
  for (const name of parameterNames) {
    if (!hasText(json, ['app', 'parameters', name, 'label'])) {
      found.error(`${path}: "app.parameters.${name}.label" is missing (the label of setting "${name}")`);
    }
  }
}
