/**
 * Authorisations of an ens in PRE or PRO: the desk's "Buscar autoritzacions per un ens" query
 * (`seeds/vo-integracio.txt`, Pas 1), with product, modality, finalitat and date, newest first,
 * keeping only finalitats in force.
 *
 * In force: the desk's query keeps a finalitat when both dates are empty or today lies between
 * them. The same manual tells agents to create SIA finalitats with only "Vigència des de" set,
 * which that condition would hide; so an empty bound here means "open on that side", which keeps
 * everything the desk's query keeps and also those.
 */
import type { AocSource } from './schemas';
import { ensCondition, lookupOf, type EnsKey } from './ens-lookup';
import { isoOrNull, text, textOrNull } from './rows';
import type { AuthorisationsResponse } from '../../shared/api';
import * as api from '../../shared/api';
import { auditedCheck } from '../http/routes/audited';
import type { CheckRoute } from '../http/routes/checks';
import { ensKey } from './ens-lookup';

/** More rows than an agent can read; a larger answer says `truncated`. */
export const AUTHORISATIONS_LIMIT = 500;

export const IN_FORCE = (alias: string) =>
  `(${alias}.VIGENT_DATA_INICI IS NULL OR ${alias}.VIGENT_DATA_INICI <= CURRENT_TIMESTAMP)` +
  ` AND (${alias}.VIGENT_DATA_FI IS NULL OR ${alias}.VIGENT_DATA_FI >= CURRENT_TIMESTAMP)`;

export function authorisationsSql(siri: string, ensSql: string): string {
  return `SELECT o.NOM AS organisme_nom, o.CODI AS organisme_codi, o.CIF AS organisme_cif,
       p.CODI AS producte_codi, p.NOM AS producte_nom,
       m.CODI AS modalitat_codi, m.NOM AS modalitat_nom,
       f.CODI AS finalitat_codi, f.NOM AS finalitat_nom,
       a.DATA_ALTA AS data_alta
  FROM ${siri}.AOC_PCI_SIRI_AUTORITZACIO a
  JOIN ${siri}.AOC_PCI_SIRI_ORGANISME o ON a.ID_ORGANISME = o.ID
  JOIN ${siri}.AOC_PCI_SIRI_MODALITAT m ON a.ID_MODALITAT = m.ID
  JOIN ${siri}.AOC_PCI_SIRI_FINALITAT f ON a.ID_FINALITAT = f.ID
  JOIN ${siri}.AOC_PCI_SIRI_PRODUCTE p ON m.ID_PRODUCTE = p.ID
 WHERE ${ensSql}
   AND ${IN_FORCE('f')}
 ORDER BY a.DATA_ALTA DESC, p.CODI, m.CODI, f.CODI
 FETCH FIRST ${AUTHORISATIONS_LIMIT + 1} ROWS ONLY`;
}

export async function checkAuthorisations(source: AocSource, key: EnsKey): Promise<AuthorisationsResponse> {
  const condition = ensCondition(key);
  const rows = await source.db.query(authorisationsSql(source.schemas.siri, condition.sql), condition.params);
  const truncated = rows.length > AUTHORISATIONS_LIMIT;
  return {
    env: source.env,
    lookup: lookupOf(key),
    truncated,
    authorisations: rows.slice(0, AUTHORISATIONS_LIMIT).map((r) => ({
      organisme: { codi: text(r.organisme_codi), nom: textOrNull(r.organisme_nom), cif: textOrNull(r.organisme_cif) },
      producte: { codi: text(r.producte_codi), nom: textOrNull(r.producte_nom) },
      modalitat: { codi: text(r.modalitat_codi), nom: textOrNull(r.modalitat_nom) },
      finalitat: { codi: text(r.finalitat_codi), nom: textOrNull(r.finalitat_nom) },
      dataAlta: isoOrNull(r.data_alta),
    })),
  };
}

/** The route of the check, audited as `check.authorisations` (loaded by its id: ../http/routes/checks.ts). */
export const route: CheckRoute = ({ sources }, audit) =>
  auditedCheck(audit, api.checkAuthorisations, {
    subject: (q) => {
      const key = ensKey(q);
      return { env: q.env, [key.by]: key.id.value };
    },
    run: (q) => checkAuthorisations(sources[q.env], ensKey(q)),
    outcome: (r) => `${r.authorisations.length} authorisation(s)${r.truncated ? ' (truncated)' : ''}`,
  });
