import blindTickets from '../../tests/fixtures/blind-tickets.json';
import devTickets from '../../tests/fixtures/dev-tickets.json';
import ownTickets from '../../tests/fixtures/tickets.json';
import type { TicketInput } from '../domain/classifier';
import { ENS_LIST_SAMPLES } from './ens-list-samples';
import { FORM_SAMPLES } from './form-samples';

/**
 * Sample tickets for the local run: the desk's labelled development tickets, the project's own,
 * the ones whose request form is a real PDF (`form-samples.ts`) and the ones with a list of ens in
 * Excel (`ens-list-samples.ts`), last so that the others keep their places.
 */
interface Labelled {
  readonly ticket: TicketInput;
}

export const SAMPLE_TICKETS: readonly TicketInput[] = [
  ...(devTickets as Labelled[]),
  ...(ownTickets as Labelled[]),
  ...(blindTickets as Labelled[]),
  ...FORM_SAMPLES,
  ...ENS_LIST_SAMPLES,
].map((l) => l.ticket);

/** The Zendesk ticket id the local page and the local Zendesk API give the sample at `index`. */
export function localTicketId(index: number): number {
  return 1000 + index;
}
