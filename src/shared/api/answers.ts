/**
 * Shared answers: what the agent learnt on a ticket (MINHAP confirmed, the col·legi's
 * permission...), by whom and when, so that a second agent on the ticket sees it. A resource of
 * its own: the sidebar loads it up front, without the checks' schemas.
 */
import { z } from '../../domain/zod';
import { FACT_IDS } from '../../domain/procedures/schema';
import { StepId, TicketId } from './fields';
import { operation } from './operation';

export const QuestionId = z.enum(FACT_IDS, { message: 'is not a question id of the procedures' });
export const AnswerParams = z.strictObject({ ticketId: TicketId, questionId: QuestionId });
export const SetAnswerBody = z.strictObject({
  /** `null` withdraws the answer (the question is open again). */
  value: z.boolean().nullable(),
  /** The procedure the answer was given in, for the audit log. */
  procedure: StepId,
});
export type SetAnswerBody = z.infer<typeof SetAnswerBody>;
export const Answer = z.object({
  question: QuestionId,
  value: z.boolean().nullable(),
  procedure: z.string(),
  by: z.string(),
  byName: z.string().nullable(),
  at: z.iso.datetime(),
});
export type Answer = z.infer<typeof Answer>;
export const AnswersResponse = z.object({ ticket: z.number().int(), answers: z.array(Answer) });
export type AnswersResponse = z.infer<typeof AnswersResponse>;

export const getAnswers = operation({
  id: 'getAnswers',
  method: 'GET',
  path: '/v1/tickets/:ticketId/answers',
  summary: 'Answers given on a ticket (MINHAP confirmed, col·legi permission...): value, by whom, when',
  tags: ['progress'],
  auth: true,
  params: z.strictObject({ ticketId: TicketId }),
  response: AnswersResponse,
});

export const setAnswer = operation({
  id: 'setAnswer',
  method: 'PUT',
  path: '/v1/tickets/:ticketId/answers/:questionId',
  summary: 'Answer a procedure question on a ticket (null withdraws the answer)',
  tags: ['progress'],
  auth: true,
  params: AnswerParams,
  body: SetAnswerBody,
  response: Answer,
});
