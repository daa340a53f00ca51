import { z } from '../zod';
import { PRODUCT_IDS } from '../catalogue/products';
import { SERVICE_IDS } from '../catalogue/services';

/**
 * What the reader of the ens's request form answers, as `contracts/request-form.md` fixes it. The
 * reader, the `read-form` command, the proxy's attachment operation, the sidebar's card and the
 * classifier (the ticket's optional `form`) all use these schemas.
 *
 * Text fields the ens left empty are `null` (never `""`); an object written by hand may leave them
 * out, and parsing fills in `null` (and `[]` for lists), so consumers see one shape.
 */
export const FORM_STATUSES = ['read', 'blank', 'not-a-form', 'unreadable'] as const;
export type FormStatus = (typeof FORM_STATUSES)[number];

/** Why a problem is flagged: a stable code for translated messages, beside the English reason. */
export const FORM_PROBLEM_CODES = [
  'INVALID_NIF',
  'INVALID_EMAIL',
  'IP_MALFORMED',
  'IP_NOT_PUBLIC',
  'SERVICE_WITHOUT_PRODUCTS',
  'PRODUCTS_WITHOUT_SERVICE',
  'DATE_INVALID',
  'DATE_IN_FUTURE',
] as const;
export type FormProblemCode = (typeof FORM_PROBLEM_CODES)[number];

/** Why a file is not read: stable codes for translated messages (the `reason` is English). */
export const FORM_FAILURE_CODES = [
  'NOT_PDF',
  'DAMAGED',
  'ENCRYPTED',
  'TOO_LARGE',
  'INFLATE_LIMIT',
  'XML_REFUSED',
  'NO_XFA',
  'OTHER_FORM',
  'MISSING_FILE',
] as const;
export type FormFailureCode = (typeof FORM_FAILURE_CODES)[number];

const text = z.string().nullable().default(null);

export const FormPersonSchema = z.object({
  name: text,
  surnames: text,
  nif: text,
  position: text,
  phone: text,
  email: text,
});
export type FormPerson = z.output<typeof FormPersonSchema>;

export const FormProblemSchema = z.object({
  /** Dotted path in this object, e.g. `ens.nif`, `ips.pre`, `integrator.contact.nif`. */
  field: z.string(),
  reason: z.string(),
  code: z.enum(FORM_PROBLEM_CODES).optional(),
  /** The value the problem is about (an IP, a NIF), when there is one. */
  value: z.string().optional(),
});
export type FormProblem = z.output<typeof FormProblemSchema>;

/** One ticked checkbox, with the form's caption and what the catalogue makes of it. */
export const FormTickSchema = z.object({
  checkbox: z.string(),
  caption: z.string(),
  /** The service id, for a service checkbox the catalogue knows. */
  service: z.enum(SERVICE_IDS).nullable().default(null),
  /** The product id, for a Via Oberta product checkbox the catalogue knows. */
  product: z.enum(PRODUCT_IDS).nullable().default(null),
});
export type FormTick = z.output<typeof FormTickSchema>;

const DataFields = {
  file: z.string().optional(),
  /** The form's own version field (`TXT_VERSI_FORMU`, e.g. `2026-03-18`). */
  version: text,
  /** The form's identifier (`Id_Formulari`). */
  formId: text,
  ens: z.object({ name: text, nif: text }).default({ name: null, nif: null }),
  technicalContact: FormPersonSchema.default({
    name: null,
    surnames: null,
    nif: null,
    position: null,
    phone: null,
    email: null,
  }),
  services: z.array(z.enum(SERVICE_IDS)).default([]),
  products: z.array(z.enum(PRODUCT_IDS)).default([]),
  /** Every ticked checkbox in the form's order, including those the catalogue has no id for. */
  ticked: z.array(FormTickSchema).default([]),
  application: z
    .object({ name: text, description: text, technology: text, other: text })
    .default({ name: null, description: null, technology: null, other: null }),
  ips: z
    .object({ pre: z.array(z.string()).default([]), pro: z.array(z.string()).default([]) })
    .default({ pre: [], pro: [] }),
  certificates: z.object({ pre: text, pro: text }).default({ pre: null, pro: null }),
  integrator: z
    .object({
      company: text,
      nif: text,
      contact: FormPersonSchema.default({
        name: null,
        surnames: null,
        nif: null,
        position: null,
        phone: null,
        email: null,
      }),
      ips: z.array(z.string()).default([]),
      certificate: text,
    })
    .nullable()
    .default(null),
  place: text,
  /** ISO date `YYYY-MM-DD`, from the form's day, month and year lists. */
  date: text,
  /** Filled through EACAT: the ens's catalogue code, CIF and name, when the tràmit set them. */
  eacat: z.object({ code: text, cif: text, name: text }).default({ code: null, cif: null, name: null }),
  problems: z.array(FormProblemSchema).default([]),
};

export const FormDataSchema = z.object({
  status: z.enum(['read', 'blank']),
  ...DataFields,
});
export type FormData = z.output<typeof FormDataSchema>;

export const FormFailureSchema = z.object({
  status: z.enum(['not-a-form', 'unreadable']),
  file: z.string().optional(),
  /** English explanation, for logs and the command line; the app translates `code`. */
  reason: z.string(),
  code: z.enum(FORM_FAILURE_CODES).optional(),
});
export type FormFailure = z.output<typeof FormFailureSchema>;

export const FormReadingSchema = z.discriminatedUnion('status', [FormDataSchema, FormFailureSchema]);
/** What the reader answers for one file. */
export type FormReading = z.output<typeof FormReadingSchema>;
/** What a hand-written ticket may carry as `form` (absent text fields become `null`). */
export type FormReadingInput = z.input<typeof FormReadingSchema>;

export { isFormRead } from './is-form-read';
