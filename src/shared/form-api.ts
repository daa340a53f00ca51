/**
 * The proxy's request-form operation: the app names a ticket and one of its attachments; the
 * proxy fetches the attachment from Zendesk (ZAF's `client.request` cannot download binary files)
 * and answers the form's reading (`contracts/request-form.md`). Browser-safe: zod and the domain.
 */
import { z } from '../domain/zod';
import { FormReadingSchema } from '../domain/form/schema';
import { TicketIdNumber } from './api/fields';
import { API_PREFIX, operation } from './api/operation';

export const READ_FORM_PATH = `${API_PREFIX}/request-form/read`;

export const ReadFormBody = z.strictObject({
  ticket: TicketIdNumber,
  /** The Zendesk attachment id (a comment's `attachments[].id`). */
  attachment: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
export type ReadFormBody = z.infer<typeof ReadFormBody>;

export const ReadFormResponse = z.object({
  attachment: z.object({ id: z.number().int(), name: z.string(), size: z.number().int().nonnegative() }),
  form: FormReadingSchema,
});
export type ReadFormResponse = z.output<typeof ReadFormResponse>;

export const readRequestForm = operation({
  id: 'readRequestForm',
  method: 'POST',
  path: READ_FORM_PATH,
  summary: 'Fetch a ticket’s attachment from Zendesk and read it as the ens’s request form',
  tags: ['request form'],
  auth: true,
  body: ReadFormBody,
  response: ReadFormResponse,
});
