/** Per-ticket procedure progress: which steps are done, by whom, when — shared by every agent. */
import { z } from '../../domain/zod';
import { freeText, IsoDateTime, StepId, TicketId } from './fields';
import { API_PREFIX, operation } from './operation';

export const TicketParams = z.strictObject({ ticketId: TicketId });
export const StepParams = z.strictObject({ ticketId: TicketId, stepId: StepId });

export const SetStepBody = z.strictObject({
  done: z.boolean(),
  /** The procedure the step belongs to (e.g. `vo-integracio`), so the app can tell stale progress. */
  procedure: StepId,
  note: freeText(500).optional(),
});
export type SetStepBody = z.infer<typeof SetStepBody>;

export const StepProgress = z.object({
  stepId: z.string(),
  procedure: z.string(),
  done: z.boolean(),
  /** Agent who last changed the step, and when. */
  by: z.string(),
  byName: z.string().nullable(),
  at: IsoDateTime,
  note: z.string().nullable(),
});
export type StepProgress = z.infer<typeof StepProgress>;

export const ProgressResponse = z.object({ ticket: z.number().int(), steps: z.array(StepProgress) });
export type ProgressResponse = z.infer<typeof ProgressResponse>;

const tags = ['progress'];

export const getProgress = operation({
  id: 'getProgress',
  method: 'GET',
  path: `${API_PREFIX}/tickets/:ticketId/progress`,
  summary: 'Procedure steps recorded on a ticket: done or not, by whom, when',
  tags,
  auth: true,
  params: TicketParams,
  response: ProgressResponse,
});

export const setStep = operation({
  id: 'setStep',
  method: 'PUT',
  path: `${API_PREFIX}/tickets/:ticketId/progress/:stepId`,
  summary: 'Mark a procedure step done (or not done) on a ticket',
  tags,
  auth: true,
  params: StepParams,
  body: SetStepBody,
  response: StepProgress,
});
