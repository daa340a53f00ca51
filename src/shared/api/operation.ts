/**
 * An operation of the proxy's API as data: id, method, path and the zod schemas of its query,
 * path parameters, body and response. The proxy implements each one (`src/proxy/http/routes/`),
 * the OpenAPI document is generated from them and the app's client calls them
 * (`src/app/api/proxy-client.ts`): the three cannot disagree on a path or a field.
 */
import type { z } from '../../domain/zod';

export const API_PREFIX = '/v1';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface Operation<
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  P extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
  C extends string | undefined = string | undefined,
> {
  /** The OpenAPI operationId. */
  readonly id: string;
  /**
   * For a database check, its id: the one list of checks (`check-ids.ts`) is made of these, and
   * the procedures' steps, the app's registry, the audit log and the translations use the same.
   */
  readonly check: C;
  readonly method: HttpMethod;
  /** Fastify path syntax: `/v1/tickets/:ticketId/progress`. */
  readonly path: string;
  readonly summary: string;
  readonly tags: readonly string[];
  /** False only for the health probe: every other call carries the Zendesk-signed JWT. */
  readonly auth: boolean;
  readonly query: Q;
  readonly params: P;
  readonly body: B;
  readonly response: R;
  /** A larger body limit than the server's, for this operation only (bytes). */
  readonly bodyLimit?: number;
  /** Other statuses a success can have (e.g. 201 and 200 for an idempotent create). */
  readonly successStatuses?: readonly number[];
}

/** Any operation, whatever its schemas. */
export type AnyOperation = Operation;

type Spec<Q, P, B, R, C> = Omit<Operation, 'query' | 'params' | 'body' | 'response' | 'check'> & {
  readonly check?: C;
  readonly query?: Q;
  readonly params?: P;
  readonly body?: B;
  readonly response: R;
};

/** Keeps an operation's schema types while filling the parts it does not have with `undefined`. */
export function operation<
  R extends z.ZodType,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  const C extends string | undefined = undefined,
>(spec: Spec<Q, P, B, R, C>): Operation<Q, P, B, R, C> {
  return {
    ...spec,
    check: spec.check as C,
    query: spec.query as Q,
    params: spec.params as P,
    body: spec.body as B,
  };
}

/** What a caller passes for a schema (before its transforms), or nothing when the part is absent. */
export type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;
/** What the proxy's handler receives for a schema (after its transforms). */
export type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;
