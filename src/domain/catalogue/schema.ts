import { z } from '../zod';
import { AMBITS, PRODUCT_IDS, SERVICE_IDS } from './ids';

/** A request-form checkbox name, as the XFA form spells it. */
const Checkbox = z.string().regex(/^CHK_[A-Z_]+$/, 'a checkbox is written CHK_ followed by capitals');
/** AOC's codes: capitals, digits and underscores; `{COLLEGI}` stands for a col·legi's acronym (DCOC). */
const Code = z.string().regex(/^[A-Za-z0-9_{}]+$/, 'a code holds letters, digits and underscores only');
const Text = z.string().trim().min(1, 'must not be empty');
const Names = z.strictObject({ ca: z.array(Text), es: z.array(Text) });
const CaEs = z.strictObject({ ca: Text, es: Text });

export const ModalitySchema = z.strictObject({
  code: Code,
  description: CaEs,
  /** Where the code is documented when it is not the product's own repository. */
  source: z.enum(['hom', 'client']).optional(),
  /** Other spellings AOC's sources use for the same modality; lookups accept them. */
  aliases: z.array(Code).optional(),
  names: Names.optional(),
});

export const ProductCodeSchema = z.strictObject({
  code: Code,
  modalities: z.array(ModalitySchema),
  /** The code is inferred (from test ids or modality prefixes), not published as such. */
  inferred: z.boolean().optional(),
  repo: z.string().optional(),
});

export const ProductSchema = z.strictObject({
  id: z.enum(PRODUCT_IDS),
  ambit: z.enum(AMBITS),
  minhap: z.boolean(),
  name: CaEs,
  emissor: CaEs,
  /** The form's checkbox; `shared` when it stands for another product first (one TGSS box, one DGP box). */
  checkbox: z.strictObject({ checkbox: Checkbox, caption: Text, shared: z.boolean() }).nullable(),
  codes: z.array(ProductCodeSchema),
  names: Names,
  acronyms: z.array(Text),
  ambitNote: z.string().optional(),
  note: z.string().optional(),
});

export const ServiceSchema = z.strictObject({
  id: z.enum(SERVICE_IDS),
  name: Text,
  description: z.strictObject({ ca: Text, es: Text, en: Text }),
  checkboxes: z.array(z.strictObject({ checkbox: Checkbox, caption: Text })).min(1),
  /** The desk's manual has a procedure page for it. */
  manualPage: z.boolean(),
  names: Names,
  acronyms: z.array(Text),
  pciProducts: z.array(z.strictObject({ code: Code, modalities: z.array(Code) })).optional(),
  note: z.string().optional(),
});

export const CollegiSchema = z.strictObject({
  checkbox: Checkbox,
  caption: Text,
  acronym: z.string().regex(/^[A-Z]+$/, 'an acronym is written in capitals'),
  name: Text,
  names: Names,
  /** False where the desk's rule is that there is no integration (COETC). */
  integration: z.boolean(),
  legacyModalities: z.array(Code).optional(),
  note: z.string().optional(),
});

export const CatalogueFileSchema = z.strictObject({
  $comment: z.string().optional(),
  formVersion: z.string(),
  services: z.array(ServiceSchema),
  products: z.array(ProductSchema),
  /** Form checkboxes that name one product code of a family whose main checkbox is elsewhere. */
  extraCheckboxes: z.array(
    z.strictObject({ checkbox: Checkbox, caption: Text, product: z.enum(PRODUCT_IDS), productCode: Code }),
  ),
  collegis: z.array(CollegiSchema),
});

export type CatalogueFile = z.infer<typeof CatalogueFileSchema>;
export type CatalogueProduct = z.infer<typeof ProductSchema>;
export type CatalogueService = z.infer<typeof ServiceSchema>;
export type CatalogueModality = z.infer<typeof ModalitySchema>;
export type CatalogueCollegi = z.infer<typeof CollegiSchema>;
