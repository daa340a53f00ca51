import { health } from '../../../shared/api';
import type { Database } from '../../db/types';
import { implement, type RouteDefinition } from '../route';

/** Pings every database; 503 with the list when one is down. */
export function healthRoutes(deps: {
  readonly health: readonly Database[];
  readonly version: string;
}): RouteDefinition[] {
  return [
    implement(health, async () => {
      const states = await Promise.all(
        deps.health.map(async (db) => {
          try {
            await db.ping();
            return [db.label, 'up'] as const;
          } catch {
            return [db.label, 'down'] as const;
          }
        }),
      );
      const databases = Object.fromEntries(states);
      const allUp = states.every(([, s]) => s === 'up');
      const status = allUp ? ('ok' as const) : ('degraded' as const);
      return { status: allUp ? 200 : 503, body: { status, databases, version: deps.version } };
    }),
  ];
}
