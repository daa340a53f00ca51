/** The audit log of a ticket: every check and every change, who and when. */
import { z } from '../../domain/zod';
import { IsoDateTime } from './fields';
import { API_PREFIX, operation } from './operation';
import { TicketParams } from './progress';

export const AuditEntry = z.object({
  id: z.number().int(),
  at: IsoDateTime,
  agent: z.string(),
  agentName: z.string().nullable(),
  ticket: z.number().int(),
  /** `check.<check id>` for a check (e.g. `check.dcoc-config`). */
  action: z.string(),
  /** What was checked or changed, e.g. `{"env":"PRO","ine10":"0801930008"}`. */
  subject: z.record(z.string(), z.unknown()),
  outcome: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,2}$/, 'must be a whole number from 1 to 500')
    .transform(Number)
    .refine((n) => n <= 500, 'must be at most 500')
    .optional(),
});
export const AuditResponse = z.object({ ticket: z.number().int(), entries: z.array(AuditEntry) });
export type AuditResponse = z.infer<typeof AuditResponse>;

export const getAudit = operation({
  id: 'getAudit',
  method: 'GET',
  path: `${API_PREFIX}/tickets/:ticketId/audit`,
  summary: 'Audit log of a ticket, newest first: every check and change, who and when',
  tags: ['progress'],
  auth: true,
  params: TicketParams,
  query: AuditQuery,
  response: AuditResponse,
});
