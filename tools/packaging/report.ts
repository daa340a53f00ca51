/** How the packaging commands print: findings first, one per line, then the files. */
import { formatBytes, MAX_PACKAGE_BYTES } from './file-rules';
import { proxyHostFrom } from './hosts';
import type { ValidationResult } from './types';

export function formatFindings(result: ValidationResult): string[] {
  return [
    ...result.errors.map((message) => `error: ${message}`),
    ...result.warnings.map((message) => `warning: ${message}`),
  ];
}

export function summary(result: ValidationResult): string {
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${count(result.errors.length, 'error')}, ${count(result.warnings.length, 'warning')}`;
}

export function formatFileList(files: readonly { path: string; size: number }[]): string[] {
  const width = Math.max(...files.map((file) => file.path.length));
  return files.map((file) => `  ${file.path.padEnd(width)}  ${formatBytes(file.size).padStart(9)}`);
}

export function formatZipSize(size: number): string {
  return `${formatBytes(size)} of ${formatBytes(MAX_PACKAGE_BYTES)} allowed`;
}

export type ProxyHostChoice = { ok: true; host: string | undefined; notes: string[] } | { ok: false; message: string };

/**
 * The proxy's host from --proxy-host or APP_PROXY_HOST. Not PROXY_HOST: that variable is the
 * address the proxy itself listens on (often 127.0.0.1 behind a reverse proxy, see .env.example),
 * which is not the public name Zendesk's servers call.
 */
export function chooseProxyHost(flag: string | undefined, env: NodeJS.ProcessEnv): ProxyHostChoice {
  const given = flag ?? env.APP_PROXY_HOST;
  if (given === undefined || given.trim() === '') {
    const notes = ["note: no APP_PROXY_HOST given: the packaged domainWhitelist keeps the manifest's placeholder"];
    if (env.PROXY_HOST !== undefined) {
      notes.push(
        `note: PROXY_HOST (${env.PROXY_HOST}) is the proxy's listen address and is not used here; set ` +
          `APP_PROXY_HOST to the proxy's public host`,
      );
    }
    return { ok: true, host: undefined, notes };
  }
  const host = proxyHostFrom(given);
  if (host === undefined)
    return {
      ok: false,
      message: `APP_PROXY_HOST / --proxy-host ${JSON.stringify(given)} is not a host name (e.g. proxy.aoc.cat) or an http(s) URL`,
    };
  return { ok: true, host, notes: [] };
}
