/**
 * The database checks, by id: the operations of the contract that name a `check`. This is the one
 * list of check ids; a procedure step's `check.id`, the app's registry entry, the proxy's audit
 * action (`check.<id>`) and the check's name (`checks.name.<id>`, src/app/checks/texts.ts) all
 * refer to it, and tests/app/checks/check-ids.test.ts fails when an id stands in one of those
 * places only.
 *
 * Not re-exported from `index.ts`: it reads every operation from there.
 */
import * as api from './index';
import type { AnyOperation } from './operation';

type Operations = (typeof api)[keyof typeof api];

/** The id of every check the contract has. */
export type CheckId = Extract<Operations, { readonly check: string }>['check'];

function isOperation(value: unknown): value is AnyOperation {
  return typeof value === 'object' && value !== null && 'path' in value && 'method' in value && 'response' in value;
}

/** Each check's operation, by the check's id. */
export const CHECK_OPERATIONS: ReadonlyMap<CheckId, AnyOperation> = new Map(
  (Object.values(api) as unknown[])
    .filter(isOperation)
    // The type above is made of these same `check` fields, so the cast only restates it.
    .flatMap((op) => (op.check === undefined ? [] : [[op.check as CheckId, op] as const])),
);

export const CHECK_IDS: readonly CheckId[] = [...CHECK_OPERATIONS.keys()];

export function isCheckId(id: string): id is CheckId {
  return CHECK_OPERATIONS.has(id as CheckId);
}
