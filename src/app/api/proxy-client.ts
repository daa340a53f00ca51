import type { z } from 'zod';
import {
  API_PREFIX,
  ApiError,
  AuthorisationsResponse,
  DcocResponse,
  Dir3Response,
  FinalitatResponse,
  IntegratorListResponse,
  OrganismeResponse,
  ProgressResponse,
  PscpOrganResponse,
  PscpUserResponse,
  RegisterIntegratorResponse,
  StepProgress,
} from '../../shared/proxy-api';
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
  | { readonly kind: 'badResponse' };

export type ProxyResult<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly problem: ProxyProblem };

export interface Identity {
  readonly subdomain: string;
  readonly userId: number;
  readonly userName: string;
}

function problemFor(response: HttpResponse): ProxyProblem {
  const parsed = ApiError.safeParse(response.body);
  const error = parsed.success ? parsed.data : undefined;
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

function query(params: Readonly<Record<string, string | number | undefined>>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== '') parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

export class ProxyClient {
  constructor(
    private readonly port: ZendeskPort,
    private readonly baseUrl: string,
    private readonly identity: Identity,
  ) {}

  private async call<S extends z.ZodType>(
    schema: S,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
  ): Promise<ProxyResult<z.output<S>>> {
    if (this.baseUrl === '') return { ok: false, problem: { kind: 'notConfigured' } };
    const response = await this.port.request({
      url: `${this.baseUrl}${path}`,
      type: method,
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
    if (response.status < 200 || response.status >= 300) return { ok: false, problem: problemFor(response) };
    const parsed = schema.safeParse(response.body);
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problem: { kind: 'badResponse' } };
  }

  authorisations(ticket: number, env: 'PRE' | 'PRO', by: { ine10: string } | { nif: string }) {
    return this.call(
      AuthorisationsResponse,
      'GET',
      `${API_PREFIX}/checks/authorisations${query({ env, ticket, ...by })}`,
    );
  }
  dir3(ticket: number, ine10: string) {
    return this.call(Dir3Response, 'GET', `${API_PREFIX}/checks/dir3${query({ ticket, ine10 })}`);
  }
  finalitat(ticket: number, env: 'PRE' | 'PRO', by: { code: string } | { ine10: string }) {
    return this.call(FinalitatResponse, 'GET', `${API_PREFIX}/checks/finalitat${query({ env, ticket, ...by })}`);
  }
  organisme(ticket: number, env: 'PRE' | 'PRO', by: { ine10: string } | { nif: string }) {
    return this.call(OrganismeResponse, 'GET', `${API_PREFIX}/checks/organisme${query({ env, ticket, ...by })}`);
  }
  pscpUser(ticket: number, env: 'PRE' | 'PRO', nif: string) {
    return this.call(PscpUserResponse, 'GET', `${API_PREFIX}/checks/pscp-user${query({ env, ticket, nif })}`);
  }
  pscpOrgan(ticket: number, env: 'PRE' | 'PRO', cif: string) {
    return this.call(PscpOrganResponse, 'GET', `${API_PREFIX}/checks/pscp-organ${query({ env, ticket, cif })}`);
  }
  dcoc(ticket: number, ine10: string) {
    return this.call(DcocResponse, 'GET', `${API_PREFIX}/checks/dcoc${query({ ticket, ine10 })}`);
  }
  integrators(ticket: number, ine10: string) {
    return this.call(
      IntegratorListResponse,
      'GET',
      `${API_PREFIX}/integrator-registrations${query({ ticket, ine10 })}`,
    );
  }
  registerIntegrator(body: {
    ticket: number;
    ens: { ine10: string; nom: string };
    service: string;
    product?: string;
    integrator: { nif: string; nom: string };
    observations?: string;
  }) {
    return this.call(RegisterIntegratorResponse, 'POST', `${API_PREFIX}/integrator-registrations`, body);
  }
  progress(ticket: number) {
    return this.call(ProgressResponse, 'GET', `${API_PREFIX}/tickets/${String(ticket)}/progress`);
  }
  setStep(ticket: number, stepId: string, body: { done: boolean; procedure: string; note?: string }) {
    return this.call(
      StepProgress,
      'PUT',
      `${API_PREFIX}/tickets/${String(ticket)}/progress/${encodeURIComponent(stepId)}`,
      body,
    );
  }
}
