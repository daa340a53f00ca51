/**
 * `POST /v1/request-form/read`: reads the ens's request form attached to a ticket. The proxy
 * lists the ticket's comments with its own Zendesk credentials, refuses an attachment that is not
 * on that ticket or that Zendesk flagged as malware or that is too large, downloads it from the
 * account's hosts only, reads it, and writes the read to the audit log.
 */
import { readRequestForm } from '../../shared/form-api';
import { MAX_FORM_FILE_BYTES } from '../../domain/form/limits';
import type { readForm } from '../../domain/form';
import type { ZendeskApiSettings } from '../config';
import { HttpError } from '../http/errors';
import { implement, ok, type RouteDefinition } from '../http/route';
import type { AuditWriter } from '../store/audit';
import { ZendeskAttachments, ZendeskCallError } from './zendesk-client';

export function zendeskHttpError(error: ZendeskCallError): HttpError {
  switch (error.kind) {
    case 'not-found':
      return new HttpError(404, { error: 'NOT_FOUND', message: error.message });
    case 'refused':
      return new HttpError(422, { error: 'ATTACHMENT_REFUSED', message: error.message });
    case 'rate-limited':
      return new HttpError(
        503,
        { error: 'ZENDESK_ERROR', message: error.message },
        { 'retry-after': String(error.retryAfterSeconds ?? 30) },
      );
    case 'auth':
    case 'unavailable':
      return new HttpError(502, { error: 'ZENDESK_ERROR', message: error.message });
  }
}

export function formRoutes(zendesk: ZendeskApiSettings | null | undefined, audit: AuditWriter): RouteDefinition[] {
  const client = zendesk === null || zendesk === undefined ? null : new ZendeskAttachments(zendesk);
  return [
    implement(readRequestForm, async ({ body, agent }) => {
      if (client === null) {
        throw new HttpError(503, {
          error: 'NOT_CONFIGURED',
          message:
            'The proxy has no Zendesk API credentials, so it cannot fetch attachments. Drop or pick the PDF in the app instead.',
        });
      }
      const entry = { agent, ticket: body.ticket, action: 'form.read', subject: { attachment: body.attachment } };
      try {
        const attachment = await client.findOnTicket(body.ticket, body.attachment);
        if (attachment === null) {
          throw new ZendeskCallError(
            'refused',
            `Attachment ${String(body.attachment)} is not on ticket ${String(body.ticket)}; not fetched.`,
          );
        }
        if (attachment.malware_scan_result === 'malware_found') {
          throw new ZendeskCallError('refused', 'Zendesk found malware in this attachment; it is not fetched.');
        }
        if (attachment.size > MAX_FORM_FILE_BYTES) {
          throw new ZendeskCallError(
            'refused',
            `The attachment has ${String(attachment.size)} bytes; forms of at most ${String(MAX_FORM_FILE_BYTES)} are read.`,
          );
        }
        const bytes = await client.download(attachment, MAX_FORM_FILE_BYTES);
        // The PDF reader (pdf-lib and the XFA parser, some 50 MB resident) loads on the first form.
        const { readForm: read } = await import('../../domain/form');
        const form = await read(bytes, { file: attachment.file_name });
        await audit.write({
          ...entry,
          subject: { ...entry.subject, file: attachment.file_name },
          outcome: outcomeOf(form),
        });
        return ok({ attachment: { id: attachment.id, name: attachment.file_name, size: attachment.size }, form });
      } catch (error) {
        if (!(error instanceof ZendeskCallError)) throw error;
        await audit.write({ ...entry, outcome: `refused: ${error.kind}` }).catch(() => undefined);
        throw zendeskHttpError(error);
      }
    }),
  ];
}

function outcomeOf(form: Awaited<ReturnType<typeof readForm>>): string {
  if ('reason' in form) return `${form.status}: ${form.code ?? ''}`;
  return `${form.status}: ${[...form.services, ...form.products].join(', ') || 'nothing ticked'}`;
}
