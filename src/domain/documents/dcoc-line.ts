/**
 * The DCOC alta's configuration change (manual, "Altes DCOC"): the ens's INE10 goes into the
 * col·legi's `dcoc.<col·legi>.expedients.organismes=` list of the DCOC module's dcoc.properties in
 * both forms the file holds — without the leading zero (9 digits) and with it (10) — so the desk
 * pastes one updated line and sees exactly what changes. Pure: the proxy reads the file.
 */
import { parseIne10 } from '../identifiers';

export interface DcocLineChange {
  readonly key: string;
  /** The col·legi's acronym, upper case (`COAC` from `dcoc.coac.expedients.organismes`). */
  readonly colegi: string;
  readonly before: string;
  readonly after: string;
  /** The forms that were not yet in the list (empty: nothing to change). */
  readonly added: readonly string[];
}

const LIST_LINE = /^\s*(dcoc\.([A-Za-z0-9_]+)\.(?:[A-Za-z0-9_]+\.)*organismes)\s*[=:](.*)$/;

/** Both forms of an INE10 as dcoc.properties writes them: 9 digits first when it has a leading zero. */
export function dcocForms(ine10: string): readonly string[] {
  return ine10.startsWith('0') ? [ine10.slice(1), ine10] : [ine10];
}

/** The updated line, or null when the text is not an `organismes` list line. */
export function updateDcocLine(line: string, ine10: string): DcocLineChange | null {
  const match = LIST_LINE.exec(line);
  const parsed = parseIne10(ine10);
  if (match === null || !parsed.ok) return null;
  const key = match[1] ?? '';
  const values = (match[3] ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const added = dcocForms(parsed.value).filter((form) => !values.includes(form));
  return {
    key,
    colegi: (match[2] ?? '').toUpperCase(),
    before: line.trim(),
    after: `${key}=${[...values, ...added].join(',')}`,
    added,
  };
}

/** Every `organismes` list of a dcoc.properties text, each with its update for the ens. */
export function dcocLineChanges(properties: string, ine10: string): DcocLineChange[] {
  return properties
    .split(/\r?\n/)
    .filter((l) => !/^\s*[#!]/.test(l))
    .map((l) => updateDcocLine(l, ine10))
    .filter((c): c is DcocLineChange => c !== null);
}
