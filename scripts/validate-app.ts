/**
 * `npm run validate:app [-- PATH] [--proxy-host HOST]`: checks a Zendesk app package — a zip or
 * a folder laid out like one — against Zendesk's upload rules, offline. PATH defaults to the zip
 * `npm run package` writes. Prints every error and warning; exit 1 on errors, 2 on bad usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultZipName } from '../tools/packaging/package-app';
import { loadPackage } from '../tools/packaging/read-package';
import { chooseProxyHost, formatFindings, summary } from '../tools/packaging/report';
import { validateAppPackage } from '../tools/packaging/validate-app-package';

const root = resolve(import.meta.dirname, '..');

function main(): number {
  const { values, positionals } = parseArgs({ options: { 'proxy-host': { type: 'string' } }, allowPositionals: true });
  if (positionals.length > 1) {
    console.error('usage: npm run validate:app [-- PATH-TO-ZIP-OR-FOLDER] [--proxy-host HOST]');
    return 2;
  }
  const path = resolve(
    positionals[0] ?? join(root, defaultZipName(root, JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')))),
  );
  const shown = relative(process.cwd(), path) || path;
  if (!existsSync(path)) {
    console.error(
      `error: ${shown} does not exist${positionals[0] === undefined ? ' (run npm run package first, or give a path)' : ''}`,
    );
    return 2;
  }
  // Without a host given, the whitelist's own entries are still checked, but none is required.
  const proxy = chooseProxyHost(values['proxy-host'], { APP_PROXY_HOST: process.env.APP_PROXY_HOST });
  if (!proxy.ok) {
    console.error(`error: ${proxy.message}`);
    return 2;
  }
  const loaded = loadPackage(path, proxy.host === undefined ? {} : { proxyHost: proxy.host });
  const result = loaded.ok ? validateAppPackage(loaded.input) : { errors: loaded.errors, warnings: [] };
  for (const line of formatFindings(result)) console.log(line);
  console.log(`${shown}: ${summary(result)}${result.errors.length === 0 ? " — Zendesk's upload rules pass" : ''}.`);
  return result.errors.length > 0 ? 1 : 0;
}

process.exitCode = main();
