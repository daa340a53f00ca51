// The production adapter, over a stub of ZAF's client (an object whose get/set/request/invoke/on
// answer promises, as zendesk/app_scaffolds stubs it): what the app sends to Zendesk and how
// Zendesk's answers and refusals come back through the port.
import { describe, expect, it, vi } from 'vitest';
import { createZafPort, zafGlobal, type ZafClient } from '../../src/zendesk/zaf-adapter';
import { ZendeskError } from '../../src/zendesk/port';

/** ZAF's client as the app sees it; the mocks are kept apart to read the calls made. */
function stubClient(overrides: Partial<ZafClient> = {}) {
  const handlers = new Map<string, (...a: unknown[]) => void>();
  const mocks = {
    get: vi.fn((_paths: string | string[]) => Promise.resolve<Record<string, unknown>>({})),
    set: vi.fn((_path: string, _value: unknown) => Promise.resolve<unknown>({})),
    invoke: vi.fn((_name: string, ..._args: unknown[]) => Promise.resolve<unknown>(undefined)),
    on: vi.fn((event: string, handler: (...a: unknown[]) => void) => {
      handlers.set(event, handler);
    }),
    off: vi.fn((event: string, _handler: (...a: unknown[]) => void) => {
      handlers.delete(event);
    }),
    request: vi.fn((_options: Record<string, unknown>) => Promise.resolve<unknown>({})),
    metadata: vi.fn(() => Promise.resolve<unknown>({})),
    context: vi.fn(() => Promise.resolve<unknown>({})),
  };
  const client: ZafClient = { ...mocks, ...overrides };
  return { client, mocks, handlers };
}

describe('the ZAF adapter', () => {
  it('reads paths in one array call and keeps each path’s error apart', async () => {
    const { client, mocks } = stubClient();
    mocks.get.mockResolvedValue({
      'ticket.subject': 'Alta Via Oberta',
      'ticket.customField:custom_field_9': undefined,
      errors: { 'ticket.customField:custom_field_9': { message: 'no such field' } },
    });
    const port = createZafPort(client);
    const result = await port.get(['ticket.subject', 'ticket.customField:custom_field_9', 'ticket.id']);
    expect(mocks.get).toHaveBeenCalledWith(['ticket.subject', 'ticket.customField:custom_field_9', 'ticket.id']);
    expect(result.values).toEqual({
      'ticket.subject': 'Alta Via Oberta',
      'ticket.customField:custom_field_9': undefined,
    });
    expect(result.errors).toEqual({ 'ticket.customField:custom_field_9': 'no such field' });
  });

  it('turns a refused get, set or invoke into a ZendeskError with Zendesk’s reason', async () => {
    const { client, mocks } = stubClient();
    // ZAF rejects with an Error, a plain object with a message, or a string.
    mocks.get.mockRejectedValue(new Error('not allowed'));
    mocks.set.mockRejectedValue({ message: 'read-only field' });
    mocks.invoke.mockRejectedValue('no such action');
    const port = createZafPort(client);
    await expect(port.get(['ticket.id'])).rejects.toEqual(new ZendeskError('not allowed'));
    await expect(port.set('ticket.tags', [])).rejects.toThrow(ZendeskError);
    await expect(port.set('ticket.tags', [])).rejects.toThrow('read-only field');
    await expect(port.invoke('ticket.editor.insert', 'x')).rejects.toThrow('no such action');
  });

  it('passes set and invoke through with their arguments', async () => {
    const { client, mocks } = stubClient();
    mocks.invoke.mockResolvedValue('done');
    const port = createZafPort(client);
    await port.set('ticket.tags', ['alta_servei']);
    expect(mocks.set).toHaveBeenCalledWith('ticket.tags', ['alta_servei']);
    expect(await port.invoke('ticket.editor.insert', '<p>Bon dia</p>')).toBe('done');
    expect(mocks.invoke).toHaveBeenCalledWith('ticket.editor.insert', '<p>Bon dia</p>');
  });

  it('hands an event’s payload to the handler and unsubscribes the same listener', () => {
    const { client, mocks, handlers } = stubClient();
    const port = createZafPort(client);
    const seen: unknown[] = [];
    const unsubscribe = port.on('ticket.tags.changed', (p) => seen.push(p));
    handlers.get('ticket.tags.changed')?.(['a', 'b'], 'ignored');
    expect(seen).toEqual([['a', 'b']]);
    const listener = mocks.on.mock.calls[0]?.[1];
    unsubscribe();
    expect(mocks.off).toHaveBeenCalledWith('ticket.tags.changed', listener);
    expect(handlers.has('ticket.tags.changed')).toBe(false);
  });

  it('sends a proxy request secure, with its JWT, no CORS and the complete response asked for', async () => {
    const { client, mocks } = stubClient();
    mocks.request.mockResolvedValue({ status: 200, responseJSON: { ok: true }, responseText: '{"ok":true}' });
    const port = createZafPort(client);
    const jwt = {
      algorithm: 'HS256' as const,
      secret_key: '{{setting.sharedSecret}}',
      expiry: 60,
      claims: { sub: '7' },
    };
    const answer = await port.request({
      url: 'https://proxy.example.org/v1/checks/dir3?ticket=1&ine10=0801930008',
      type: 'GET',
      headers: { Accept: 'application/json' },
      secure: true,
      jwt,
      timeoutMs: 5000,
    });
    expect(answer).toEqual({ status: 200, body: { ok: true } });
    expect(mocks.request).toHaveBeenCalledWith({
      url: 'https://proxy.example.org/v1/checks/dir3?ticket=1&ine10=0801930008',
      type: 'GET',
      headers: { Accept: 'application/json' },
      cors: false,
      httpCompleteResponse: true,
      secure: true,
      timeout: 5000,
      jwt,
    });
  });

  it('sends a body with its content type, and defaults to not secure with a 15 s timeout', async () => {
    const { client, mocks } = stubClient();
    await createZafPort(client).request({
      url: 'https://proxy.example.org/v1/tickets/1/progress/x',
      type: 'PUT',
      data: '{"done":true}',
      contentType: 'application/json',
    });
    expect(mocks.request).toHaveBeenCalledWith(
      expect.objectContaining({
        data: '{"done":true}',
        contentType: 'application/json',
        secure: false,
        timeout: 15000,
      }),
    );
  });

  it('answers a refusal with its status and body (JSON, text, or none when no response came)', async () => {
    const refusing = (raw: unknown) => {
      const { client, mocks } = stubClient();
      // ZAF rejects a non-2xx answer with a jqXHR-like object, not an Error.
      mocks.request.mockRejectedValue(raw);
      return createZafPort(client);
    };
    const req = { url: 'https://proxy.example.org/v1/health', type: 'GET' as const };
    expect(await refusing({ status: 429, responseText: '{"error":"RATE_LIMITED"}' }).request(req)).toEqual({
      status: 429,
      body: { error: 'RATE_LIMITED' },
    });
    expect(await refusing({ status: 400, responseJSON: { error: 'BAD_REQUEST' } }).request(req)).toEqual({
      status: 400,
      body: { error: 'BAD_REQUEST' },
    });
    expect(await refusing({ status: 502, responseText: 'Bad Gateway' }).request(req)).toEqual({
      status: 502,
      body: 'Bad Gateway',
    });
    expect(await refusing(new Error('timeout')).request(req)).toEqual({ status: 0, body: undefined });
  });

  it('reads a plain answer (no complete response) as a 200 with that body', async () => {
    const { client, mocks } = stubClient();
    mocks.request.mockResolvedValue({ ticket: { id: 1 } });
    const port = createZafPort(client);
    expect(await port.request({ url: '/api/v2/tickets/1.json', type: 'GET' })).toEqual({
      status: 200,
      body: { ticket: { id: 1 } },
    });
  });

  it('checks metadata and context, with neutral values for anything missing or of the wrong type', async () => {
    const port = createZafPort(
      stubClient({
        metadata: () =>
          Promise.resolve({
            appId: 12,
            name: 'AOC',
            version: '1.2.0',
            installationId: '9',
            settings: { altaTag: 'x' },
          }),
        context: () =>
          Promise.resolve({
            product: 'support',
            location: 'ticket_sidebar',
            account: { subdomain: 'aoc' },
            ticketId: 42,
          }),
      }).client,
    );
    expect(await port.metadata()).toEqual({
      appId: 12,
      name: 'AOC',
      version: '1.2.0',
      installationId: 0,
      settings: { altaTag: 'x' },
    });
    expect(await port.context()).toEqual({
      product: 'support',
      location: 'ticket_sidebar',
      subdomain: 'aoc',
      ticketId: 42,
    });
    const { client, mocks } = stubClient();
    mocks.metadata.mockResolvedValue(null);
    mocks.context.mockResolvedValue('x');
    const empty = createZafPort(client);
    expect(await empty.metadata()).toEqual({ appId: 0, name: '', version: '', installationId: 0, settings: {} });
    expect(await empty.context()).toEqual({ product: '', location: '', subdomain: '' });
  });

  it('finds the SDK’s global only when the page loaded it', () => {
    const found = zafGlobal({ ZAFClient: { init: () => false } });
    expect(found?.init()).toBe(false);
    expect(zafGlobal({})).toBeUndefined();
    expect(zafGlobal({ ZAFClient: { init: 'no' } })).toBeUndefined();
    expect(zafGlobal(undefined)).toBeUndefined();
  });
});
