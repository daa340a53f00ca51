/** The options an installation sets (the alta tag's name is an app setting). */
export interface ClassifierOptions {
  /** Tag that tickets from the EACAT "altes de serveis" form carry. */
  readonly altaTag: string;
}

export const DEFAULT_CLASSIFIER_OPTIONS: ClassifierOptions = { altaTag: 'alta_servei' };
