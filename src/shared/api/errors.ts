/** The body of every error answer; the app maps it to a problem it can explain (proxy-client.ts). */
import { z } from '../../domain/zod';

export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'RATE_LIMITED',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
  /** An operation whose settings the proxy lacks (e.g. no Zendesk API credentials). */
  'NOT_CONFIGURED',
  /** Zendesk's API refused or failed a call the proxy made for the agent. */
  'ZENDESK_ERROR',
  /** An attachment the proxy will not fetch: not on the ticket, flagged as malware, too large. */
  'ATTACHMENT_REFUSED',
  /** The agent may not do this (e.g. list every agent's corrections without being a reviewer). */
  'FORBIDDEN',
] as const;

export const ApiError = z.object({
  error: z.enum(ERROR_CODES),
  message: z.string(),
  /** For BAD_REQUEST: each field that was refused and why. */
  fields: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
  /** For DATABASE_UNAVAILABLE: which database (PRE, PRO, store, DCOC configuration). */
  database: z.string().optional(),
  requestId: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiError>;
