/**
 * The AOC services whose integration is asked through the request form, with the identifiers of
 * the classification contract. `UNKNOWN` is the classifier's answer when no integration is asked.
 * The data are the catalogue file's (data/catalogue.json).
 */
import { catalogueService, recordOf } from './catalogue';
import { SERVICE_IDS, type KnownServiceId } from './ids';

export { SERVICE_IDS, isKnownService, type KnownServiceId, type ServiceId } from './ids';

export interface ServiceInfo {
  readonly id: KnownServiceId;
  /** Name as the desk writes it. */
  readonly name: string;
  readonly description: { readonly ca: string; readonly es: string; readonly en: string };
  /** True when the service has Via Oberta products (catalogue below). */
  readonly hasProducts: boolean;
  /** True when the desk's manual has a procedure page for the service. */
  readonly manualPage: boolean;
}

function info(id: KnownServiceId): ServiceInfo {
  const s = catalogueService(id);
  return { id, name: s.name, description: s.description, hasProducts: id === 'VO', manualPage: s.manualPage };
}

export const SERVICES: Readonly<Record<KnownServiceId, ServiceInfo>> = recordOf(SERVICE_IDS, info);

/**
 * SetDIBA's own services (setdiba-integracions: "Serveis: MUX, e-NOTUM, e-TAULER, OVER"; "Entorns:
 * directament a PRO"): the SetDIBA procedure covers these only. SetDIBA asking for anything else (a
 * Via Oberta product, PSCP) follows that service's own procedure, PRE first, although the
 * classification says PRO for every SetDIBA ticket as the classification contract's environment rule
 * does.
 */
export const SETDIBA_OWN_SERVICES: readonly KnownServiceId[] = ['MUX', 'ENOTUM', 'ETAULER', 'OVER'];
