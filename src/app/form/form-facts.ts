import { isFormRead, type FormReading } from '../../domain/form/schema';
import { parseCif, parseNif, parsePersonNif } from '../../domain/identifiers';

/**
 * What the ens's request form gives the checks and the replies: the ens's name and CIF, the
 * technical contact's NIF (the PSCP user), the integrator company. Identifiers are kept only
 * when valid, and each stays in its own role: the integrator's NIF is never the ens's CIF.
 */
export interface FormFacts {
  readonly ensName?: string;
  readonly ensCif?: string;
  readonly contactNif?: string;
  readonly integrator?: { readonly name?: string; readonly nif?: string };
}

export function formFacts(reading: FormReading | undefined): FormFacts | undefined {
  if (!isFormRead(reading)) return undefined;
  const ensCif = parseCif(reading.ens.nif ?? '');
  const contactNif = parsePersonNif(reading.technicalContact.nif ?? '');
  const integrator = reading.integrator;
  const integratorNif = parseNif(integrator?.nif ?? '');
  const company = integrator?.company ?? undefined;
  return {
    ...(reading.ens.name === null ? {} : { ensName: reading.ens.name }),
    ...(ensCif.ok ? { ensCif: ensCif.value } : {}),
    ...(contactNif.ok ? { contactNif: contactNif.value } : {}),
    ...(integrator === null || (company === undefined && !integratorNif.ok)
      ? {}
      : {
          integrator: {
            ...(company === undefined ? {} : { name: company }),
            ...(integratorNif.ok ? { nif: integratorNif.value } : {}),
          },
        }),
  };
}
