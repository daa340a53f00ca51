import { isRecord } from '../../domain/is-record';
import type { HttpResponse, RequestOptions } from '../../zendesk/port';
import type { MemoryZendesk } from '../../zendesk/memory-adapter';

/**
 * Plays Zendesk's part for an app in an iframe: answers the messages of Zendesk's SDK (the
 * handshake, get / set / invoke, event subscriptions, requests) from an in-memory ticket, and
 * pushes the ticket's events to the app. The wire format is the SDK's own: JSON strings posted
 * between the frames, requests `{id, request, params}` answered by `{id, result | error}`, events
 * as `{key: 'zaf.<name>', message}`, and `request:N` answered by `zaf.request:N.done | .fail`.
 */
export interface HostOptions {
  readonly frame: () => Window | null;
  /** Origin of the app's frame (messages from any other origin are ignored). */
  readonly appOrigin: string;
  readonly appGuid: string;
  readonly zendesk: MemoryZendesk;
  /** Zendesk's request proxy: fills secure settings, signs the JWT, enforces the whitelist. */
  readonly request: (options: RequestOptions) => Promise<HttpResponse>;
  readonly onActivity?: (what: string) => void;
}

interface ZafMessage {
  readonly id?: number;
  readonly key?: string;
  readonly request?: 'get' | 'set' | 'invoke';
  readonly params?: unknown;
  readonly message?: unknown;
}

export class ZafHost {
  private readonly subscribed = new Set<string>();
  private readonly offs: (() => void)[] = [];
  private readonly listener = (event: MessageEvent): void => {
    void this.receive(event);
  };

  constructor(private readonly options: HostOptions) {}

  start(): void {
    window.addEventListener('message', this.listener);
  }

  stop(): void {
    window.removeEventListener('message', this.listener);
    this.offs.forEach((off) => {
      off();
    });
    this.offs.length = 0;
    this.subscribed.clear();
  }

  private post(payload: Record<string, unknown>): void {
    this.options
      .frame()
      ?.postMessage(JSON.stringify({ appGuid: this.options.appGuid, ...payload }), this.options.appOrigin);
  }

  /** Sends an event to the app, as Zendesk does (the SDK drops events nobody listens to). */
  emit(name: string, message?: unknown): void {
    this.post({ key: `zaf.${name}`, message });
  }

  private async receive(event: MessageEvent): Promise<void> {
    if (event.origin !== this.options.appOrigin || event.source !== this.options.frame()) return;
    let parsed: unknown;
    try {
      parsed = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
    } catch {
      return;
    }
    if (!isRecord(parsed)) return;
    const data = parsed as ZafMessage;
    const z = this.options.zendesk;
    if (data.key === 'iframe.handshake') {
      const [metadata, context] = await Promise.all([z.metadata(), z.context()]);
      this.emit('app.registered', {
        metadata: { ...metadata, settings: publicSettings(metadata.settings) },
        context: {
          host: 'zendesk',
          product: context.product,
          location: context.location,
          instanceGuid: this.options.appGuid,
          account: { subdomain: context.subdomain },
          ticketId: context.ticketId,
        },
      });
      return;
    }
    if (typeof data.key === 'string' && data.key.startsWith('iframe.on:')) {
      this.subscribe(data.key.slice('iframe.on:'.length));
      return;
    }
    if (typeof data.key === 'string' && /^request:\d+$/.test(data.key)) {
      await this.relay(data.key, data.message);
      return;
    }
    if (typeof data.id === 'number' && data.request !== undefined) {
      this.options.onActivity?.(data.request);
      try {
        const result = await this.answer(data.request, data.params);
        this.post({ id: data.id, result });
      } catch (error) {
        this.post({
          id: data.id,
          error: { name: 'Error', message: error instanceof Error ? error.message : String(error) },
        });
      }
    }
  }

  private subscribe(name: string): void {
    if (this.subscribed.has(name) || name === 'app.registered') return;
    this.subscribed.add(name);
    this.offs.push(
      this.options.zendesk.on(name, (payload) => {
        this.emit(name, payload);
      }),
    );
  }

  private async answer(request: 'get' | 'set' | 'invoke', params: unknown): Promise<unknown> {
    const z = this.options.zendesk;
    if (request === 'get') {
      const paths = Array.isArray(params) ? params.filter((p): p is string => typeof p === 'string') : [];
      const { values, errors } = await z.get(paths);
      const errorObjects = Object.fromEntries(
        Object.entries(errors).map(([path, message]) => [path, { name: 'Error', message, path }]),
      );
      return { ...values, errors: errorObjects };
    }
    if (!isRecord(params)) throw new Error(`${request} expects an object`);
    if (request === 'set') {
      for (const [path, value] of Object.entries(params)) await z.set(path, value);
      return { errors: {} };
    }
    const results: Record<string, unknown> = {};
    for (const [name, args] of Object.entries(params)) {
      results[name] = await z.invoke(name, ...(Array.isArray(args) ? (args as unknown[]) : []));
    }
    return { ...results, errors: {} };
  }

  /** `client.request`: through the page's stand-in for Zendesk's request proxy. */
  private async relay(key: string, raw: unknown): Promise<void> {
    const o = isRecord(raw) ? raw : {};
    const options: RequestOptions = {
      url: typeof o.url === 'string' ? o.url : '',
      type: o.type === 'POST' || o.type === 'PUT' || o.type === 'DELETE' ? o.type : 'GET',
      ...(isRecord(o.headers)
        ? { headers: Object.fromEntries(Object.entries(o.headers).map(([k, v]) => [k, String(v)])) }
        : {}),
      ...(typeof o.data === 'string' ? { data: o.data } : {}),
      ...(typeof o.contentType === 'string' ? { contentType: o.contentType } : {}),
      secure: o.secure === true,
      ...(isRecord(o.jwt) ? { jwt: o.jwt as unknown as NonNullable<RequestOptions['jwt']> } : {}),
    };
    this.options.onActivity?.(`request ${options.type} ${options.url}`);
    const response = await this.options.request(options);
    const complete = {
      status: response.status,
      responseJSON: response.body,
      responseText: typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? null),
      headers: {},
    };
    if (response.status >= 200 && response.status < 300) {
      this.emit(`${key}.done`, {
        responseArgs: [o.httpCompleteResponse === true ? complete : response.body, 'success', complete],
      });
    } else {
      this.emit(`${key}.fail`, { responseArgs: [complete, 'error', String(response.status)] });
    }
  }
}

/** Secure settings never reach the app, as in Zendesk. */
function publicSettings(settings: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).filter(([k]) => k !== 'sharedSecret'));
}
