import {
  ZendeskError,
  type AppContext,
  type AppMetadata,
  type GetResult,
  type HttpResponse,
  type RequestOptions,
  type Unsubscribe,
  type ZendeskPort,
} from './port';

/**
 * An in-memory Zendesk: one ticket, one agent, the app's settings, and what the app does to them
 * (comments, tags, macros, status). Serves the tests and the local run. Requests go to a handler
 * the host provides (the local page's stand-in for Zendesk's request proxy, or a test's fetch).
 */
export interface MemoryComment {
  readonly author: string;
  readonly body: string;
  readonly attachments: readonly string[];
}

export interface MemoryTicket {
  id: number;
  subject: string;
  description: string;
  status: string;
  tags: string[];
  requester: { id: number; name: string; email: string; locale?: string };
  organization: { id: number; name: string } | null;
  comments: MemoryComment[];
  customFields: Record<string, unknown>;
  /** The reply editor: its text and whether it is a public reply or an internal note. */
  editor: { html: string; type: 'publicReply' | 'internalNote' };
  macrosApplied: number[];
}

export interface MemoryZendeskOptions {
  readonly ticket: MemoryTicket;
  readonly currentUser?: { id: number; name: string; email: string; locale: string };
  readonly settings?: Record<string, unknown>;
  readonly subdomain?: string;
  readonly request?: (options: RequestOptions) => Promise<HttpResponse>;
  /** Makes a path fail, to test how the app copes with Zendesk errors. */
  readonly failures?: Partial<Record<string, string>>;
}

type Handler = (payload: unknown) => void;

export class MemoryZendesk implements ZendeskPort {
  readonly ticket: MemoryTicket;
  readonly currentUser: { id: number; name: string; email: string; locale: string };
  readonly notifications: { message: string; kind: string }[] = [];
  height = 0;
  private readonly settings: Record<string, unknown>;
  private readonly subdomain: string;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly requestHandler: ((options: RequestOptions) => Promise<HttpResponse>) | undefined;
  failures: Partial<Record<string, string>>;

  constructor(options: MemoryZendeskOptions) {
    this.ticket = options.ticket;
    this.currentUser = options.currentUser ?? { id: 1, name: 'Agent', email: 'agent@example.org', locale: 'ca' };
    this.settings = options.settings ?? {};
    this.subdomain = options.subdomain ?? 'local';
    this.requestHandler = options.request;
    this.failures = options.failures ?? {};
  }

  private read(path: string): unknown {
    const t = this.ticket;
    if (path.startsWith('ticket.customField:custom_field_'))
      return t.customFields[path.slice('ticket.customField:custom_field_'.length)];
    switch (path) {
      case 'ticket.id':
        return t.id;
      case 'ticket.subject':
        return t.subject;
      case 'ticket.description':
        return t.description;
      case 'ticket.status':
        return t.status;
      case 'ticket.tags':
        return [...t.tags];
      case 'ticket.requester':
        return { ...t.requester };
      case 'ticket.organization':
        return t.organization === null ? null : { ...t.organization };
      case 'ticket.comments':
        return t.comments.map((c) => ({
          author: { name: c.author },
          value: c.body,
          attachments: c.attachments.map((name) => ({ filename: name })),
        }));
      case 'ticket.comment.type':
        return t.editor.type;
      case 'ticket.comment.text':
        return t.editor.html;
      case 'currentUser':
        return { ...this.currentUser };
      default:
        throw new ZendeskError(`"${path}" is not a path this location knows`);
    }
  }

  get(paths: readonly string[]): Promise<GetResult> {
    const values: Record<string, unknown> = {};
    const errors: Record<string, string> = {};
    for (const p of paths) {
      const failure = this.failures[p];
      if (failure !== undefined) {
        errors[p] = failure;
        continue;
      }
      try {
        values[p] = this.read(p);
      } catch (error) {
        errors[p] = error instanceof Error ? error.message : String(error);
      }
    }
    return Promise.resolve({ values, errors });
  }

  set(path: string, value: unknown): Promise<void> {
    const failure = this.failures[path];
    if (failure !== undefined) return Promise.reject(new ZendeskError(failure));
    const t = this.ticket;
    if (path.startsWith('ticket.customField:custom_field_')) {
      t.customFields[path.slice('ticket.customField:custom_field_'.length)] = value;
    } else if (path === 'ticket.comment.type' && (value === 'publicReply' || value === 'internalNote')) {
      t.editor.type = value;
    } else if (path === 'ticket.status' && typeof value === 'string') {
      t.status = value;
      this.emit('ticket.status.changed', value);
    } else if (path === 'ticket.subject' && typeof value === 'string') {
      t.subject = value;
      this.emit('ticket.subject.changed', value);
    } else if (path === 'ticket.tags' && Array.isArray(value)) {
      t.tags = value.map(String);
      this.emit('ticket.tags.changed', t.tags);
    } else {
      return Promise.reject(new ZendeskError(`"${path}" cannot be set`));
    }
    return Promise.resolve();
  }

  invoke(name: string, ...args: unknown[]): Promise<unknown> {
    const failure = this.failures[name];
    if (failure !== undefined) return Promise.reject(new ZendeskError(failure));
    const t = this.ticket;
    const [first, second] = args;
    const asText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
    switch (name) {
      case 'ticket.comment.appendHtml':
      case 'ticket.editor.insert':
        t.editor.html += asText(first);
        return Promise.resolve();
      case 'ticket.comment.appendText':
        t.editor.html += asText(first)
          .split('\n')
          .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
          .join('');
        return Promise.resolve();
      case 'ticket.tags.add': {
        const tags = (Array.isArray(first) ? first : [first]).map(String);
        t.tags = [...new Set([...t.tags, ...tags])];
        this.emit('ticket.tags.changed', t.tags);
        return Promise.resolve();
      }
      case 'ticket.tags.remove': {
        const drop = new Set((Array.isArray(first) ? first : [first]).map(String));
        t.tags = t.tags.filter((x) => !drop.has(x));
        this.emit('ticket.tags.changed', t.tags);
        return Promise.resolve();
      }
      case 'macro':
        t.macrosApplied.push(Number(first));
        return Promise.resolve();
      case 'resize':
        if (typeof first === 'object' && first !== null && 'height' in first) {
          // ZAF takes CSS lengths ("480px") as well as numbers.
          const h: unknown = first.height;
          this.height = typeof h === 'number' ? h : typeof h === 'string' ? Number.parseFloat(h) : Number.NaN;
        }
        return Promise.resolve();
      case 'notify':
        this.notifications.push({ message: asText(first), kind: asText(second) || 'notice' });
        return Promise.resolve();
      default:
        return Promise.reject(new ZendeskError(`No action "${name}"`));
    }
  }

  on(event: string, handler: Handler): Unsubscribe {
    const set = this.handlers.get(event) ?? new Set<Handler>();
    set.add(handler);
    this.handlers.set(event, set);
    return () => {
      set.delete(handler);
    };
  }

  /** Fires an event, as Zendesk does when the agent edits the ticket. */
  emit(event: string, payload?: unknown): void {
    for (const h of this.handlers.get(event) ?? []) h(payload);
    if (event.endsWith('.changed')) for (const h of this.handlers.get('*.changed') ?? []) h(payload);
  }

  /** Changes the ticket as an agent would in Zendesk's own fields, firing the events. */
  editTicket(
    change: Partial<Pick<MemoryTicket, 'subject' | 'description' | 'tags' | 'requester' | 'organization'>>,
  ): void {
    Object.assign(this.ticket, change);
    for (const [key, value] of Object.entries(change)) this.emit(`ticket.${key}.changed`, value);
  }

  request(options: RequestOptions): Promise<HttpResponse> {
    if (this.requestHandler === undefined) return Promise.resolve({ status: 0, body: undefined });
    return this.requestHandler(options);
  }

  metadata(): Promise<AppMetadata> {
    return Promise.resolve({
      appId: 0,
      name: 'AOC integration assistant',
      version: 'local',
      installationId: 0,
      settings: { ...this.settings },
    });
  }

  context(): Promise<AppContext> {
    return Promise.resolve({
      product: 'support',
      location: 'ticket_sidebar',
      subdomain: this.subdomain,
      ticketId: this.ticket.id,
    });
  }
}

/** A ticket with sensible empty values, for tests and the local page. */
export function memoryTicket(partial: Partial<MemoryTicket> = {}): MemoryTicket {
  return {
    id: 1001,
    subject: '',
    description: '',
    status: 'open',
    tags: [],
    requester: { id: 501, name: 'Requester', email: 'requester@example.org', locale: 'ca' },
    organization: null,
    comments: [],
    customFields: {},
    editor: { html: '', type: 'publicReply' },
    macrosApplied: [],
    ...partial,
  };
}
