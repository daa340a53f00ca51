import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord } from '../../domain/is-record';
import { fetchJson } from '../../zendesk/fetch-request';

/**
 * Zendesk's request proxy, played on this machine for the local run (the dev server mounts
 * `handleRequestProxy` at `POST /__zendesk/request`): it refuses hosts outside the domain
 * whitelist, fills `{{setting.x}}` placeholders of secure requests with the settings (the shared
 * secret stays here, on the server, as it stays on Zendesk's), signs the JWT the request asks
 * for, puts it where `{{jwt.token}}` is, and forwards the request.
 */
export interface LocalZendeskOptions {
  /** All settings, secure ones included (these never go to the browser). */
  readonly settings: Readonly<Record<string, string>>;
  readonly domainWhitelist: readonly string[];
  /**
   * The local Zendesk API (`zendesk-api.ts`): where a relative `/api/v2/...` request goes, as in
   * Zendesk it goes to the agent's own account, with the agent's session (here its credentials).
   */
  readonly zendeskApi?: { readonly url: string; readonly authorization: string };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 1_000_000) reject(new Error('request too large'));
      else chunks.push(c);
    });
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
}

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/** An HS256 JWT, as Zendesk's request proxy signs it (plain node:crypto: this runs on the server). */
export function signHs256(claims: Readonly<Record<string, unknown>>, secret: string): string {
  const head = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
  return `${head}.${base64url(createHmac('sha256', secret).update(head).digest())}`;
}

export function fillSettings(text: string, settings: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{setting\.([A-Za-z0-9_]+)\}\}/g, (_m, name: string) => settings[name] ?? '');
}

/** What Zendesk's request proxy does with a ZAF request, minus the network. */
export function prepareRequest(
  raw: unknown,
  options: LocalZendeskOptions,
  now: Date = new Date(),
): { ok: true; url: string; init: RequestInit } | { ok: false; status: number; message: string } {
  if (!isRecord(raw) || typeof raw.url !== 'string')
    return { ok: false, status: 400, message: 'A request needs a url.' };
  if (raw.url.startsWith('/')) return accountRequest(raw, raw.url, options);
  const secure = raw.secure === true;
  const fill = (s: string): string => (secure ? fillSettings(s, options.settings) : s);
  let url: URL;
  try {
    url = new URL(fill(raw.url));
  } catch {
    return { ok: false, status: 400, message: `Not a URL: ${raw.url}` };
  }
  if (!options.domainWhitelist.includes(url.hostname)) {
    return { ok: false, status: 403, message: `${url.hostname} is not in the app's domainWhitelist.` };
  }
  const headers: Record<string, string> = {};
  if (isRecord(raw.headers)) for (const [k, v] of Object.entries(raw.headers)) headers[k] = fill(String(v));
  if (typeof raw.contentType === 'string') headers['Content-Type'] = raw.contentType;
  if (isRecord(raw.jwt)) {
    const jwt = raw.jwt;
    const secret = fill(typeof jwt.secret_key === 'string' ? jwt.secret_key : '');
    if (secret === '' || !secure)
      return { ok: false, status: 400, message: 'A JWT needs a secure request and a secret setting.' };
    const claims = isRecord(jwt.claims) ? jwt.claims : {};
    const expiry = typeof jwt.expiry === 'number' ? jwt.expiry : 300;
    const seconds = Math.floor(now.getTime() / 1000);
    const token = signHs256({ ...claims, iat: seconds, exp: seconds + expiry }, secret);
    for (const [k, v] of Object.entries(headers)) headers[k] = v.replace('{{jwt.token}}', token);
  }
  const method = typeof raw.type === 'string' ? raw.type.toUpperCase() : 'GET';
  const init: RequestInit = { method, headers };
  if (typeof raw.data === 'string' && method !== 'GET') init.body = fill(raw.data);
  return { ok: true, url: url.toString(), init };
}

/** A request to the agent's own Zendesk account (a relative URL), answered by the local Zendesk API. */
function accountRequest(
  raw: Readonly<Record<string, unknown>>,
  path: string,
  options: LocalZendeskOptions,
): { ok: true; url: string; init: RequestInit } | { ok: false; status: number; message: string } {
  if (!path.startsWith('/api/v2/')) {
    return { ok: false, status: 400, message: `Only Zendesk API paths (/api/v2/...) may be relative: ${path}` };
  }
  if (options.zendeskApi === undefined) {
    return { ok: false, status: 503, message: 'The local run has no Zendesk API stand-in.' };
  }
  const method = typeof raw.type === 'string' ? raw.type.toUpperCase() : 'GET';
  // What the app does as the agent: reads, and creates or updates tickets (child tickets per
  // service) with a JSON body, as Zendesk's own API takes them.
  if (method !== 'GET' && method !== 'POST' && method !== 'PUT')
    return { ok: false, status: 405, message: 'The local Zendesk API answers GET, POST and PUT.' };
  const url = new URL(path, options.zendeskApi.url);
  const headers: Record<string, string> = {
    authorization: options.zendeskApi.authorization,
    accept: 'application/json',
  };
  const init: RequestInit = { method, headers };
  if (method !== 'GET' && typeof raw.data === 'string') {
    headers['Content-Type'] = typeof raw.contentType === 'string' ? raw.contentType : 'application/json';
    init.body = raw.data;
  }
  return { ok: true, url: url.toString(), init };
}

/** Zendesk's request proxy: prepares the request, forwards it, and gives back status and body. */
export async function forwardRequest(
  raw: unknown,
  options: LocalZendeskOptions,
): Promise<{ status: number; body: unknown }> {
  const prepared = prepareRequest(raw, options);
  if (!prepared.ok) return { status: prepared.status, body: { error: 'BAD_REQUEST', message: prepared.message } };
  // A target that does not answer gives status 0: what Zendesk's proxy gives the app then.
  return fetchJson(prepared.url, prepared.init);
}

/** The dev-server middleware: one POSTed ZAF request in, Zendesk's `{ status, body }` answer out. */
export function handleRequestProxy(req: IncomingMessage, res: ServerResponse, options: LocalZendeskOptions): void {
  if (req.method !== 'POST') {
    send(res, 405, { message: 'POST only' });
    return;
  }
  void (async () => {
    try {
      send(res, 200, await forwardRequest(JSON.parse(await readBody(req)) as unknown, options));
    } catch {
      send(res, 400, { message: 'The request is not JSON.' });
    }
  })();
}
