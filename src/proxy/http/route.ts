/**
 * A route: an operation of the shared contract (`src/shared/api/`) and the handler that
 * implements it. The server registers each one with validation at the edge (before the handler,
 * so before any query), and the OpenAPI document is generated from the same operations.
 */
import type { z } from 'zod';
import type { FastifyBaseLogger } from 'fastify';
import type { AnyOperation, OutputOf } from '../../shared/api';
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

export type Handler<O extends AnyOperation> = (
  input: HandlerInput<OutputOf<O['query']>, OutputOf<O['params']>, OutputOf<O['body']>>,
) => Promise<RouteResult<z.input<O['response']>>>;

export interface RouteDefinition {
  readonly operation: AnyOperation;
  readonly handler: Handler<AnyOperation>;
}

/** Ties a handler to its operation's types; the list of routes then holds them all alike. */
export function implement<O extends AnyOperation>(operation: O, handler: Handler<O>): RouteDefinition {
  // The server validates input with the operation's own schemas before calling the handler, so
  // the handler's narrower input type holds at run time.
  return { operation, handler };
}

export const ok = <R>(body: R): RouteResult<R> => ({ status: 200, body });
