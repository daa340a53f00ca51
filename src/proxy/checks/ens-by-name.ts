/**
 * The ens's INE10, found from what the ticket says of it (the organisation's name) or its NIF,
 * instead of being typed by hand: SIRI knows every ens it authorises (the demo database holds every
 * Catalan municipality). Names are compared without accents, case or the "Ajuntament de" prefix,
 * so "Ajuntament de Sant Cugat del Valles" finds "Ajuntament de Sant Cugat del Vallès".
 */
import type { AocSource } from './schemas';
import { normalisedCif } from './ens-lookup';
import { text, textOrNull } from './rows';
import type { ParsedIdentifier } from '../../shared/api';
import type { EnsResponse } from '../../shared/api';

const LIMIT = 50;

/** Lower case, no accents, no "Ajuntament de", single spaces: how two names are compared. */
export function comparableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[·.]/g, '')
    .replace(/['’`]/g, "'")
    .replace(/^(excm[a-z]*\s+)?(ajuntament|ayuntamiento|aj)\s+(de\s+(la\s+|les\s+|l')?|d'|del\s+|dels\s+)?/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a name that SQL can match as they are (plain ASCII letters, four or more). */
function searchWords(name: string): string[] {
  const words = comparableName(name)
    .split(/[\s'-]+/)
    .filter((w) => /^[a-z]{4,}$/.test(w) && !['sant', 'santa', 'vall', 'baix', 'alta'].includes(w));
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, 3);
}

export function ensByNameSql(siri: string, words: number): string {
  const likes = Array.from({ length: words }, (_, i) => `LOWER(o.NOM) LIKE :w${String(i)}`).join(' OR ');
  return `SELECT o.CODI AS codi, o.NOM AS nom, o.CIF AS cif
  FROM ${siri}.AOC_PCI_SIRI_ORGANISME o
 WHERE ${likes}
 ORDER BY o.CODI
 FETCH FIRST ${String(LIMIT)} ROWS ONLY`;
}

export function ensByNifSql(siri: string): string {
  return `SELECT o.CODI AS codi, o.NOM AS nom, o.CIF AS cif
  FROM ${siri}.AOC_PCI_SIRI_ORGANISME o
 WHERE ${normalisedCif('o.CIF')} = :cif
 ORDER BY o.CODI
 FETCH FIRST ${String(LIMIT)} ROWS ONLY`;
}

const candidate = (r: Record<string, unknown>, exact: boolean) => {
  const codi = text(r.codi);
  return { codi, ine10: codi.padStart(10, '0'), nom: textOrNull(r.nom), cif: textOrNull(r.cif), exact };
};

export async function findEnsByName(source: AocSource, name: string): Promise<EnsResponse> {
  const words = searchWords(name);
  const wanted = comparableName(name);
  if (words.length === 0 || wanted === '') return { by: 'name', value: name, candidates: [] };
  const params = Object.fromEntries(words.map((w, i) => [`w${String(i)}`, `%${w}%`]));
  const rows = await source.db.query(ensByNameSql(source.schemas.siri, words.length), params);
  const scored = rows
    .map((r) => {
      const got = comparableName(textOrNull(r.nom) ?? '');
      const score =
        got === wanted ? 3 : got.startsWith(wanted) || wanted.startsWith(got) ? 2 : got.includes(wanted) ? 1 : 0;
      return { r, score };
    })
    .filter((x) => x.score > 0 || words.every((w) => comparableName(textOrNull(x.r.nom) ?? '').includes(w)))
    .sort((a, b) => b.score - a.score);
  const exactCount = scored.filter((x) => x.score === 3).length;
  return {
    by: 'name',
    value: name,
    candidates: scored.slice(0, 10).map((x) => candidate(x.r, x.score === 3 && exactCount === 1)),
  };
}

export async function findEnsByNif(source: AocSource, nif: ParsedIdentifier): Promise<EnsResponse> {
  const rows = await source.db.query(ensByNifSql(source.schemas.siri), { cif: nif.value });
  return { by: 'nif', value: nif.value, candidates: rows.map((r) => candidate(r, rows.length === 1)) };
}
