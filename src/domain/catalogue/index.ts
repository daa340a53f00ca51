export * from './services';
export * from './products';
