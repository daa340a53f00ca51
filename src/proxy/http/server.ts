/**
 * The HTTP server: Fastify 5 with helmet, CORS limited to the configured Zendesk origins, a rate
 * limit per agent, JWT authentication, zod validation at the edge and one error handler.
 *
 * Stateless: all state is in the databases, so any number of copies can serve behind a load
 * balancer. The rate-limit counters are per copy unless a shared store is given
 * (`rate-limit-store.ts`, `RATE_LIMIT_REDIS_URL`; docs/proxy.md).
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { z } from 'zod';
import type { ProxyConfig } from '../config';
import { authenticator, type JwtSettings } from './auth';
import { badRequest, errorHandler, fieldProblems, HttpError } from './errors';
import { openApiDocument } from './openapi';
import type { RouteDefinition } from './route';
import { apiRoutes, type RouteDependencies } from './routes';

export type ServerSettings = Pick<ProxyConfig, 'corsOrigins' | 'rateLimit' | 'bodyLimitBytes' | 'trustProxy'> & {
  readonly jwt: JwtSettings;
};

export interface ServerOptions {
  readonly settings: ServerSettings;
  readonly deps: RouteDependencies;
  /** Where the rate-limit counters live; without one, in this process's memory. */
  readonly rateLimitStore?: FastifyRateLimitStoreCtor;
  /** A pino logger; without one the server logs nothing (tests). */
  readonly logger?: FastifyBaseLogger;
}

const ANONYMOUS = { id: 'anonymous', name: null };

function parseInput<S extends z.ZodType>(
  schema: S | undefined,
  input: unknown,
  location: 'query' | 'params' | 'body',
): z.output<S> | undefined {
  if (schema === undefined) return undefined;
  const parsed = schema.safeParse(input ?? (location === 'body' ? undefined : {}));
  if (!parsed.success) throw badRequest(fieldProblems(parsed.error, location));
  return parsed.data;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { settings, deps } = options;
  const app = Fastify({
    ...(options.logger === undefined ? { logger: false } : { loggerInstance: options.logger }),
    bodyLimit: settings.bodyLimitBytes,
    trustProxy: settings.trustProxy,
    // Request ids are ours: a client-sent id would let one request pose as another in the log.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 100 },
  });

  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });
  await app.register(cors, {
    // Exact origins only; with none configured, no CORS headers at all. Zendesk's own request
    // proxy (`cors: false`, the default way the app calls) does not need CORS.
    origin: settings.corsOrigins.length === 0 ? false : [...settings.corsOrigins],
    methods: ['GET', 'POST', 'PUT'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: true,
    // After authentication (onRequest), so that the key is the verified agent.
    hook: 'preHandler',
    max: settings.rateLimit.max,
    timeWindow: settings.rateLimit.windowMs,
    ...(options.rateLimitStore === undefined ? {} : { store: options.rateLimitStore }),
    keyGenerator: (request) => (request.agent === undefined ? `ip:${request.ip}` : `agent:${request.agent.id}`),
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        {
          error: 'RATE_LIMITED',
          message: `Too many requests from this agent: at most ${context.max} per ${context.after}. Wait a moment.`,
        },
        { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
      ),
  });

  app.setErrorHandler(errorHandler(settings.bodyLimitBytes));
  app.setNotFoundHandler((request) => {
    throw new HttpError(404, {
      error: 'NOT_FOUND',
      message: `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
    });
  });

  const authenticate = authenticator(settings.jwt);
  const routes = await apiRoutes(deps);
  for (const route of routes) registerRoute(app, route, authenticate);

  const document = openApiDocument(
    routes.map((r) => r.operation),
    deps.version,
  );
  app.get('/openapi.json', { config: { rateLimit: false } }, (_request, reply) => reply.send(document));
  return app;
}

function registerRoute(
  app: FastifyInstance,
  { operation, handler }: RouteDefinition,
  authenticate: ReturnType<typeof authenticator>,
): void {
  app.route({
    method: operation.method,
    url: operation.path,
    ...(operation.bodyLimit === undefined ? {} : { bodyLimit: operation.bodyLimit }),
    ...(operation.auth ? { onRequest: authenticate } : { config: { rateLimit: false } }),
    handler: async (request, reply) => {
      // Validation happens here, before the handler and so before any query runs.
      const query = parseInput(operation.query, request.query, 'query');
      const params = parseInput(operation.params, request.params, 'params');
      const body = parseInput(operation.body, request.body, 'body');
      const result = await handler({
        query,
        params,
        body,
        agent: request.agent ?? ANONYMOUS,
        log: request.log,
      });
      // Responses are checked too: a mismatch is our bug, reported as a 500, never sent half-right.
      const payload = operation.response.parse(result.body);
      return reply.code(result.status).type('application/json; charset=utf-8').send(payload);
    },
  });
}
