/**
 * The Via Oberta products as the rest of the code has read them since version 1: each id's àmbit,
 * its Catalan name and its modality codes. The data are the catalogue file's (data/catalogue.json).
 */
import { catalogueProduct, MODALITIES, recordOf } from './catalogue';
import { PRODUCT_IDS, type ProductAmbit, type ProductId } from './ids';

export { AMBITS, PRODUCT_IDS, isProductId, type Ambit, type ProductAmbit, type ProductId } from './ids';
export { ambitOf, ambitOfProducts, needsMinhap } from './catalogue';

export interface ProductInfo {
  readonly id: ProductId;
  readonly ambit: ProductAmbit;
  /** Name as the desk writes it, in Catalan. */
  readonly name: string;
  /** Modality codes (PCI `CodigoCertificado`); DCOC's written out for each col·legi. */
  readonly modalities: readonly string[];
}

function info(id: ProductId): ProductInfo {
  const p = catalogueProduct(id);
  const modalities = MODALITIES.filter((m) => m.product === id).map((m) => m.modality.code);
  return { id, ambit: p.ambit, name: p.name.ca, modalities };
}

export const PRODUCTS: Readonly<Record<ProductId, ProductInfo>> = recordOf(PRODUCT_IDS, info);
