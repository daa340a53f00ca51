/**
 * The OpenAPI 3.0 document, generated from the operations the server implements and their zod
 * schemas: the same schemas that validate requests and responses, so it cannot drift from the code.
 */
import { z } from 'zod';
import { ApiError, type AnyOperation } from '../../shared/api';

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  return z.toJSONSchema(schema, { io, target: 'openapi-3.0', unrepresentable: 'any' });
}

/** Query and path schemas become one OpenAPI parameter per property. */
function parameters(schema: z.ZodType | undefined, where: 'query' | 'path'): JsonObject[] {
  if (schema === undefined) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: s,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
  }));
}

function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: jsonSchema(ApiError, 'output') } },
});

export function openApiDocument(operations: readonly AnyOperation[], version: string): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of operations) {
    const ok = {
      description: 'Success',
      content: { 'application/json': { schema: jsonSchema(route.response, 'output') } },
    };
    const responses: Record<string, JsonObject> = {};
    for (const status of route.successStatuses ?? [200]) responses[String(status)] = ok;
    if (route.query !== undefined || route.params !== undefined || route.body !== undefined) {
      responses['400'] = errorResponse('Invalid input: `fields` names each refused field and why');
    }
    if (route.auth) {
      responses['401'] = errorResponse('Missing, expired or invalid token');
      responses['429'] = errorResponse('Too many requests from this agent');
    }
    responses['503'] = errorResponse('A database is down or too slow; nothing was changed');
    const operation: JsonObject = {
      operationId: route.id,
      summary: route.summary,
      tags: route.tags,
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      responses,
      ...(route.auth ? {} : { security: [] }),
      ...(route.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }),
    };
    const key = openApiPath(route.path);
    paths[key] = { ...paths[key], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'AOC integration assistant proxy',
      version,
      description:
        'Database checks and shared state for the AOC support desk’s Zendesk sidebar. Every request (but /health ' +
        'and /openapi.json) carries the JWT that Zendesk’s request proxy signs for the app.',
    },
    components: { securitySchemes: { zendeskJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ zendeskJwt: [] }],
    paths,
  };
}
