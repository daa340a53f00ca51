import {
  CATALOGUE,
  collegis,
  MODALITIES,
  needsMinhap,
  PRODUCT_IDS,
  PRODUCTS,
  productCodes,
  SERVICE_IDS,
  SERVICES,
  FORM_CHECKBOXES,
  type ProductAmbit,
} from '../domain/catalogue';

export interface CommandResult {
  readonly code: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

const USAGE = 'usage: npm run catalogue -- --summary | --json\n';

/** The figures the README states, counted from the catalogue file as loaded. */
export function catalogueSummary(): string {
  const ambits: readonly ProductAmbit[] = ['AGE', 'GENERALITAT', 'LOCAL', 'COLLEGIS'];
  const lines: string[] = [];
  const withoutManual = SERVICE_IDS.filter((id) => !SERVICES[id].manualPage);
  lines.push(
    `services: ${String(SERVICE_IDS.length)} ` +
      `(${String(SERVICE_IDS.length - withoutManual.length)} with a page in the manual, ${String(withoutManual.length)} without)`,
  );
  const codes = PRODUCT_IDS.flatMap((id) => productCodes(id));
  lines.push(
    `product ids: ${String(PRODUCT_IDS.length)}; AOC product codes: ${String(codes.length)} (DCOC_<COL·LEGI> once)`,
  );
  for (const ambit of ambits) {
    const ids = PRODUCT_IDS.filter((id) => PRODUCTS[id].ambit === ambit);
    const codeCount = ids.flatMap((id) => productCodes(id)).length;
    const modalityCount = CATALOGUE.products
      .filter((p) => p.ambit === ambit)
      .flatMap((p) => p.codes.flatMap((c) => c.modalities)).length;
    lines.push(
      `  ${ambit}: ${String(ids.length)} ids, ${String(codeCount)} product codes, ${String(modalityCount)} modality codes`,
    );
  }
  const patternModalities = CATALOGUE.products.flatMap((p) => p.codes.flatMap((c) => c.modalities));
  const onlyHom = patternModalities.filter((m) => m.source === 'hom').length;
  const onlyClient = patternModalities.filter((m) => m.source === 'client').length;
  lines.push(
    `modality codes: ${String(patternModalities.length)} (DCOC's per-col·legi patterns once; ` +
      `${String(onlyHom)} only in homologation documents, ${String(onlyClient)} only in the example client); ` +
      `written out per col·legi: ${String(MODALITIES.length)}`,
  );
  lines.push(`MINHAP: ${String(PRODUCT_IDS.filter(needsMinhap).length)} products`);
  lines.push(
    `DCOC col·legis: ${String(collegis.length)} (${String(collegis.filter((c) => c.integration).length)} with integration)`,
  );
  lines.push(
    `request-form checkboxes mapped: ${String(FORM_CHECKBOXES.length)} (form version ${CATALOGUE.formVersion})`,
  );
  return `${lines.join('\n')}\n`;
}

/** `npm run catalogue -- --summary` prints the counts; `--json` prints the validated catalogue. */
export function runCatalogueCommand(args: readonly string[]): CommandResult {
  if (args.length !== 1) return { code: 2, stderr: USAGE };
  if (args[0] === '--summary') return { code: 0, stdout: catalogueSummary() };
  if (args[0] === '--json') return { code: 0, stdout: `${JSON.stringify(CATALOGUE, null, 2)}\n` };
  return { code: 2, stderr: USAGE };
}
