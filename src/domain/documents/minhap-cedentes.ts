import type { ProductId } from '../catalogue/products';

/**
 * The MINHAP template's "Cedente" for each Via Oberta product that goes through MINHAP, spelled as
 * the template's drop-down spells it. MINHAP renames its lists from time to time: when the desk's
 * current template no longer offers a name, the Excel is refused naming the product and the name,
 * and this table is where it is corrected. A product missing here cannot be sent (a test asks for
 * every MINHAP product of the catalogue).
 */
export const MINHAP_CEDENTES: Readonly<Partial<Record<ProductId, string>>> = {
  TGSS_VIDA_LABORAL: 'Tesorería General de la Seguridad Social',
  DGT: 'Dirección General de Tráfico',
  DGP_IDENTITAT: 'Dirección General de la Policía',
  DGP_RESIDENCIA: 'Dirección General de la Policía',
  CADASTRE: 'Dirección General del Catastro',
  SEPE: 'Servicio Público de Empleo Estatal',
  INSS: 'Instituto Nacional de la Seguridad Social',
  TITOLS: 'Ministerio de Educación, Formación Profesional y Deportes',
  REGISTRE_CIVIL: 'Ministerio de Justicia',
  DEPENDENCIA: 'Instituto de Mayores y Servicios Sociales',
  ESTRANGERIA: 'Dirección General de la Policía',
  IGAE: 'Intervención General de la Administración del Estado',
  PODERS_NOTARIALS: 'Consejo General del Notariado',
  ANTECEDENTS_PENALS: 'Ministerio de Justicia',
  GRAU_DISCAPACITAT_CCAA: 'Comunidades Autónomas',
  TFN_CCAA: 'Comunidades Autónomas',
  INE: 'Instituto Nacional de Estadística',
  MUFACE: 'Mutualidad General de Funcionarios Civiles del Estado',
};
