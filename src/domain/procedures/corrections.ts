import { ambitOfProducts, needsMinhap, type ProductId } from '../catalogue/products';
import { PRODUCT_FLAGS } from '../classifier/stages/flags';
import type { Classification, Flag } from '../classifier/schema';

/**
 * An agent's correction of the classification, with the flags recomputed from it: flags that
 * belong to products (MINHAP, AEAT_CERT, PADRO, CORPME, DCOC, COETC) and MULTI_AMBIT follow the
 * corrected products and àmbit, the others stay as read from the ticket. So adding TFN to an AEAT
 * ticket makes it MULTI_AMBIT, and the procedure changes with it. Flags the agent sets by hand
 * are kept as they are.
 */
export type Correction = Partial<Pick<Classification, 'service' | 'environment' | 'ambit' | 'products' | 'flags'>>;

/** Flags that only products decide. */
const PRODUCT_DECIDED: readonly Flag[] = ['MINHAP', 'AEAT_CERT', 'PADRO', 'CORPME', 'DCOC', 'COETC', 'MULTI_AMBIT'];

export function flagsFor(
  readFlags: readonly Flag[],
  service: Classification['service'],
  products: readonly ProductId[],
  ambit: Classification['ambit'],
): Flag[] {
  const flags = new Set<Flag>(readFlags.filter((f) => !PRODUCT_DECIDED.includes(f)));
  if (service === 'VO') {
    for (const id of products) {
      for (const pf of PRODUCT_FLAGS[id] ?? []) flags.add(pf.flag);
      if (id === 'REGISTRE_ENTITATS') flags.add('CORPME');
      if (needsMinhap(id)) flags.add('MINHAP');
    }
    if (ambit === 'MIXED') flags.add('MULTI_AMBIT');
    // COETC is a col·legi of DCOC: it stays only while DCOC is asked and the ticket named COETC.
    if (products.includes('DCOC') && readFlags.includes('COETC')) flags.add('COETC');
  }
  return [...flags].sort();
}

export function correctClassification(auto: Classification, correction: Correction): Classification {
  const service = correction.service ?? auto.service;
  const products = service === 'VO' ? (correction.products ?? auto.products) : [];
  const ambit =
    correction.ambit ??
    (correction.products !== undefined || correction.service !== undefined
      ? service === 'VO'
        ? ambitOfProducts(products)
        : 'NONE'
      : auto.ambit);
  const flags =
    correction.flags !== undefined ? [...correction.flags].sort() : flagsFor(auto.flags, service, products, ambit);
  return { ...auto, ...correction, service, products, ambit, flags };
}
