/**
 * A check's route: runs the check and records it in the audit log as `check.<check id>`, with
 * the agent, the ticket, what was asked and the outcome. A failed check is recorded too (best
 * effort: the store may be what failed). If the log cannot be written after a successful check,
 * the answer is withheld: every answer the agent sees is in the log.
 */
import type { z } from 'zod';
import type { AnyOperation, OutputOf } from '../../../shared/api';
import type { CheckId } from '../../../shared/api/check-ids';
import type { AuditWriter } from '../../store/audit';
import { implement, ok, type RouteDefinition } from '../route';

export interface AuditedCheck<Q, R> {
  /** What was checked, in canonical form, e.g. `{ env: 'PRO', ine10: '0801930008' }`. */
  readonly subject: (query: Q) => Record<string, unknown>;
  readonly run: (query: Q) => Promise<R>;
  /** A short line for the log: `found`, `3 authorisation(s)`, … */
  readonly outcome: (result: R) => string;
}

/** The audit log's action is `check.<the operation's check id>`. */
export function auditedCheck<
  O extends AnyOperation & { readonly check: CheckId; readonly query: z.ZodType<{ readonly ticket: number }> },
>(audit: AuditWriter, operation: O, spec: AuditedCheck<OutputOf<O['query']>, z.input<O['response']>>): RouteDefinition {
  return implement(operation, async ({ query, agent }) => {
    const entry = {
      agent,
      ticket: (query as { readonly ticket: number }).ticket,
      action: `check.${operation.check}`,
      subject: spec.subject(query),
    };
    let result: z.input<O['response']>;
    try {
      result = await spec.run(query);
    } catch (err) {
      const reason = err instanceof Error ? err.name : 'error';
      await audit.write({ ...entry, outcome: `failed: ${reason}` }).catch(() => undefined);
      throw err;
    }
    await audit.write({ ...entry, outcome: spec.outcome(result) });
    return ok(result);
  });
}

export const found = (exists: boolean): string => (exists ? 'found' : 'not found');
