/** Liveness, for load balancers and the desk's monitoring: no authentication, no rate limit. */
import { z } from '../../domain/zod';
import { operation } from './operation';

export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  databases: z.record(z.string(), z.enum(['up', 'down'])),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const health = operation({
  id: 'health',
  method: 'GET',
  path: '/health',
  summary: 'Liveness and the state of each database (503 when one is down)',
  tags: ['operations'],
  auth: false,
  response: HealthResponse,
  successStatuses: [200, 503],
});
