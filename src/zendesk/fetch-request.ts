import type { HttpResponse, RequestOptions } from './port';

/**
 * Carries a ZAF-style request with fetch, for the in-memory Zendesk (tests and the local run).
 * Zendesk's own request proxy fills `{{jwt.token}}` and `{{setting.x}}` placeholders; here the
 * host may pass `fill` to do the same (the local page signs the JWT itself), or leave them as
 * they are (tests that only look at what the app sent).
 */
export type Fill = (options: RequestOptions) => Promise<Readonly<Record<string, string>>>;

/** Fetches and reads the answer as JSON (or text); no answer at all is status 0. */
export async function fetchJson(
  url: string,
  init: RequestInit,
  fetchImpl: typeof fetch = fetch,
): Promise<HttpResponse> {
  try {
    const res = await fetchImpl(url, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: res.status, body };
  } catch {
    return { status: 0, body: undefined };
  }
}

export function fetchRequest(fill?: Fill, fetchImpl: typeof fetch = fetch) {
  return async (options: RequestOptions): Promise<HttpResponse> => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.contentType !== undefined) headers['Content-Type'] = options.contentType;
    if (fill !== undefined) Object.assign(headers, await fill(options));
    const init: RequestInit = { method: options.type, headers };
    if (options.data !== undefined) init.body = options.data;
    return fetchJson(options.url, init, fetchImpl);
  };
}
