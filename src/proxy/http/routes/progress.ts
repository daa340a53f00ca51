/** Procedure progress per ticket, shared by every agent who opens it. */
import { getProgress, setStep } from '../../../shared/api';
import type { Database } from '../../db/types';
import { getProgress as readProgress, setStep as writeStep } from '../../store/progress';
import { implement, ok, type RouteDefinition } from '../route';

export function progressRoutes(store: Database): RouteDefinition[] {
  return [
    implement(getProgress, async ({ params }) => ok(await readProgress(store, params.ticketId))),
    implement(setStep, async ({ params, body, agent }) =>
      ok(await writeStep(store, params.ticketId, params.stepId, body, agent)),
    ),
  ];
}
