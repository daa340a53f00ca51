/**
 * Where the AOC tables live. Real databases have them under SIRI, DIR3 and PSCP; the embedded
 * demo keeps PRE and PRO in one database by prefixing PRE's schemas (`PRE_SIRI`...). The prefix
 * comes from configuration, never from a request, and is checked to be a plain identifier
 * before it is spliced into SQL.
 */
import { assertSqlIdentifier } from '../db/dialect';
import type { Database } from '../db/types';
import type { Environment } from '../../shared/api';

export interface AocSchemas {
  readonly siri: string;
  readonly dir3: string;
  readonly pscp: string;
}

export function aocSchemas(prefix: string): AocSchemas {
  return {
    siri: assertSqlIdentifier(`${prefix}SIRI`, 'SIRI schema'),
    dir3: assertSqlIdentifier(`${prefix}DIR3`, 'DIR3 schema'),
    pscp: assertSqlIdentifier(`${prefix}PSCP`, 'PSCP schema'),
  };
}

/** One environment's read-only connection and its schema names. */
export interface AocSource {
  readonly env: Environment;
  readonly db: Database;
  readonly schemas: AocSchemas;
}

export type AocSources = Readonly<Record<Environment, AocSource>>;
