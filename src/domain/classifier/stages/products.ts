import { ambitOf, ambitOfProducts, PRODUCTS, type Ambit, type ProductId } from '../../catalogue/products';
import { ev, isProduct, type Source } from '../mentions';
import type { CodedEvidence } from '../schema';
import type { ServiceDecision } from './service';
import type { StageResult } from './stage';

/** Stage 3: the Via Oberta products asked (in order of appearance) and their àmbit. */
export interface ProductsDecision {
  readonly products: readonly ProductId[];
  readonly ambit: Ambit;
  /** The words (or the form's caption) that decided each product. */
  readonly mentions: ReadonlyMap<ProductId, Source>;
  /** AOC modality codes the ticket names for the products asked, in order of appearance. */
  readonly modalities: readonly string[];
}

export function decideProducts(service: ServiceDecision): StageResult<ProductsDecision> {
  const evidence: CodedEvidence[] = [];
  const products: ProductId[] = service.service === 'VO' ? [...service.products.keys()] : [];
  for (const id of products) {
    const m = service.products.get(id);
    if (m !== undefined)
      evidence.push(
        ev(m, `product ${id} (${PRODUCTS[id].name}; àmbit ${ambitOf(id)})`, 'product', {
          product: id,
          ambit: ambitOf(id),
        }),
      );
  }
  const ambit = service.service === 'VO' ? ambitOfProducts(products) : 'NONE';
  const firstProduct = products[0];
  const firstMention = firstProduct === undefined ? undefined : service.products.get(firstProduct);
  if (ambit !== 'NONE' && firstMention !== undefined) {
    const detail = ambit === 'MIXED' ? products.map((p) => `${p}: ${ambitOf(p)}`).join(', ') : products.join(', ');
    evidence.push(
      ev(firstMention, `ambit ${ambit} (${detail})`, ambit === 'MIXED' ? 'ambit.mixed' : 'ambit.single', {
        ambit,
        products: detail,
      }),
    );
  }
  const modalities: string[] = [];
  for (const m of service.asked) {
    if (!isProduct(m) || m.meaning.modality === undefined) continue;
    if (!products.includes(m.meaning.product) || modalities.includes(m.meaning.modality)) continue;
    modalities.push(m.meaning.modality);
    evidence.push(
      ev(m, `modality ${m.meaning.modality} (product ${m.meaning.product})`, 'modality', {
        modality: m.meaning.modality,
        product: m.meaning.product,
      }),
    );
  }
  return { value: { products, ambit, mentions: service.products, modalities }, evidence };
}
