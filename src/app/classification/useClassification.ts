import { useMemo, useState } from 'react';
import { classifyTicket } from '../../domain/classifier/classify';
import type { Classification, Ticket } from '../../domain/classifier/schema';
import { isFormRead, type FormReading } from '../../domain/form/schema';
import { findIdentifiers, type FoundIdentifiers } from '../checks/extract';
import { textVersusForm, type FormDisagreement } from '../form/disagreement';
import { formFacts } from '../form/form-facts';
import { loadJson, saveJson, ticketKey } from '../storage';
import type { TicketSnapshot } from '../ticket/read-ticket';
import { applyOverride, isOverride, type Override } from './effective';

/**
 * The ticket's classification: the automatic one, the agent's corrections (kept per ticket in
 * the browser) and the result the rest of the app uses; and the identifiers found in its text.
 */
export interface ClassificationState {
  /** The ticket as the classifier read it (with the request form when one was read). */
  readonly input: Ticket;
  readonly auto: Classification;
  readonly classification: Classification;
  readonly override: Override;
  readonly setOverride: (o: Override) => void;
  readonly found: FoundIdentifiers;
  /** What the text asks that the read form does not tick (the form decides). */
  readonly formDisagreement: FormDisagreement | undefined;
}

/**
 * `form`: the ens's request form when one was read; it goes to the classifier (which decides
 * services and products from it) and names the technical contact (the PSCP user) and the ens.
 */
export function useClassification(ticket: TicketSnapshot, altaTag: string, form?: FormReading): ClassificationState {
  const key = ticketKey('override', ticket.id);
  const [override, setOverrideState] = useState<Override>(() => loadJson(key, {}, isOverride));
  const input = useMemo(
    (): Ticket => (form === undefined ? ticket.input : { ...ticket.input, form }),
    [ticket.input, form],
  );
  const auto = useMemo(() => classifyTicket(input, { altaTag }), [input, altaTag]);
  const classification = useMemo(() => applyOverride(auto, override), [auto, override]);
  const formDisagreement = useMemo(
    () => (isFormRead(form) ? textVersusForm(classifyTicket(ticket.input, { altaTag }), form) : undefined),
    [ticket.input, form, altaTag],
  );
  const found = useMemo((): FoundIdentifiers => {
    const fromText = findIdentifiers(`${ticket.input.subject}\n${ticket.input.description}`);
    const facts = formFacts(form);
    if (facts === undefined) return fromText;
    // The form says who the technical contact and the ens are; the text may not.
    const personNif = facts.contactNif ?? fromText.personNif;
    // A CIF in the text that is the integrator's is not the ens's.
    const textCif = fromText.cif === facts.integrator?.nif ? undefined : fromText.cif;
    const cif = facts.ensCif ?? textCif;
    return {
      ...(fromText.ine10 === undefined ? {} : { ine10: fromText.ine10 }),
      ...(personNif === undefined ? {} : { personNif }),
      ...(cif === undefined ? {} : { cif }),
      form: facts,
    };
  }, [ticket.input, form]);
  const setOverride = (o: Override): void => {
    setOverrideState(o);
    saveJson(key, Object.keys(o).length === 0 ? undefined : o);
  };
  return { input, auto, classification, override, setOverride, found, formDisagreement };
}
