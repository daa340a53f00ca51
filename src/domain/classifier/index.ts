export { classify } from './classify-input';
export { classifyTicket } from './classify';
export * from './schema';
export * from './evidence';
