/**
 * Request and response fields shared by the operations: environments, identifiers, ticket and
 * step ids, free text. Identifier fields reuse `src/domain/identifiers`: the refusal the agent
 * reads is the validator's own (with its code in `params.identifierCode`), and the value that
 * reaches SQL is the canonical form (upper case, padded INE10).
 */
import { z } from '../../domain/zod';
import { SERVICE_IDS } from '../../domain/catalogue';
import { parseCif, parseIne10, parseNif, parsePersonNif, type IdentifierResult } from '../../domain/identifiers';

/** PRE (preproducció) or PRO (producció): the two AOC environments the checks read. */
export const Environment = z.enum(['PRE', 'PRO'], { message: 'must be PRE or PRO' });
export type Environment = z.infer<typeof Environment>;

/** Parsed identifier: canonical value plus the validator's non-blocking remarks. */
export interface ParsedIdentifier {
  readonly value: string;
  readonly warnings: readonly string[];
}

/** Longest raw identifier accepted: room for separators people type, nothing like a payload. */
const MAX_IDENTIFIER_INPUT = 32;

function identifier(parse: (input: string) => IdentifierResult<string>) {
  return z
    .string()
    .max(MAX_IDENTIFIER_INPUT, `must be at most ${MAX_IDENTIFIER_INPUT} characters`)
    .transform((raw, ctx): ParsedIdentifier => {
      const result = parse(raw);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.message, params: { identifierCode: result.code } });
        return z.NEVER;
      }
      return { value: result.value, warnings: result.warnings };
    });
}

/** INE10 of an ens (9 digits are padded; a code failing the check digits passes with a warning). */
export const Ine10 = identifier(parseIne10);
/** NIF of an organisation (CIF): how an ens, an òrgan de contractació or an integrator is known. */
export const Cif = identifier(parseCif);
/** NIF of a person (DNI, NIE, K/L/M): a PSCP user. */
export const PersonNif = identifier(parsePersonNif);
/** Any NIF: an integrator company may also be a self-employed person. */
export const AnyNif = identifier(parseNif);

/** Zendesk ticket ids are positive integers; the query string carries them as digits. */
export const TicketId = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/, 'must be a Zendesk ticket id (a positive whole number)')
  .transform(Number);
export const TicketIdNumber = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Procedure step ids come from the app's procedures (data): short slugs. */
export const StepId = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'is a step id: lower-case letters, digits, dot, dash, underscore');

export const ServiceCode = z.enum(SERVICE_IDS, { message: `must be one of ${SERVICE_IDS.join(', ')}` });

export const IsoDateTime = z.iso.datetime();

/** Free text typed by agents; control characters other than newlines and tabs are refused. */
export function freeText(max: number) {
  return (
    z
      .string()
      .max(max, `must be at most ${max} characters`)
      // eslint-disable-next-line no-control-regex -- refusing control characters is the point
      .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'must not contain control characters')
  );
}

/** A refinement: exactly one of the fields is given (e.g. an ens by INE10 or by NIF). */
export function exactlyOne(fields: readonly string[]) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const given = fields.filter((f) => value[f] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [fields[0] ?? ''],
        message: `give exactly one of ${fields.join(', ')} (got ${given.length === 0 ? 'none' : given.join(' and ')})`,
      });
    }
  };
}

/** What the request asked for, echoed in canonical form, with the validator's remarks. */
export const Lookup = z.object({
  by: z.enum(['ine10', 'nif', 'code']),
  value: z.string(),
  warnings: z.array(z.string()),
});
export type Lookup = z.infer<typeof Lookup>;
