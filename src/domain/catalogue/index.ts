export * from './services';
export * from './products';
export * from './catalogue';
export { CatalogueFileError, loadCatalogue } from './load';
export type { CatalogueCollegi, CatalogueModality, CatalogueProduct, CatalogueService } from './schema';
