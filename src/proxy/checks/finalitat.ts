/**
 * Does a finalitat exist in SIRI? Before creating the SIA finalitat `INE10_PROVES`, the manual
 * says to check that it does not exist already, to avoid duplicates (Pas 3). SIRI stores INE10
 * codes with and without their leading zero, so `0801930008_PROVES` is also looked up as
 * `801930008_PROVES`: the duplicate the manual warns about is found in either form. Reports
 * whether it is in force today, with the same rule as the authorisations check.
 */
import type { AocSource } from './schemas';
import { IN_FORCE } from './authorisations';
import { isoOrNull, flag, text, textOrNull } from './rows';
import type { FinalitatResponse, Lookup } from '../../shared/api';
import * as api from '../../shared/api';
import { ine10Proves } from '../../domain/identifiers';
import { auditedCheck, found } from '../http/routes/audited';
import type { CheckRoute } from '../http/routes/checks';
import { identifierLookup } from './ens-lookup';

export function finalitatSql(siri: string): string {
  return `SELECT f.CODI AS codi, f.NOM AS nom, f.VIGENT_DATA_INICI AS vigent_des, f.VIGENT_DATA_FI AS vigent_fins,
       CASE WHEN ${IN_FORCE('f')} THEN 1 ELSE 0 END AS in_force
  FROM ${siri}.AOC_PCI_SIRI_FINALITAT f
 WHERE UPPER(f.CODI) IN (:code, :codeShort)
 ORDER BY f.CODI DESC
 FETCH FIRST 2 ROWS ONLY`;
}

/** Both forms of an INE10_PROVES code: 10 digits, and without the leading zero. */
export function provesForms(code: string): { code: string; codeShort: string } {
  const long = /^0(\d{9}_PROVES)$/.exec(code);
  if (long !== null) return { code, codeShort: long[1] ?? code };
  const short = /^(\d{9}_PROVES)$/.exec(code);
  if (short !== null) return { code: `0${short[1] ?? ''}`, codeShort: code };
  return { code, codeShort: code };
}

export async function checkFinalitat(source: AocSource, code: string, lookup: Lookup): Promise<FinalitatResponse> {
  const rows = await source.db.query(finalitatSql(source.schemas.siri), provesForms(code));
  const matches = rows.map((row) => ({
    codi: text(row.codi),
    nom: textOrNull(row.nom),
    vigentDes: isoOrNull(row.vigent_des),
    vigentFins: isoOrNull(row.vigent_fins),
    inForce: flag(row.in_force),
  }));
  return { env: source.env, lookup, exists: matches.length > 0, finalitat: matches[0] ?? null, matches };
}

/** The route of the check, audited as `check.finalitat` (loaded by its id: ../http/routes/checks.ts). */
export const route: CheckRoute = ({ sources }, audit) =>
  auditedCheck(audit, api.checkFinalitat, {
    subject: (q) => ({ env: q.env, code: finalitatLookup(q).value }),
    run: (q) => {
      const lookup = finalitatLookup(q);
      return checkFinalitat(sources[q.env], lookup.value, lookup);
    },
    outcome: (r) => found(r.exists),
  });

/** The finalitat asked: its code, or the INE10_PROVES finalitat of the ens. */
function finalitatLookup(q: {
  code?: string | undefined;
  ine10?: { value: string; warnings: readonly string[] } | undefined;
}) {
  if (q.ine10 === undefined) return identifierLookup('code', { value: q.code ?? '', warnings: [] });
  const proves = ine10Proves(q.ine10.value);
  // The INE10 parsed already, so this cannot fail; keep the type honest anyway.
  if (!proves.ok) throw new Error(proves.message);
  return identifierLookup('code', { value: proves.value, warnings: q.ine10.warnings });
}
