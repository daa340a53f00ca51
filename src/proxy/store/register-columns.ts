/** The integrator register's logical columns: one list for the settings (config.ts) and the store, free of SQL. */
export const REGISTER_COLUMNS = [
  'id',
  'ens_ine10',
  'ens_nom',
  'service',
  'product',
  'integrator_nif',
  'integrator_nom',
  'observations',
  'ticket_id',
  'registered_by',
  'registered_by_name',
  'registered_at',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];
