/**
 * The form's IP fields are free text: one or more IPv4 addresses or ranges, separated by commas,
 * spaces, semicolons or new lines. A range is `a.b.c.d/len` (CIDR), `a.b.c.d-e.f.g.h` or the
 * short `a.b.c.d-h` (last octet). Zendesk-facing AOC services accept public addresses only, so a
 * private, loopback, link-local, shared, multicast or reserved address is flagged.
 */
export type IpVerdict =
  | { readonly kind: 'public'; readonly value: string }
  | { readonly kind: 'not-public'; readonly value: string; readonly reason: string }
  | { readonly kind: 'malformed'; readonly value: string; readonly reason: string };

interface Block {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

function cidrBlock(a: number, b: number, c: number, d: number, len: number, label: string): Block {
  const start = (((a << 24) | (b << 16) | (c << 8) | d) & mask(len)) >>> 0;
  return { start, end: start + 2 ** (32 - len) - 1, label };
}

function mask(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

/** IANA's special-purpose IPv4 blocks that are not reachable public addresses. */
const NOT_PUBLIC: readonly Block[] = [
  cidrBlock(0, 0, 0, 0, 8, '"this network" (0.0.0.0/8)'),
  cidrBlock(10, 0, 0, 0, 8, 'private (10.0.0.0/8)'),
  cidrBlock(100, 64, 0, 0, 10, 'shared carrier-grade NAT (100.64.0.0/10)'),
  cidrBlock(127, 0, 0, 0, 8, 'loopback (127.0.0.0/8)'),
  cidrBlock(169, 254, 0, 0, 16, 'link-local (169.254.0.0/16)'),
  cidrBlock(172, 16, 0, 0, 12, 'private (172.16.0.0/12)'),
  cidrBlock(192, 0, 0, 0, 24, 'IETF protocol assignments (192.0.0.0/24)'),
  cidrBlock(192, 0, 2, 0, 24, 'documentation (192.0.2.0/24)'),
  cidrBlock(192, 168, 0, 0, 16, 'private (192.168.0.0/16)'),
  cidrBlock(198, 18, 0, 0, 15, 'benchmarking (198.18.0.0/15)'),
  cidrBlock(198, 51, 100, 0, 24, 'documentation (198.51.100.0/24)'),
  cidrBlock(203, 0, 113, 0, 24, 'documentation (203.0.113.0/24)'),
  cidrBlock(224, 0, 0, 0, 4, 'multicast (224.0.0.0/4)'),
  cidrBlock(240, 0, 0, 0, 4, 'reserved (240.0.0.0/4, with broadcast)'),
];

/** Splits the field's text into tokens; `a - b` with spaces is read as one range. */
export function splitIpList(text: string): string[] {
  return text
    .replace(/\s*-\s*/g, '-')
    .split(/[\s,;]+/)
    .map((token) => token.trim())
    .filter((token) => token !== '');
}

function parseAddress(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

function formatAddress(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

function rangeOf(token: string): { start: number; end: number } | string {
  const slash = token.split('/');
  if (slash.length === 2) {
    const [address = '', lengthText = ''] = slash;
    const start = parseAddress(address);
    if (start === null) return `"${address}" is not an IPv4 address.`;
    if (!/^\d{1,2}$/.test(lengthText) || Number(lengthText) > 32)
      return `"/${lengthText}" is not a prefix length (0–32).`;
    const len = Number(lengthText);
    const network = (start & mask(len)) >>> 0;
    return { start: network, end: network + 2 ** (32 - len) - 1 };
  }
  if (slash.length > 2) return 'An address range has at most one "/".';
  const dash = token.split('-');
  if (dash.length === 1) {
    const value = parseAddress(token);
    return value === null ? `"${token}" is not an IPv4 address.` : { start: value, end: value };
  }
  if (dash.length !== 2) return 'An address range has one "-" between its two ends.';
  const [from = '', to = ''] = dash;
  const start = parseAddress(from);
  if (start === null) return `"${from}" is not an IPv4 address.`;
  let end = parseAddress(to);
  if (end === null && /^\d{1,3}$/.test(to) && Number(to) <= 255) end = start - (start % 256) + Number(to);
  if (end === null) return `"${to}" is not an IPv4 address or a last octet.`;
  if (end < start) return `The range ends (${formatAddress(end)}) before it starts (${formatAddress(start)}).`;
  return { start, end };
}

export function judgeIp(token: string): IpVerdict {
  const range = rangeOf(token);
  if (typeof range === 'string') return { kind: 'malformed', value: token, reason: range };
  const hit = NOT_PUBLIC.find((block) => range.start <= block.end && block.start <= range.end);
  if (hit !== undefined) {
    const what = range.start === range.end ? 'The address' : 'The range';
    return { kind: 'not-public', value: token, reason: `${what} is not public: ${hit.label}.` };
  }
  return { kind: 'public', value: token };
}
