import { z } from '../zod';
import { TEMPLATE_IDS, type TemplateId } from './ids';
import { Var, type TemplateText, type VariableName } from './variables';

export { TEMPLATE_IDS, type TemplateId } from './ids';

export const TEMPLATE_LANGUAGES = ['ca', 'es'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/** Who reads the message; decides the channel and whether a Spanish version is owed. */
export type Audience = 'ens' | 'head-of-service' | 'minhap' | 'collegi' | 'signatory';

export interface TemplateDefinition {
  readonly id: TemplateId;
  /** The name the template list shows, in the agent's language (not the reply's). */
  readonly title: TemplateText;
  readonly audience: Audience;
  /** Public reply to the requester, or internal note (texts the agent copies elsewhere). */
  readonly channel: 'publicReply' | 'internalNote';
  readonly languages: readonly TemplateLanguage[];
  /** The variables its text uses, by name (`vars(...)`): their rules are `Var`'s. */
  readonly variables: z.ZodObject;
  /** Seed page and section the text comes from. */
  readonly source: string;
  /** True when the manual states the rule but gives no text: the message was written from it. */
  readonly derived?: boolean;
  /**
   * A message otherwise the manual's with a part written from its rule: which part (the app says
   * so next to the reply, in the agent's language: `replies.derivedParts.<key>`). The template
   * marks that part's element with `data-derived="<key>"`; every other sentence is the manual's.
   */
  readonly derivedParts?: 'oldPscp' | 'authorisationsTable' | 'userNif' | 'procedureCode';
  /** Partials (shared blocks) the template includes. */
  readonly partials?: readonly string[];
}

const def = (d: TemplateDefinition): TemplateDefinition => d;
const BOTH: readonly TemplateLanguage[] = ['ca', 'es'];

/** The schema of a template's values: the variables named, each with its rule from `Var`. */
function vars(...names: readonly VariableName[]): z.ZodObject {
  return z.object(Object.fromEntries(names.map((name) => [name, Var[name]])));
}

/**
 * The desk's ready-made messages ("missatges tipus"), one entry per message of the manual, with
 * the languages it exists in, who it is for, how it goes into the ticket, the variables it needs
 * and where in the manual it comes from. The texts themselves are the `.hbs` files in messages/
 * (`<id>.<language>.hbs`), written as the manual writes them.
 */
export const TEMPLATES: Readonly<Record<TemplateId, TemplateDefinition>> = {
  'pscp-confirmacio-ws': def({
    id: 'pscp-confirmacio-ws',
    title: {
      ca: 'PSCP: confirmar la integració via WebService (sol·licitud no rebuda)',
      es: 'PSCP: confirmar la integración vía WebService (solicitud no recibida)',
      en: 'PSCP: confirm the integration by web service (request not received)',
    },
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: vars('ensName', 'oldPscpIntegration'),
    source: 'pscp-alta-integracio · Integració a PRE · primer missatge',
    derivedParts: 'oldPscp',
  }),
  'pscp-elicita-sense-pscp': def({
    id: 'pscp-elicita-sense-pscp',
    title: {
      ca: 'eLICITA: cal integració prèvia amb la PSCP',
      es: 'eLICITA: hace falta una integración previa con la PSCP',
      en: 'eLICITA: a prior integration with the PSCP is needed',
    },
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: vars('ensName'),
    source: 'pscp-alta-integracio · Es podran integrar amb eLicita si tenen integració prèvia amb PSCP',
    derived: true,
  }),
  'pscp-documentacio': def({
    id: 'pscp-documentacio',
    title: {
      ca: "PSCP: documentació d'integració i camps de la missatgeria",
      es: 'PSCP: documentación de integración y campos de la mensajería',
      en: 'PSCP: integration documentation and the messaging fields',
    },
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: vars(),
    source: 'pscp-alta-integracio · Integració a PRE · missatge després de la confirmació',
  }),
  'pscp-inici-homologacio': def({
    id: 'pscp-inici-homologacio',
    title: {
      ca: "PSCP: fi d'alta a PRE i inici de l'homologació",
      es: 'PSCP: fin del alta en PRE e inicio de la homologación',
      en: 'PSCP: PRE set-up done, the homologation starts',
    },
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: vars('userNif'),
    source: "pscp-alta-integracio · 4- Missatge fi d'alta",
    derivedParts: 'userNif',
  }),
  'pscp-derivacio-cap-servei': def({
    id: 'pscp-derivacio-cap-servei',
    title: {
      ca: 'PSCP: derivar el pas a PRO a la cap de servei',
      es: 'PSCP: derivar el paso a PRO a la jefatura de servicio',
      en: 'PSCP: refer the move to PRO to the head of service',
    },
    audience: 'head-of-service',
    channel: 'internalNote',
    languages: ['ca'],
    variables: vars('headOfServiceName', 'ensName'),
    source: 'pscp-alta-integracio · Integració a PRO · Pas 2',
  }),
  'pscp-fi-alta-pro': def({
    id: 'pscp-fi-alta-pro',
    title: {
      ca: "PSCP: fi d'alta a PRO",
      es: 'PSCP: fin del alta en PRO',
      en: 'PSCP: PRO set-up done',
    },
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: vars(),
    source: "pscp-alta-integracio · Integració a PRO · Pas 4: Finalitzar l'alta",
  }),
  'vo-no-via-alta': def({
    id: 'vo-no-via-alta',
    title: {
      ca: "VO: la integració ha de venir per altes de serveis d'EACAT (i tancar)",
      es: 'VO: la integración debe llegar por las altas de servicios de EACAT (y cerrar)',
      en: "VO: the integration must come through EACAT's service requests (and close)",
    },
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: vars(),
    source: 'vo-integracio · Totes les altes de VO han de venir per altes de Serveis',
  }),
  'vo-multi-ambit': def({
    id: 'vo-multi-ambit',
    title: {
      ca: 'VO: un tiquet per àmbit',
      es: 'VO: un tique por ámbito',
      en: 'VO: one ticket per àmbit',
    },
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: vars('services', 'ambits'),
    source: "vo-integracio · IMPORTANT: més d'un servei de diferents àmbits",
    derived: true,
  }),
  'vo-copia-alta-sense-docs': def({
    id: 'vo-copia-alta-sense-docs',
    title: {
      ca: "VO: còpia d'un tiquet d'alta sense formulari ni CDA",
      es: 'VO: copia de un tique de alta sin formulario ni CDA',
      en: 'VO: copy of a set-up ticket without form or CDA',
    },
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: vars('services'),
    source: "vo-integracio · Pas 0 · Integració que arriba com a Còpia d'un tiquet d'alta",
  }),
  'vo-corpme-pro': def({
    id: 'vo-corpme-pro',
    title: {
      ca: 'VO CORPME: alta a producció, sense credencials a PRE',
      es: 'VO CORPME: alta en producción, sin credenciales en PRE',
      en: 'VO CORPME: set-up in production, no credentials in PRE',
    },
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: vars('authorisations'),
    source: 'vo-integracio · Altes especials · CORPME',
  }),
  'vo-dcoc-permis-collegi': def({
    id: 'vo-dcoc-permis-collegi',
    title: {
      ca: 'VO DCOC: demanar permís al col·legi (correu al col·legi)',
      es: 'VO DCOC: pedir permiso al colegio (correo al colegio)',
      en: 'VO DCOC: ask the col·legi for permission (e-mail to the col·legi)',
    },
    audience: 'collegi',
    channel: 'internalNote',
    languages: ['ca'],
    variables: vars('collegiEmail', 'copyTo', 'ensName', 'collegiCode', 'collegiName', 'ticketId'),
    source: 'vo-integracio · Altes especials · DCOC; Pas 1 · Per les altes dels Col·legis',
  }),
  'vo-coetc': def({
    id: 'vo-coetc',
    title: {
      ca: 'VO COETC: no hi ha integració (i tancar)',
      es: 'VO COETC: no hay integración (y cerrar)',
      en: 'VO COETC: there is no integration (and close)',
    },
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: vars(),
    source: 'vo-integracio · Pas 1 · ALERTA COETC',
  }),
  'vo-padro': def({
    id: 'vo-padro',
    title: {
      ca: 'VO Padró: desplegament del padró telemàtic',
      es: 'VO Padrón: despliegue del padrón telemático',
      en: 'VO Padró: roll-out of the online municipal register',
    },
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: vars('supportEmail', 'firewallAddresses', 'internalTicketRef'),
    source: 'vo-integracio · Altes especials · PADRÓ',
  }),
  'minhap-caid': def({
    id: 'minhap-caid',
    title: {
      ca: 'MINHAP: petició al CAID per a PRE (en castellà)',
      es: 'MINHAP: petición al CAID para PRE (en castellano)',
      en: 'MINHAP: request to the CAID for PRE (in Spanish)',
    },
    audience: 'minhap',
    channel: 'internalNote',
    languages: ['es'],
    variables: vars('ensName', 'services', 'ine10Proves'),
    source: 'vo-integracio · Pas 3 · Missatge tipus per tramitar al CAID',
    derivedParts: 'procedureCode',
  }),
  'portasignatures-signatura': def({
    id: 'portasignatures-signatura',
    title: {
      ca: 'MINHAP: demanar la signatura del formulari (PortaSignatures)',
      es: 'MINHAP: pedir la firma del formulario (PortaSignatures)',
      en: "MINHAP: ask for the form's signature (PortaSignatures)",
    },
    audience: 'signatory',
    channel: 'internalNote',
    languages: ['ca'],
    variables: vars('signatoryName', 'ensName', 'services'),
    source: 'vo-integracio · Pas 3 · Demanar la signatura del Word',
  }),
  'vo-aeat-cda': def({
    id: 'vo-aeat-cda',
    title: {
      ca: "VO AEAT: registrar el CDA a l'AEAT",
      es: 'VO AEAT: registrar el CDA en la AEAT',
      en: 'VO AEAT: register the CDA with the AEAT',
    },
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: vars('aeatContactEmail', 'autoCloseDays'),
    source: "vo-integracio · Pas 4 · Adjuntar CDA a l'AEAT",
  }),
  'vo-homologacio': def({
    id: 'vo-homologacio',
    title: {
      ca: "VO: autoritzat a PRE, demanar el document d'homologació",
      es: 'VO: autorizado en PRE, pedir el documento de homologación',
      en: 'VO: authorised in PRE, ask for the homologation document',
    },
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: vars('services', 'authorisationRows'),
    source: 'vo-integracio · Pas 6 Homologació',
    derivedParts: 'authorisationsTable',
    partials: ['_vo-docs-ambits'],
  }),
  'vo-fi-alta': def({
    id: 'vo-fi-alta',
    title: {
      ca: "VO: fi d'alta després de l'homologació (PRE i PRO)",
      es: 'VO: fin del alta después de la homologación (PRE y PRO)',
      en: 'VO: set-up done after the homologation (PRE and PRO)',
    },
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: vars('services'),
    source: "vo-integracio · Pas 0 · Missatge per finalitzar l'alta després de passar l'homologació",
    partials: ['_vo-docs-ambits'],
  }),
};

export function isTemplateId(value: string): value is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(value);
}
