import type { z } from '../zod';
import { PRODUCT_IDS, SERVICE_IDS } from './ids';
import { CatalogueFileSchema, type CatalogueFile } from './schema';

export class CatalogueFileError extends Error {
  override readonly name = 'CatalogueFileError';
}

function where(error: z.ZodError, file: unknown): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String);
      // Name the entry by its id or checkbox, so a desk lead finds it without counting rows.
      const [list, index] = issue.path;
      const entry =
        typeof list === 'string' && typeof index === 'number'
          ? (file as Record<string, readonly Record<string, unknown>[] | undefined>)[list]?.[index]
          : undefined;
      const label = entry?.['id'] ?? entry?.['checkbox'];
      const at =
        typeof label === 'string' ? `${String(list)} ${label} (${path.slice(2).join('.') || 'entry'})` : path.join('.');
      return `${at}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Validates the catalogue file: its shape first, then what a shape cannot say — every contract id
 * described once, the MINHAP rule's àmbit, each form checkbox meaning one thing, each product and
 * modality code (and alias) belonging to one product. Errors name the entry and say what to fix.
 */
export function loadCatalogue(file: unknown, name = 'catalogue.json'): CatalogueFile {
  const parsed = CatalogueFileSchema.safeParse(file);
  if (!parsed.success) throw new CatalogueFileError(`${name}: ${where(parsed.error, file)}`);
  const data = parsed.data;
  const problems: string[] = [];

  const once = (kind: string, ids: readonly string[], expected: readonly string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${kind} ${id} is described twice`);
      seen.add(id);
    }
    for (const id of expected)
      if (!seen.has(id)) problems.push(`${kind} ${id} of the classification contract is missing`);
  };
  once(
    'service',
    data.services.map((s) => s.id),
    SERVICE_IDS,
  );
  once(
    'product',
    data.products.map((p) => p.id),
    PRODUCT_IDS,
  );

  for (const p of data.products) {
    if (p.minhap && p.ambit !== 'AGE') problems.push(`product ${p.id}: only AGE products go through MINHAP`);
    if (p.names.ca.length === 0 || p.names.es.length === 0)
      problems.push(`product ${p.id}: give at least one name people use in Catalan and one in Spanish`);
    for (const c of p.codes) {
      const pattern = c.code.includes('{COLLEGI}') || c.modalities.some((m) => m.code.includes('{COLLEGI}'));
      if (pattern && p.id !== 'DCOC') problems.push(`product ${p.id}: {COLLEGI} patterns belong to DCOC only`);
    }
  }
  for (const s of data.services)
    if (s.names.ca.length === 0 || s.names.es.length === 0)
      problems.push(`service ${s.id}: give at least one name people use in Catalan and one in Spanish`);

  const checkboxOwner = new Map<string, string>();
  const claim = (checkbox: string, owner: string) => {
    const before = checkboxOwner.get(checkbox);
    if (before !== undefined) problems.push(`checkbox ${checkbox} means both ${before} and ${owner}`);
    checkboxOwner.set(checkbox, owner);
  };
  for (const s of data.services) for (const c of s.checkboxes) claim(c.checkbox, `service ${s.id}`);
  for (const p of data.products)
    if (p.checkbox !== null && !p.checkbox.shared) claim(p.checkbox.checkbox, `product ${p.id}`);
  for (const e of data.extraCheckboxes) {
    claim(e.checkbox, `product ${e.product} (${e.productCode})`);
    const family = data.products.find((p) => p.id === e.product);
    if (family?.codes.some((c) => c.code === e.productCode) !== true)
      problems.push(`checkbox ${e.checkbox}: product ${e.product} has no product code ${e.productCode}`);
  }
  for (const c of data.collegis) claim(c.checkbox, `DCOC col·legi ${c.acronym}`);
  for (const p of data.products)
    if (p.checkbox?.shared === true && !checkboxOwner.has(p.checkbox.checkbox))
      problems.push(`product ${p.id}: shared checkbox ${p.checkbox.checkbox} has no product of its own`);

  const codeOwner = new Map<string, string>();
  const own = (kind: string, code: string, owner: string) => {
    const key = `${kind}:${code.toUpperCase()}`;
    const before = codeOwner.get(key);
    if (before !== undefined && before !== owner)
      problems.push(`${kind} code ${code} belongs to both ${before} and ${owner}`);
    else if (before === owner) problems.push(`${kind} code ${code} is listed twice in ${owner}`);
    codeOwner.set(key, owner);
  };
  for (const p of data.products)
    for (const c of p.codes) {
      own('product', c.code, p.id);
      for (const m of c.modalities) for (const code of [m.code, ...(m.aliases ?? [])]) own('modality', code, p.id);
    }
  const acronyms = new Set<string>();
  for (const c of data.collegis) {
    if (acronyms.has(c.acronym)) problems.push(`col·legi acronym ${c.acronym} is used twice`);
    acronyms.add(c.acronym);
  }

  if (problems.length > 0) throw new CatalogueFileError(`${name}: ${problems.join('; ')}`);
  return data;
}
