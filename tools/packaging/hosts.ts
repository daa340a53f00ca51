/**
 * Host names as domainWhitelist holds them: bare names ("proxy.aoc.cat"), no scheme, port or
 * path — Zendesk's request proxy compares the request's host against them.
 */

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** True for "example.org", "localhost", "192.0.2.1" and a leading wildcard "*.example.org". */
export function isHostName(value: string): boolean {
  if (IPV4.test(value)) return true;
  const name = value.startsWith('*.') ? value.slice(2) : value;
  if (name.length === 0 || name.length > 253 || name !== name.toLowerCase()) return false;
  return name.split('.').every((label) => LABEL.test(label));
}

/** Why a whitelist entry is not a host name, when it looks like a URL; undefined otherwise. */
export function hostNameHint(value: string): string | undefined {
  if (value.includes('://')) return 'write the host only, without the scheme';
  if (value.includes('/')) return 'write the host only, without a path';
  if (value.includes(':')) return 'write the host only, without a port';
  if (value !== value.toLowerCase()) return 'write it in lower case';
  return undefined;
}

/** Whether `host` is allowed by the whitelist: an exact entry or a matching "*." wildcard. */
export function isWhitelisted(host: string, whitelist: readonly string[]): boolean {
  const wanted = host.toLowerCase();
  return whitelist.some((entry) => {
    const allowed = entry.toLowerCase();
    if (allowed.startsWith('*.')) return wanted.endsWith(allowed.slice(1));
    return allowed === wanted;
  });
}

/**
 * Names that can never be a real server (RFC 2606 and RFC 6761): a whitelist entry there is a
 * placeholder someone forgot to replace.
 */
export function isReservedExampleHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\*\./, '');
  return /(^|\.)example\.(com|net|org)$/.test(name) || /(^|\.)(example|test|invalid)$/.test(name);
}

/** The host of an absolute http(s) URL, or undefined when `value` is not one. */
export function httpUrlHost(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.hostname || undefined;
}

/**
 * Reads what an operator typed for the proxy: a host ("proxy.aoc.cat") or a URL
 * ("https://proxy.aoc.cat:8443/api"), and returns the host name, or undefined when it is neither.
 */
export function proxyHostFrom(value: string): string | undefined {
  const trimmed = value.trim();
  const host = trimmed.includes('://') ? httpUrlHost(trimmed) : trimmed.toLowerCase();
  return host !== undefined && isHostName(host) && !host.startsWith('*.') ? host : undefined;
}
