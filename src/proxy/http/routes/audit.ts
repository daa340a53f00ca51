/** A ticket's audit log, newest first. */
import { getAudit } from '../../../shared/api';
import type { Database } from '../../db/types';
import { listAudit } from '../../store/audit';
import { implement, ok, type RouteDefinition } from '../route';

export function auditRoutes(store: Database): RouteDefinition[] {
  return [
    implement(getAudit, async ({ params, query }) =>
      ok({ ticket: params.ticketId, entries: await listAudit(store, params.ticketId, query.limit ?? 100) }),
    ),
  ];
}
