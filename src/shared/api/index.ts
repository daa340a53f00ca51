/**
 * The proxy's HTTP contract, shared by the backend (`src/proxy/`) and the sidebar app, which
 * imports it into the browser bundle: so no Node imports here, only zod and the pure domain.
 * One file per resource; see README.md for how to add an operation.
 */
export * from './fields';
export * from './operation';
export * from './errors';
export * from './health';
export * from './checks';
export * from './integrators';
export * from './progress';
export * from './audit';
export * from './gates';
export * from './answers';
export * from './corrections';
export * from './documents';
export * from './ens-list';
