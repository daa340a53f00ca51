/**
 * The manifest's "parameters": the app's settings, which an administrator fills in when
 * installing. Zendesk's upload refuses the mistakes below; the warnings are its own too.
 */
import { httpUrlHost } from './hosts';
import { Findings, isObject, type JsonObject, typeName } from './types';

export const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'];
export const SECURE_SCOPES = [
  'header',
  'body',
  'url',
  'jwt_secret_key',
  'jwt_claim',
  'basic_auth_username',
  'basic_auth_password',
];
/** Names that hold credentials: such a setting should be secure (never sent to the browser). */
const CREDENTIAL_NAME = /token|key|secret|password|pwd/i;

export interface ParameterSummary {
  /** Names of the well-formed parameters, in order (the translations need a label for each). */
  names: string[];
  /** url parameters with a default: name → the default's host (domainWhitelist must hold it). */
  urlDefaults: Map<string, string>;
}

export function checkParameters(manifest: JsonObject, found: Findings): ParameterSummary {
  const summary: ParameterSummary = { names: [], urlDefaults: new Map() };
  const raw = manifest.parameters;
  if (raw === undefined) return summary;
  if (!Array.isArray(raw)) {
    found.error(`manifest.json: "parameters" must be an array, not ${typeName(raw)}`);
    return summary;
  }
  const seen = new Set<string>();
  let oauthCount = 0;
  for (const [index, parameter] of (raw as unknown[]).entries()) {
    if (!isObject(parameter)) {
      found.error(`manifest.json: "parameters[${index}]" must be an object, not ${typeName(parameter)}`);
      continue;
    }
    const name = parameter.name;
    if (typeof name !== 'string' || name === '') {
      found.error(`manifest.json: "parameters[${index}].name" must be a non-empty string`);
      continue;
    }
    const key = `parameter "${name}"`;
    if (seen.has(name)) found.error(`manifest.json: ${key} is declared twice (names must be unique)`);
    seen.add(name);
    summary.names.push(name);
    // Zendesk keeps "name" for the installation's own name.
    if (name === 'name')
      found.error(
        'manifest.json: a parameter cannot be called "name" (Zendesk reserves it for the installation\'s name)',
      );
    if (parameter.type === 'oauth') oauthCount += 1;
    checkOneParameter(key, parameter, found);
    const host = urlDefaultHost(key, parameter, found);
    if (host !== undefined) summary.urlDefaults.set(name, host);
  }
  if (oauthCount > 1) found.error('manifest.json: at most one parameter can be of type "oauth"');
  return summary;
}

function checkOneParameter(key: string, parameter: JsonObject, found: Findings): void {
  const type = parameter.type;
  if (type === 'password') {
    found.error(
      `manifest.json: ${key} has type "password", which Zendesk removed: use type "text" with "secure": true`,
    );
  } else if (typeof type !== 'string' || !PARAMETER_TYPES.includes(type)) {
    found.error(`manifest.json: ${key} has type ${JSON.stringify(type)}; the types are ${PARAMETER_TYPES.join(', ')}`);
  }
  for (const flag of ['required', 'secure']) {
    const value = parameter[flag];
    if (value !== undefined && typeof value !== 'boolean') {
      found.error(
        `manifest.json: ${key}: "${flag}" must be true or false, not ${JSON.stringify(value)} (${typeName(value)})`,
      );
    }
  }
  const secure = parameter.secure === true;
  const hasDefault = Object.hasOwn(parameter, 'default');
  if (secure && hasDefault) {
    found.error(
      `manifest.json: ${key} is secure and cannot have a "default" (a secure value is set only at installation)`,
    );
  }
  if (type === 'hidden' && hasDefault) {
    found.error(`manifest.json: ${key} is hidden and cannot have a "default"`);
  }
  if (type === 'hidden' && parameter.required === true) {
    found.error(`manifest.json: ${key} is hidden and cannot be required (no one could fill it in)`);
  }
  if (type === 'oauth' && secure) found.error(`manifest.json: ${key} is of type oauth and cannot be secure`);
  if (secure) checkScopes(key, parameter.scopes, found);
  else if (parameter.scopes !== undefined)
    found.warn(`manifest.json: ${key} has "scopes" but is not secure: they have no effect`);
  if (
    !secure &&
    type !== 'checkbox' &&
    type !== 'number' &&
    type !== 'oauth' &&
    CREDENTIAL_NAME.test(parameter.name as string)
  ) {
    found.warn(
      `manifest.json: ${key} looks like a credential (token, key, secret, password) but is not secure: its value ` +
        `reaches every agent's browser; add "secure": true`,
    );
  }
  if (hasDefault) checkDefaultType(key, type, parameter.default, found);
}

function checkScopes(key: string, scopes: unknown, found: Findings): void {
  if (scopes === undefined || (Array.isArray(scopes) && scopes.length === 0)) {
    found.warn(
      `manifest.json: ${key} is secure but lists no "scopes" (where its value may be placed: ${SECURE_SCOPES.join(', ')})`,
    );
    return;
  }
  if (!Array.isArray(scopes)) {
    found.error(`manifest.json: ${key}: "scopes" must be an array, not ${typeName(scopes)}`);
    return;
  }
  for (const scope of scopes as unknown[]) {
    if (typeof scope !== 'string' || !SECURE_SCOPES.includes(scope)) {
      found.error(
        `manifest.json: ${key}: unknown scope ${JSON.stringify(scope)}; the scopes are ${SECURE_SCOPES.join(', ')}`,
      );
    }
  }
}

function checkDefaultType(key: string, type: unknown, value: unknown, found: Findings): void {
  const expected = type === 'checkbox' ? 'boolean' : type === 'number' ? 'number' : 'string';
  if (type === 'oauth' || typeof value === expected) return;
  found.error(
    `manifest.json: ${key}: "default" must be a ${expected} for type ${JSON.stringify(type)}, not ${JSON.stringify(value)}`,
  );
}

/** The host of a url parameter's default, checked to be an absolute http(s) URL. */
function urlDefaultHost(key: string, parameter: JsonObject, found: Findings): string | undefined {
  if (parameter.type !== 'url' || typeof parameter.default !== 'string' || parameter.default === '') return undefined;
  const host = httpUrlHost(parameter.default);
  if (host === undefined)
    found.error(`manifest.json: ${key}: "default" ${JSON.stringify(parameter.default)} is not an http(s) URL`);
  return host;
}
