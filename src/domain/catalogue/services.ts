/**
 * The AOC services whose integration the desk handles, with the identifiers fixed by the
 * classification contract. `UNKNOWN` is the classifier's answer when no integration is asked.
 */
export const SERVICE_IDS = ['PSCP', 'ELICITA', 'VO', 'MUX', 'ENOTUM', 'ETAULER', 'OVER'] as const;
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
      ca: 'OVER: oficina virtual de tràmits (de vegades anomenada EACAT)',
      es: 'OVER: oficina virtual de trámites (a veces llamada EACAT)',
      en: 'OVER: virtual procedures office (sometimes called EACAT)',
    },
    hasProducts: false,
  },
};

export function isKnownService(value: string): value is KnownServiceId {
  return (SERVICE_IDS as readonly string[]).includes(value);
}
