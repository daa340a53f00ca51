import type { Classification } from '../../domain/classifier';
import { isFormRead, type FormReading } from '../../domain/form/schema';

/**
 * Where the ticket's text and the request form disagree: what the text asks (classified without
 * the form) that the form does not tick. The form decides; the agent is told, to check with the ens.
 */
export interface FormDisagreement {
  readonly services: readonly string[];
  readonly products: readonly string[];
}

export function textVersusForm(
  fromText: Classification | undefined,
  form: FormReading | undefined,
): FormDisagreement | undefined {
  if (fromText === undefined || !isFormRead(form)) return undefined;
  const ticked = new Set<string>([...form.services, ...form.products]);
  // Via Oberta is implied by any product ticked, as the classifier reads the form.
  if (form.products.length > 0) ticked.add('VO');
  const services = fromText.service === 'UNKNOWN' || ticked.has(fromText.service) ? [] : [fromText.service];
  const products = fromText.products.filter((p) => !ticked.has(p));
  return services.length + products.length === 0 ? undefined : { services, products };
}
