/**
 * The AOC services whose integration the desk handles, with the identifiers fixed by the
 * classification contract. `UNKNOWN` is the classifier's answer when no integration is asked.
 */
export const SERVICE_IDS = [
  'PSCP',
  'ELICITA',
  'VO',
  'MUX',
  'ENOTUM',
  'ETAULER',
  'OVER',
  'BOE_TEU',
  'COPIA',
  'ESPAI_CIUTADA',
  'IARXIU',
  'HESTIA',
  'ORGANS',
  'RPC',
  'DOGC',
  'REPRESENTA',
  'SCT_DEV',
  'SEGELL',
  'SIGNADOR',
  'VALID',
  'VALIDADOR',
] as const;
export type KnownServiceId = (typeof SERVICE_IDS)[number];
export type ServiceId = KnownServiceId | 'UNKNOWN';

export interface ServiceInfo {
  readonly id: KnownServiceId;
  /** Name as the desk writes it. */
  readonly name: string;
  readonly description: { readonly ca: string; readonly es: string; readonly en: string };
  /** True when the service has Via Oberta products (catalogue below). */
  readonly hasProducts: boolean;
}

function other(id: KnownServiceId, name: string, [ca, es, en]: readonly [string, string, string]): ServiceInfo {
  return { id, name, description: { ca, es, en }, hasProducts: false };
}

export const SERVICES: Readonly<Record<KnownServiceId, ServiceInfo>> = {
  PSCP: {
    id: 'PSCP',
    name: 'PSCP',
    description: {
      ca: 'Plataforma de Serveis de Contractació Pública (eContractació)',
      es: 'Plataforma de Servicios de Contratación Pública (eContractació)',
      en: 'Public procurement services platform (eContractació)',
    },
    hasProducts: false,
  },
  ELICITA: {
    id: 'ELICITA',
    name: 'eLICITA',
    description: {
      ca: "eLICITA (abans Sobre Digital): recuperació d'ofertes, integrada a través de la PSCP",
      es: 'eLICITA (antes Sobre Digital): recuperación de ofertas, integrada a través de la PSCP',
      en: 'eLICITA (formerly Sobre Digital): retrieval of tenders, integrated through PSCP',
    },
    hasProducts: false,
  },
  VO: {
    id: 'VO',
    name: 'Via Oberta',
    description: {
      ca: "Via Oberta: dades d'altres administracions (AGE, Generalitat, ens locals, col·legis)",
      es: 'Vía Oberta: datos de otras administraciones (AGE, Generalitat, entes locales, colegios)',
      en: 'Via Oberta: data from other administrations (state, Generalitat, local, professional bodies)',
    },
    hasProducts: true,
  },
  MUX: {
    id: 'MUX',
    name: 'MUX',
    description: {
      ca: 'MUX: Registre Unificat',
      es: 'MUX: Registro Unificado',
      en: 'MUX: unified registry',
    },
    hasProducts: false,
  },
  ENOTUM: {
    id: 'ENOTUM',
    name: 'e-NOTUM',
    description: {
      ca: 'e-NOTUM: notificacions electròniques',
      es: 'e-NOTUM: notificaciones electrónicas',
      en: 'e-NOTUM: electronic notifications',
    },
    hasProducts: false,
  },
  ETAULER: {
    id: 'ETAULER',
    name: 'e-TAULER',
    description: {
      ca: "e-TAULER: tauler electrònic d'edictes",
      es: 'e-TAULER: tablón electrónico de edictos',
      en: 'e-TAULER: electronic notice board',
    },
    hasProducts: false,
  },
  OVER: {
    id: 'OVER',
    name: 'OVER',
    description: {
      ca: "OVER: Oficina Virtual d'Emissió i Recepció (EACAT Tràmits, tramitació interadministrativa)",
      es: 'OVER: Oficina Virtual de Emisión y Recepción (EACAT Trámites, tramitación interadministrativa)',
      en: 'OVER: virtual office for sending and receiving (EACAT Tràmits, inter-administration procedures)',
    },
    hasProducts: false,
  },
  BOE_TEU: other('BOE_TEU', 'BOE (TEU)', [
    'BOE: notificacions edictals (Tauler Edictal Únic)',
    'BOE: notificaciones edictales (Tablón Edictal Único)',
    'BOE edictal notifications (single edictal board)',
  ]),
  COPIA: other('COPIA', 'Còpia', [
    'Còpia: còpies electròniques autèntiques',
    'Copia: copias electrónicas auténticas',
    'Copy: authentic electronic copies',
  ]),
  ESPAI_CIUTADA: other('ESPAI_CIUTADA', 'El meu espai', [
    'El meu espai: hub de carpetes ciutadanes',
    'Mi espacio: hub de carpetas ciudadanas',
    "My space: hub of citizens' folders",
  ]),
  IARXIU: other('IARXIU', 'iArxiu', [
    'iArxiu: preservació i arxiu electrònic',
    'iArxiu: preservación y archivo electrónico',
    'iArxiu: electronic preservation and archive',
  ]),
  HESTIA: other('HESTIA', 'Hèstia', ['Hèstia', 'Hèstia', 'Hèstia']),
  ORGANS: other('ORGANS', 'Òrgans col·legiats', [
    "Òrgans col·legiats: convocatòria d'òrgans col·legiats",
    'Órganos colegiados: convocatoria de órganos colegiados',
    'Collegiate bodies: convening collegiate bodies',
  ]),
  RPC: other('RPC', 'RPC', [
    'RPC: Registre Públic de Contractes',
    'RPC: Registro Público de Contratos',
    'RPC: public register of contracts',
  ]),
  DOGC: other('DOGC', 'DOGC', ['Publicació al DOGC', 'Publicación en el DOGC', 'Publication in the DOGC']),
  REPRESENTA: other('REPRESENTA', 'REPRESENTA', [
    'REPRESENTA: registre de representacions',
    'REPRESENTA: registro de representaciones',
    'REPRESENTA: representation register',
  ]),
  SCT_DEV: other('SCT_DEV', 'SCT-DEV', [
    'SCT-DEV: consulta de credencials per DNI (Servei Català de Trànsit)',
    'SCT-DEV: consulta de credenciales por DNI (Servei Català de Trànsit)',
    'SCT-DEV: credential look-ups by DNI (Servei Català de Trànsit)',
  ]),
  SEGELL: other('SEGELL', 'Segell de temps', ['Segell de temps', 'Sello de tiempo', 'Time stamping']),
  SIGNADOR: other('SIGNADOR', 'Signador centralitzat', [
    'Signador centralitzat',
    'Firmador centralizado',
    'Centralised signing service',
  ]),
  VALID: other('VALID', 'VALId', [
    "VALId: validador d'identitats i eina de signatura",
    'VALId: validador de identidades y herramienta de firma',
    'VALId: identity validator and signing tool',
  ]),
  VALIDADOR: other('VALIDADOR', 'Validador', [
    'Validador: validació de certificats i signatures',
    'Validador: validación de certificados y firmas',
    'Validador: certificate and signature validation',
  ]),
};

export function isKnownService(value: string): value is KnownServiceId {
  return (SERVICE_IDS as readonly string[]).includes(value);
}
