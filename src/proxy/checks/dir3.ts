/**
 * DIR3 code of an ens by INE10: the desk's `SELECT * FROM DIR3_2_INE10_UO WHERE ine10 = ...`
 * (`seeds/vo-integracio.txt`, Pas 3). When the table has no row and the ens is an ajuntament
 * (entity 000), the code is derived (L01 + INE code with its control digit) and the answer says so.
 */
import { deriveAjuntamentDir3, parseIne } from '../../domain/identifiers';
import type { AocSource } from './schemas';
import { text, textOrNull } from './rows';
import { identifierLookup, ine10Forms } from './ens-lookup';
import type { Dir3Response, ParsedIdentifier } from '../../shared/api';
import * as api from '../../shared/api';
import { auditedCheck } from '../http/routes/audited';
import type { CheckRoute } from '../http/routes/checks';

export function dir3Sql(dir3Schema: string): string {
  return `SELECT d.INE10 AS ine10, d.CODI_UO AS codi_uo, d.NOM_UO AS nom_uo
  FROM ${dir3Schema}.DIR3_2_INE10_UO d
 WHERE d.INE10 IN (:ine10, :ine10short)
 ORDER BY d.CODI_UO
 FETCH FIRST 1 ROWS ONLY`;
}

export async function checkDir3(source: AocSource, ine10: ParsedIdentifier): Promise<Dir3Response> {
  const rows = await source.db.query(dir3Sql(source.schemas.dir3), ine10Forms(ine10.value));
  const lookup = identifierLookup('ine10', ine10);
  const row = rows[0];
  if (row !== undefined) {
    return {
      env: source.env,
      lookup,
      dir3: text(row.codi_uo),
      nom: textOrNull(row.nom_uo),
      source: 'table',
      note: null,
    };
  }
  // Only a real municipality derives: AOC's own codes for other bodies can look municipal
  // (9821920002, the Consorci AOC, has entity 000) but carry no province (98 is none).
  const municipal = parseIne(ine10.value.slice(0, 6)).ok;
  const derived = deriveAjuntamentDir3(ine10.value);
  if (municipal && derived.ok) {
    return {
      env: source.env,
      lookup,
      dir3: derived.value,
      nom: null,
      source: 'derived',
      note:
        'No row in DIR3_2_INE10_UO: derived as L01 + the INE code, as for every ajuntament. Confirm it in the ' +
        'state directory before sending it to MINHAP.',
    };
  }
  return {
    env: source.env,
    lookup,
    dir3: null,
    nom: null,
    source: 'none',
    note: 'No row in DIR3_2_INE10_UO, and only an ajuntament’s DIR3 can be derived: look this body up in the state directory.',
  };
}

/** The route of the check, audited as `check.dir3` (loaded by its id: ../http/routes/checks.ts). */
export const route: CheckRoute = ({ sources }, audit) =>
  auditedCheck(audit, api.checkDir3, {
    // DIR3 is the state's directory, not per environment: PRO's copy unless PRE is asked.
    subject: (q) => ({ env: q.env ?? 'PRO', ine10: q.ine10.value }),
    run: (q) => checkDir3(sources[q.env ?? 'PRO'], q.ine10),
    outcome: (r) => (r.dir3 === null ? 'not found' : `${r.dir3} (${r.source})`),
  });
