/**
 * The corrections operations' schemas (browser-safe: zod through the domain, pure domain only).
 * An agent records the ticket's correction (or confirmation), lists and withdraws her own; a
 * reviewer (a desk lead named in the proxy's settings) lists every agent's, page by page.
 */
import { z } from '../../domain/zod';
import {
  CorrectedTicketSchema,
  CorrectionPageSchema,
  CorrectionSummarySchema,
  LabelsSchema,
  OriginalAnswerSchema,
} from '../../domain/corpus/correction';
import { API_PREFIX, operation } from './operation';
import { TicketParams } from './progress';

/** A correction carries the whole ticket text: larger than other requests' bodies. */
export const CORRECTION_BODY_LIMIT_BYTES = 512 * 1024;

export const RecordCorrectionBody = z.strictObject({
  ticket: CorrectedTicketSchema,
  original: OriginalAnswerSchema,
  labels: LabelsSchema,
  /** The classifier's version that gave `original` (the app's version). */
  classifierVersion: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._+-]+$/, 'is a version: letters, digits, dot, dash, plus, underscore'),
});
export type RecordCorrectionBody = z.infer<typeof RecordCorrectionBody>;

export const RecordCorrectionResponse = CorrectionSummarySchema;
export const OwnCorrectionsResponse = z.object({ records: z.array(CorrectionSummarySchema) });
export type OwnCorrectionsResponse = z.infer<typeof OwnCorrectionsResponse>;
/** The agent's own record of the ticket; null when she has none (or another agent's replaced it). */
export const OwnCorrectionResponse = z.object({ record: CorrectionSummarySchema.nullable() });
export type OwnCorrectionResponse = z.infer<typeof OwnCorrectionResponse>;
export const WithdrawCorrectionResponse = z.object({ ticket: z.number().int(), withdrawn: z.literal(true) });

const IsoDate = z
  .string()
  .max(40)
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(new Date(s).getTime()),
    'must be an ISO date or date-time',
  )
  .transform((s) => new Date(s));

export const ListCorrectionsQuery = z
  .strictObject({
    since: IsoDate.optional(),
    afterAt: IsoDate.optional(),
    afterTicket: z
      .string()
      .regex(/^[1-9][0-9]{0,14}$/, 'must be a ticket id')
      .transform(Number)
      .optional(),
  })
  .refine((q) => (q.afterAt === undefined) === (q.afterTicket === undefined), {
    message: 'give afterAt and afterTicket together (the last record of the previous page)',
    path: ['afterAt'],
  });
export const ListCorrectionsResponse = CorrectionPageSchema;

const tags = ['corrections'];

export const recordCorrection = operation({
  id: 'recordCorrection',
  method: 'PUT',
  path: `${API_PREFIX}/tickets/:ticketId/correction`,
  summary: "Record the agent's labels for a ticket (a correction, or a confirmation); the latest wins",
  tags,
  auth: true,
  params: TicketParams,
  body: RecordCorrectionBody,
  response: RecordCorrectionResponse,
  bodyLimit: CORRECTION_BODY_LIMIT_BYTES,
});

export const getOwnCorrection = operation({
  id: 'getOwnCorrection',
  method: 'GET',
  path: `${API_PREFIX}/tickets/:ticketId/correction`,
  summary: "The agent's own correction of a ticket, if she has one (another agent's is not shown)",
  tags,
  auth: true,
  params: TicketParams,
  response: OwnCorrectionResponse,
});

export const withdrawCorrection = operation({
  id: 'withdrawCorrection',
  method: 'POST',
  path: `${API_PREFIX}/tickets/:ticketId/correction/withdraw`,
  summary: "Withdraw the agent's own correction of a ticket (another agent's is not hers to withdraw)",
  tags,
  auth: true,
  params: TicketParams,
  response: WithdrawCorrectionResponse,
});

export const listOwnCorrections = operation({
  id: 'listOwnCorrections',
  method: 'GET',
  path: `${API_PREFIX}/corrections/mine`,
  summary: "The agent's own corrections, newest first",
  tags,
  auth: true,
  response: OwnCorrectionsResponse,
});

export const listCorrections = operation({
  id: 'listCorrections',
  method: 'GET',
  path: `${API_PREFIX}/corrections`,
  summary: "Every agent's corrections, oldest first, a page at a time (reviewers only)",
  tags,
  auth: true,
  query: ListCorrectionsQuery,
  response: ListCorrectionsResponse,
});
