/**
 * `npm run package [-- options]`: builds the app and writes the zip Zendesk's "upload private
 * app" takes, after checking it offline with Zendesk's upload rules; refuses to write one that
 * fails. Prints the zip's path, size and files. See docs/packaging.md.
 *
 *   --proxy-host HOST   the backend proxy's public host for domainWhitelist (or APP_PROXY_HOST)
 *   --out FILE          where to write the zip (default release/<name>-<version>.zip)
 *   --build-dir DIR     where the build goes and is read from (default dist/assets)
 *   --skip-typecheck    run vite build only (when the type check has just run, as in npm test)
 *   --no-build          package the existing build as it is
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageApp } from '../tools/packaging/package-app';
import { chooseProxyHost, formatFileList, formatFindings, formatZipSize, summary } from '../tools/packaging/report';

const root = resolve(import.meta.dirname, '..');

function main(): number {
  const { values } = parseArgs({
    options: {
      'proxy-host': { type: 'string' },
      out: { type: 'string' },
      'build-dir': { type: 'string' },
      'skip-typecheck': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const proxy = chooseProxyHost(values['proxy-host'], process.env);
  if (!proxy.ok) {
    console.error(`error: ${proxy.message}`);
    return 2;
  }
  for (const note of proxy.notes) console.error(note);
  const result = packageApp({
    root,
    build: values['no-build'] ? 'none' : values['skip-typecheck'] ? 'vite' : 'full',
    ...(values.out === undefined ? {} : { out: values.out }),
    ...(values['build-dir'] === undefined ? {} : { buildDir: values['build-dir'] }),
    ...(proxy.host === undefined ? {} : { proxyHost: proxy.host }),
  });
  const shown = relative(process.cwd(), result.intendedOut) || result.intendedOut;
  for (const line of formatFindings(result.validation)) console.log(line);
  if (result.out === undefined) {
    console.log(`Not written: ${shown} fails Zendesk's upload rules (${summary(result.validation)}).`);
    return 1;
  }
  console.log(`Checked against Zendesk's upload rules: ${summary(result.validation)}.`);
  console.log(
    `Wrote ${shown}: ${formatZipSize(result.size)}, ${result.files.length} ` +
      `files${proxy.host === undefined ? '' : `, domainWhitelist holds ${proxy.host}`}`,
  );
  for (const line of formatFileList(result.files)) console.log(line);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
