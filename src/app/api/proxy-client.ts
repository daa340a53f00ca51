import type { z } from 'zod';
import type { AnyOperation } from '../../shared/api/operation';
import type { HttpResponse, ZendeskPort } from '../../zendesk/port';

/**
 * Calls to the desk's proxy, through Zendesk's request proxy: `secure: true` so that Zendesk fills
 * the shared secret on its side, and a JWT that Zendesk signs with it and the proxy verifies. Every
 * answer is checked against the shared schema; every failure becomes a problem the UI explains.
 */
export const JWT_AUDIENCE = 'aoc-integration-assistant';

export type ProxyProblem =
  | { readonly kind: 'notConfigured' }
  | { readonly kind: 'network' }
  | { readonly kind: 'unauthorized'; readonly message?: string }
  | { readonly kind: 'rateLimited' }
  | { readonly kind: 'unavailable'; readonly database?: string }
  | {
      readonly kind: 'badRequest';
      readonly fields: readonly { field: string; reason: string }[];
      readonly message?: string;
    }
  | { readonly kind: 'server' }
  | { readonly kind: 'badResponse' }
  /** The proxy runs but lacks the settings of this operation (e.g. Zendesk API credentials). */
  | { readonly kind: 'featureNotConfigured' }
  /** The proxy will not fetch the attachment asked for. */
  | { readonly kind: 'attachmentRefused' }
  /** Zendesk refused or failed the proxy's own call. */
  | { readonly kind: 'zendesk' };

export type ProxyResult<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly problem: ProxyProblem };

export interface Identity {
  readonly subdomain: string;
  readonly userId: number;
  readonly userName: string;
}

async function problemFor(response: HttpResponse): Promise<ProxyProblem> {
  // The error schema (zod) loads with the first failure: this module is on the sidebar's first view.
  const { ApiError } = await import('../../shared/api/errors');
  const parsed = ApiError.safeParse(response.body);
  const error = parsed.success ? parsed.data : undefined;
  if (error?.error === 'NOT_CONFIGURED') return { kind: 'featureNotConfigured' };
  if (error?.error === 'ATTACHMENT_REFUSED') return { kind: 'attachmentRefused' };
  if (error?.error === 'ZENDESK_ERROR') return { kind: 'zendesk' };
  switch (response.status) {
    case 0:
      return { kind: 'network' };
    case 400:
      return {
        kind: 'badRequest',
        fields: error?.fields ?? [],
        ...(error === undefined ? {} : { message: error.message }),
      };
    case 401:
      return { kind: 'unauthorized', ...(error === undefined ? {} : { message: error.message }) };
    case 429:
      return { kind: 'rateLimited' };
    case 503:
      return { kind: 'unavailable', ...(error?.database === undefined ? {} : { database: error.database }) };
    default:
      return response.status >= 500 ? { kind: 'server' } : { kind: 'badResponse' };
  }
}

/** Query and path values as a caller has them: a ticket id may be the number it is. */
type Loose<T> = { [K in keyof T]: NonNullable<T[K]> extends string ? T[K] | number : T[K] };

/** What a call of an operation takes: exactly the parts the operation has, typed by its schemas. */
export type CallInput<O extends AnyOperation> = (O['query'] extends z.ZodType
  ? { readonly query: Loose<z.input<O['query']>> }
  : unknown) &
  (O['params'] extends z.ZodType ? { readonly params: Loose<z.input<O['params']>> } : unknown) &
  (O['body'] extends z.ZodType ? { readonly body: z.input<O['body']> } : unknown);

type Values = Readonly<Record<string, unknown>>;

function queryString(values: Values | undefined): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(values ?? {}))
    if ((typeof v === 'string' && v !== '') || typeof v === 'number')
      parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** `/v1/tickets/:ticketId/progress` with `{ ticketId: 7 }` → `/v1/tickets/7/progress`. */
function fillPath(path: string, params: Values | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`Path parameter ${name} is missing`);
    return encodeURIComponent(String(value));
  });
}

export class ProxyClient {
  constructor(
    private readonly port: ZendeskPort,
    private readonly baseUrl: string,
    private readonly identity: Identity,
  ) {}

  /** Calls one operation of the shared contract; the answer is checked against its response schema. */
  async call<O extends AnyOperation>(operation: O, input: CallInput<O>): Promise<ProxyResult<z.output<O['response']>>> {
    if (this.baseUrl === '') return { ok: false, problem: { kind: 'notConfigured' } };
    const parts = input as { readonly query?: Values; readonly params?: Values; readonly body?: unknown };
    const path = `${fillPath(operation.path, parts.params)}${queryString(parts.query)}`;
    const body = parts.body;
    const response = await this.port.request({
      url: `${this.baseUrl}${path}`,
      type: operation.method,
      headers: { Authorization: 'Bearer {{jwt.token}}', Accept: 'application/json' },
      secure: true,
      jwt: {
        algorithm: 'HS256',
        secret_key: '{{setting.sharedSecret}}',
        expiry: 3600,
        claims: {
          iss: this.identity.subdomain,
          aud: JWT_AUDIENCE,
          sub: String(this.identity.userId),
          name: this.identity.userName,
        },
      },
      ...(body === undefined ? {} : { data: JSON.stringify(body), contentType: 'application/json' }),
    });
    if (response.status < 200 || response.status >= 300) return { ok: false, problem: await problemFor(response) };
    const parsed = operation.response.safeParse(response.body);
    if (!parsed.success) return { ok: false, problem: { kind: 'badResponse' } };
    // The data was parsed by this operation's own response schema, so it has that schema's type.
    return { ok: true, data: parsed.data as z.output<O['response']> };
  }
}
