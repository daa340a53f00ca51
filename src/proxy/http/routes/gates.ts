/** The answers shared on a ticket, with who and when (the checks that answer them: ../../checks/). */
import { getAnswers, setAnswer } from '../../../shared/api';
import type { Database } from '../../db/types';
import { getAnswers as readAnswers, setAnswer as writeAnswer } from '../../store/answers';
import { implement, ok, type RouteDefinition } from '../route';

export function gateRoutes(store: Database): RouteDefinition[] {
  return [
    implement(getAnswers, async ({ params }) => ok(await readAnswers(store, params.ticketId))),
    implement(setAnswer, async ({ params, body, agent }) =>
      ok(await writeAnswer(store, params.ticketId, params.questionId, body, agent)),
    ),
  ];
}
