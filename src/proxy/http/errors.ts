/**
 * One error handler for the whole API: every failure leaves as JSON `ApiError` with a stable
 * code, a message an agent can act on, and for bad input, each field and why. Nothing of a
 * driver error, SQL or stack trace reaches the client (those go to the log with the request id).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { DatabaseQueryError, DatabaseUnavailableError } from '../db/errors';
import type { ApiError } from '../../shared/api';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: ApiError,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(body.message);
  }
}

export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

export function badRequest(fields: readonly FieldProblem[]): HttpError {
  const summary = fields.map((f) => `${f.field}: ${f.reason}`).join('; ');
  return new HttpError(400, { error: 'BAD_REQUEST', message: `Invalid request. ${summary}`, fields: [...fields] });
}

export function unauthorized(message: string): HttpError {
  return new HttpError(401, { error: 'UNAUTHORIZED', message }, { 'www-authenticate': 'Bearer error="invalid_token"' });
}

/** Turns zod issues into field problems; `location` prefixes body fields (`body.ens.ine10`). */
export function fieldProblems(error: z.ZodError, location: 'query' | 'params' | 'body'): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => (path === '' ? k : `${path}.${k}`));
      return { field: prefix(location, keys.join(', ')), reason: 'is not a known parameter' };
    }
    const reason = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
    return { field: prefix(location, path === '' ? location : path), reason };
  });
}

function prefix(location: 'query' | 'params' | 'body', path: string): string {
  if (location !== 'body' || path === 'body') return path;
  return `body.${path}`;
}

/** Fastify's own 4xx errors (body parsing, limits) in the API's shape. */
function fromFastify(error: FastifyError, bodyLimit: number): HttpError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return badRequest([{ field: 'body', reason: `is larger than the ${bodyLimit} bytes allowed` }]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return badRequest([{ field: 'body', reason: 'must be JSON (Content-Type: application/json)' }]);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return badRequest([{ field: 'body', reason: 'is empty; a JSON object is expected' }]);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return badRequest([{ field: 'body', reason: 'does not match its Content-Length' }]);
    default:
      break;
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return badRequest([{ field: 'body', reason: 'is not valid JSON' }]);
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    // Prototype poisoning, bad URL encoding, and the like: the message is Fastify's own, safe.
    return badRequest([{ field: 'request', reason: error.message }]);
  }
  return undefined;
}

export function errorHandler(bodyLimit: number) {
  return async (error: unknown, request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    let http: HttpError;
    if (error instanceof HttpError) {
      http = error;
    } else if (error instanceof DatabaseUnavailableError) {
      request.log.warn({ err: error, database: error.database }, 'database unavailable');
      http = new HttpError(
        503,
        {
          error: 'DATABASE_UNAVAILABLE',
          message: `The ${error.database} database is not answering right now. Nothing was changed; try again in a moment.`,
          database: error.database,
        },
        { 'retry-after': '5' },
      );
    } else if (error instanceof DatabaseQueryError) {
      request.log.error({ err: error, cause: error.cause }, 'database query failed');
      http = new HttpError(500, {
        error: 'INTERNAL',
        message: 'The check failed on our side. It has been logged; please tell the proxy administrators.',
      });
    } else {
      const mapped = error instanceof Error ? fromFastify(error as FastifyError, bodyLimit) : undefined;
      if (mapped !== undefined) {
        http = mapped;
      } else {
        request.log.error({ err: error }, 'unexpected error');
        http = new HttpError(500, {
          error: 'INTERNAL',
          message: 'Unexpected error. It has been logged; please tell the proxy administrators.',
        });
      }
    }
    await reply
      .code(http.statusCode)
      .headers(http.headers)
      .type('application/json; charset=utf-8')
      .send({ ...http.body, requestId: request.id });
  };
}
