import type { KnownServiceId } from '../catalogue/services';
import type { ProductId } from '../catalogue/products';

/** The lexicon's shapes: what a phrase means, and an entry of phrases with one meaning. */
/**
 * What a scope trigger says of the service and product mentions it covers (NegEx / ConText):
 * `negated` not wanted ("no volem", "no hace falta"), `historical` already there or asked before
 * ("ja tenim", "igual que hicimos con"), `hypothetical` maybe later ("més endavant"), `other-subject`
 * an office whose name shares a product's words ("l'Oficina de Padró"), `elsewhere` asked in another
 * ticket ("us obrirem un altre tiquet per al MUX"), `only` the ticket asks for these and nothing
 * else ("únicament l'e-NOTUM").
 */
export type ScopeKind = 'negated' | 'historical' | 'hypothetical' | 'other-subject' | 'elsewhere' | 'only';
/** `forward` covers what follows the trigger, `backward` what precedes it ("el Cadastre no el volem"). */
export type ScopeDirection = 'forward' | 'backward' | 'both';

/** What a ticket asks when it asks no integration (the topic of an "another matter" cue). */
export type OtherTopic =
  'incident' | 'contact-change' | 'certificate' | 'statistics' | 'question' | 'account' | 'invoice' | 'other';

export type Meaning =
  | { readonly kind: 'service'; readonly service: KnownServiceId }
  /**
   * `org` names the provider only ("DGT"); `data` names a data set ("permisos de conduir");
   * `modality` is an AOC modality code (`CodigoCertificado`, "ECOT101").
   */
  | {
      readonly kind: 'product';
      readonly product: ProductId;
      readonly level: 'org' | 'data' | 'modality';
      readonly modality?: string;
      /** False for a modality code that is an ordinary word: it does not ask for its product. */
      readonly implies?: boolean;
    }
  /** EACAT: the desk's extranet; tickets sometimes say EACAT when they mean OVER. */
  | { readonly kind: 'eacat' }
  | { readonly kind: 'intent'; readonly weight: number }
  | { readonly kind: 'problem'; readonly weight: number; readonly topic: OtherTopic }
  | { readonly kind: 'toProduction' }
  | { readonly kind: 'homologation' }
  | { readonly kind: 'deliver' }
  | { readonly kind: 'setdiba' }
  | { readonly kind: 'diputacio' }
  | { readonly kind: 'severalEns' }
  | { readonly kind: 'mass' }
  | { readonly kind: 'coetc' }
  /** "una altra comunitat autònoma", "resto de CCAA": the other regions' variant of a product. */
  | { readonly kind: 'otherRegions' }
  /** Catalonia named ("Catalunya", "ICASS"): with `otherRegions`, both variants are asked. */
  | { readonly kind: 'catalonia' }
  | {
      readonly kind: 'scope';
      readonly scope: ScopeKind;
      readonly direction: ScopeDirection;
      /** Content words after the trigger within which the (first) covered mention must start. */
      readonly window?: number;
      /**
       * The trigger counts only after a verb of having earlier in the sentence ("tenemos VALId
       * integrado", "tenim el padró funcionant"): a state participle by itself ("volem el padró
       * integrat") is not a history.
       */
      readonly afterHaving?: boolean;
    }
  /** A verb of having ("tenim", "tenemos", "disposem"): opens the way for `afterHaving` triggers. */
  | { readonly kind: 'having' }
  /**
   * Closes a scope. `ask` (a verb of asking: "volem", "solicitamos") closes scopes in both
   * directions; `contrast` ("però", "ara", "i també") closes forward scopes.
   */
  | { readonly kind: 'terminator'; readonly strength: 'ask' | 'contrast' };

export type Layer = 'entity' | 'cue' | 'scope';

export interface LexiconEntry {
  readonly layer: Layer;
  readonly meaning: Meaning;
  readonly phrases: readonly string[];
  /** Not a match when a number follows ("DNI 12345678Z" is someone's ID, not the DNI service). */
  readonly notBeforeNumber?: boolean;
  /** A match only when a number follows ("des del 2021": a date, not an office "des de l'Àrea"). */
  readonly beforeNumber?: boolean;
  /** A match only when "de" follows: "l'aplicació de padró" (named after), not "l'aplicació amb l'AEAT". */
  readonly beforeOf?: boolean;
  /**
   * A match only when an article and "de", or "de" itself, follow: "el antiguo, no el de la
   * plataforma DGT PID", "la TGSS, no la del SEPE", "es de la Agencia Tributaria, no del Catastro"
   * (a noun phrase negated by contrast), not "no el tenim".
   */
  readonly beforeArticleOf?: boolean;
}
