/**
 * The one door to Zendesk. Everything the app reads from or does to the ticket, and every call to
 * the proxy, goes through this interface; the production adapter wraps ZAF's client and the
 * in-memory adapter serves the tests and the local run. No other module touches ZAF.
 */
export interface GetResult {
  readonly values: Readonly<Record<string, unknown>>;
  /** Paths Zendesk could not read, with its reason. */
  readonly errors: Readonly<Record<string, string>>;
}

export interface JwtOptions {
  readonly algorithm: 'HS256';
  /** A placeholder such as `{{setting.sharedSecret}}`: the secret never reaches the browser. */
  readonly secret_key: string;
  readonly expiry: number;
  readonly claims: Readonly<Record<string, string | number>>;
}

export interface RequestOptions {
  readonly url: string;
  readonly type: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly headers?: Readonly<Record<string, string>>;
  readonly data?: string;
  readonly contentType?: string;
  /** Zendesk fills `{{setting.x}}` placeholders of secure settings on its side. */
  readonly secure?: boolean;
  readonly jwt?: JwtOptions;
  readonly timeoutMs?: number;
}

export interface HttpResponse {
  /** 0 when no response came (network down, timeout). */
  readonly status: number;
  readonly body: unknown;
}

export interface AppMetadata {
  readonly appId: number;
  readonly name: string;
  readonly version: string;
  readonly installationId: number;
  readonly settings: Readonly<Record<string, unknown>>;
}

export interface AppContext {
  readonly product: string;
  readonly location: string;
  readonly subdomain: string;
  readonly ticketId?: number;
}

export type Unsubscribe = () => void;

export interface ZendeskPort {
  get(paths: readonly string[]): Promise<GetResult>;
  set(path: string, value: unknown): Promise<void>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  on(event: string, handler: (payload: unknown) => void): Unsubscribe;
  request(options: RequestOptions): Promise<HttpResponse>;
  metadata(): Promise<AppMetadata>;
  context(): Promise<AppContext>;
}

/** Raised by get/set/invoke when Zendesk refuses or does not answer. */
export class ZendeskError extends Error {
  override readonly name = 'ZendeskError';
}
