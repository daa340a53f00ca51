/**
 * A correction: a ticket as the classifier saw it, what the classifier answered, and the labels the
 * agent settled on (the same when she confirms the answer with "correcte"). Shared by the app (which
 * sends it), the proxy (which stores it) and the corpus export (which turns it into a labelled
 * ticket for `npm run eval`).
 */
import { z } from '../zod';
import { AttachmentSchema, ClassificationSchema, type Classification } from '../classifier/schema';
import { FormReadingSchema } from '../form/schema';

/** The fields `npm run eval` scores, and the ones an agent can correct. */
export const LABEL_FIELDS = ['service', 'products', 'environment', 'ambit', 'flags'] as const;
export type LabelField = (typeof LABEL_FIELDS)[number];

export const LabelsSchema = ClassificationSchema.pick({
  service: true,
  products: true,
  environment: true,
  ambit: true,
  flags: true,
});
export type Labels = z.infer<typeof LabelsSchema>;

const bounded = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** The ticket's input as the classifier read it: what a labelled corpus item's `ticket` holds. */
export const CorrectedTicketSchema = z.strictObject({
  id: z.string().regex(/^[1-9][0-9]{0,14}$/, 'must be a Zendesk ticket id'),
  subject: bounded(1000),
  description: bounded(200_000),
  requester: z.strictObject({ name: bounded(300).nullish(), email: bounded(300).nullish() }).nullish(),
  organization: z.strictObject({ name: bounded(300).nullish() }).nullish(),
  tags: z.array(bounded(200)).max(200).nullish(),
  /** Attachments: names or Zendesk objects, kept as names (the classifier reads names only). */
  attachments: z
    .array(AttachmentSchema.pipe(bounded(300)))
    .max(200)
    .nullish(),
  /** The request form as the form reader read it, when the ticket carries one. */
  form: FormReadingSchema.nullish(),
});
export type CorrectedTicket = z.output<typeof CorrectedTicketSchema>;

/** The classifier's answer as it was shown; unknown keys (a newer classifier's) are dropped. */
export const OriginalAnswerSchema = LabelsSchema.extend({
  confidence: z.number().min(0).max(1),
  evidence: z.array(z.object({ field: bounded(32), text: bounded(2000), means: bounded(2000) })).max(500),
});
export type OriginalAnswer = z.infer<typeof OriginalAnswerSchema>;

export function originalAnswerOf(c: Classification): OriginalAnswer {
  return {
    service: c.service,
    products: c.products,
    environment: c.environment,
    ambit: c.ambit,
    flags: c.flags,
    confidence: c.confidence,
    evidence: c.evidence.map((e) => ({ field: e.field, text: e.text, means: e.means })),
  };
}

/** How a field's value compares: products in order (as eval scores them), flags as a set. */
export function shown(field: LabelField, labels: Labels): string {
  const value = labels[field];
  if (field === 'flags') return JSON.stringify([...labels.flags].sort());
  return JSON.stringify(value);
}

/** The fields where the agent's labels differ from the classifier's answer. */
export function changedFields(original: Labels, final: Labels): LabelField[] {
  return LABEL_FIELDS.filter((f) => shown(f, original) !== shown(f, final));
}

/**
 * What an evidence entry speaks of: its `means` starts with the field's word and the value
 * ("product AEAT (...)", "flag MINHAP (...)"), or says a mention was set aside
 * ("not asked: product TGSS named as already there ...").
 */
const EVIDENCE_WORD: Record<string, LabelField> = {
  service: 'service',
  product: 'products',
  environment: 'environment',
  ambit: 'ambit',
  flag: 'flags',
};

export function readEvidence(means: string): { field: LabelField; value: string; setAside: boolean } | undefined {
  const match = /^(not asked: )?([a-z]+) ([A-Z0-9_]+)/.exec(means);
  const field = match?.[2] === undefined ? undefined : EVIDENCE_WORD[match[2]];
  if (match?.[3] === undefined || field === undefined) return undefined;
  return { field, value: match[3], setAside: match[1] !== undefined };
}

export interface Disagreement {
  readonly field: LabelField;
  readonly classifier: string;
  readonly agent: string;
  /**
   * The evidence behind the difference: what gave a value the agent removed or replaced, and
   * what set aside a value the agent added. Empty when nothing in the ticket did (a value missed).
   */
  readonly evidence: OriginalAnswer['evidence'];
}

function valuesOf(field: LabelField, labels: Labels): string[] {
  const value = labels[field];
  return typeof value === 'string' ? [value] : [...value];
}

export function disagreements(original: OriginalAnswer, final: Labels): Disagreement[] {
  return changedFields(original, final).map((field) => {
    const said = valuesOf(field, original);
    const settled = valuesOf(field, final);
    // Products in another order only: the order's evidence is every product's.
    const differing = new Set([
      ...said.filter((v) => !settled.includes(v)),
      ...settled.filter((v) => !said.includes(v)),
    ]);
    const relevant = differing.size === 0 ? new Set(said) : differing;
    return {
      field,
      classifier: shown(field, original),
      agent: shown(field, final),
      evidence: original.evidence.filter((e) => {
        const read = readEvidence(e.means);
        return read?.field === field && relevant.has(read.value);
      }),
    };
  });
}
/** A stored correction as the proxy lists it (the agent's own list: no ticket text). */
export const CorrectionSummarySchema = z.object({
  ticket: z.number().int(),
  /** `confirmed`: the agent said the classification is right; `corrected`: she changed a field. */
  kind: z.enum(['confirmed', 'corrected']),
  changed: z.array(z.enum(LABEL_FIELDS)),
  subject: z.string(),
  labels: LabelsSchema,
  classifierVersion: z.string(),
  by: z.string(),
  byName: z.string().nullable(),
  at: z.iso.datetime(),
});
export type CorrectionSummary = z.infer<typeof CorrectionSummarySchema>;

/** A stored correction in full: for the corpus export and the workbench's review. */
export const CorrectionRecordSchema = CorrectionSummarySchema.extend({
  input: CorrectedTicketSchema,
  original: OriginalAnswerSchema,
});
export type CorrectionRecord = z.infer<typeof CorrectionRecordSchema>;

/** Where a listing of every agent's records stopped: the last record's time and ticket. */
export const ListCursorSchema = z.object({ at: z.iso.datetime(), ticket: z.number().int().positive() });
export type ListCursor = z.infer<typeof ListCursorSchema>;

/** One page of every agent's records, oldest first; `next` continues it (null: the last page). */
export const CorrectionPageSchema = z.object({
  records: z.array(CorrectionRecordSchema),
  next: ListCursorSchema.nullable(),
});
export type CorrectionPage = z.infer<typeof CorrectionPageSchema>;
