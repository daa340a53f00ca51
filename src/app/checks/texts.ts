/**
 * The database checks' own texts, in Catalan, Spanish and English: each check's name and what its
 * result shows (column headers, the words around a value). They live here, beside the registry,
 * rather than in the three language files, so that a new check is written in one place per part
 * (operation, proxy module, registry entry, these texts). Only the checks' panel and the steps
 * that name a check read them (both load on demand), so they are not in the up-front bundle. A key
 * must not also stand in translations/*.json (a test refuses it): one text per key.
 */
import type { CheckId } from '../../shared/api/check-ids';
import { fill, type Translate, type UiKey, type UiLang } from '../i18n/i18n';

/** One text in each of the UI's languages: the typecheck refuses an entry that lacks one. */
export interface InEveryLanguage {
  readonly ca: string;
  readonly es: string;
  readonly en: string;
}

/** `checks.name.<id>`: the name of every check of the contract, and of nothing else. */
export const CHECK_NAMES = {
  authorisations: { ca: 'Autoritzacions SIRI', es: 'Autorizaciones SIRI', en: 'SIRI authorisations' },
  dir3: { ca: 'DIR3', es: 'DIR3', en: 'DIR3' },
  finalitat: { ca: 'Finalitat INE10_PROVES', es: 'Finalidad INE10_PROVES', en: 'INE10_PROVES purpose' },
  organisme: { ca: 'Organisme SIRI', es: 'Organismo SIRI', en: 'SIRI organisme' },
  'pscp-user': { ca: 'Usuari PSCP', es: 'Usuario PSCP', en: 'PSCP user' },
  'pscp-organ': { ca: 'Òrgan de contractació PSCP', es: 'Órgano de contratación PSCP', en: 'PSCP contracting body' },
  'dcoc-config': { ca: 'Configuració DCOC', es: 'Configuración DCOC', en: 'DCOC configuration' },
  'integrator-register': {
    ca: 'Registre d’empreses integradores',
    es: 'Registro de empresas integradoras',
    en: 'Integrator company register',
  },
  ens: {
    ca: 'Ens a SIRI (pel nom o el NIF)',
    es: 'Ente en SIRI (por nombre o NIF)',
    en: 'Ens in SIRI (by name or NIF)',
  },
  'authorisation-coverage': {
    ca: 'Cobertura de les autoritzacions (demanat × PRO × PRE)',
    es: 'Cobertura de las autorizaciones (pedido × PRO × PRE)',
    en: 'Authorisation coverage (asked × PRO × PRE)',
  },
} as const satisfies Record<CheckId, InEveryLanguage>;

/** `checks.<key>`: what the checks' results show. */
export const CHECK_RESULT_TEXTS = {
  derived: {
    ca: 'Derivat (L01 + codi INE): la taula DIR3 no en té fila',
    es: 'Derivado (L01 + código INE): la tabla DIR3 no tiene fila',
    en: 'Derived (L01 + INE code): the DIR3 table has no row',
  },
  'col.product': { ca: 'Producte', es: 'Producto', en: 'Product' },
  'col.modality': { ca: 'Modalitat', es: 'Modalidad', en: 'Modality' },
  'col.purpose': { ca: 'Finalitat', es: 'Finalidad', en: 'Purpose' },
  'col.since': { ca: 'Alta', es: 'Alta', en: 'Since' },
  'col.code': { ca: 'Codi', es: 'Código', en: 'Code' },
  'col.name': { ca: 'Nom', es: 'Nombre', en: 'Name' },
  'col.inForce': { ca: 'Vigent', es: 'Vigente', en: 'In force' },
  'col.cif': { ca: 'CIF', es: 'CIF', en: 'CIF' },
  'col.organ': { ca: 'Òrgan', es: 'Órgano', en: 'Contracting body' },
  'col.permissions': { ca: 'Permisos', es: 'Permisos', en: 'Permissions' },
  'col.missing': { ca: 'Falten', es: 'Faltan', en: 'Missing' },
  'col.forbidden': { ca: 'Prohibits', es: 'Prohibidos', en: 'Forbidden' },
  'col.nif': { ca: 'NIF', es: 'NIF', en: 'NIF' },
  'col.ready': { ca: 'Llest', es: 'Listo', en: 'Ready' },
  'col.list': { ca: 'Llista', es: 'Lista', en: 'List' },
  'col.college': { ca: 'Col·legi', es: 'Colegio', en: 'Professional body' },
  'col.configured': { ca: 'Configurat', es: 'Configurado', en: 'Configured' },
  'col.service': { ca: 'Servei', es: 'Servicio', en: 'Service' },
  'col.integrator': { ca: 'Integrador', es: 'Integrador', en: 'Integrator' },
  'col.date': { ca: 'Data', es: 'Fecha', en: 'Date' },
  'col.asked': { ca: 'Sol·licitat', es: 'Solicitado', en: 'Asked' },
  'col.inPro': { ca: 'A PRO', es: 'En PRO', en: 'In PRO' },
  'col.inPre': { ca: 'A PRE', es: 'En PRE', en: 'In PRE' },
  'col.ine10': { ca: 'INE10', es: 'INE10', en: 'INE10' },
  'col.exact': { ca: 'Coincidència exacta', es: 'Coincidencia exacta', en: 'Exact match' },
  inactive: { ca: 'inactiu', es: 'inactivo', en: 'inactive' },
  externalSystem: { ca: 'Sistema extern AOC', es: 'Sistema externo AOC', en: 'AOC external system' },
} as const satisfies Record<string, InEveryLanguage>;

export type CheckTextKey = `checks.name.${keyof typeof CHECK_NAMES}` | `checks.${keyof typeof CHECK_RESULT_TEXTS}`;

/** The checks' texts in one language, keyed as the UI's tables are. */
export function checkTexts(lang: UiLang): Readonly<Record<CheckTextKey, string>> {
  const table: Record<string, string> = {};
  for (const [id, text] of Object.entries(CHECK_NAMES)) table[`checks.name.${id}`] = text[lang];
  for (const [key, text] of Object.entries(CHECK_RESULT_TEXTS)) table[`checks.${key}`] = text[lang];
  return table as Record<CheckTextKey, string>;
}

/** A check's name in a language; undefined for an id the app does not have (a stored, older one). */
export function checkName(id: string, lang: UiLang): string | undefined {
  return Object.prototype.hasOwnProperty.call(CHECK_NAMES, id) ? CHECK_NAMES[id as CheckId][lang] : undefined;
}

/** `t` for the checks' views: the UI's texts and the checks' own, in `t`'s language. */
export interface ChecksTranslate {
  (key: UiKey | CheckTextKey, vars?: Readonly<Record<string, string | number>>): string;
  readonly lang: UiLang;
}

const TABLES: Partial<Record<UiLang, Readonly<Record<string, string>>>> = {};

export function checksTranslator(t: Translate): ChecksTranslate {
  const own = (TABLES[t.lang] ??= checkTexts(t.lang));
  const translate = (key: UiKey | CheckTextKey, vars?: Readonly<Record<string, string | number>>): string => {
    const text = own[key];
    return text === undefined ? t(key as UiKey, vars) : fill(text, vars);
  };
  return Object.assign(translate, { lang: t.lang });
}
