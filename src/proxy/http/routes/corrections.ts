/**
 * The corrections operations. Every statement on "own" records filters on the verified JWT
 * subject, so an agent can neither see nor withdraw another agent's records through them.
 */
import {
  getOwnCorrection,
  listCorrections,
  listOwnCorrections,
  recordCorrection,
  withdrawCorrection,
} from '../../../shared/api';
import type { Database } from '../../db/types';
import { CorrectionsStore, LIST_LIMIT } from '../../store/corrections';
import { badRequest, HttpError } from '../errors';
import { implement, ok, type RouteDefinition } from '../route';

export interface CorrectionsRouteSettings {
  readonly retentionDays: number;
  /** Zendesk user ids who may list every agent's corrections. */
  readonly reviewers: readonly string[];
  /** Demo mode (embedded databases only): every agent is a reviewer. */
  readonly everyoneReviews: boolean;
}

export const DEFAULT_CORRECTIONS_SETTINGS: CorrectionsRouteSettings = {
  retentionDays: 365,
  reviewers: [],
  everyoneReviews: false,
};

export function correctionRoutes(db: Database, settings: CorrectionsRouteSettings): RouteDefinition[] {
  const store = new CorrectionsStore(db, settings);
  return [
    implement(recordCorrection, async ({ params, body, agent }) => {
      if (body.ticket.id !== String(params.ticketId)) {
        throw badRequest([{ field: 'body.ticket.id', reason: `must be the ticket of the path (${params.ticketId})` }]);
      }
      return ok(
        await store.record(
          params.ticketId,
          {
            input: body.ticket,
            original: body.original,
            labels: body.labels,
            classifierVersion: body.classifierVersion,
          },
          agent,
        ),
      );
    }),
    implement(getOwnCorrection, async ({ params, agent }) =>
      ok({ record: (await store.getOwn(params.ticketId, agent)) ?? null }),
    ),
    implement(withdrawCorrection, async ({ params, agent }) => {
      if (!(await store.withdraw(params.ticketId, agent))) {
        throw new HttpError(404, {
          error: 'NOT_FOUND',
          message: `You have no correction recorded on ticket ${params.ticketId} (only your own can be withdrawn).`,
        });
      }
      return ok({ ticket: params.ticketId, withdrawn: true as const });
    }),
    implement(listOwnCorrections, async ({ agent }) => ok({ records: await store.listOwn(agent) })),
    implement(listCorrections, async ({ query, agent }) => {
      if (!settings.everyoneReviews && !settings.reviewers.includes(agent.id)) {
        throw new HttpError(403, {
          error: 'FORBIDDEN',
          message: 'Only the desk leads named in CORRECTIONS_REVIEWERS may list every agent’s corrections.',
        });
      }
      const after =
        query.afterAt === undefined || query.afterTicket === undefined
          ? undefined
          : { at: query.afterAt.toISOString(), ticket: query.afterTicket };
      const records = await store.listAll(query.since, after === undefined ? {} : { after });
      const last = records.at(-1);
      return ok({
        records,
        next: records.length === LIST_LIMIT && last !== undefined ? { at: last.at, ticket: last.ticket } : null,
      });
    }),
  ];
}
