import { useMemo, useState } from 'react';
import { classify, type Classification } from '../../domain/classifier';
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

export function useClassification(ticket: TicketSnapshot, altaTag: string): ClassificationState {
  const key = ticketKey('override', ticket.id);
  const [override, setOverrideState] = useState<Override>(() => loadJson(key, {}, isOverride));
  const auto = useMemo(() => classify(ticket.input, { altaTag }), [ticket.input, altaTag]);
  const classification = useMemo(() => applyOverride(auto, override), [auto, override]);
  const found = useMemo(() => findIdentifiers(`${ticket.input.subject}\n${ticket.input.description}`), [ticket.input]);
  const setOverride = (o: Override): void => {
    setOverrideState(o);
    saveJson(key, Object.keys(o).length === 0 ? undefined : o);
  };
  return { auto, classification, override, setOverride, found };
}
