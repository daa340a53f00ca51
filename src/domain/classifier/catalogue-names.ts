import { CATALOGUE } from '../catalogue/catalogue';
import type { KnownServiceId, ProductId } from '../catalogue/ids';
import type { LexiconEntry, Meaning } from './lexicon-types';
import { normaliseWords } from './normalize';

/**
 * The lexicon's names of services and products, generated from the catalogue file
 * (data/catalogue.json) when the classifier loads: one source for the names a desk lead edits and
 * the words the classifier reads. Each service and product contributes its names in Catalan and
 * Spanish, its acronyms, the parts of its official name and its emissor's name; each modality its
 * names (they ask for the modality's product and report the modality); each col·legi its names.
 *
 * Safety rules, so that the ordinary words of official names do not become triggers:
 * - a name of several words matches only as the whole phrase (small words aside, one typo per long
 *   word);
 * - a name of one word that is an ordinary administrative word (GENERIC_WORDS: "Còpia",
 *   "Registre", "Dades") is not a trigger at all; another one-word name matches without typo
 *   tolerance unless it is long ("Cadsatre" is the Cadastre, "bestia" is not Hèstia);
 * - an acronym of up to three letters, or one that is an ordinary word (SOC, ERES, DONO), matches
 *   only written in capitals;
 * - a name derived from an official name or an emissor ("DGT – Deutors de l'impost de vehicles",
 *   "Departament de Drets Socials") is kept only when no other service or product claims the same
 *   words: an emissor shared by several products names none of them.
 */

/** Ordinary administrative words: never a product or a service by themselves. Data, not per ticket. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  [
    'còpia',
    'còpies',
    'copia',
    'copias',
    'registre',
    'registres',
    'registro',
    'registros',
    'dades',
    'datos',
    'consulta',
    'consultes',
    'consultas',
    'identitat',
    'identidad',
    'renda',
    'renta',
    'servei',
    'serveis',
    'servicio',
    'servicios',
    'certificat',
    'certificats',
    'certificado',
    'certificados',
    'informe',
    'informes',
    'títol',
    'título',
    'signatura',
    'firma',
    'alta',
    'altes',
    'altas',
    'baixa',
    'baja',
    'tràmit',
    'tràmits',
    'trámite',
    'trámites',
    'notificació',
    'notificacions',
    'notificación',
    'notificaciones',
    'tauler',
    'tablón',
    'oficina',
    'plataforma',
    'arxiu',
    'archivo',
    'validador',
    'verificació',
    'verificación',
    'deute',
    'deutes',
    'deuda',
    'deudas',
    'estat',
    'estado',
    'generalitat',
    'ministeri',
    'ministerio',
    'departament',
    'departamento',
    'publicació',
    'publicación',
    'representació',
    'representación',
  ].map((w) => normaliseWords(w).join(' ')),
);

/** Acronyms that are also ordinary words in Catalan or Spanish: matched in capitals only. */
const WORD_ACRONYMS: ReadonlySet<string> = new Set(['soc', 'eres', 'dono', 'representa', 'over', 'valid', 'cip']);

/** One-word names shorter than this match without typo tolerance. */
const FUZZY_SINGLE_WORD = 8;

type Owner =
  { readonly kind: 'service'; readonly id: KnownServiceId } | { readonly kind: 'product'; readonly id: ProductId };

type Origin = 'name' | 'acronym' | 'modality' | 'collegi' | 'official' | 'emissor';

interface Candidate {
  readonly owner: Owner;
  readonly phrase: string;
  readonly origin: Origin;
  readonly modality?: string;
  /** The phrase names the provider (emissor) rather than a data set. */
  readonly org: boolean;
}

/** Why a catalogue name is not a trigger, for the tests and the catalogue page. */
export interface DroppedName {
  readonly owner: string;
  readonly phrase: string;
  readonly why: 'generic word' | 'claimed by several ids';
}

const key = (phrase: string): string => normaliseWords(phrase).join(' ');
const ownerId = (o: Owner): string => o.id;

/** "AEAT (Agència Estatal …), via MINHAP" → ["AEAT", "Agència Estatal …"]; "ICASS / Direcció …" → both. */
export function nameParts(text: string): string[] {
  return text
    .split(/[()–/,]| - /)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !/^(via|amb|con|with)\b/i.test(s));
}

function isAcronymLike(phrase: string): boolean {
  return /^[A-Z0-9_]+$/.test(phrase.replaceAll('-', '_'));
}

/** The phrase in the matcher's syntax (see lexicon.ts): capitals-only or exact marks where the rules ask. */
function pattern(phrase: string): string | undefined {
  const words = normaliseWords(phrase);
  if (words.length === 0) return undefined;
  if (isAcronymLike(phrase)) {
    // Words as the tokenizer sees them: "SCT-DEV" is one word, "SCT_DEV" two.
    const capitalsOnly = words.length > 1 || words.some((w) => w.length <= 3 || WORD_ACRONYMS.has(w));
    return capitalsOnly ? words.map((w) => `^${w}`).join(' ') : phrase;
  }
  if (words.length === 1) {
    const word = words[0] ?? '';
    if (GENERIC_WORDS.has(word)) return undefined;
    return word.length < FUZZY_SINGLE_WORD ? `=${word}` : word;
  }
  return phrase;
}

function candidates(): Candidate[] {
  const out: Candidate[] = [];
  const push = (owner: Owner, phrase: string, origin: Origin, org = false, modality?: string): void => {
    out.push({ owner, phrase, origin, org, ...(modality === undefined ? {} : { modality }) });
  };
  for (const s of CATALOGUE.services) {
    const owner: Owner = { kind: 'service', id: s.id };
    for (const n of [...s.names.ca, ...s.names.es]) push(owner, n, 'name');
    for (const a of s.acronyms) push(owner, a, 'acronym');
    for (const part of nameParts(s.name)) push(owner, part, 'official');
    // PCI codes written as codes ("CONSULTA_CREDENCIALS", "OVER_TRAMITACIO"); bare verbs such as
    // BOE's PUBLICAR are not names.
    for (const c of s.pciProducts ?? [])
      for (const code of [c.code, ...c.modalities])
        if (/[_\d]/.test(code) || code === c.code) push(owner, code, 'acronym');
  }
  for (const p of CATALOGUE.products) {
    const owner: Owner = { kind: 'product', id: p.id };
    const emissorParts = [...nameParts(p.emissor.ca), ...nameParts(p.emissor.es)];
    const emissorKeys = emissorParts.map(key);
    const isOrg = (phrase: string): boolean => {
      const k = ` ${key(phrase)} `;
      return emissorKeys.some((e) => ` ${e} `.includes(k));
    };
    for (const n of [...p.names.ca, ...p.names.es]) push(owner, n, 'name', isOrg(n));
    for (const a of p.acronyms) push(owner, a, 'acronym', true);
    for (const part of [...nameParts(p.name.ca), ...nameParts(p.name.es)]) push(owner, part, 'official', isOrg(part));
    for (const part of emissorParts) push(owner, part, 'emissor', true);
    for (const c of p.codes)
      for (const m of c.modalities)
        for (const n of [...(m.names?.ca ?? []), ...(m.names?.es ?? [])]) push(owner, n, 'modality', false, m.code);
  }
  for (const c of CATALOGUE.collegis) {
    const owner: Owner = { kind: 'product', id: 'DCOC' };
    for (const n of [...c.names.ca, ...c.names.es]) push(owner, n, 'collegi');
    push(owner, c.acronym, 'collegi');
    for (const part of nameParts(c.name)) push(owner, part, 'official');
  }
  return out;
}

const DERIVED: ReadonlySet<Origin> = new Set(['official', 'emissor']);

interface Generated {
  readonly entries: readonly LexiconEntry[];
  readonly dropped: readonly DroppedName[];
  /** The same words given as a name (not derived) to two ids: a mistake in the catalogue file. */
  readonly conflicts: readonly string[];
}

function generate(): Generated {
  const all = candidates();
  const owners = new Map<string, Set<string>>();
  const explicitOwners = new Map<string, Set<string>>();
  for (const c of all) {
    const k = key(c.phrase);
    if (k.length === 0) continue;
    const set = owners.get(k) ?? new Set<string>();
    set.add(ownerId(c.owner));
    owners.set(k, set);
    if (!DERIVED.has(c.origin)) {
      const ex = explicitOwners.get(k) ?? new Set<string>();
      ex.add(ownerId(c.owner));
      explicitOwners.set(k, ex);
    }
  }
  const conflicts = [...explicitOwners]
    .filter(([, set]) => set.size > 1)
    .map(([k, set]) => `"${k}": ${[...set].join(', ')}`);
  const entries: LexiconEntry[] = [];
  const dropped: DroppedName[] = [];
  const seen = new Set<string>();
  for (const c of all) {
    const k = key(c.phrase);
    const id = ownerId(c.owner);
    if (k.length === 0) continue;
    if (DERIVED.has(c.origin)) {
      const explicit = explicitOwners.get(k);
      const claimed = owners.get(k);
      // A derived name another id also claims (an emissor shared by several products) names none.
      if ((explicit !== undefined && !explicit.has(id)) || (claimed !== undefined && claimed.size > 1)) {
        const namedAnyway = explicit?.has(id) === true;
        if (!namedAnyway && !seen.has(`drop:${id}:${k}`))
          dropped.push({ owner: id, phrase: c.phrase, why: 'claimed by several ids' });
        seen.add(`drop:${id}:${k}`);
        continue;
      }
    }
    // A derived name of ordinary words only ("ATC – Estat de deute") is a description, not a name.
    const allGeneric = normaliseWords(c.phrase).every((w) => GENERIC_WORDS.has(w));
    const phrase = DERIVED.has(c.origin) && allGeneric ? undefined : pattern(c.phrase);
    if (phrase === undefined) {
      if (!seen.has(`drop:${id}:${k}`)) dropped.push({ owner: id, phrase: c.phrase, why: 'generic word' });
      seen.add(`drop:${id}:${k}`);
      continue;
    }
    const dedupe = `${id}:${c.modality ?? ''}:${phrase}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const meaning: Meaning =
      c.owner.kind === 'service'
        ? { kind: 'service', service: c.owner.id }
        : c.modality !== undefined
          ? { kind: 'product', product: c.owner.id, level: 'data', modality: c.modality, implies: true }
          : { kind: 'product', product: c.owner.id, level: c.org ? 'org' : 'data' };
    entries.push({ layer: 'entity', meaning, phrases: [phrase] });
  }
  return { entries, dropped, conflicts };
}

let generated: Generated | undefined;
const once = (): Generated => (generated ??= generate());

/** The lexicon's service, product, modality-name and col·legi entries, from the catalogue. */
export function catalogueEntries(): readonly LexiconEntry[] {
  return once().entries;
}

/** Catalogue names that are not triggers, and why. */
export function droppedCatalogueNames(): readonly DroppedName[] {
  return once().dropped;
}

/** Names given to two ids in the catalogue file (should be none). */
export function catalogueNameConflicts(): readonly string[] {
  return once().conflicts;
}
