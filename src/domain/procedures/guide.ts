import { z } from '../zod';
import type { Classification } from '../classifier/schema';
import type { Facts } from './conditions';
import { plan, type Library, type Wait } from './engine';
import { FACT_IDS, type Effect, type FactId, type Step } from './schema';

/**
 * What the sidebar shows for a ticket, as data (`contracts/guide.md`): the classification and every
 * step of its procedure with its state. Used by the `guide` command and by the tests that hold
 * every sample's plan to the gate rule.
 */
export function GuideItemSchema<T extends z.ZodType>(ticket: T) {
  return z.strictObject({
    ticket,
    answers: z
      .record(z.string(), z.boolean())
      .superRefine((answers, ctx) => {
        for (const key of Object.keys(answers)) {
          if (!(FACT_IDS as readonly string[]).includes(key))
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: `"${key}" is not a question id (${FACT_IDS.join(', ')})`,
            });
        }
      })
      .optional(),
    done: z.array(z.string()).optional(),
  });
}

export interface GuideItem {
  readonly answers?: Readonly<Record<string, boolean>> | undefined;
  readonly done?: readonly string[] | undefined;
}

export interface GuideStep {
  readonly id: string;
  readonly kind: Step['kind'];
  readonly effect: Effect;
  readonly status: 'applies' | 'waiting' | 'skipped' | 'done';
  readonly template?: string;
  readonly waitsFor?: readonly Wait[];
  readonly reason?: string;
}

export interface GuideResult {
  readonly id: string;
  readonly classification: Classification;
  readonly procedure: string | null;
  readonly steps: readonly GuideStep[];
  readonly questions: readonly { readonly question: FactId; readonly text: string; readonly step?: string }[];
}

export function guide(lib: Library, classification: Classification, item: GuideItem, now: Date): GuideResult {
  const facts = Object.fromEntries(Object.entries(item.answers ?? {})) as Facts;
  const progress = Object.fromEntries((item.done ?? []).map((id) => [id, { doneAt: now.toISOString() }]));
  const p = plan(lib, { classification, facts, progress, now, lang: 'ca' });
  return {
    id: classification.id,
    classification,
    procedure: p.procedure?.id ?? null,
    steps: p.steps.map((s) => ({
      id: s.step.id,
      kind: s.step.kind,
      effect: s.step.effect,
      status: s.status,
      ...(s.step.template === undefined ? {} : { template: s.step.template }),
      ...(s.waitsFor.length === 0 ? {} : { waitsFor: s.waitsFor }),
      ...(s.status === 'skipped' && s.because !== undefined ? { reason: s.because } : {}),
    })),
    questions: p.questions,
  };
}
