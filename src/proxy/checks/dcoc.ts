/**
 * DCOC (col·legis professionals): is the ens configured for a col·legi? The desk reads
 * `dcoc.properties` of the DCOC module, whose `dcoc.<col·legi>.<...>.organismes` keys list INE10
 * codes, with and without the leading zero (`seeds/vo-integracio.txt`, "Altes DCOC").
 *
 * The file is read on every check (it is small, and agents expect an edit to show at once); a
 * missing or unreadable file is reported as the DCOC configuration being unavailable.
 */
import { readFile } from 'node:fs/promises';
import { DatabaseUnavailableError } from '../db/errors';
import { identifierLookup } from './ens-lookup';
import type { DcocConfigResponse, ParsedIdentifier } from '../../shared/api';

export const DCOC_SOURCE = 'DCOC configuration';

export interface DcocList {
  readonly key: string;
  readonly colegi: string;
  readonly organismes: ReadonlySet<string>;
}

/** Parses the Java properties subset the file uses: `key=value` lines, `#`/`!` comments. */
export function parseDcocProperties(content: string): DcocList[] {
  const lists: DcocList[] = [];
  for (const rawLine of content.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const eq = line.search(/[=:]/);
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    const match = /^dcoc\.([A-Za-z0-9_]+)\.(?:[A-Za-z0-9_]+\.)*organismes$/.exec(key);
    if (match?.[1] === undefined) continue;
    const codes = line
      .slice(eq + 1)
      .split(',')
      .map((c) => c.trim())
      .filter((c) => /^\d{9,10}$/.test(c))
      // The file mixes 9- and 10-digit forms of the same code; compare in 10 digits.
      .map((c) => c.padStart(10, '0'));
    lists.push({ key, colegi: match[1].toUpperCase(), organismes: new Set(codes) });
  }
  return lists;
}

export function dcocStatus(lists: readonly DcocList[], ine10: ParsedIdentifier): DcocConfigResponse {
  const entries = lists.map((l) => ({ key: l.key, colegi: l.colegi, configured: l.organismes.has(ine10.value) }));
  const configuredFor = [...new Set(entries.filter((e) => e.configured).map((e) => e.colegi))].sort();
  return { lookup: identifierLookup('ine10', ine10), lists: entries, configuredFor };
}

export async function checkDcocConfig(file: string, ine10: ParsedIdentifier): Promise<DcocConfigResponse> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (err) {
    throw new DatabaseUnavailableError(DCOC_SOURCE, 'the dcoc.properties file cannot be read', { cause: err });
  }
  return dcocStatus(parseDcocProperties(content), ine10);
}
