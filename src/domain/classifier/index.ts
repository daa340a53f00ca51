export { classify } from './classify';
export * from './schema';
export * from './evidence';
