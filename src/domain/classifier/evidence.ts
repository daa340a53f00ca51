import { INTENTS } from './stages/integration';
import type { ServiceSource } from './stages/service';

/**
 * What each evidence item means, as a stable code with its parameters: the sidebar renders the
 * code from translations/ in the agent's language (`evidence.<code>`), while `means` keeps the
 * English sentence of the contract for the `classify` command and the corpora tools. Parameters
 * are data (ids, codes, the ticket's words), never words of a language.
 */
export const SCOPE_CODES = ['historical', 'negated', 'hypothetical', 'other-subject', 'elsewhere', 'only'] as const;
export type ScopeCode = (typeof SCOPE_CODES)[number];

const SERVICE_SOURCES: readonly ServiceSource[] = ['own', 'form', 'eacat', 'attachments', 'tags', 'quoted'];

export const EVIDENCE_CODES = [
  ...INTENTS.map((i) => `intent.${i}` as const),
  ...SERVICE_SOURCES.map((s) => `service.${s}` as const),
  'service.unknown.problem',
  'service.unknown.notAsked',
  'service.unknown.none',
  ...SCOPE_CODES.map((s) => `notAsked.${s}` as const),
  'notAsked.onlyOther',
  'notAsked.replySubject',
  'notAsked.subjectOnly',
  'product',
  'ambit.single',
  'ambit.mixed',
  'modality',
  'flag.SETDIBA.named',
  'flag.SETDIBA.diputacio',
  'flag.MASS_EXCEL',
  'flag.MULTI_SERVICE',
  'flag.MULTI_AMBIT',
  'flag.AEAT_CERT',
  'flag.PADRO',
  'flag.CORPME',
  'flag.CORPME.entitats',
  'flag.DCOC',
  'flag.MINHAP',
  'flag.COETC',
  'flag.HOMOLOGATION.delivered',
  'flag.HOMOLOGATION.attached',
  'flag.NOT_VIA_ALTA',
  'flag.MISSING_DOCS.form',
  'flag.MISSING_DOCS.blankForm',
  'flag.MISSING_DOCS.certificate',
  'flag.MISSING_DOCS.formAndCertificate',
  'flag.MISSING_DOCS.blankFormAndCertificate',
  'environment.PRO.homologation',
  'environment.PRO.homologationAttached',
  'environment.PRO.toProduction',
  'environment.PRO.straight',
  'environment.PRE.new',
  // Added by the sidebar when the agent corrects a value, not by the classifier.
  'corrected.service',
  'corrected.environment',
  'corrected.ambit',
  'corrected.products',
  'corrected.flags',
] as const;
export type EvidenceCode = (typeof EVIDENCE_CODES)[number];

/** An evidence item's parameters: each `{{name}}` of its translations. */
export type EvidenceParams = Readonly<Record<string, string>>;
