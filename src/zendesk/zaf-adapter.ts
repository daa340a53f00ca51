import { isRecord } from '../domain/is-record';
import {
  ZendeskError,
  type AppContext,
  type AppMetadata,
  type GetResult,
  type HttpResponse,
  type RequestOptions,
  type ZendeskPort,
} from './port';

/**
 * The production adapter: wraps the client of Zendesk's official SDK (the global `ZAFClient`
 * that the app page loads). The SDK ships no types; the shape below is what its documentation
 * and source define, and every value it returns is checked before use.
 */
export interface ZafClient {
  get(paths: string | string[]): Promise<Record<string, unknown>>;
  set(path: string, value: unknown): Promise<unknown>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  on(event: string, handler: (...args: unknown[]) => void): void;
  off(event: string, handler: (...args: unknown[]) => void): void;
  request(options: Record<string, unknown>): Promise<unknown>;
  metadata(): Promise<unknown>;
  context(): Promise<unknown>;
}

export interface ZafGlobal {
  init(): ZafClient | false;
}

function message(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  return String(error);
}

/** ZAF rejects `request` with a jqXHR-like object for non-2xx answers. */
function toResponse(raw: unknown): HttpResponse {
  if (isRecord(raw) && typeof raw.status === 'number') {
    let body: unknown = raw.responseJSON;
    if (body === undefined && typeof raw.responseText === 'string') {
      try {
        body = JSON.parse(raw.responseText);
      } catch {
        body = raw.responseText;
      }
    }
    return { status: raw.status, body };
  }
  return { status: 0, body: undefined };
}

export function createZafPort(client: ZafClient): ZendeskPort {
  return {
    async get(paths): Promise<GetResult> {
      try {
        // The array form answers {errors} per path instead of rejecting the whole call.
        const raw = await client.get([...paths]);
        const errors: Record<string, string> = {};
        if (isRecord(raw.errors)) {
          for (const [k, v] of Object.entries(raw.errors)) errors[k] = message(v);
        }
        const values: Record<string, unknown> = {};
        for (const p of paths) if (p in raw) values[p] = raw[p];
        return { values, errors };
      } catch (error) {
        throw new ZendeskError(message(error));
      }
    },
    async set(path, value) {
      try {
        await client.set(path, value);
      } catch (error) {
        throw new ZendeskError(message(error));
      }
    },
    async invoke(name, ...args) {
      try {
        return await client.invoke(name, ...args);
      } catch (error) {
        throw new ZendeskError(message(error));
      }
    },
    on(event, handler) {
      const listener = (...args: unknown[]): void => {
        handler(args[0]);
      };
      client.on(event, listener);
      return () => {
        client.off(event, listener);
      };
    },
    async request(options: RequestOptions): Promise<HttpResponse> {
      const zafOptions: Record<string, unknown> = {
        url: options.url,
        type: options.type,
        headers: options.headers ?? {},
        cors: false,
        httpCompleteResponse: true,
        secure: options.secure ?? false,
        timeout: options.timeoutMs ?? 15_000,
      };
      if (options.data !== undefined) zafOptions.data = options.data;
      if (options.contentType !== undefined) zafOptions.contentType = options.contentType;
      if (options.jwt !== undefined) zafOptions.jwt = options.jwt;
      try {
        const raw = await client.request(zafOptions);
        if (isRecord(raw) && typeof raw.status === 'number')
          return { status: raw.status, body: raw.responseJSON ?? raw.responseText };
        return { status: 200, body: raw };
      } catch (error) {
        return toResponse(error);
      }
    },
    async metadata(): Promise<AppMetadata> {
      const raw = await client.metadata();
      const m = isRecord(raw) ? raw : {};
      return {
        appId: typeof m.appId === 'number' ? m.appId : 0,
        name: typeof m.name === 'string' ? m.name : '',
        version: typeof m.version === 'string' ? m.version : '',
        installationId: typeof m.installationId === 'number' ? m.installationId : 0,
        settings: isRecord(m.settings) ? m.settings : {},
      };
    },
    async context(): Promise<AppContext> {
      const raw = await client.context();
      const c = isRecord(raw) ? raw : {};
      const account = isRecord(c.account) ? c.account : {};
      return {
        product: typeof c.product === 'string' ? c.product : '',
        location: typeof c.location === 'string' ? c.location : '',
        subdomain: typeof account.subdomain === 'string' ? account.subdomain : '',
        ...(typeof c.ticketId === 'number' ? { ticketId: c.ticketId } : {}),
      };
    },
  };
}

/** The SDK's global, when the page loaded it. */
export function zafGlobal(w: unknown = globalThis): ZafGlobal | undefined {
  const candidate = isRecord(w) ? w.ZAFClient : undefined;
  return isRecord(candidate) && typeof candidate.init === 'function' ? (candidate as unknown as ZafGlobal) : undefined;
}
