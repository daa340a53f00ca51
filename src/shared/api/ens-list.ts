/**
 * `POST /v1/documents/ens-list`: an .xlsx list of ens attached to the ticket (SetDIBA's template,
 * Audifilm's bulk registrations), read by the proxy, each row with its state in the database
 * (`docs/documents.md`). Browser-safe: zod through the domain, pure domain only.
 */
import { z } from '../../domain/zod';
import { PRODUCT_IDS, SERVICE_IDS } from '../../domain/catalogue/ids';
import {
  ENS_LIST_COLUMN_KINDS,
  ENS_LIST_NOTES,
  ENS_ROW_NOTES,
  ENS_ROW_PROBLEMS,
} from '../../domain/documents/ens-list';
import { TicketIdNumber } from './fields';
import { API_PREFIX, operation } from './operation';

export const ReadEnsListBody = z.strictObject({
  ticket: TicketIdNumber,
  /** The Zendesk attachment id (a comment's `attachments[].id`). */
  attachment: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  /** The ticket's services and products: a row of a list without such a column takes them. */
  services: z.array(z.enum(SERVICE_IDS)).max(SERVICE_IDS.length).optional(),
  products: z.array(z.enum(PRODUCT_IDS)).max(PRODUCT_IDS.length).optional(),
});
export type ReadEnsListBody = z.infer<typeof ReadEnsListBody>;

export const ENS_ROW_STATES = ['found', 'notFound', 'invalid', 'authorised'] as const;
export type EnsRowState = (typeof ENS_ROW_STATES)[number];

export const EnsListRowSchema = z.object({
  row: z.number().int(),
  name: z.string().nullable(),
  ine10: z.string().nullable(),
  cif: z.string().nullable(),
  services: z.array(z.enum(SERVICE_IDS)),
  products: z.array(z.enum(PRODUCT_IDS)),
  /**
   * found: SIRI (PRO) knows the ens; notFound: it does not (or its name alone matches none or
   * several); invalid: an identifier or a value is wrong (see problems); authorised: PRO already
   * holds every product the row asks for.
   */
  state: z.enum(ENS_ROW_STATES),
  ens: z.object({ ine10: z.string(), nom: z.string().nullable(), cif: z.string().nullable() }).nullable(),
  /** Ens whose name matched when the row gives only a name (0 or more than 1: not found). */
  candidates: z.number().int().nonnegative(),
  /** The row's products PRO already holds; null when the row asks for none (no PRO check). */
  heldInPro: z.array(z.enum(PRODUCT_IDS)).nullable(),
  /** The first row with the same ens, when this one repeats it. */
  repeats: z.number().int().nullable(),
  problems: z.array(
    z.object({
      code: z.enum(ENS_ROW_PROBLEMS),
      cell: z.string().optional(),
      value: z.string().optional(),
      /** The identifier validator's code (`identifier.<code>` in the translations). */
      identifier: z.string().optional(),
      message: z.string(),
    }),
  ),
  notes: z.array(z.object({ code: z.enum(ENS_ROW_NOTES), cell: z.string(), detail: z.string().optional() })),
});
export type EnsListRowResult = z.infer<typeof EnsListRowSchema>;

export const ENS_LIST_REFUSALS = [
  'notZip',
  'tooLarge',
  'inflatesTooLarge',
  'tooManyEntries',
  'damaged',
  'encrypted',
  'notWorkbook',
  'dtd',
  'noSheet',
  'noHeader',
  'noRows',
] as const;

export const ReadEnsListResponse = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('read'),
    attachment: z.object({ id: z.number().int(), name: z.string(), size: z.number().int().nonnegative() }),
    sheet: z.string(),
    headerRow: z.number().int(),
    columns: z.array(z.object({ column: z.string(), header: z.string(), kind: z.enum(ENS_LIST_COLUMN_KINDS) })),
    unknownColumns: z.array(z.object({ column: z.string(), header: z.string() })),
    notes: z.array(
      z.object({ code: z.enum(ENS_LIST_NOTES), detail: z.string().optional(), count: z.number().int().optional() }),
    ),
    rows: z.array(EnsListRowSchema),
    counts: z.record(z.enum(ENS_ROW_STATES), z.number().int().nonnegative()),
  }),
  z.object({
    status: z.literal('refused'),
    attachment: z.object({ id: z.number().int(), name: z.string(), size: z.number().int().nonnegative() }),
    reason: z.enum(ENS_LIST_REFUSALS),
    message: z.string(),
  }),
]);
export type ReadEnsListResponse = z.infer<typeof ReadEnsListResponse>;

export const readEnsListOperation = operation({
  id: 'readEnsList',
  method: 'POST',
  path: `${API_PREFIX}/documents/ens-list`,
  summary: 'Read an attached .xlsx list of ens: each row validated and looked up in SIRI (PRO)',
  tags: ['documents'],
  auth: true,
  body: ReadEnsListBody,
  response: ReadEnsListResponse,
});
