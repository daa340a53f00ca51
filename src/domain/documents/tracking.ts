/**
 * The desk's tracking rows: the lines an agent adds by hand to the two follow-up sheets of the
 * manual —
 * - Via Oberta, Pas 1 ("Seguiment dels productes, modalitats i finalitats que donarem d'alta tant
 *   a PRE com a PRO", AOC_SUPORT_alta_serveis.xlsx): one line per modality asked and environment,
 *   with the codes and names SIRI uses (the columns of the manual's "Buscar autoritzacions per un
 *   ens" query: organisme, producte, modalitat, finalitat, data d'alta) and what is to be done;
 * - PSCP ("Afegir integracions en l'excel del SP", PRE and PRO): one line per environment, with
 *   the ens, the service (PSCP, eLICITA), the user the desk gives the permissions to and the
 *   `sistemaExtern` of that environment (`aoc_pre`, `aoc`).
 * Pure: the proxy writes the .xlsx, the browser the CSV and the text to paste.
 *
 * The sheets' own language is Catalan (the desk's): header cells and the state of each line are
 * written in Catalan whatever the agent's language; the sidebar shows them translated.
 */
import { modalityByCode, needsMinhap, productName, type ProductId } from '../catalogue';
import { ine10Proves, parseCif, parseIne10 } from '../identifiers';

export const TRACKING_SHEETS = ['vo', 'pscp'] as const;
export type TrackingSheet = (typeof TRACKING_SHEETS)[number];

export const VO_TRACKING_COLUMNS = [
  'date',
  'ticket',
  'ens',
  'ine10',
  'cif',
  'env',
  'productCode',
  'product',
  'modalityCode',
  'modality',
  'finalitatCode',
  'finalitat',
  'state',
] as const;

export const PSCP_TRACKING_COLUMNS = [
  'date',
  'ticket',
  'ens',
  'cif',
  'ine10',
  'service',
  'env',
  'userNif',
  'sistemaExtern',
  'state',
] as const;

export type TrackingColumn = (typeof VO_TRACKING_COLUMNS)[number] | (typeof PSCP_TRACKING_COLUMNS)[number];

/** The header cells as the desk's sheets name them. */
export const TRACKING_HEADERS: Readonly<Record<TrackingColumn, string>> = {
  date: 'Data',
  ticket: 'Tiquet',
  ens: 'Ens',
  ine10: 'INE10',
  cif: 'CIF',
  env: 'Entorn',
  productCode: 'Codi producte',
  product: 'Producte',
  modalityCode: 'Codi modalitat',
  modality: 'Modalitat',
  finalitatCode: 'Codi finalitat',
  finalitat: 'Finalitat',
  service: 'Servei',
  userNif: 'Usuari (NIF)',
  sistemaExtern: 'Sistema extern',
  state: 'Estat',
};

/**
 * What a line says is to be done: `given` the environment already holds it (its date next to it),
 * `toGive` the desk gives it in this ticket, `missingInPro` PRO should hold it and does not (the
 * manual sends the ticket to the Unitat de Suport), `notInPre` not in PRE (a PRO ticket), `later`
 * given in a later ticket (PRO after the homologation), `notChecked` the authorisations were not read.
 */
export const TRACKING_STATES = ['given', 'toGive', 'missingInPro', 'notInPre', 'later', 'notChecked'] as const;
export type TrackingState = (typeof TRACKING_STATES)[number];

export const TRACKING_STATE_TEXT: Readonly<Record<TrackingState, string>> = {
  given: 'Donat d’alta',
  toGive: 'Per donar d’alta',
  missingInPro: 'No autoritzat a PRO',
  notInPre: 'No donat a PRE',
  later: 'Després de l’homologació',
  notChecked: 'Per comprovar',
};

export type Env = 'PRE' | 'PRO';

/** One authorisation in force, as the SIRI check reads it. */
export interface TrackedAuthorisation {
  readonly productCode: string;
  readonly productName: string | null;
  readonly modalityCode: string;
  readonly modalityName: string | null;
  readonly finalitatCode: string;
  readonly finalitatName: string | null;
  /** ISO date-time of the authorisation, when SIRI has it. */
  readonly date: string | null;
}

export interface TrackingInput {
  readonly sheet: TrackingSheet;
  readonly ticket: number;
  /** The day the lines are written, YYYY-MM-DD. */
  readonly date: string;
  /** The ticket's environment: which environment this ticket gives. */
  readonly environment: Env;
  readonly ens: {
    readonly name?: string | undefined;
    readonly cif?: string | undefined;
    readonly ine10?: string | undefined;
  };
  /** Via Oberta: what the ens asks for. */
  readonly products?: readonly ProductId[] | undefined;
  readonly modalities?: readonly string[] | undefined;
  /** Via Oberta: the authorisations each environment holds; absent when they were not read. */
  readonly authorisations?: Readonly<Record<Env, readonly TrackedAuthorisation[]>> | undefined;
  /** PSCP: with eLICITA (which goes inside the PSCP integration). */
  readonly elicita?: boolean | undefined;
  /** PSCP: the NIF of the user who gets the permissions (the technical contact of the form). */
  readonly userNif?: string | undefined;
}

export interface TrackingLine {
  readonly cells: Readonly<Partial<Record<TrackingColumn, string>>>;
  readonly state: TrackingState;
}

export type TrackingNote =
  | { readonly code: 'noModality'; readonly detail: string }
  | { readonly code: 'unknownModality'; readonly detail: string }
  | { readonly code: 'invalidIne10' | 'invalidCif'; readonly detail: string }
  | { readonly code: 'noAsked' | 'notChecked' };

export interface TrackingTable {
  readonly sheet: TrackingSheet;
  readonly columns: readonly TrackingColumn[];
  readonly lines: readonly TrackingLine[];
  readonly notes: readonly TrackingNote[];
}

const ENVS: readonly Env[] = ['PRE', 'PRO'];
const norm = (s: string): string => s.trim().toUpperCase();

/** "2026-11-20T09:00:00Z" → "20/11/2026", as a Catalan Excel shows a date. */
export function catalanDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m === null ? iso : `${m[3] ?? ''}/${m[2] ?? ''}/${m[1] ?? ''}`;
}

function ensCells(input: TrackingInput, notes: TrackingNote[]): Record<'ens' | 'cif' | 'ine10', string> {
  const rawIne = input.ens.ine10?.trim() ?? '';
  const rawCif = input.ens.cif?.trim() ?? '';
  const ine = parseIne10(rawIne);
  const cif = parseCif(rawCif);
  if (rawIne !== '' && !ine.ok) notes.push({ code: 'invalidIne10', detail: rawIne });
  if (rawCif !== '' && !cif.ok) notes.push({ code: 'invalidCif', detail: rawCif });
  return {
    ens: input.ens.name?.trim() ?? '',
    ine10: ine.ok ? ine.value : '',
    cif: cif.ok ? cif.value : '',
  };
}

/** A modality asked, with its product; a product with no modality named has `modality` null. */
interface AskedLine {
  readonly product: ProductId | null;
  readonly productCode: string;
  readonly modality: { readonly code: string; readonly name: string } | null;
}

function asked(input: TrackingInput, notes: TrackingNote[]): AskedLine[] {
  const lines: AskedLine[] = [];
  const seen = new Set<string>();
  for (const raw of input.modalities ?? []) {
    const code = norm(raw);
    if (code === '' || seen.has(code)) continue;
    seen.add(code);
    const ref = modalityByCode(code);
    if (ref === undefined) {
      notes.push({ code: 'unknownModality', detail: code });
      lines.push({ product: null, productCode: '', modality: { code, name: '' } });
      continue;
    }
    lines.push({
      product: ref.product,
      productCode: ref.productCode,
      modality: { code: ref.modality.code, name: ref.modality.description.ca },
    });
  }
  for (const p of input.products ?? []) {
    if (lines.some((l) => l.product === p)) continue;
    notes.push({ code: 'noModality', detail: p });
    lines.push({ product: p, productCode: p, modality: null });
  }
  return lines;
}

const matches = (line: AskedLine, a: TrackedAuthorisation): boolean =>
  line.modality !== null && norm(a.modalityCode) === line.modality.code;

function voLines(input: TrackingInput, notes: TrackingNote[]): TrackingLine[] {
  const ens = ensCells(input, notes);
  const lines = asked(input, notes);
  if (lines.length === 0) notes.push({ code: 'noAsked' });
  if (input.authorisations === undefined && lines.length > 0) notes.push({ code: 'notChecked' });
  const out: TrackingLine[] = [];
  for (const line of lines) {
    for (const env of ENVS) {
      const held = (input.authorisations?.[env] ?? []).filter((a) => matches(line, a));
      const first = held[0];
      const base = {
        date: catalanDate(input.date),
        ticket: String(input.ticket),
        ...ens,
        env,
        productCode: first?.productCode ?? line.productCode,
        product: first?.productName ?? (line.product === null ? '' : productName(line.product, 'ca')),
        modalityCode: line.modality?.code ?? '',
        modality: first?.modalityName ?? line.modality?.name ?? '',
      };
      if (first !== undefined) {
        const dates = [...new Set(held.map((a) => (a.date === null ? '' : catalanDate(a.date))))].filter(Boolean);
        out.push({
          state: 'given',
          cells: {
            ...base,
            finalitatCode: [...new Set(held.map((a) => a.finalitatCode))].join(', '),
            finalitat: [...new Set(held.map((a) => a.finalitatName ?? ''))].filter(Boolean).join(', '),
            state:
              dates.length === 0 ? TRACKING_STATE_TEXT.given : `${TRACKING_STATE_TEXT.given} (${dates.join(', ')})`,
          },
        });
        continue;
      }
      const state = stateOf(input, env);
      // What PRE is given with: a MINHAP product's SIA finalitat `<INE10>_PROVES` (Pas 3, once
      // MINHAP answers), any other product's "Monitoratge - Proves".
      const finalitat =
        env === 'PRE' && state === 'toGive'
          ? line.product !== null && needsMinhap(line.product)
            ? { code: provesCode(ens.ine10), name: `PROVES ${ens.ens}`.trim() }
            : { code: 'PROVES', name: 'Monitoratge - Proves' }
          : { code: '', name: '' };
      out.push({
        state,
        cells: { ...base, finalitatCode: finalitat.code, finalitat: finalitat.name, state: TRACKING_STATE_TEXT[state] },
      });
    }
  }
  return out;
}

function provesCode(ine10: string): string {
  const proves = ine10Proves(ine10);
  return proves.ok ? proves.value : '<INE10>_PROVES';
}

function stateOf(input: TrackingInput, env: Env): TrackingState {
  if (input.authorisations === undefined) return env === input.environment ? 'toGive' : 'notChecked';
  if (env === input.environment) return 'toGive';
  // A PRE ticket: PRO should hold it already; a PRO ticket: PRE was given before, or not at all.
  return env === 'PRO' ? 'missingInPro' : 'notInPre';
}

function pscpLines(input: TrackingInput, notes: TrackingNote[]): TrackingLine[] {
  const ens = ensCells(input, notes);
  return ENVS.map((env): TrackingLine => {
    const state: TrackingState = env === input.environment ? 'toGive' : env === 'PRO' ? 'later' : 'given';
    return {
      state,
      cells: {
        date: catalanDate(input.date),
        ticket: String(input.ticket),
        ...ens,
        service: input.elicita === true ? 'PSCP + eLICITA' : 'PSCP',
        env,
        userNif: input.userNif?.trim().toUpperCase() ?? '',
        sistemaExtern: env === 'PRE' ? 'aoc_pre' : 'aoc',
        state: TRACKING_STATE_TEXT[state],
      },
    };
  });
}

export function trackingTable(input: TrackingInput): TrackingTable {
  const notes: TrackingNote[] = [];
  if (input.sheet === 'pscp')
    return { sheet: 'pscp', columns: PSCP_TRACKING_COLUMNS, lines: pscpLines(input, notes), notes };
  return { sheet: 'vo', columns: VO_TRACKING_COLUMNS, lines: voLines(input, notes), notes };
}

/** The sheet's cells, header first, in the desk's column order. */
export function trackingCells(table: TrackingTable, header = true): string[][] {
  const rows = table.lines.map((l) => table.columns.map((c) => l.cells[c] ?? ''));
  return header ? [table.columns.map((c) => TRACKING_HEADERS[c]), ...rows] : rows;
}

/**
 * A text cell that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a tab or
 * carriage return first) gets an apostrophe first: ticket text never becomes a formula.
 */
function defused(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * CSV as Excel opens it on a Catalan or Spanish Windows: `;` between cells (the list separator of
 * locales whose decimal separator is the comma), CRLF line ends, UTF-8 with a byte-order mark (so
 * that accents survive), cells quoted when they hold `;`, quotes or line breaks.
 */
export function trackingCsv(table: TrackingTable): string {
  const quote = (cell: string): string => {
    const safe = defused(cell);
    return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `\uFEFF${trackingCells(table)
    .map((row) => row.map(quote).join(';'))
    .join('\r\n')}\r\n`;
}

/**
 * The lines to paste into the open sheet (no header): cells separated by tabs, one line per row,
 * which is what Excel splits into cells on paste in every locale. Tabs and line breaks inside a
 * cell become spaces, so a cell never spills into the next.
 */
export function trackingPasteText(table: TrackingTable): string {
  return trackingCells(table, false)
    .map((row) => row.map((c) => defused(c.replace(/[\t\r\n]+/g, ' '))).join('\t'))
    .join('\r\n');
}

export function trackingFileName(sheet: TrackingSheet, ticket: number, ext: 'xlsx' | 'csv'): string {
  return `${sheet === 'vo' ? 'seguiment-via-oberta' : 'seguiment-pscp'}-${String(ticket)}.${ext}`;
}
