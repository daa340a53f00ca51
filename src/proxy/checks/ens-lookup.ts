/**
 * How an ens is matched in SIRI: by INE10 or by CIF. SIRI stores many INE10 codes without their
 * leading zero ('801930008' in the desk's query) and some CIFs with hyphens ('Q-5850043-J'), so
 * both forms are compared, always through binds.
 */
import type { SqlParams } from '../db/types';
import type { Lookup, ParsedIdentifier } from '../../shared/api';

export type EnsKey =
  { readonly by: 'ine10'; readonly id: ParsedIdentifier } | { readonly by: 'nif'; readonly id: ParsedIdentifier };

export function ensKey(query: { ine10?: ParsedIdentifier | undefined; nif?: ParsedIdentifier | undefined }): EnsKey {
  if (query.ine10 !== undefined) return { by: 'ine10', id: query.ine10 };
  if (query.nif !== undefined) return { by: 'nif', id: query.nif };
  // The request schemas require exactly one of the two.
  throw new Error('An ens is looked up by INE10 or NIF');
}

/** A SQL condition on organisme alias `o`, with its binds. */
export function ensCondition(key: EnsKey): { sql: string; params: SqlParams } {
  if (key.by === 'ine10') return { sql: 'o.CODI IN (:ine10, :ine10short)', params: ine10Forms(key.id.value) };
  return { sql: normalisedCif('o.CIF') + ' = :cif', params: { cif: key.id.value } };
}

/** Both forms an INE10 may be stored in: 10 digits, and without the leading zero. */
export function ine10Forms(ine10: string): { ine10: string; ine10short: string } {
  return { ine10, ine10short: ine10.startsWith('0') ? ine10.slice(1) : ine10 };
}

/** A stored CIF without hyphens or spaces, upper case: comparable with a parsed one. */
export function normalisedCif(column: string): string {
  return `REPLACE(REPLACE(UPPER(${column}), '-', ''), ' ', '')`;
}

export function lookupOf(key: EnsKey): Lookup {
  return identifierLookup(key.by, key.id);
}

/** Echoes a parsed identifier in responses: canonical value and the validator's remarks. */
export function identifierLookup(by: Lookup['by'], id: ParsedIdentifier): Lookup {
  return { by, value: id.value, warnings: [...id.warnings] };
}
