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

/** What an evidence entry decided: its `means` starts with the field's word ("product AEAT (...)"). */
const EVIDENCE_WORD: Record<string, LabelField> = {
  service: 'service',
  product: 'products',
  environment: 'environment',
  ambit: 'ambit',
  flag: 'flags',
};

export function evidenceField(means: string): LabelField | undefined {
  const word = /^[a-z]+/.exec(means)?.[0];
  return word === undefined ? undefined : EVIDENCE_WORD[word];
}

export interface Disagreement {
  readonly field: LabelField;
  readonly classifier: string;
  readonly agent: string;
  /** The evidence that decided the classifier's value of this field; empty when none did. */
  readonly evidence: OriginalAnswer['evidence'];
}

export function disagreements(original: OriginalAnswer, final: Labels): Disagreement[] {
  return changedFields(original, final).map((field) => ({
    field,
    classifier: shown(field, original),
    agent: shown(field, final),
    evidence: original.evidence.filter((e) => evidenceField(e.means) === field),
  }));
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
