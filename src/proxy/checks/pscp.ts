/**
 * PSCP checks of the desk's "Alta usuari" (`seeds/pscp-alta-integracio.txt`):
 * - a user by NIF, with the permissions held on each òrgan de contractació: the user who
 *   publishes needs Administrador d'òrgan, Validador and Editor, and must never hold
 *   Administrador d'àmbit, Suport or Tècnic;
 * - an òrgan de contractació by CIF (the `organSACId`), whether it may publish from an external
 *   system (AOC), and its users with their permissions.
 */
import type { AocSource } from './schemas';
import { identifierLookup, normalisedCif } from './ens-lookup';
import { flag, text, textOrNull } from './rows';
import { evaluatePscpGrant } from '../../domain/catalogue/pscp-permissions';
import type { ParsedIdentifier, PscpOrganResponse, PscpUserResponse } from '../../shared/api';
import type { Row } from '../db/types';

const ROW_LIMIT = 500;

export function pscpUserSql(pscp: string): string {
  return `SELECT u.NIF AS nif, u.NOM AS nom, u.ACTIU AS actiu,
       o.CIF AS organ_cif, o.NOM AS organ_nom, o.SISTEMA_EXTERN_AOC AS organ_extern, p.PERMIS AS permis
  FROM ${pscp}.USUARI u
  LEFT JOIN ${pscp}.USUARI_PERMIS p ON p.ID_USUARI = u.ID
  LEFT JOIN ${pscp}.ORGAN_CONTRACTACIO o ON o.ID = p.ID_ORGAN
 WHERE UPPER(u.NIF) = :nif
 ORDER BY o.CIF, p.PERMIS
 FETCH FIRST ${ROW_LIMIT} ROWS ONLY`;
}

export function pscpOrganSql(pscp: string): string {
  return `SELECT o.CIF AS cif, o.NOM AS nom, o.SISTEMA_EXTERN_AOC AS extern,
       u.NIF AS user_nif, u.NOM AS user_nom, u.ACTIU AS user_actiu, p.PERMIS AS permis
  FROM ${pscp}.ORGAN_CONTRACTACIO o
  LEFT JOIN ${pscp}.USUARI_PERMIS p ON p.ID_ORGAN = o.ID
  LEFT JOIN ${pscp}.USUARI u ON u.ID = p.ID_USUARI
 WHERE ${normalisedCif('o.CIF')} = :cif
 ORDER BY o.CIF, u.NIF, p.PERMIS
 FETCH FIRST ${ROW_LIMIT} ROWS ONLY`;
}

/** Groups joined rows by a key, keeping first-seen order. */
function groupBy(rows: readonly Row[], key: (r: Row) => string | null): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [r]);
    else list.push(r);
  }
  return groups;
}

export async function checkPscpUser(source: AocSource, nif: ParsedIdentifier): Promise<PscpUserResponse> {
  const rows = await source.db.query(pscpUserSql(source.schemas.pscp), { nif: nif.value });
  const lookup = identifierLookup('nif', nif);
  const first = rows[0];
  if (first === undefined) return { env: source.env, lookup, exists: false, user: null, organs: [] };
  const organs = [...groupBy(rows, (r) => textOrNull(r.organ_cif)).values()].map((group) => {
    const head = group[0] ?? first;
    return {
      cif: text(head.organ_cif),
      nom: textOrNull(head.organ_nom),
      sistemaExternAoc: flag(head.organ_extern),
      ...evaluatePscpGrant(group.map((r) => textOrNull(r.permis) ?? '')),
    };
  });
  return {
    env: source.env,
    lookup,
    exists: true,
    user: { nif: text(first.nif), nom: textOrNull(first.nom), actiu: flag(first.actiu) },
    organs,
  };
}

export async function checkPscpOrgan(source: AocSource, cif: ParsedIdentifier): Promise<PscpOrganResponse> {
  const rows = await source.db.query(pscpOrganSql(source.schemas.pscp), { cif: cif.value });
  const lookup = identifierLookup('nif', cif);
  const first = rows[0];
  if (first === undefined) return { env: source.env, lookup, exists: false, organ: null, users: [] };
  const users = [...groupBy(rows, (r) => textOrNull(r.user_nif)).values()].map((group) => {
    const head = group[0] ?? first;
    return {
      nif: text(head.user_nif),
      nom: textOrNull(head.user_nom),
      actiu: flag(head.user_actiu),
      ...evaluatePscpGrant(group.map((r) => textOrNull(r.permis) ?? '')),
    };
  });
  return {
    env: source.env,
    lookup,
    exists: true,
    organ: { cif: text(first.cif), nom: textOrNull(first.nom), sistemaExternAoc: flag(first.extern) },
    users,
  };
}
