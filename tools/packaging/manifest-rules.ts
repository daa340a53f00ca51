/**
 * The checks Zendesk's upload applies to manifest.json itself (keys, types, locale, location,
 * domainWhitelist). Parameters have their own module, parameter-rules.ts.
 */
import { hostNameHint, isHostName, isReservedExampleHost, isWhitelisted } from './hosts';
import { LOCALE_FILE } from './translation-rules';
import { type AppPackageInput, Findings, isObject, type JsonObject, typeName } from './types';

/** Every key Zendesk's manifest reader knows; anything else is most likely a typo. */
const KNOWN_KEYS = new Set([
  'name',
  'author',
  'defaultLocale',
  'private',
  'location',
  'version',
  'frameworkVersion',
  'parameters',
  'domainWhitelist',
  'singleInstall',
  'signedUrls',
  'requirementsOnly',
  'marketingOnly',
  'noTemplate',
  'oauth',
  'experiments',
  'remoteInstallationURL',
  'termsConditionsURL',
  'gaID',
]);
const BOOLEAN_KEYS = ['private', 'singleInstall', 'signedUrls', 'requirementsOnly', 'marketingOnly'];
const STRING_KEYS = ['name', 'version', 'remoteInstallationURL', 'termsConditionsURL', 'gaID'];
const LOCATION_BOOLEANS = ['flexible', 'autoLoad', 'autoHide', 'signed'];
const KNOWN_HOSTS = new Set(['support', 'chat', 'sell']);

export function checkManifestKeys(manifest: JsonObject, found: Findings): void {
  for (const key of Object.keys(manifest)) {
    if (!KNOWN_KEYS.has(key)) found.warn(`manifest.json: unknown key "${key}" (Zendesk ignores it; a typo?)`);
  }
  for (const key of BOOLEAN_KEYS) {
    const value = manifest[key];
    if (value !== undefined && typeof value !== 'boolean') {
      found.error(`manifest.json: "${key}" must be true or false, not ${JSON.stringify(value)} (${typeName(value)})`);
    }
  }
  for (const key of STRING_KEYS) {
    const value = manifest[key];
    if (value !== undefined && typeof value !== 'string') {
      found.error(`manifest.json: "${key}" must be a string, not ${typeName(value)}`);
    }
  }
  if (manifest.frameworkVersion === undefined) {
    found.error('manifest.json: "frameworkVersion" is missing (it must be "2.0")');
  } else if (manifest.frameworkVersion !== '2.0') {
    found.error(
      `manifest.json: "frameworkVersion" must be the string "2.0", not ${JSON.stringify(manifest.frameworkVersion)}`,
    );
  }
  checkAuthor(manifest.author, found);
}

function checkAuthor(author: unknown, found: Findings): void {
  if (author === undefined) {
    found.error('manifest.json: "author" is missing (an object with name, email and url)');
    return;
  }
  if (!isObject(author)) {
    found.error(`manifest.json: "author" must be an object with name, email and url, not ${typeName(author)}`);
    return;
  }
  for (const field of ['name', 'email', 'url']) {
    const value = author[field];
    if (typeof value !== 'string' || value.trim() === '') {
      found.error(`manifest.json: "author.${field}" must be a non-empty string`);
    }
  }
  if (typeof author.email === 'string' && author.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(author.email)) {
    found.error(`manifest.json: "author.email" is not an e-mail address: ${JSON.stringify(author.email)}`);
  }
  if (typeof author.url === 'string' && author.url !== '' && !/^https?:\/\/[^\s/]+/.test(author.url)) {
    found.error(`manifest.json: "author.url" must be an http(s) URL: ${JSON.stringify(author.url)}`);
  }
}

export function checkDefaultLocale(input: AppPackageInput, manifest: JsonObject, found: Findings): void {
  const locale = manifest.defaultLocale;
  if (locale === undefined) {
    found.error('manifest.json: "defaultLocale" is missing (e.g. "en")');
  } else if (typeof locale !== 'string' || !LOCALE_FILE.test(`${locale}.json`)) {
    found.error(
      `manifest.json: "defaultLocale" must be a locale such as "en" or "pt-br", not ${JSON.stringify(locale)}`,
    );
  } else if (!input.translations.has(`translations/${locale}.json`)) {
    found.error(`manifest.json: "defaultLocale" is "${locale}" but translations/${locale}.json is not in the package`);
  }
}

/** Where the app's pages are: each location's url must resolve to a file of the package. */
export function checkLocation(input: AppPackageInput, manifest: JsonObject, found: Findings): void {
  const location = manifest.location;
  if (location === undefined) {
    found.error(
      'manifest.json: "location" is missing (this app is a ticket sidebar: {"support": {"ticket_sidebar": {"url": "assets/index.html"}}})',
    );
    return;
  }
  if (!isObject(location)) {
    found.error(`manifest.json: "location" must be an object, not ${typeName(location)}`);
    return;
  }
  for (const [host, places] of Object.entries(location)) {
    if (!KNOWN_HOSTS.has(host))
      found.warn(`manifest.json: "location.${host}": unknown product (known: ${[...KNOWN_HOSTS].join(', ')})`);
    if (!isObject(places)) {
      found.error(`manifest.json: "location.${host}" must be an object of locations, not ${typeName(places)}`);
      continue;
    }
    for (const [place, options] of Object.entries(places)) {
      checkLocationOptions(input, `location.${host}.${place}`, options, found);
    }
  }
  const support = location.support;
  if (!isObject(support) || support.ticket_sidebar === undefined) {
    found.error('manifest.json: "location.support.ticket_sidebar" is missing: this app is a ticket sidebar');
  }
}

function checkLocationOptions(input: AppPackageInput, key: string, options: unknown, found: Findings): void {
  // A location is either its URL or an object of options with a url.
  if (typeof options === 'string') {
    checkLocationUrl(input, key, options, found);
    return;
  }
  if (!isObject(options)) {
    found.error(`manifest.json: "${key}" must be a URL or an object with "url", not ${typeName(options)}`);
    return;
  }
  for (const flag of LOCATION_BOOLEANS) {
    const value = options[flag];
    if (value !== undefined && typeof value !== 'boolean') {
      found.error(
        `manifest.json: "${key}.${flag}" must be true or false, not ${JSON.stringify(value)} (${typeName(value)})`,
      );
    }
  }
  const url = options.url;
  if (url === undefined || url === '') {
    // A location that loads by itself needs a page; one with autoLoad false is opened by code.
    if (options.autoLoad !== false) found.error(`manifest.json: "${key}.url" is missing`);
  } else if (typeof url !== 'string') {
    found.error(`manifest.json: "${key}.url" must be a string, not ${typeName(url)}`);
  } else {
    checkLocationUrl(input, `${key}.url`, url, found);
  }
}

function checkLocationUrl(input: AppPackageInput, key: string, url: string, found: Findings): void {
  // A URL built from a setting is only known once installed.
  if (url.includes('{{setting.')) return;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (parsed?.protocol !== 'https:' && parsed?.hostname !== 'localhost') {
      found.error(
        `manifest.json: "${key}" ${JSON.stringify(url)} must be https (or on localhost), or a file of the package`,
      );
    }
    return;
  }
  const path = url.split(/[?#]/)[0] ?? '';
  if (!path.startsWith('assets/')) {
    found.error(`manifest.json: "${key}" ${JSON.stringify(url)} must point into assets/ (e.g. "assets/index.html")`);
  } else if (!input.files.has(path)) {
    found.error(`manifest.json: "${key}" points to ${path}, which is not in the package`);
  }
}

/** domainWhitelist: host names, among them the proxy's and every url parameter's default host. */
export function checkDomainWhitelist(
  input: AppPackageInput,
  manifest: JsonObject,
  urlDefaults: ReadonlyMap<string, string>,
  found: Findings,
): void {
  const raw = manifest.domainWhitelist;
  if (raw !== undefined && !Array.isArray(raw)) {
    found.error(`manifest.json: "domainWhitelist" must be an array of host names, not ${typeName(raw)}`);
    return;
  }
  const whitelist: string[] = [];
  for (const [index, entry] of ((raw ?? []) as unknown[]).entries()) {
    if (typeof entry !== 'string') {
      found.error(`manifest.json: "domainWhitelist[${index}]" must be a host name string, not ${typeName(entry)}`);
      continue;
    }
    whitelist.push(entry);
    if (!isHostName(entry)) {
      const hint = hostNameHint(entry);
      found.error(
        `manifest.json: "domainWhitelist[${index}]" ${JSON.stringify(entry)} is not a host name${hint ? `: ${hint}` : ''}`,
      );
    } else if (isReservedExampleHost(entry)) {
      found.warn(
        `manifest.json: "domainWhitelist[${index}]" ${JSON.stringify(entry)} is a placeholder (a reserved ` +
          `example name): package with APP_PROXY_HOST set to the real proxy's host`,
      );
    }
  }
  if (input.proxyHost !== undefined && !isWhitelisted(input.proxyHost, whitelist)) {
    found.error(
      `manifest.json: "domainWhitelist" does not hold the proxy's host "${input.proxyHost}" (APP_PROXY_HOST): ` +
        `Zendesk would refuse the app's requests to it`,
    );
  }
  for (const [name, host] of urlDefaults) {
    if (!isWhitelisted(host, whitelist)) {
      found.error(
        `manifest.json: parameter "${name}" defaults to a URL on "${host}", which "domainWhitelist" does not hold`,
      );
    }
  }
  const parameters = Array.isArray(manifest.parameters) ? (manifest.parameters as unknown[]) : [];
  const hasSecure = parameters.some((p) => isObject(p) && p.secure === true);
  if (hasSecure && whitelist.length === 0) {
    found.warn('manifest.json: secure parameters are only sent to hosts in "domainWhitelist", which is empty');
  }
}
