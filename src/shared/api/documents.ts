/**
 * The documents the desk used to make by hand (`docs/documents.md`). Binary files travel as
 * base64 inside JSON: ZAF's `client.request` hands the app text, and a spreadsheet read as text
 * would arrive damaged. Browser-safe: zod through the domain, pure domain only.
 */
import { z } from '../../domain/zod';
import { PRODUCT_IDS } from '../../domain/catalogue/ids';
import { MINHAP_PROBLEM_CODES, MINHAP_VALUES } from '../../domain/documents/minhap';
import {
  PSCP_TRACKING_COLUMNS,
  TRACKING_SHEETS,
  TRACKING_STATES,
  VO_TRACKING_COLUMNS,
} from '../../domain/documents/tracking';
import { freeText, Ine10, TicketId, TicketIdNumber } from './fields';
import { API_PREFIX, operation } from './operation';

const DOCUMENTS = `${API_PREFIX}/documents`;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A typed identifier as the agent has it; the documents' own rules judge it and name it when wrong. */
const RawIdentifier = z.string().max(32, 'must be at most 32 characters');

const ModalityCode = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_]+$/, 'is a modality code: letters, digits and underscores');

export const ModalityChoiceSchema = z.strictObject({
  product: z.enum(PRODUCT_IDS),
  modality: ModalityCode,
});

export const MinhapExcelBody = z.strictObject({
  ticket: TicketIdNumber,
  ensName: freeText(250).optional(),
  cif: RawIdentifier.optional(),
  ine10: RawIdentifier.optional(),
  /** Left out: the proxy reads it from DIR3_2_INE10_UO (PRE), as the DIR3 check does. */
  dir3: RawIdentifier.optional(),
  modalities: z.array(ModalityChoiceSchema).max(100, 'at most 100 modalities'),
});
export type MinhapExcelBody = z.infer<typeof MinhapExcelBody>;

export const MinhapProblemSchema = z.object({
  value: z.enum(MINHAP_VALUES),
  code: z.enum(MINHAP_PROBLEM_CODES),
  detail: z.string().optional(),
  message: z.string(),
});

export const GeneratedFile = z.object({
  fileName: z.string(),
  contentType: z.string(),
  /** The file's bytes, base64. */
  base64: z.string(),
  size: z.number().int().nonnegative(),
});
export type GeneratedFile = z.infer<typeof GeneratedFile>;

/** Where the Excel's DIR3 came from: the agent, the DIR3 table, or derived for an ajuntament. */
const MinhapDir3Schema = z.object({
  value: z.string(),
  source: z.enum(['request', 'table', 'derived']),
  note: z.string().nullable(),
});

/** The request's values the Excel cannot be filled with (both MINHAP operations answer so). */
const MinhapRefused = z.object({ status: z.literal('refused'), problems: z.array(MinhapProblemSchema).min(1) });

export const MinhapExcelResponse = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('built'),
    file: GeneratedFile,
    rows: z.array(
      z.object({
        product: z.enum(PRODUCT_IDS),
        modality: z.string(),
        cells: z.record(z.string(), z.string()),
      }),
    ),
    dir3: MinhapDir3Schema,
    notes: z.array(z.string()),
  }),
  MinhapRefused,
]);
export type MinhapExcelResponse = z.infer<typeof MinhapExcelResponse>;

export const buildMinhapExcel = operation({
  id: 'buildMinhapExcel',
  method: 'POST',
  path: `${DOCUMENTS}/minhap`,
  summary: 'Fill the desk’s MINHAP template (Autorizacion_Procedimientos) for an ens, one row per modality',
  tags: ['documents'],
  auth: true,
  body: MinhapExcelBody,
  response: MinhapExcelResponse,
});

/** The MINHAP Excel attached to the ticket as an internal note, by the proxy (ZAF cannot upload files). */
export const AttachMinhapBody = MinhapExcelBody.extend({
  /** The note's text, in the agent's language; the file is attached to it. */
  note: freeText(2000).refine((s) => s.trim() !== '', 'must not be empty'),
});
export type AttachMinhapBody = z.infer<typeof AttachMinhapBody>;

export const AttachMinhapResponse = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('attached'),
    ticket: z.number().int(),
    fileName: z.string(),
    size: z.number().int().nonnegative(),
    rows: z.number().int().nonnegative(),
    dir3: MinhapDir3Schema,
    notes: z.array(z.string()),
  }),
  MinhapRefused,
]);
export type AttachMinhapResponse = z.infer<typeof AttachMinhapResponse>;

export const attachMinhapExcel = operation({
  id: 'attachMinhapExcel',
  method: 'POST',
  path: `${DOCUMENTS}/minhap/attach`,
  summary: 'Fill the MINHAP Excel and attach it to the ticket as an internal note (Zendesk uploads API)',
  tags: ['documents'],
  auth: true,
  body: AttachMinhapBody,
  response: AttachMinhapResponse,
});

// --- DCOC configuration line -----------------------------------------------------------------

export const DcocLinesQuery = z.strictObject({ ticket: TicketId, ine10: Ine10 });
export const DcocLinesResponse = z.object({
  ine10: z.string(),
  /** Every `dcoc.<col·legi>.<...>.organismes` list of the configured dcoc.properties, updated for the ens. */
  lines: z.array(
    z.object({
      key: z.string(),
      colegi: z.string(),
      before: z.string(),
      after: z.string(),
      added: z.array(z.string()),
    }),
  ),
});
export type DcocLinesResponse = z.infer<typeof DcocLinesResponse>;

export const dcocLines = operation({
  id: 'dcocLines',
  method: 'GET',
  path: `${DOCUMENTS}/dcoc-lines`,
  summary: 'The dcoc.properties organismes lines with the ens’s INE10 added in both forms (9 and 10 digits)',
  tags: ['documents'],
  auth: true,
  query: DcocLinesQuery,
  response: DcocLinesResponse,
});

// --- tracking rows ---------------------------------------------------------------------------

export const TrackingRowsBody = z.strictObject({
  ticket: TicketIdNumber,
  sheet: z.enum(TRACKING_SHEETS),
  /** The environment this ticket gives. */
  environment: z.enum(['PRE', 'PRO']),
  ensName: freeText(250).optional(),
  cif: RawIdentifier.optional(),
  ine10: RawIdentifier.optional(),
  products: z.array(z.enum(PRODUCT_IDS)).max(50, 'at most 50 products').optional(),
  modalities: z.array(ModalityCode).max(100, 'at most 100 modalities').optional(),
  elicita: z.boolean().optional(),
  userNif: RawIdentifier.optional(),
});
export type TrackingRowsBody = z.infer<typeof TrackingRowsBody>;

export const TrackingTableSchema = z.object({
  sheet: z.enum(TRACKING_SHEETS),
  columns: z.array(z.enum([...VO_TRACKING_COLUMNS, ...PSCP_TRACKING_COLUMNS])),
  lines: z.array(z.object({ cells: z.record(z.string(), z.string()), state: z.enum(TRACKING_STATES) })),
  notes: z.array(z.object({ code: z.string(), detail: z.string().optional() })),
});

export const TrackingRowsResponse = z.object({
  table: TrackingTableSchema,
  file: GeneratedFile,
  /** Whether SIRI's authorisations (PRE and PRO) were read for the Via Oberta lines, and why not. */
  authorisations: z.object({ read: z.boolean(), reason: z.string().nullable() }),
});
export type TrackingRowsResponse = z.infer<typeof TrackingRowsResponse>;

export const buildTrackingRows = operation({
  id: 'buildTrackingRows',
  method: 'POST',
  path: `${DOCUMENTS}/tracking`,
  summary:
    'The desk’s tracking rows for a ticket (Via Oberta products/modalities/finalitats, or PSCP), as .xlsx and as data',
  tags: ['documents'],
  auth: true,
  body: TrackingRowsBody,
  response: TrackingRowsResponse,
});
