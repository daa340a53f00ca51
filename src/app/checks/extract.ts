import { ine10ChecksPass, isPublicBodyCif, parseCif, parsePersonNif } from '../../domain/identifiers';
import type { FormFacts } from '../form/form-facts';

/**
 * Identifiers found in the ticket's text, to prefill the checks: an INE10 (10 digits whose check
 * digits verify, or 9 that verify once padded), the ens's CIF (a public body's: P, Q or S; a
 * company's CIF in the text is the integrator's, never the ens's) and NIFs of people.
 */
export interface FoundIdentifiers {
  readonly ine10?: string;
  readonly cif?: string;
  readonly personNif?: string;
  /** What the ens's request form says, when one was read (`src/app/form/form-facts.ts`). */
  readonly form?: FormFacts;
}

export function findIdentifiers(text: string): FoundIdentifiers {
  let ine10: string | undefined;
  let cif: string | undefined;
  let personNif: string | undefined;
  // Words of letters and digits, allowing the hyphens of "Q-5850043-J".
  for (const raw of text.split(/[^0-9A-Za-z-]+/)) {
    const word = raw.replace(/-/g, '').toUpperCase();
    if (word.length === 0 || word.length > 12) continue;
    if (ine10 === undefined && /^\d{9,10}$/.test(word)) {
      const padded = word.padStart(10, '0');
      if (ine10ChecksPass(padded)) ine10 = padded;
      continue;
    }
    if (word.length !== 9) continue;
    const c = parseCif(word);
    if (c.ok) {
      if (cif === undefined && isPublicBodyCif(c.value)) cif = c.value;
      continue;
    }
    if (personNif === undefined) {
      const n = parsePersonNif(word);
      if (n.ok) personNif = n.value;
    }
  }
  return {
    ...(ine10 === undefined ? {} : { ine10 }),
    ...(cif === undefined ? {} : { cif }),
    ...(personNif === undefined ? {} : { personNif }),
  };
}
