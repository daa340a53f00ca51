import { z } from '../zod';
import { PRODUCT_IDS } from '../catalogue/products';
import { SERVICE_IDS } from '../catalogue/services';
import { CLASSIFICATION_AMBITS, ENVIRONMENTS, FLAGS } from '../classifier/schema';
import { TEMPLATE_IDS } from '../templates/ids';

/**
 * The shape of a procedure file (data/*.json). Files are checked against these schemas when the
 * app loads them, and a mistake is reported with the file and the place in it, so that whoever
 * edits a procedure sees at once what is wrong.
 */

/** Text in the desk's language (Catalan), with optional Spanish and English. */
export const LocalTextSchema = z.strictObject({
  ca: z.string().min(1),
  es: z.string().min(1).optional(),
  en: z.string().min(1).optional(),
});
export type LocalText = z.infer<typeof LocalTextSchema>;

export const FACT_IDS = [
  'docs.complete',
  'docs.received',
  'ens.confirmedWebService',
  'pscp.previousIntegration',
  'pscp.oldPscpIntegration',
  'pscp.userFound',
  'pscp.userHasPermissions',
  'pscp.organFound',
  'pscp.organFoundPro',
  'pscp.elicitaUserConfigured',
  'homologation.validated',
  'headOfService.returned',
  'vo.authorisedInPro',
  'vo.alreadyInPre',
  'dcoc.permissionGranted',
  'minhap.finalitatExists',
  'minhap.wordRequested',
  'minhap.signatureRequired',
  'minhap.confirmed',
  'minhap.usesIne10Proves',
  'aeat.cdaRegistered',
  'integrator.registered',
  'setdiba.muxDateKnown',
] as const;
export type FactId = (typeof FACT_IDS)[number];

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly service: string | readonly string[] }
  | { readonly environment: string | readonly string[] }
  | { readonly ambit: string | readonly string[] }
  | { readonly flag: string }
  | { readonly product: string }
  | { readonly fact: FactId; readonly is: boolean };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({ service: oneOrMany(z.enum([...SERVICE_IDS, 'UNKNOWN'])) }),
    z.strictObject({ environment: oneOrMany(z.enum(ENVIRONMENTS)) }),
    z.strictObject({ ambit: oneOrMany(z.enum(CLASSIFICATION_AMBITS)) }),
    z.strictObject({ flag: z.enum(FLAGS) }),
    z.strictObject({ product: z.enum(PRODUCT_IDS) }),
    z.strictObject({ fact: z.enum(FACT_IDS), is: z.boolean() }),
  ]),
);

/**
 * A database check's id, as a step names it. The list of checks is the proxy's contract
 * (`src/shared/api/check-ids.ts`, outside the domain); a test refuses a step naming a check the
 * contract does not have.
 */
export const CheckIdFormat = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'is a check id: lower-case letters, digits and dashes');

/** Desk settings a step may show (`src/domain/settings/desk-settings.ts`): contacts and links. */
export const SHOWN_SETTINGS = ['setdibaMuxContact', 'setdibaCertificateUrl', 'dcocCopyTo', 'supportEmail'] as const;
export type ShownSetting = (typeof SHOWN_SETTINGS)[number];

/** What a step does to the ticket, through the Zendesk client. */
export const ActionSchema = z.discriminatedUnion('type', [
  /** Apply the Zendesk macro configured in the app's settings under this name. */
  z.strictObject({ type: z.literal('macro'), macro: z.string().regex(/^[a-z0-9-]+$/) }),
  z.strictObject({ type: z.literal('addTags'), tags: z.array(z.string().min(1)).min(1) }),
  z.strictObject({ type: z.literal('removeTags'), tags: z.array(z.string().min(1)).min(1) }),
  z.strictObject({ type: z.literal('setStatus'), status: z.enum(['open', 'pending', 'hold', 'solved']) }),
]);
export type Action = z.infer<typeof ActionSchema>;

/**
 * What doing a step changes outside the app (`contracts/guide.md`): nothing; an authorisation or
 * permission (SIRI, PSCP, EACAT, a certificate store, the DCOC configuration, IPs); a message to the
 * ens; a message to a third party (MINHAP/CAID, a col·legi, the head of service, AEAT...); the
 * ticket solved, closed or handed over.
 */
export const EFFECTS = ['none', 'authorises', 'messages-ens', 'messages-third-party', 'closes'] as const;
export type Effect = (typeof EFFECTS)[number];

/** Effects that must never run ahead of a gate: the manual's "hem de parar aquí". */
export const GATED_EFFECTS: readonly Effect[] = ['authorises', 'messages-ens', 'closes'];
export const isGatedEffect = (e: Effect): boolean => GATED_EFFECTS.includes(e);

const StepIdSchema = z.string().regex(/^[a-z0-9.-]+$/, 'ids use lower case letters, digits, dots and hyphens');

/**
 * A gate: this step waits for an earlier step of the same procedure. With `question`, until that
 * question is answered (and, with `is`, the step does not apply when the answer is the other one);
 * without, until the earlier step is done. A gate on a step that does not apply to the ticket is
 * open.
 */
export const WaitSchema = z.strictObject({
  step: StepIdSchema,
  question: z.enum(FACT_IDS).optional(),
  is: z.boolean().optional(),
});
export type WaitDefinition = z.infer<typeof WaitSchema>;

export const StepSchema = z.strictObject({
  id: StepIdSchema,
  kind: z.enum(['manual', 'check', 'message', 'action', 'question']),
  effect: z.enum(EFFECTS),
  title: LocalTextSchema,
  detail: LocalTextSchema.optional(),
  /** When the step applies; absent means always. */
  when: ConditionSchema.optional(),
  /** What the step waits for before it can be done (see WaitSchema). */
  waitsFor: z.array(WaitSchema).min(1).optional(),
  /**
   * The manual stops here ("hem de parar aquí", "fins que ens retornin la confirmació"): in the
   * manual's words. Every later step that authorises, messages the ens or closes must wait for
   * this one (the loader checks it).
   */
  gate: LocalTextSchema.optional(),
  /** Why the step applies, in the desk's words; the engine adds the condition itself. */
  why: LocalTextSchema.optional(),
  /** A rule the agent must not break here ("never create an òrgan in PRO"). */
  warning: LocalTextSchema.optional(),
  /**
   * Part of the step's rule that the manual does not state and the desk has to confirm: what is
   * the project's reading, and what the manual says instead. Shown on the step as such.
   */
  toConfirm: LocalTextSchema.optional(),
  /** The question the agent answers once the step is done (each question has one step). */
  asks: z.enum(FACT_IDS).optional(),
  template: z.enum(TEMPLATE_IDS).optional(),
  check: z
    .strictObject({
      id: CheckIdFormat,
      environment: z.enum(['PRE', 'PRO']).optional(),
      answers: z.enum(FACT_IDS).optional(),
    })
    .optional(),
  actions: z.array(ActionSchema).optional(),
  /** A time window the step must be done in (data/windows.json). */
  window: z.string().optional(),
  /** The ticket then waits on the ens (and closes by itself after the configured days). */
  waitsForEns: z.boolean().optional(),
  /** The procedure ends here when this step applies (the ticket is closed or handed over). */
  ends: z.boolean().optional(),
  /** Desk settings the step shows (a contact, a certificate's link), by their setting name. */
  shows: z.array(z.enum(SHOWN_SETTINGS)).optional(),
  /** Where in the manual the step comes from ("derived from ..." when the manual gives no text). */
  source: z.string().min(1),
});
export type Step = z.infer<typeof StepSchema>;

export const ProcedureSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: LocalTextSchema,
  summary: LocalTextSchema,
  appliesWhen: ConditionSchema,
  source: z.string().min(1),
  steps: z.array(StepSchema).min(1),
});
export type Procedure = z.infer<typeof ProcedureSchema>;

const Time = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'a time is HH:MM');
export const WindowSchema = z.strictObject({
  id: z.string().min(1),
  title: LocalTextSchema,
  days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).min(1),
  from: Time,
  to: Time,
  timeZone: z.string().min(1),
  source: z.string().min(1),
});
export type TimeWindow = z.infer<typeof WindowSchema>;

export const FactSchema = z.strictObject({
  id: z.enum(FACT_IDS),
  question: LocalTextSchema,
});
export type FactDefinition = z.infer<typeof FactSchema>;
