/**
 * The reply templates' ids, apart from their definitions (registry.ts): the procedures' schema
 * needs only the ids, and the sidebar loads it up front, before the replies panel.
 */
export const TEMPLATE_IDS = [
  'pscp-confirmacio-ws',
  'pscp-elicita-sense-pscp',
  'pscp-documentacio',
  'pscp-inici-homologacio',
  'pscp-derivacio-cap-servei',
  'pscp-fi-alta-pro',
  'vo-no-via-alta',
  'vo-multi-ambit',
  'vo-copia-alta-sense-docs',
  'vo-corpme-pro',
  'vo-dcoc-permis-collegi',
  'vo-coetc',
  'vo-padro',
  'minhap-caid',
  'portasignatures-signatura',
  'vo-aeat-cda',
  'vo-homologacio',
  'vo-fi-alta',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
