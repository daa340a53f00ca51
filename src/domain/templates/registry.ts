import { z } from '../zod';
import { TEMPLATE_IDS, type TemplateId } from './ids';
import { Var } from './variables';

export { TEMPLATE_IDS, type TemplateId } from './ids';

export const TEMPLATE_LANGUAGES = ['ca', 'es'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/** Who reads the message; decides the channel and whether a Spanish version is owed. */
export type Audience = 'ens' | 'head-of-service' | 'minhap' | 'collegi' | 'signatory';

export interface TemplateDefinition {
  readonly id: TemplateId;
  readonly title: string;
  readonly audience: Audience;
  /** Public reply to the requester, or internal note (texts the agent copies elsewhere). */
  readonly channel: 'publicReply' | 'internalNote';
  readonly languages: readonly TemplateLanguage[];
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

/**
 * The desk's ready-made messages ("missatges tipus"), one entry per message of the manual, with
 * the languages it exists in, who it is for, how it goes into the ticket, the variables it needs
 * and where in the manual it comes from. The texts themselves are the `.hbs` files in messages/
 * (`<id>.<language>.hbs`), written as the manual writes them.
 */
export const TEMPLATES: Readonly<Record<TemplateId, TemplateDefinition>> = {
  'pscp-confirmacio-ws': def({
    id: 'pscp-confirmacio-ws',
    title: 'PSCP: confirmar la integració via WebService (sol·licitud no rebuda)',
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: z.object({ ensName: Var.ensName, oldPscpIntegration: Var.oldPscpIntegration }),
    source: 'pscp-alta-integracio · Integració a PRE · primer missatge',
    derivedParts: 'oldPscp',
  }),
  'pscp-elicita-sense-pscp': def({
    id: 'pscp-elicita-sense-pscp',
    title: 'eLICITA: cal integració prèvia amb la PSCP',
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: z.object({ ensName: Var.ensName }),
    source: 'pscp-alta-integracio · Es podran integrar amb eLicita si tenen integració prèvia amb PSCP',
    derived: true,
  }),
  'pscp-documentacio': def({
    id: 'pscp-documentacio',
    title: "PSCP: documentació d'integració i camps de la missatgeria",
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: z.object({}),
    source: 'pscp-alta-integracio · Integració a PRE · missatge després de la confirmació',
  }),
  'pscp-inici-homologacio': def({
    id: 'pscp-inici-homologacio',
    title: "PSCP: fi d'alta a PRE i inici de l'homologació",
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: z.object({ userNif: Var.userNif }),
    source: "pscp-alta-integracio · 4- Missatge fi d'alta",
    derivedParts: 'userNif',
  }),
  'pscp-derivacio-cap-servei': def({
    id: 'pscp-derivacio-cap-servei',
    title: 'PSCP: derivar el pas a PRO a la cap de servei',
    audience: 'head-of-service',
    channel: 'internalNote',
    languages: ['ca'],
    variables: z.object({ headOfServiceName: Var.headOfServiceName, ensName: Var.ensName }),
    source: 'pscp-alta-integracio · Integració a PRO · Pas 2',
  }),
  'pscp-fi-alta-pro': def({
    id: 'pscp-fi-alta-pro',
    title: "PSCP: fi d'alta a PRO",
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: z.object({}),
    source: "pscp-alta-integracio · Integració a PRO · Pas 4: Finalitzar l'alta",
  }),
  'vo-no-via-alta': def({
    id: 'vo-no-via-alta',
    title: "VO: la integració ha de venir per altes de serveis d'EACAT (i tancar)",
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: z.object({}),
    source: 'vo-integracio · Totes les altes de VO han de venir per altes de Serveis',
  }),
  'vo-multi-ambit': def({
    id: 'vo-multi-ambit',
    title: 'VO: un tiquet per àmbit',
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: z.object({ services: Var.services, ambits: Var.ambits }),
    source: "vo-integracio · IMPORTANT: més d'un servei de diferents àmbits",
    derived: true,
  }),
  'vo-copia-alta-sense-docs': def({
    id: 'vo-copia-alta-sense-docs',
    title: "VO: còpia d'un tiquet d'alta sense formulari ni CDA",
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: z.object({ services: Var.services }),
    source: "vo-integracio · Pas 0 · Integració que arriba com a Còpia d'un tiquet d'alta",
  }),
  'vo-corpme-pro': def({
    id: 'vo-corpme-pro',
    title: 'VO CORPME: alta a producció, sense credencials a PRE',
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: z.object({ authorisations: Var.authorisationsText }),
    source: 'vo-integracio · Altes especials · CORPME',
  }),
  'vo-dcoc-permis-collegi': def({
    id: 'vo-dcoc-permis-collegi',
    title: 'VO DCOC: demanar permís al col·legi (correu al col·legi)',
    audience: 'collegi',
    channel: 'internalNote',
    languages: ['ca'],
    variables: z.object({
      collegiEmail: Var.collegiEmail,
      copyTo: Var.copyTo,
      ensName: Var.ensName,
      collegiCode: Var.collegiCode,
      collegiName: Var.collegiName,
      ticketId: Var.ticketId,
    }),
    source: 'vo-integracio · Altes especials · DCOC; Pas 1 · Per les altes dels Col·legis',
  }),
  'vo-coetc': def({
    id: 'vo-coetc',
    title: 'VO COETC: no hi ha integració (i tancar)',
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: z.object({}),
    source: 'vo-integracio · Pas 1 · ALERTA COETC',
  }),
  'vo-padro': def({
    id: 'vo-padro',
    title: 'VO Padró: desplegament del padró telemàtic',
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: z.object({
      supportEmail: Var.supportEmail,
      firewallAddresses: Var.firewallAddresses,
      internalTicketRef: Var.internalTicketRef,
    }),
    source: 'vo-integracio · Altes especials · PADRÓ',
  }),
  'minhap-caid': def({
    id: 'minhap-caid',
    title: 'MINHAP: petició al CAID per a PRE (en castellà)',
    audience: 'minhap',
    channel: 'internalNote',
    languages: ['es'],
    variables: z.object({ ensName: Var.ensName, services: Var.services, ine10Proves: Var.ine10Proves }),
    source: 'vo-integracio · Pas 3 · Missatge tipus per tramitar al CAID',
    derivedParts: 'procedureCode',
  }),
  'portasignatures-signatura': def({
    id: 'portasignatures-signatura',
    title: 'MINHAP: demanar la signatura del formulari (PortaSignatures)',
    audience: 'signatory',
    channel: 'internalNote',
    languages: ['ca'],
    variables: z.object({ signatoryName: Var.signatoryName, ensName: Var.ensName, services: Var.services }),
    source: 'vo-integracio · Pas 3 · Demanar la signatura del Word',
  }),
  'vo-aeat-cda': def({
    id: 'vo-aeat-cda',
    title: "VO AEAT: registrar el CDA a l'AEAT",
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: z.object({ aeatContactEmail: Var.aeatContactEmail, autoCloseDays: Var.autoCloseDays }),
    source: "vo-integracio · Pas 4 · Adjuntar CDA a l'AEAT",
  }),
  'vo-homologacio': def({
    id: 'vo-homologacio',
    title: "VO: autoritzat a PRE, demanar el document d'homologació",
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: z.object({ services: Var.services, authorisationRows: Var.authorisationRows }),
    source: 'vo-integracio · Pas 6 Homologació',
    derivedParts: 'authorisationsTable',
    partials: ['_vo-docs-ambits'],
  }),
  'vo-fi-alta': def({
    id: 'vo-fi-alta',
    title: "VO: fi d'alta després de l'homologació (PRE i PRO)",
    audience: 'ens',
    channel: 'publicReply',
    languages: BOTH,
    variables: z.object({ services: Var.services }),
    source: "vo-integracio · Pas 0 · Missatge per finalitzar l'alta després de passar l'homologació",
    partials: ['_vo-docs-ambits'],
  }),
};

export function isTemplateId(value: string): value is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(value);
}
