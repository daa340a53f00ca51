// The OpenAPI document comes from the same zod schemas that validate the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_OPERATIONS } from '../../src/shared/api/check-ids';
import { startHarness, type Harness } from './helpers/harness';

interface Operation {
  operationId: string;
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> };
  responses: Record<string, unknown>;
}

describe('OpenAPI document', () => {
  let h: Harness;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    h = await startHarness();
    doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('describes every route of the server', () => {
    expect(doc.openapi).toBe('3.0.3');
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    // Every database check's route (a new check adds its operation, nothing here), and the rest.
    const checks = [...CHECK_OPERATIONS.values()].map((op) => `${op.method} ${op.path}`);
    expect(checks.length).toBeGreaterThanOrEqual(8);
    expect(ops.sort()).toEqual(
      [
        ...checks,
        'GET /health',
        'POST /v1/integrator-registrations',
        'GET /v1/tickets/{ticketId}/progress',
        'PUT /v1/tickets/{ticketId}/progress/{stepId}',
        'GET /v1/tickets/{ticketId}/audit',
        'POST /v1/request-form/read',
        'POST /v1/integrator-registrations/batch',
        'GET /v1/tickets/{ticketId}/answers',
        'PUT /v1/tickets/{ticketId}/answers/{questionId}',
        'PUT /v1/tickets/{ticketId}/correction',
        'GET /v1/tickets/{ticketId}/correction',
        'POST /v1/tickets/{ticketId}/correction/withdraw',
        'GET /v1/corrections/mine',
        'GET /v1/corrections',
        'POST /v1/documents/minhap',
        'GET /v1/documents/dcoc-lines',
        'POST /v1/documents/tracking',
        'POST /v1/documents/ens-list',
        'POST /v1/documents/minhap/attach',
      ].sort(),
    );
  });

  it('takes parameters, bodies and limits from the validating schemas', () => {
    const auth = doc.paths['/v1/checks/authorisations']?.get;
    expect(auth?.parameters.map((p) => [p.name, p.required])).toEqual([
      ['env', true],
      ['ticket', true],
      ['ine10', false],
      ['nif', false],
    ]);
    expect(auth?.parameters.find((p) => p.name === 'env')?.schema.enum).toEqual(['PRE', 'PRO']);
    expect(auth?.parameters.find((p) => p.name === 'ine10')?.schema.maxLength).toBe(32);
    expect(Object.keys(auth?.responses ?? {}).sort()).toEqual(['200', '400', '401', '429', '503']);
    const register = doc.paths['/v1/integrator-registrations']?.post;
    const body = register?.requestBody?.content['application/json']?.schema;
    expect(body?.required.sort()).toEqual(['ens', 'integrator', 'service', 'ticket']);
    expect(Object.keys(register?.responses ?? {})).toContain('201');
    expect(doc.paths['/v1/tickets/{ticketId}/progress/{stepId}']?.put?.parameters.map((p) => [p.name, p.in])).toEqual([
      ['ticketId', 'path'],
      ['stepId', 'path'],
    ]);
  });
});
