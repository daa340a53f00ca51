import { isProductId, type ProductId } from '../catalogue/products';
import { isKnownService, type KnownServiceId } from '../catalogue/services';

/**
 * The request form's checkboxes, in the form's order, with the captions the form prints (read
 * from the blank form's template, version 2026-03-18) and the ids of `classification.md` they
 * stand for. An id the catalogue does not (yet) know is kept as the contract spells it and mapped
 * to `null` when read: the tick still shows with its caption, it just decides nothing.
 */
export type CheckboxGroup = 'SERVICE' | 'AGE' | 'GENERALITAT' | 'LOCAL' | 'COLLEGIS';

export interface FormCheckbox {
  /** The element name, e.g. `CHK_AGENCIA`. */
  readonly checkbox: string;
  readonly group: CheckboxGroup;
  readonly caption: string;
  /** The contract's id: a service id for `SERVICE`, a Via Oberta product id otherwise. */
  readonly id: string;
}

/** Element path of each group under `form1/PAG_DADES/SUB_DADES/SUB_SERVEI`. */
export const GROUP_PATHS: Readonly<Record<CheckboxGroup, readonly string[]>> = {
  SERVICE: [],
  AGE: ['SUB_VIA_OBERTA', 'SUB_ADMIN_GEN_ESTADO'],
  GENERALITAT: ['SUB_VIA_OBERTA', 'SUB_GENERALITAT_CAT'],
  LOCAL: ['SUB_VIA_OBERTA', 'SUB_ADMIN_LOCAL'],
  COLLEGIS: ['SUB_VIA_OBERTA', 'SUB_COL_PRO'],
};

function box(group: CheckboxGroup, checkbox: string, id: string, caption: string): FormCheckbox {
  return { group, checkbox, id, caption };
}

/** The Via Oberta checkbox: it opens the product lists. */
export const VIA_OBERTA_CHECKBOX = 'CHK_VIA_OBERTA';

export const FORM_CHECKBOXES: readonly FormCheckbox[] = [
  box('SERVICE', 'CHK_BOE_TEU', 'BOE_TEU', 'BOE de les notificacions edictals (TEU)'),
  box('SERVICE', 'CHK_COPIA', 'COPIA', 'Còpia'),
  box('SERVICE', 'CHK_EACAT', 'OVER', 'EACAT Tràmits (OVER): tramitació interadministrativa'),
  box('SERVICE', 'CHK_ESPAI_MYGOV', 'ESPAI_CIUTADA', 'El meu espai - Hub de Carpetes Ciutadanes'),
  box('SERVICE', 'CHK_ELICITA', 'ELICITA', 'e-Licita: Licitació electrònica'),
  box('SERVICE', 'CHK_ENOTUM', 'ENOTUM', 'e-NOTUM: notificacions electròniques'),
  box('SERVICE', 'CHK_ETAULER', 'ETAULER', "e-TAULER: tauler d'anuncis i edictes"),
  box('SERVICE', 'CHK_IARXIU', 'IARXIU', 'iArxiu: preservació i arxiu electrònic'),
  box('SERVICE', 'CHK_HESTIA', 'HESTIA', 'Hèstia'),
  box('SERVICE', 'CHK_ORGANS', 'ORGANS', "Òrgans col·legiats: convocatòria d'òrgans col·legiats"),
  box('SERVICE', 'CHK_PSCP', 'PSCP', 'PSCP: Perfil de Contractant'),
  box('SERVICE', 'CHK_RPC', 'RPC', 'RPC: Registre Públic de Contractes'),
  box('SERVICE', 'CHK_DOGC', 'DOGC', 'Publicació al DOGC'),
  box('SERVICE', 'CHK_REGISTRE', 'MUX', 'Registre Unificat'),
  box('SERVICE', 'CHK_CARREGA', 'MUX', 'Registre Unificat: Càrrega i descàrrega de documents'),
  box('SERVICE', 'CHK_CONSULTA', 'MUX', 'Registre Unificat: Consulta d’assentaments'),
  box('SERVICE', 'CHK_ALTA', 'MUX', 'Registre: Alta d’assentaments (només amb ERES AOC)'),
  box('SERVICE', 'CHK_REPRESENTA', 'REPRESENTA', 'REPRESENTA'),
  box(
    'SERVICE',
    'CHK_SCT',
    'SCT_DEV',
    'SCT-DEV: consulta de credencials per DNI del Servei de Credencials de Servei Català de Trànsit (SCT)',
  ),
  box('SERVICE', 'CHK_SEGELL', 'SEGELL', 'Segell de temps: una marca de temps fiable i segura'),
  box('SERVICE', 'CHK_SIGNADOR', 'SIGNADOR', 'Signador centralitzat'),
  box('SERVICE', 'CHK_VALID_IDENTI', 'VALID', 'VALId: Validador d’Identitats'),
  box('SERVICE', 'CHK_VALID_EINA', 'VALID', 'VALId: Eina de signatura'),
  box('SERVICE', 'CHK_VALID_CERTIFICATS', 'VALIDADOR', 'Validador: validació de certificats i signatures'),
  box('SERVICE', VIA_OBERTA_CHECKBOX, 'VO', 'Via Oberta: Indiqueu aquí quin servei'),
  box('AGE', 'CHK_AGENCIA', 'AEAT', 'Agencia Estatal de la Administración Tributaria (AEAT)'),
  box('AGE', 'CHK_ANTECEDENTES', 'ANTECEDENTS_PENALS', 'Antecedentes Penales'),
  box('AGE', 'CHK_SIDCAPACITATS', 'GRAU_DISCAPACITAT_CCAA', "CCAA de la resta de l'Estat - Dades de discapacitats"),
  box('AGE', 'CHK_FAM_NOMBROSA', 'TFN_CCAA', "CCAA de la resta de l'Estat - Títol de família nombrosa"),
  box('AGE', 'CHK_CATASTRO', 'CADASTRE', 'Dirección General de Catastro'),
  box('AGE', 'CHK_DGP', 'DGP_IDENTITAT', 'Dirección General de Policía (DGP)'),
  box('AGE', 'CHK_MINEXT_ESTRANGERIA', 'ESTRANGERIA', 'Dirección General de Policía - Residencia Legal (DGP)'),
  box('AGE', 'CHK_DGT', 'DGT', 'Dirección General de Tráfico (DGT)'),
  box('AGE', 'CHK_INE', 'INE', 'Instituto Nacional de Estadística (INE)'),
  box('AGE', 'CHK_INSS', 'INSS', 'Instituto Nacional de la Seguridad Social (INSS)'),
  box('AGE', 'CHK_IMSERSO', 'DEPENDENCIA', 'Instituto de Mayores y Servicios Sociales (IMSERSO)'),
  box('AGE', 'CHK_IGAE', 'IGAE', 'Intervención General de la Administración del Estado (IGAE)'),
  box('AGE', 'CHK_MIN_EDU', 'TITOLS', 'Ministerio de Educación'),
  box('AGE', 'CHK_MUFACE', 'MUFACE', 'Mutualidad General de Funcionarios Civiles del Estado (MUFACE)'),
  box('AGE', 'CHK_PODERS', 'PODERS_NOTARIALS', 'Poders Notarials'),
  box('AGE', 'CHK_REG_CIV', 'REGISTRE_CIVIL', 'Registros Civiles'),
  box('AGE', 'CHK_SEPE', 'SEPE', 'Servicio de Empleo Públicos Estatal (SEPE)'),
  box(
    'AGE',
    'CHK_IVTM',
    'DGT_IVTM',
    'Servei d’intercanvi de dades de deutors de l’IVTM a la Direcció General de Trànsit (DGT)',
  ),
  box('AGE', 'CHK_TGSS', 'TGSS', 'Tesorería General de la Seguridad Social (TGSS)'),
  box('GENERALITAT', 'CHK_ACTIC', 'ACTIC', 'Acreditacions en Competències TIC (ACTIC)'),
  box('GENERALITAT', 'CHK_ATC', 'ATC', 'Agència Tributària de Catalunya (ATC)'),
  box('GENERALITAT', 'CHK_BDSEU', 'BDSEU', 'Base de dades de la Seu-e de la Generalitat de Catalunya (BDSEU)'),
  box('GENERALITAT', 'CHK_CATSALUT', 'RCA', 'CatSalut'),
  box('GENERALITAT', 'CHK_SISPAP', 'GRAU_DISCAPACITAT', 'Discapacitat (SISPAP)'),
  box('GENERALITAT', 'CHK_IDESCAT', 'PADRO_HISTORIC', 'Institut d’Estadística de Catalunya (IDESCAT)'),
  box('GENERALITAT', 'CHK_ENT_JUR', 'REGISTRE_ENTITATS', 'Registre d’Entitats Jurídiques'),
  box('GENERALITAT', 'CHK_RENDA_GARANTIDA', 'RGC', 'Renda Garantida Ciutadana'),
  box(
    'GENERALITAT',
    'CHK_SCT_DENUNCIES',
    'SCT',
    'SCT-DENUNCIES: Enviament de denúncies al Servei Català de Trànsit (SCT)',
  ),
  box('GENERALITAT', 'CHK_SOC', 'SOC', 'Servei d’Ocupació de Catalunya (SOC)'),
  box('GENERALITAT', 'CHK_FAM_NUM', 'TFN', 'Títol de Família Nombrosa'),
  box('GENERALITAT', 'CHK_FAM_MON', 'TFM', 'Títol de Família Monoparental'),
  box('GENERALITAT', 'CHK_CERF_CAT', 'CERTIFICAT_CATALA', 'Nivell Certificat Català'),
  box('LOCAL', 'CHK_PADRO', 'PADRO', 'Padró Municipal d’habitants'),
  box('COLLEGIS', 'CHK_ARQITECTES', 'DCOC', 'Col·legi Oficial d’Arquitectes de Catalunya'),
  box(
    'COLLEGIS',
    'CHK_COL_BAR',
    'DCOC',
    'Col·legi d’Aparelladors, Arquitectes Tècnics i Enginyers d’Edificació de Barcelona',
  ),
  box(
    'COLLEGIS',
    'CHK_COL_TARR',
    'DCOC',
    'Col·legi d’aparelladors, Arquitectes Tècnics i Enginyers d’Edificació de Tarragona',
  ),
  box(
    'COLLEGIS',
    'CHK_COL_GIR',
    'DCOC',
    'Col·legi d’Aparelladors, Arquitectes Tècnics i Enginyers d’Edificació de Girona',
  ),
  box('COLLEGIS', 'CHK_COL_TELECO', 'DCOC', 'Col·legi d’Enginyers de Telecomunicació'),
  box('COLLEGIS', 'CHK_COL_ENGINYERS', 'DCOC', 'Col·legi d’Enginyers Industrials de Catalunya'),
  box('COLLEGIS', 'CHK_COL_TECNICS', 'DCOC', 'Col·legi d’Enginyers Tècnics Industrials de Barcelona'),
  box('COLLEGIS', 'CHK_ECA', 'DCOC', 'ECA Aucatel'),
  box('COLLEGIS', 'CHK_CORPME', 'CORPME', 'Registre de la Propietat (CORPME)'),
  box('COLLEGIS', 'CHK_MERCANTIL', 'CORPME', 'Registre Mercantil (CORPME)'),
];

export function serviceOf(box: FormCheckbox): KnownServiceId | null {
  return box.group === 'SERVICE' && isKnownService(box.id) ? box.id : null;
}

export function productOf(box: FormCheckbox): ProductId | null {
  return box.group !== 'SERVICE' && isProductId(box.id) ? box.id : null;
}
