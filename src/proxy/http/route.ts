/**
 * A route as data: method, path, the zod schemas of its query, path parameters, body and
 * response, and its handler. The server registers each one with validation at the edge (before
 * the handler, so before any query), and the OpenAPI document is generated from the same list.
 */
import type { z } from 'zod';
import type { FastifyBaseLogger } from 'fastify';
import type { Agent } from '../store/agent';

export interface HandlerInput<Q, P, B> {
  readonly query: Q;
  readonly params: P;
  readonly body: B;
  /** The verified agent; a placeholder `anonymous` on routes without authentication. */
  readonly agent: Agent;
  readonly log: FastifyBaseLogger;
}

export interface RouteResult<R> {
  readonly status: number;
  readonly body: R;
}

export interface RouteDefinition<
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Fastify path syntax: `/v1/tickets/:ticketId/progress`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly auth: boolean;
  readonly query?: Q;
  readonly params?: P;
  readonly body?: B;
  readonly response: R;
  /** Other statuses a success can have (e.g. 201 and 200 for an idempotent create). */
  readonly successStatuses?: readonly number[];
  readonly handler: (input: HandlerInput<z.output<Q>, z.output<P>, z.output<B>>) => Promise<RouteResult<z.input<R>>>;
}

/** Keeps each route's types tied together while the list holds them all. */
export function defineRoute<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  route: RouteDefinition<Q, P, B, R>,
): RouteDefinition {
  return route;
}

export const ok = <R>(body: R): RouteResult<R> => ({ status: 200, body });
