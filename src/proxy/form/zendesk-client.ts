/**
 * The proxy's calls to Zendesk's REST API for one ticket's attachments. Requests go only to the
 * configured account: the API origin gets the credentials; a download may also be redirected to
 * the account's attachment host (`<subdomain>.zdusercontent.com`), which gets none. Every redirect
 * is followed by hand and checked against the same list, so no request reaches another host.
 */
import { z } from 'zod';
import type { ZendeskApiSettings } from '../config';
import { joinChunks } from '../../domain/form/inflate';

export class ZendeskCallError extends Error {
  constructor(
    /** What the agent is told (the caller maps it to an HTTP answer). */
    readonly kind: 'auth' | 'not-found' | 'rate-limited' | 'unavailable' | 'refused',
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ZendeskCallError';
  }
}

const Attachment = z.object({
  id: z.number(),
  file_name: z.string(),
  content_url: z.string(),
  content_type: z.string().nullish(),
  size: z.number().nonnegative(),
  malware_scan_result: z.string().nullish(),
  malware_access_override: z.boolean().nullish(),
});
export type ZendeskAttachment = z.infer<typeof Attachment>;

const CommentsPage = z.object({
  comments: z.array(z.object({ attachments: z.array(Attachment).nullish() })),
  next_page: z.string().nullish(),
});

const UploadAnswer = z.object({ upload: z.object({ token: z.string().min(1) }) });

const TIMEOUT_MS = 15_000;
const MAX_PAGES = 20;
const MAX_REDIRECTS = 5;
/** A page of comments is JSON of at most a few hundred KB; more is not Zendesk's answer. */
const MAX_JSON_BYTES = 5 * 1024 * 1024;

export class ZendeskAttachments {
  private readonly apiOrigin: string;
  private readonly allowedHosts: ReadonlySet<string>;

  constructor(private readonly settings: ZendeskApiSettings) {
    const api = new URL(settings.apiUrl);
    this.apiOrigin = api.origin;
    this.allowedHosts = new Set([
      api.host,
      `${settings.subdomain}.zendesk.com`,
      `${settings.subdomain}.zdusercontent.com`,
    ]);
  }

  /** The attachment with this id among the ticket's comments, or null when it is not on it. */
  async findOnTicket(ticket: number, attachmentId: number): Promise<ZendeskAttachment | null> {
    let url: string | null =
      `${this.apiOrigin}/api/v2/tickets/${String(ticket)}/comments.json?include_inline_images=true`;
    for (let page = 0; url !== null && page < MAX_PAGES; page++) {
      const response = await this.get(url, 'json');
      const parsed = CommentsPage.safeParse(
        JSON.parse(new TextDecoder().decode(await readLimited(response, MAX_JSON_BYTES))),
      );
      if (!parsed.success)
        throw new ZendeskCallError('unavailable', 'Zendesk answered the comments list in an unexpected shape.');
      for (const comment of parsed.data.comments) {
        const found = comment.attachments?.find((a) => a.id === attachmentId);
        if (found !== undefined) return found;
      }
      url = parsed.data.next_page ?? null;
    }
    return null;
  }

  /** Downloads an attachment's content, at most `limit` bytes. */
  async download(attachment: ZendeskAttachment, limit: number): Promise<Uint8Array> {
    const response = await this.get(attachment.content_url, 'binary');
    return readLimited(response, limit);
  }

  /**
   * Uploads a file (Zendesk's uploads API) and returns its token, which a comment then attaches.
   * An upload no comment takes expires at Zendesk after some days.
   */
  async upload(fileName: string, contentType: string, bytes: Uint8Array): Promise<string> {
    const url = `${this.apiOrigin}/api/v2/uploads.json?filename=${encodeURIComponent(fileName)}`;
    const answer = await this.send('POST', url, contentType, bytes as BodyInit);
    const parsed = UploadAnswer.safeParse(answer);
    if (!parsed.success)
      throw new ZendeskCallError('unavailable', 'Zendesk answered the upload in an unexpected shape.');
    return parsed.data.upload.token;
  }

  /** Adds a private comment (an internal note) to the ticket, with the uploads it attaches. */
  async addInternalNote(ticket: number, body: string, uploads: readonly string[]): Promise<void> {
    const url = `${this.apiOrigin}/api/v2/tickets/${String(ticket)}.json`;
    const payload = { ticket: { comment: { body, public: false, uploads } } };
    await this.send('PUT', url, 'application/json', JSON.stringify(payload));
  }

  /** A write to the API origin only (no redirect is followed for a write). */
  private async send(method: 'POST' | 'PUT', url: string, contentType: string, body: BodyInit): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { accept: 'application/json', 'content-type': contentType, authorization: this.authorization() },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new ZendeskCallError(
        'unavailable',
        timedOut ? 'Zendesk did not answer in time.' : 'Zendesk cannot be reached.',
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw statusError(response);
    }
    const text = new TextDecoder().decode(await readLimited(response, MAX_JSON_BYTES));
    try {
      return text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      throw new ZendeskCallError('unavailable', 'Zendesk answered with something that is not JSON.');
    }
  }

  private allowed(url: URL): boolean {
    if (!this.allowedHosts.has(url.host)) return false;
    return url.protocol === 'https:' || url.origin === this.apiOrigin;
  }

  private async get(start: string, expect: 'json' | 'binary'): Promise<Response> {
    let url: URL;
    try {
      url = new URL(start);
    } catch {
      throw new ZendeskCallError('refused', 'Zendesk gave an address that is not a URL.');
    }
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!this.allowed(url)) {
        throw new ZendeskCallError(
          'refused',
          `The attachment is served from ${url.host}, which is not this Zendesk account's host; not fetched.`,
        );
      }
      const headers: Record<string, string> = { accept: expect === 'json' ? 'application/json' : '*/*' };
      // Credentials only to the API origin, never to the attachment host a redirect leads to.
      if (url.origin === this.apiOrigin) headers.authorization = this.authorization();
      let response: Response;
      try {
        response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
      } catch (error) {
        const timedOut = error instanceof Error && error.name === 'TimeoutError';
        throw new ZendeskCallError(
          'unavailable',
          timedOut ? 'Zendesk did not answer in time.' : 'Zendesk cannot be reached.',
        );
      }
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get('location');
        await response.body?.cancel();
        if (location === null) throw new ZendeskCallError('unavailable', 'Zendesk redirected without a Location.');
        url = new URL(location, url);
        continue;
      }
      if (response.ok) return response;
      await response.body?.cancel();
      throw statusError(response);
    }
    throw new ZendeskCallError('unavailable', 'Zendesk redirected too many times.');
  }

  private authorization(): string {
    const c = this.settings.credentials;
    if (c.kind === 'oauth') return `Bearer ${c.token}`;
    return `Basic ${Buffer.from(`${c.user}/token:${c.token}`).toString('base64')}`;
  }
}

function statusError(response: Response): ZendeskCallError {
  const status = response.status;
  if (status === 401 || status === 403) {
    return new ZendeskCallError(
      'auth',
      `Zendesk refused the proxy's API credentials (${String(status)}); tell the proxy administrators.`,
    );
  }
  if (status === 404) return new ZendeskCallError('not-found', 'Zendesk has no such ticket or attachment (404).');
  if (status === 422)
    return new ZendeskCallError('refused', 'Zendesk refused the change (422): a closed ticket takes no new comment.');
  if (status === 429) {
    const retry = Number(response.headers.get('retry-after'));
    return new ZendeskCallError(
      'rate-limited',
      'Zendesk is limiting the proxy’s API calls right now (429); try again in a moment.',
      Number.isFinite(retry) && retry > 0 ? Math.min(retry, 3600) : 30,
    );
  }
  return new ZendeskCallError('unavailable', `Zendesk answered ${String(status)}; try again in a moment.`);
}

/** Reads a body, refusing it past `limit` bytes without holding more than that. */
async function readLimited(response: Response, limit: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw new ZendeskCallError('refused', `The attachment is larger than ${String(limit)} bytes; not fetched.`);
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new ZendeskCallError('refused', `The attachment is larger than ${String(limit)} bytes; not fetched.`);
    }
    chunks.push(value);
  }
  return joinChunks(chunks, total);
}
