/**
 * Does the ens hold what it asks for? The manual's Pas 1: "verificar que tots els productes,
 * modalitats i finalitats que ens indiquen al FP coincideixen amb les autoritzacions que tenen a
 * PRO" and "comprovar que no estiguin donats d'alta a PRE". Pure: it compares what is asked
 * (products and modalities from the classification or the request form) with the authorisations
 * each environment holds, one row per asked item, and gives the answer the step needs.
 */
import { isProductId, productByCode, productByModality, type ProductId } from '../../domain/catalogue';
import type { Authorisation } from '../../shared/api';

export interface Asked {
  readonly products: readonly string[];
  readonly modalities: readonly string[];
}

export interface CoverageRow {
  /** What was asked: a modality code, or a product when no modality of it was named. */
  readonly asked: { readonly kind: 'modality' | 'product'; readonly code: string; readonly product: string | null };
  /** Authorisations in force that cover it (product, modality, finalitat codes). */
  readonly pro: string[];
  readonly pre: string[];
}

export interface Coverage {
  readonly rows: CoverageRow[];
  /** Asked items with no authorisation in PRO: the ticket goes to the Unitat de Suport. */
  readonly missingInPro: string[];
  /** Asked items PRE already holds: not to be given again. */
  readonly alreadyInPre: string[];
  /** The answers the procedure's questions take from this check. */
  readonly answers: { readonly 'vo.authorisedInPro': boolean; readonly 'vo.alreadyInPre': boolean };
  /** The answer in words, for the agent. */
  readonly verdict: { readonly ca: string; readonly es: string; readonly en: string };
}

const norm = (s: string): string => s.trim().toUpperCase();

/** A SIRI row counts for a product by AOC's product code (AEAT_DADES → AEAT) or its modality's. */
function productMatches(product: ProductId, a: Authorisation): boolean {
  const code = norm(a.producte.codi);
  return code === product || productByCode(code) === product || productByModality(norm(a.modalitat.codi)) === product;
}

const label = (a: Authorisation): string => `${a.producte.codi} / ${a.modalitat.codi} / ${a.finalitat.codi}`;

export function coverage(asked: Asked, pro: readonly Authorisation[], pre: readonly Authorisation[]): Coverage {
  const modalities = [...new Set(asked.modalities.map(norm).filter((m) => m !== ''))];
  const products = [...new Set(asked.products.map(norm))].filter(isProductId);
  const rows: CoverageRow[] = [];
  for (const m of modalities) {
    const match = (a: Authorisation): boolean => norm(a.modalitat.codi) === m;
    rows.push({
      asked: { kind: 'modality', code: m, product: productByModality(m) ?? null },
      pro: pro.filter(match).map(label),
      pre: pre.filter(match).map(label),
    });
  }
  for (const p of products) {
    // A product whose modalities were named is covered by those rows.
    if (rows.some((r) => r.asked.product === p)) continue;
    rows.push({
      asked: { kind: 'product', code: p, product: p },
      pro: pro.filter((a) => productMatches(p, a)).map(label),
      pre: pre.filter((a) => productMatches(p, a)).map(label),
    });
  }
  const missingInPro = rows.filter((r) => r.pro.length === 0).map((r) => r.asked.code);
  const alreadyInPre = rows.filter((r) => r.pre.length > 0).map((r) => r.asked.code);
  const nothingAsked = rows.length === 0;
  const allInPro = !nothingAsked && missingInPro.length === 0;
  const allInPre = !nothingAsked && alreadyInPre.length === rows.length;
  return {
    rows,
    missingInPro,
    alreadyInPre,
    answers: { 'vo.authorisedInPro': allInPro, 'vo.alreadyInPre': allInPre },
    verdict: verdict(nothingAsked, missingInPro, alreadyInPre),
  };
}

function verdict(nothing: boolean, missing: readonly string[], inPre: readonly string[]): Coverage['verdict'] {
  if (nothing)
    return {
      ca: "No se sap què demana l'ens: indiqueu-ne els productes o les modalitats (classificació o formulari).",
      es: 'No se sabe qué pide el ente: indicad sus productos o modalidades (clasificación o formulario).',
      en: 'What the ens asks for is unknown: give its products or modalities (classification or form).',
    };
  const pre = inPre.length === 0 ? null : inPre.join(', ');
  if (missing.length > 0) {
    const list = missing.join(', ');
    // The same rows answer a PRE ticket (Pas 1: it should all be in PRO already) and a move to PRO
    // (what is left to authorise there): the verdict says both, the procedure picks its step.
    return {
      ca:
        `Falten a PRO: ${list}. En una integració a PRE, cal traslladar el tiquet a la Unitat de Suport ` +
        "(no es van donar d'alta en el tiquet d'alta de serveis); en un pas a PRO, són les que cal autoritzar.",
      es:
        `Faltan en PRO: ${list}. En una integración en PRE, hay que trasladar el tique a la Unidad de Soporte; ` +
        'en un paso a PRO, son las que hay que autorizar.',
      en:
        `Missing in PRO: ${list}. For an integration in PRE, hand the ticket to the Unitat de Suport; ` +
        'for a move to PRO, these are what to authorise.',
    };
  }
  return {
    ca:
      "Tot el que demana l'ens és autoritzat a PRO." +
      (pre === null ? ' Res no és encara a PRE.' : ` Ja són a PRE (no cal tornar-los a donar): ${pre}.`),
    es: `Todo lo que pide el ente está autorizado en PRO.${pre === null ? ' Nada está aún en PRE.' : ` Ya están en PRE: ${pre}.`}`,
    en: `Everything the ens asks for is authorised in PRO.${pre === null ? ' Nothing is in PRE yet.' : ` Already in PRE: ${pre}.`}`,
  };
}
