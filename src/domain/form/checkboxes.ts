import { z } from '../zod';
import { isProductId, type ProductId } from '../catalogue/products';
import checkboxFile from './data/checkboxes.json';
import { isKnownService, type KnownServiceId } from '../catalogue/services';

/**
 * The request form's checkboxes, in the form's order, with the captions the form prints (read
 * from the blank form's template, version 2026-03-18) and the ids of `classification.md` they
 * stand for. An id the catalogue does not (yet) know is kept as the contract spells it and mapped
 * to `null` when read: the tick still shows with its caption, it just decides nothing.
 */
export type CheckboxGroup = 'SERVICE' | 'AGE' | 'GENERALITAT' | 'LOCAL' | 'COLLEGIS';

export interface FormCheckbox {
  /** The element name, e.g. `CHK_AGENCIA`. */
  readonly checkbox: string;
  readonly group: CheckboxGroup;
  readonly caption: string;
  /** The contract's id: a service id for `SERVICE`, a Via Oberta product id otherwise. */
  readonly id: string;
}

/** Element path of each group under `form1/PAG_DADES/SUB_DADES/SUB_SERVEI`. */
export const GROUP_PATHS: Readonly<Record<CheckboxGroup, readonly string[]>> = {
  SERVICE: [],
  AGE: ['SUB_VIA_OBERTA', 'SUB_ADMIN_GEN_ESTADO'],
  GENERALITAT: ['SUB_VIA_OBERTA', 'SUB_GENERALITAT_CAT'],
  LOCAL: ['SUB_VIA_OBERTA', 'SUB_ADMIN_LOCAL'],
  COLLEGIS: ['SUB_VIA_OBERTA', 'SUB_COL_PRO'],
};

/** The Via Oberta checkbox: it opens the product lists. */
export const VIA_OBERTA_CHECKBOX = 'CHK_VIA_OBERTA';

const CheckboxFile = z.array(
  z.strictObject({
    group: z.enum(['SERVICE', 'AGE', 'GENERALITAT', 'LOCAL', 'COLLEGIS']),
    checkbox: z.string().regex(/^CHK_[A-Z0-9_]+$/),
    id: z.string().regex(/^[A-Z0-9_]+$/),
    caption: z.string().min(1),
  }),
);

/** The table is data (`data/checkboxes.json`), read once and refused whole if malformed. */
export const FORM_CHECKBOXES: readonly FormCheckbox[] = CheckboxFile.parse(checkboxFile);

export function serviceOf(box: FormCheckbox): KnownServiceId | null {
  return box.group === 'SERVICE' && isKnownService(box.id) ? box.id : null;
}

export function productOf(box: FormCheckbox): ProductId | null {
  return box.group !== 'SERVICE' && isProductId(box.id) ? box.id : null;
}
