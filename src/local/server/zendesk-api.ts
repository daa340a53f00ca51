import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { attachmentName, type TicketInput } from '../../domain/classifier';
import type { SampleFile } from '../form-samples';

/**
 * For the local run only: the parts of Zendesk's REST API the proxy and the app use for a
 * ticket's attachments, over the local page's sample tickets.
 * - `GET /api/v2/tickets/{id}/comments.json`: the ticket's one comment with its attachments
 *   (`id`, `file_name`, `content_url`, `content_type`, `size`, `malware_scan_result`), as
 *   Zendesk answers it; only with the API credentials (the proxy's, or the agent's session that
 *   the dev server's request proxy stands for), else 401 as Zendesk.
 * - `GET /attachments/token/{token}/?name=…`: the attachment's content, as Zendesk's content URLs
 *   (the token is the credential, as in Zendesk).
 * - `POST /api/v2/uploads.json?filename=…`: a file to attach (at most 20 MB), answered with its
 *   upload token; `PUT /api/v2/tickets/{id}.json` with `ticket.comment` (`body`, `public`,
 *   `uploads`): a new comment, its uploads as attachments, listed by `comments.json` after the
 *   first (how the proxy attaches the MINHAP Excel as an internal note). Both need the credentials;
 *   an unknown upload token is refused (422), as a comment must not lose its file silently.
 *   The same update may carry `additional_tags`, added to the ticket's tags.
 * - Tickets, as the app's child tickets per service use them: `GET /api/v2/tickets/{id}.json`,
 *   `GET /api/v2/tickets.json?external_id=…` and `POST /api/v2/tickets.json` (201, its first
 *   comment public or internal); tickets made here live in memory until the run stops.
 * A sample's request form is built with the fixture builder the first time it is asked for; a PDF
 * the sample only names is a PDF without form data, and any other attachment a line of text.
 */
export interface StandInTicket {
  readonly id: number;
  readonly ticket: TicketInput;
  readonly files?: Readonly<Record<string, SampleFile>>;
  /** Attachments whose bytes another builder makes (the ens lists' workbooks), by name. */
  readonly built?: Readonly<Record<string, () => Promise<Uint8Array>>>;
}

export interface ZendeskApiOptions {
  readonly tickets: readonly StandInTicket[];
  /** The one user + API token it accepts (Zendesk's `{email}/token:{token}` basic auth). */
  readonly user: string;
  readonly token: string;
  /** Builds a sample's PDF (the fixture builder; injected so that tests can count calls). */
  readonly buildPdf: (file: SampleFile) => Promise<Uint8Array>;
  readonly host?: string;
  readonly port?: number;
}

export interface ZendeskApi {
  readonly url: string;
  /** The `Authorization` header value the API accepts. */
  readonly authorization: string;
  readonly stop: () => Promise<void>;
}

interface Attachment {
  readonly id: number;
  readonly ticket: number;
  readonly name: string;
  readonly contentType: string;
  readonly token: string;
  readonly file: SampleFile | undefined;
  readonly build: (() => Promise<Uint8Array>) | undefined;
  /** The content of an uploaded file. */
  readonly bytes?: Uint8Array;
}

interface Upload {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

interface AddedComment {
  readonly id: number;
  readonly body: string;
  readonly public: boolean;
  readonly attachments: readonly Attachment[];
  readonly createdAt: string;
}

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const MAX_JSON_BYTES = 1024 * 1024;

const TicketUpdate = z.object({
  ticket: z.object({
    comment: z.object({
      body: z.string().min(1).max(65_000),
      public: z.boolean().optional(),
      uploads: z.array(z.string()).max(20).optional(),
    }),
    additional_tags: z.array(z.string().max(80)).max(50).optional(),
  }),
});

const TicketCreate = z.object({
  ticket: z.object({
    subject: z.string().min(1).max(300),
    comment: z.object({ body: z.string().min(1).max(65_000), public: z.boolean().optional() }),
    requester_id: z.number().int().optional(),
    external_id: z.string().max(255).optional(),
    tags: z.array(z.string().max(80)).max(50).optional(),
  }),
});

/** What Zendesk's ticket object says of a ticket here. */
interface TicketFacts {
  readonly subject: string;
  readonly requesterId: number;
  readonly externalId: string | null;
  tags: string[];
  /** Whether its first comment is public (a ticket the app made starts with an internal note). */
  readonly firstPublic: boolean;
}

/** A request's body, or null past `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) return null;
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  cer: 'application/pkix-cert',
  crt: 'application/pkix-cert',
  pem: 'application/x-pem-file',
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const PRINTED: SampleFile = { kind: 'printed' };

function contentTypeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return CONTENT_TYPES[dot < 0 ? '' : name.slice(dot + 1).toLowerCase()] ?? 'application/octet-stream';
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startZendeskApi(options: ZendeskApiOptions): Promise<ZendeskApi> {
  const authorization = `Basic ${Buffer.from(`${options.user}/token:${options.token}`).toString('base64')}`;
  const byTicket = new Map<number, StandInTicket>(options.tickets.map((t) => [t.id, t]));
  const attachments = new Map<string, Attachment>();
  const listFor = new Map<number, Attachment[]>();
  for (const t of options.tickets) {
    const list = (t.ticket.attachments ?? []).map((a, i): Attachment => {
      const name = attachmentName(a);
      const attachment: Attachment = {
        // Zendesk's attachment ids are account-wide: one range per ticket keeps them apart.
        id: t.id * 100 + i + 1,
        ticket: t.id,
        name,
        contentType: contentTypeOf(name),
        token: randomBytes(12).toString('hex'),
        file: t.files?.[name],
        build: t.built?.[name],
      };
      attachments.set(attachment.token, attachment);
      return attachment;
    });
    listFor.set(t.id, list);
  }
  const facts = new Map<number, TicketFacts>(
    options.tickets.map((t) => [
      t.id,
      {
        subject: t.ticket.subject,
        requesterId: 500 + t.id,
        externalId: null,
        tags: [...(t.ticket.tags ?? [])],
        firstPublic: true,
      },
    ]),
  );
  let nextTicket = 90_000;
  const ticketJson = (id: number, f: TicketFacts) => ({
    id,
    subject: f.subject,
    requester_id: f.requesterId,
    external_id: f.externalId,
    tags: f.tags,
    status: 'open',
  });
  const uploads = new Map<string, Upload>();
  const added = new Map<number, AddedComment[]>();
  let nextAttachment = 900_000;
  const contents = new Map<string, Promise<Uint8Array>>();
  const contentOf = (a: Attachment): Promise<Uint8Array> => {
    if (a.bytes !== undefined) return Promise.resolve(a.bytes);
    let bytes = contents.get(a.token);
    if (bytes === undefined) {
      // A PDF the sample only names is a PDF without form data, as a scan is: the card says so.
      const file = a.file ?? (a.contentType === 'application/pdf' ? PRINTED : undefined);
      bytes =
        a.build !== undefined
          ? a.build()
          : file !== undefined
            ? options.buildPdf(file)
            : Promise.resolve(placeholder(a));
      contents.set(a.token, bytes);
    }
    return bytes;
  };

  let origin = '';
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', origin);
    const ticketUpdate = /^\/api\/v2\/tickets\/(\d{1,12})\.json$/.exec(url.pathname);
    const ticketList = url.pathname === '/api/v2/tickets.json';
    if ((req.method === 'GET' && ticketUpdate !== null) || ticketList) {
      if (!sameText(req.headers.authorization ?? '', authorization)) {
        json(res, 401, { error: "Couldn't authenticate you" });
        return;
      }
      if (ticketUpdate !== null) {
        const id = Number(ticketUpdate[1]);
        const f = facts.get(id);
        if (f === undefined) json(res, 404, { error: 'RecordNotFound', description: 'Not found' });
        else json(res, 200, { ticket: ticketJson(id, f) });
        return;
      }
      if (req.method === 'GET') {
        const external = url.searchParams.get('external_id');
        const found = [...facts].filter(([, f]) => external === null || f.externalId === external);
        json(res, 200, { tickets: found.map(([id, f]) => ticketJson(id, f)), next_page: null, count: found.length });
        return;
      }
      if (req.method !== 'POST') {
        json(res, 405, { error: 'MethodNotAllowed' });
        return;
      }
      const raw = await readBody(req, MAX_JSON_BYTES);
      let parsed: z.infer<typeof TicketCreate> | undefined;
      try {
        parsed = raw === null ? undefined : TicketCreate.parse(JSON.parse(new TextDecoder().decode(raw)));
      } catch {
        parsed = undefined;
      }
      if (parsed === undefined) {
        json(res, 422, { error: 'RecordInvalid', description: 'Record validation errors' });
        return;
      }
      const t = parsed.ticket;
      const id = nextTicket++;
      const made: TicketFacts = {
        subject: t.subject,
        requesterId: t.requester_id ?? 0,
        externalId: t.external_id ?? null,
        tags: [...new Set(t.tags ?? [])],
        firstPublic: t.comment.public ?? true,
      };
      facts.set(id, made);
      byTicket.set(id, { id, ticket: { id: String(id), subject: t.subject, description: t.comment.body } });
      listFor.set(id, []);
      json(res, 201, { ticket: ticketJson(id, made) });
      return;
    }
    if ((req.method === 'POST' && url.pathname === '/api/v2/uploads.json') || (req.method === 'PUT' && ticketUpdate)) {
      if (!sameText(req.headers.authorization ?? '', authorization)) {
        json(res, 401, { error: "Couldn't authenticate you" });
        return;
      }
      if (ticketUpdate === null) {
        const name = url.searchParams.get('filename') ?? '';
        if (name === '' || name.length > 255) {
          json(res, 400, { error: 'InvalidFilename', description: 'filename is required' });
          return;
        }
        const bytes = await readBody(req, MAX_UPLOAD_BYTES);
        if (bytes === null) {
          json(res, 413, { error: 'FileTooLarge' });
          return;
        }
        const token = randomBytes(12).toString('hex');
        const contentType = req.headers['content-type'] ?? 'application/binary';
        uploads.set(token, { name, contentType, bytes });
        json(res, 201, { upload: { token, expires_at: '2026-12-31T00:00:00Z', attachments: [] } });
        return;
      }
      const id = Number(ticketUpdate[1]);
      if (!byTicket.has(id)) {
        json(res, 404, { error: 'RecordNotFound', description: 'Not found' });
        return;
      }
      const raw = await readBody(req, MAX_JSON_BYTES);
      let parsed: z.infer<typeof TicketUpdate> | undefined;
      try {
        parsed = raw === null ? undefined : TicketUpdate.parse(JSON.parse(new TextDecoder().decode(raw)));
      } catch {
        parsed = undefined;
      }
      if (parsed === undefined) {
        json(res, 400, { error: 'InvalidParameter', description: 'ticket.comment.body is required' });
        return;
      }
      const tagged = facts.get(id);
      if (tagged !== undefined) tagged.tags = [...new Set([...tagged.tags, ...(parsed.ticket.additional_tags ?? [])])];
      const tokens = parsed.ticket.comment.uploads ?? [];
      const missing = tokens.filter((token) => !uploads.has(token));
      if (missing.length > 0) {
        json(res, 422, { error: 'RecordInvalid', description: `Unknown upload token(s): ${missing.join(', ')}` });
        return;
      }
      const files = tokens.map((token): Attachment => {
        const upload = uploads.get(token) as Upload;
        uploads.delete(token);
        const attachment: Attachment = {
          id: ++nextAttachment,
          ticket: id,
          name: upload.name,
          contentType: upload.contentType,
          token: randomBytes(12).toString('hex'),
          file: undefined,
          build: undefined,
          bytes: upload.bytes,
        };
        attachments.set(attachment.token, attachment);
        return attachment;
      });
      const list = added.get(id) ?? [];
      const comment: AddedComment = {
        id: id * 10 + list.length + 1,
        body: parsed.ticket.comment.body,
        public: parsed.ticket.comment.public ?? true,
        attachments: files,
        createdAt: new Date().toISOString(),
      };
      added.set(id, [...list, comment]);
      json(res, 200, { ticket: { id }, audit: { ticket_id: id, events: [{ type: 'Comment', id: comment.id }] } });
      return;
    }
    if (req.method !== 'GET') {
      json(res, 405, { error: 'MethodNotAllowed' });
      return;
    }
    const comments = /^\/api\/v2\/tickets\/(\d{1,12})\/comments\.json$/.exec(url.pathname);
    if (comments !== null) {
      if (!sameText(req.headers.authorization ?? '', authorization)) {
        json(res, 401, { error: "Couldn't authenticate you" });
        return;
      }
      const id = Number(comments[1]);
      const ticket = byTicket.get(id);
      if (ticket === undefined) {
        json(res, 404, { error: 'RecordNotFound', description: 'Not found' });
        return;
      }
      const listing = (list: readonly Attachment[]) =>
        Promise.all(
          list.map(async (a) => ({
            id: a.id,
            file_name: a.name,
            content_url: `${origin}/attachments/token/${a.token}/?name=${encodeURIComponent(a.name)}`,
            mapped_content_url: `${origin}/attachments/token/${a.token}/?name=${encodeURIComponent(a.name)}`,
            content_type: a.contentType,
            size: (await contentOf(a)).length,
            width: null,
            height: null,
            inline: false,
            deleted: false,
            malware_access_override: false,
            malware_scan_result: 'malware_not_found',
            thumbnails: [],
          })),
        );
      const later = await Promise.all(
        (added.get(id) ?? []).map(async (c) => ({
          id: c.id,
          type: 'Comment',
          author_id: 400,
          body: c.body,
          public: c.public,
          attachments: await listing(c.attachments),
          created_at: c.createdAt,
        })),
      );
      json(res, 200, {
        comments: [
          {
            id: id * 10,
            type: 'Comment',
            author_id: 500 + id,
            body: ticket.ticket.description,
            public: facts.get(id)?.firstPublic ?? true,
            attachments: await listing(listFor.get(id) ?? []),
            created_at: '2026-11-20T09:00:00Z',
          },
          ...later,
        ],
        next_page: null,
        previous_page: null,
        count: 1 + later.length,
      });
      return;
    }
    const content = /^\/attachments\/token\/([0-9a-f]{24})\/$/.exec(url.pathname);
    const attachment = content === null ? undefined : attachments.get(content[1] ?? '');
    if (attachment === undefined) {
      json(res, 404, { error: 'RecordNotFound', description: 'Not found' });
      return;
    }
    const bytes = await contentOf(attachment);
    res.statusCode = 200;
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Content-Disposition', `attachment; filename="${encodeURIComponent(attachment.name)}"`);
    res.end(bytes);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) json(res, 500, { error: 'InternalError' });
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      ok();
    });
  });
  const address = server.address();
  const port = address !== null && typeof address === 'object' ? address.port : 0;
  origin = `http://${host}:${String(port)}`;
  return {
    url: origin,
    authorization,
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          ok();
        });
      }),
  };
}

/** A stand-in for an attachment the sample only names (a certificate, a spreadsheet...). */
function placeholder(a: Attachment): Uint8Array {
  return new TextEncoder().encode(`Local sample attachment "${a.name}" of ticket ${String(a.ticket)}.\n`);
}
