/**
 * The offline validator of a Zendesk app package: the rules Zendesk's upload ("upload private
 * app", `zcli apps:validate`) applies on its servers, which need an account and the network, plus
 * the project's own (no sources, the proxy's host whitelisted). Pure: no I/O.
 */
import { checkFiles } from './file-rules';
import { checkDefaultLocale, checkDomainWhitelist, checkLocation, checkManifestKeys } from './manifest-rules';
import { checkParameters } from './parameter-rules';
import { checkTranslations } from './translation-rules';
import { type AppPackageInput, Findings, isObject, typeName, type ValidationResult } from './types';

export function validateAppPackage(input: AppPackageInput): ValidationResult {
  const found = new Findings();
  checkFiles(input, found);
  const { manifest } = input;
  // Without manifest.json the file rules have said so; there is nothing more to check.
  if (manifest === undefined && !input.files.has('manifest.json'))
    return { errors: found.errors, warnings: found.warnings };
  if (!isObject(manifest)) {
    found.error(`manifest.json: must hold a JSON object, not ${typeName(manifest)}`);
    return { errors: found.errors, warnings: found.warnings };
  }
  checkManifestKeys(manifest, found);
  checkDefaultLocale(input, manifest, found);
  checkLocation(input, manifest, found);
  const parameters = checkParameters(manifest, found);
  checkDomainWhitelist(input, manifest, parameters.urlDefaults, found);
  checkTranslations(input.files.keys(), input.translations, manifest, parameters.names, found);
  return { errors: found.errors, warnings: found.warnings };
}
