/** Does SIRI know this organisme (by INE10 or CIF)? Step 2 of the desk starts from it. */
import type { AocSource } from './schemas';
import { ensCondition, lookupOf, type EnsKey } from './ens-lookup';
import { text, textOrNull } from './rows';
import type { OrganismeResponse } from '../../shared/api';
import * as api from '../../shared/api';
import { auditedCheck, found } from '../http/routes/audited';
import type { CheckRoute } from '../http/routes/checks';
import { ensKey } from './ens-lookup';

export function organismeSql(siri: string, ensSql: string): string {
  return `SELECT o.CODI AS codi, o.NOM AS nom, o.CIF AS cif
  FROM ${siri}.AOC_PCI_SIRI_ORGANISME o
 WHERE ${ensSql}
 ORDER BY o.CODI
 FETCH FIRST 20 ROWS ONLY`;
}

export async function checkOrganisme(source: AocSource, key: EnsKey): Promise<OrganismeResponse> {
  const condition = ensCondition(key);
  const rows = await source.db.query(organismeSql(source.schemas.siri, condition.sql), condition.params);
  return {
    env: source.env,
    lookup: lookupOf(key),
    exists: rows.length > 0,
    organismes: rows.map((r) => ({ codi: text(r.codi), nom: textOrNull(r.nom), cif: textOrNull(r.cif) })),
  };
}

/** The route of the check, audited as `check.organisme` (loaded by its id: ../http/routes/checks.ts). */
export const route: CheckRoute = ({ sources }, audit) =>
  auditedCheck(audit, api.checkOrganisme, {
    subject: (q) => {
      const key = ensKey(q);
      return { env: q.env, [key.by]: key.id.value };
    },
    run: (q) => checkOrganisme(sources[q.env], ensKey(q)),
    outcome: (r) => found(r.exists),
  });
