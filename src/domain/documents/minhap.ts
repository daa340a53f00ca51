/**
 * The MINHAP Excel's rows (manual, VO Pas 3, "EXCEL per demanar autoritzacions"): on the
 * template's second sheet, `Autorizacion_Procedimientos`, one row per modality with
 * Organismo Solicitante (the ens's full legal name), NIF (the CIF without dashes), DIR3,
 * Código de Procedimiento (`<INE10>_PROVES`, no blanks), Cedente (the product, as the template's
 * drop-down spells it) and Servicio (the modality); every other cell is copied from the
 * template's first line. Pure: the proxy reads the template and writes the file.
 *
 * Nothing is built while a value is missing or invalid: every problem is named at once.
 */
import { MODALITIES, needsMinhap, productName } from '../catalogue';
import type { ProductId } from '../catalogue/products';
import { ine10Proves, parseCif, parseDir3, parseIne10 } from '../identifiers';
import { findFolded } from './fold';
import { MINHAP_CEDENTES } from './minhap-cedentes';

export const MINHAP_SHEET = 'Autorizacion_Procedimientos';
export const MINHAP_FILE_NAME = 'Plantilla-Procedimientos-Administrativos.xlsx';

/** The columns the desk fills, in the template's order. */
export const MINHAP_COLUMNS = ['organismo', 'nif', 'dir3', 'codigo', 'cedente', 'servicio'] as const;
export type MinhapColumn = (typeof MINHAP_COLUMNS)[number];

/** Header texts each column is known by (folded before comparing); the first is the template's. */
export const MINHAP_HEADERS: Readonly<Record<MinhapColumn, readonly string[]>> = {
  organismo: ['Organismo Solicitante', 'Organismo solicitante del acceso'],
  nif: ['NIF', 'CIF', 'NIF del organismo'],
  dir3: ['DIR3', 'Código DIR3', 'Codigo DIR3'],
  codigo: ['Código de Procedimiento', 'Código del procedimiento', 'Codigo procedimiento'],
  cedente: ['Cedente', 'Organismo cedente'],
  servicio: ['Servicio', 'Servicio solicitado'],
};

/** A modality asked for: the product family and AOC's modality code. */
export interface ModalityChoice {
  readonly product: ProductId;
  readonly modality: string;
}

export interface MinhapRequest {
  readonly ensName?: string | undefined;
  readonly cif?: string | undefined;
  readonly ine10?: string | undefined;
  readonly dir3?: string | undefined;
  readonly modalities: readonly ModalityChoice[];
}

/** The values the agent reads a problem about (each has a translated name in the app). */
export const MINHAP_VALUES = ['ensName', 'cif', 'ine10', 'dir3', 'modalities', 'cedente', 'servicio'] as const;
export type MinhapValue = (typeof MINHAP_VALUES)[number];

export const MINHAP_PROBLEM_CODES = [
  'missing',
  'invalid',
  'notMinhap',
  'unknownModality',
  'noCedente',
  'notInDropDown',
] as const;
export type MinhapProblemCode = (typeof MINHAP_PROBLEM_CODES)[number];

export interface MinhapProblem {
  readonly value: MinhapValue;
  readonly code: MinhapProblemCode;
  /** The offending text (an identifier, a product, a spelling), shown to the agent as it is. */
  readonly detail?: string;
  /** In English, for logs and the audit; the app shows its own translation of `code`. */
  readonly message: string;
}

export interface MinhapRow {
  readonly product: ProductId;
  readonly modality: string;
  readonly cells: Readonly<Record<MinhapColumn, string>>;
}

/** The template's drop-down lists for the filled columns, when it has them. */
export type MinhapDropDowns = Partial<Readonly<Record<MinhapColumn, readonly string[]>>>;

export type MinhapRowsResult =
  | { readonly ok: true; readonly rows: readonly MinhapRow[] }
  | { readonly ok: false; readonly problems: readonly MinhapProblem[] };

const MAX_NAME = 250;

function problem(value: MinhapValue, code: MinhapProblemCode, message: string, detail?: string): MinhapProblem {
  return detail === undefined ? { value, code, message } : { value, code, message, detail };
}

/** The Servicio text of a modality: its Spanish description, as MINHAP names services in Spanish. */
export function servicioOf(choice: ModalityChoice): string | undefined {
  const ref = MODALITIES.find((m) => m.product === choice.product && m.modality.code === choice.modality);
  return ref?.modality.description.es;
}

/** Picks the drop-down's own spelling of a value, or says it is not offered. */
function inDropDown(list: readonly string[] | undefined, candidates: readonly string[]): string | undefined {
  if (list === undefined || list.length === 0) return candidates[0];
  for (const c of candidates) {
    const found = findFolded(list, c);
    if (found !== undefined) return found;
  }
  return undefined;
}

function ensValues(req: MinhapRequest, problems: MinhapProblem[]) {
  const name = (req.ensName ?? '').replace(/\s+/g, ' ').trim();
  if (name === '')
    problems.push(problem('ensName', 'missing', 'Organismo Solicitante: the ens’s full legal name is missing.'));
  else if (name.length > MAX_NAME)
    problems.push(problem('ensName', 'invalid', `Organismo Solicitante: longer than ${String(MAX_NAME)} characters.`));
  // eslint-disable-next-line no-control-regex -- a control character in a cell is refused
  else if (/[\u0000-\u001f\u007f]/.test(name))
    problems.push(problem('ensName', 'invalid', 'Organismo Solicitante: contains control characters.'));

  let nif: string | undefined;
  if ((req.cif ?? '').trim() === '') problems.push(problem('cif', 'missing', 'NIF: the ens’s CIF is missing.'));
  else {
    const cif = parseCif(req.cif ?? '');
    if (cif.ok) nif = cif.value;
    else problems.push(problem('cif', 'invalid', `NIF: ${cif.message}`, req.cif));
  }

  let codigo: string | undefined;
  if ((req.ine10 ?? '').trim() === '')
    problems.push(problem('ine10', 'missing', 'Código de Procedimiento: the ens’s INE10 is missing.'));
  else {
    const ine10 = parseIne10(req.ine10 ?? '');
    const proves = ine10.ok ? ine10Proves(ine10.value) : ine10;
    if (proves.ok) codigo = proves.value;
    else problems.push(problem('ine10', 'invalid', `Código de Procedimiento: ${proves.message}`, req.ine10));
  }

  let dir3: string | undefined;
  if ((req.dir3 ?? '').trim() === '')
    problems.push(problem('dir3', 'missing', 'DIR3: the ens’s DIR3 code is missing.'));
  else {
    const parsed = parseDir3(req.dir3 ?? '');
    if (parsed.ok) dir3 = parsed.value;
    else problems.push(problem('dir3', 'invalid', `DIR3: ${parsed.message}`, req.dir3));
  }
  return { name, nif, codigo, dir3 };
}

/**
 * The rows to write, one per modality (repeats dropped), or every problem found. With the
 * template's drop-downs, Cedente and Servicio take the list's own spelling and must be in it.
 */
export function minhapRows(req: MinhapRequest, dropDowns: MinhapDropDowns = {}): MinhapRowsResult {
  const problems: MinhapProblem[] = [];
  const ens = ensValues(req, problems);
  const seen = new Set<string>();
  const choices = req.modalities.filter((m) => {
    const key = `${m.product}/${m.modality}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (choices.length === 0)
    problems.push(problem('modalities', 'missing', 'Servicio: no modality chosen (one row per modality).'));

  const rows: MinhapRow[] = [];
  for (const choice of choices) {
    const label = `${productName(choice.product, 'es')} · ${choice.modality}`;
    if (!needsMinhap(choice.product)) {
      problems.push(
        problem(
          'modalities',
          'notMinhap',
          `${label}: this product is not asked of MINHAP.`,
          productName(choice.product),
        ),
      );
      continue;
    }
    const servicio = servicioOf(choice);
    if (servicio === undefined) {
      problems.push(problem('modalities', 'unknownModality', `${label}: not a modality of this product.`, label));
      continue;
    }
    const cedenteName = MINHAP_CEDENTES[choice.product];
    if (cedenteName === undefined) {
      problems.push(
        problem(
          'cedente',
          'noCedente',
          `Cedente: no template name for ${productName(choice.product)}.`,
          productName(choice.product),
        ),
      );
      continue;
    }
    const cedente = inDropDown(dropDowns.cedente, [cedenteName]);
    if (cedente === undefined)
      problems.push(
        problem(
          'cedente',
          'notInDropDown',
          `Cedente: «${cedenteName}» is not in the template’s drop-down.`,
          cedenteName,
        ),
      );
    const service = inDropDown(dropDowns.servicio, [servicio, choice.modality]);
    if (service === undefined)
      problems.push(
        problem('servicio', 'notInDropDown', `Servicio: «${servicio}» is not in the template’s drop-down.`, servicio),
      );
    if (cedente === undefined || service === undefined) continue;
    rows.push({
      product: choice.product,
      modality: choice.modality,
      cells: {
        organismo: ens.name,
        nif: ens.nif ?? '',
        dir3: ens.dir3 ?? '',
        codigo: ens.codigo ?? '',
        cedente,
        servicio: service,
      },
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

/** Finds each filled column among a header row's texts (folded); the missing ones are named. */
export function minhapColumns(
  headers: readonly (string | undefined)[],
): { ok: true; columns: Readonly<Record<MinhapColumn, number>> } | { ok: false; missing: readonly string[] } {
  const columns: Partial<Record<MinhapColumn, number>> = {};
  const missing: string[] = [];
  for (const column of MINHAP_COLUMNS) {
    const index = headers.findIndex((h) => h !== undefined && findFolded(MINHAP_HEADERS[column], h) !== undefined);
    if (index < 0) missing.push(MINHAP_HEADERS[column][0] ?? column);
    else columns[column] = index;
  }
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, columns: columns as Record<MinhapColumn, number> }; // every column was found
}

/** The MINHAP products among the classification's, the only ones the Excel can hold. */
export function minhapProducts(products: readonly ProductId[]): ProductId[] {
  return products.filter(needsMinhap);
}
