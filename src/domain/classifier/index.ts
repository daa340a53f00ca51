export { classify } from './classify';
export * from './schema';
