import { z } from '../zod';
import { PRODUCT_IDS } from '../catalogue/products';
import { SERVICE_IDS } from '../catalogue/services';
import { FormReadingSchema } from '../form/schema';
import { EVIDENCE_CODES, type EvidenceCode, type EvidenceParams } from './evidence';

/**
 * The classifier's input and output, exactly as `contracts/classification.md` fixes them. The
 * sidebar, the procedure engine, the `classify` command and the tests all use these schemas.
 */
export const FLAGS = [
  'AEAT_CERT',
  'COETC',
  'CORPME',
  'DCOC',
  'HOMOLOGATION',
  'MASS_EXCEL',
  'MINHAP',
  'MISSING_DOCS',
  'MULTI_AMBIT',
  'MULTI_SERVICE',
  'NOT_VIA_ALTA',
  'PADRO',
  'SETDIBA',
] as const;
export type Flag = (typeof FLAGS)[number];

export const ENVIRONMENTS = ['PRE', 'PRO', 'UNKNOWN'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const CLASSIFICATION_AMBITS = ['AGE', 'GENERALITAT', 'LOCAL', 'COLLEGIS', 'MIXED', 'NONE'] as const;

export const EVIDENCE_FIELDS = [
  'subject',
  'description',
  'requester',
  'organization',
  'tags',
  'attachments',
  'form',
] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

/** Zendesk sends ids as numbers; the contract's examples use strings. Both are read as strings. */
const TicketId = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);

const AttachmentObjectSchema = z.object({
  name: z.string(),
  id: z.union([z.number(), z.string()]).nullish(),
  size: z.number().nonnegative().nullish(),
});
export type AttachmentInput = string | z.input<typeof AttachmentObjectSchema>;

/** The file name of an attachment given either way. */
export function attachmentName(a: AttachmentInput): string {
  return typeof a === 'string' ? a : a.name;
}

/** An attachment as a file name, or as Zendesk's attachment object (`{ name, id, size }`). */
export const AttachmentSchema = z.union([z.string(), AttachmentObjectSchema]).transform(attachmentName);

export const TicketSchema = z.object({
  id: TicketId,
  subject: z.string(),
  description: z.string(),
  requester: z.object({ name: z.string().nullish(), email: z.string().nullish() }).nullish(),
  organization: z.object({ name: z.string().nullish() }).nullish(),
  tags: z.array(z.string()).nullish(),
  /** A file name, or the Zendesk attachment object; the classifier reads the names. */
  attachments: z.array(AttachmentSchema).nullish(),
  /** The ens's request form as the form reader read it (`contracts/request-form.md`). */
  form: FormReadingSchema.nullish(),
});
export type TicketInput = z.input<typeof TicketSchema>;
export type Ticket = z.output<typeof TicketSchema>;

export const TicketListSchema = z.array(TicketSchema);

/**
 * An evidence item: the ticket's words (`text` in `field`) and what they decided, as the contract's
 * English sentence (`means`) and as a stable `code` with `params` that the sidebar translates.
 * The classifier always gives `code` and `params`; they are optional here so that a classification
 * written before them (a stored correction, a hand-written fixture) still reads.
 */
export const EvidenceSchema = z.object({
  field: z.enum(EVIDENCE_FIELDS),
  text: z.string(),
  means: z.string(),
  code: z.enum(EVIDENCE_CODES).optional(),
  params: z.record(z.string(), z.string()).optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** Evidence as the classifier gives it: always with its code and parameters. */
export interface CodedEvidence extends Evidence {
  readonly code: EvidenceCode;
  readonly params: EvidenceParams;
}

export const ClassificationSchema = z.strictObject({
  id: z.string(),
  service: z.enum([...SERVICE_IDS, 'UNKNOWN']),
  products: z.array(z.enum(PRODUCT_IDS)),
  environment: z.enum(ENVIRONMENTS),
  ambit: z.enum(CLASSIFICATION_AMBITS),
  flags: z.array(z.enum(FLAGS)),
  /** AOC modality codes the ticket or the form names for the products asked (optional in version 2). */
  modalities: z.array(z.string()).optional(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema),
});
export type Classification = z.infer<typeof ClassificationSchema>;

export { DEFAULT_CLASSIFIER_OPTIONS, type ClassifierOptions } from './options';
