/**
 * Does a finalitat exist in SIRI? Before creating the SIA finalitat `INE10_PROVES`, the manual
 * says to check that it does not exist already, to avoid duplicates (Pas 3). Reports whether it
 * is in force today, with the same rule as the authorisations check.
 */
import type { AocSource } from './schemas';
import { IN_FORCE } from './authorisations';
import { isoOrNull, flag, text, textOrNull } from './rows';
import type { FinalitatResponse, Lookup } from '../../shared/api';

export function finalitatSql(siri: string): string {
  return `SELECT f.CODI AS codi, f.NOM AS nom, f.VIGENT_DATA_INICI AS vigent_des, f.VIGENT_DATA_FI AS vigent_fins,
       CASE WHEN ${IN_FORCE('f')} THEN 1 ELSE 0 END AS in_force
  FROM ${siri}.AOC_PCI_SIRI_FINALITAT f
 WHERE UPPER(f.CODI) = :code
 ORDER BY f.CODI
 FETCH FIRST 1 ROWS ONLY`;
}

export async function checkFinalitat(source: AocSource, code: string, lookup: Lookup): Promise<FinalitatResponse> {
  const rows = await source.db.query(finalitatSql(source.schemas.siri), { code });
  const row = rows[0];
  return {
    env: source.env,
    lookup,
    exists: row !== undefined,
    finalitat:
      row === undefined
        ? null
        : {
            codi: text(row.codi),
            nom: textOrNull(row.nom),
            vigentDes: isoOrNull(row.vigent_des),
            vigentFins: isoOrNull(row.vigent_fins),
            inForce: flag(row.in_force),
          },
  };
}
