import { useMemo, useState } from 'react';
import { classify, type Classification } from '../../domain/classifier';
import type { FormReading } from '../../domain/form/schema';
import { parseCif, parsePersonNif } from '../../domain/identifiers';
import { findIdentifiers, type FoundIdentifiers } from '../checks/extract';
import { loadJson, saveJson, ticketKey } from '../storage';
import type { TicketSnapshot } from '../ticket/read-ticket';
import { applyOverride, isOverride, type Override } from './effective';

/**
 * The ticket's classification: the automatic one, the agent's corrections (kept per ticket in
 * the browser) and the result the rest of the app uses; and the identifiers found in its text.
 */
export interface ClassificationState {
  readonly auto: Classification;
  readonly classification: Classification;
  readonly override: Override;
  readonly setOverride: (o: Override) => void;
  readonly found: FoundIdentifiers;
}

/**
 * `form`: the ens's request form when one was read; it goes to the classifier (which decides
 * services and products from it) and names the technical contact (the PSCP user) and the ens.
 */
export function useClassification(ticket: TicketSnapshot, altaTag: string, form?: FormReading): ClassificationState {
  const key = ticketKey('override', ticket.id);
  const [override, setOverrideState] = useState<Override>(() => loadJson(key, {}, isOverride));
  const auto = useMemo(
    () => classify(form === undefined ? ticket.input : { ...ticket.input, form }, { altaTag }),
    [ticket.input, form, altaTag],
  );
  const classification = useMemo(() => applyOverride(auto, override), [auto, override]);
  const found = useMemo((): FoundIdentifiers => {
    const fromText = findIdentifiers(`${ticket.input.subject}\n${ticket.input.description}`);
    if (form === undefined || 'reason' in form) return fromText;
    // The form says who the technical contact and the ens are; the text may not.
    const contact = parsePersonNif(form.technicalContact.nif ?? '');
    const ens = parseCif(form.ens.nif ?? '');
    const personNif = contact.ok ? contact.value : fromText.personNif;
    const cif = ens.ok ? ens.value : fromText.cif;
    return {
      ...fromText,
      ...(personNif === undefined ? {} : { personNif }),
      ...(cif === undefined ? {} : { cif }),
    };
  }, [ticket.input, form]);
  const setOverride = (o: Override): void => {
    setOverrideState(o);
    saveJson(key, Object.keys(o).length === 0 ? undefined : o);
  };
  return { auto, classification, override, setOverride, found };
}
