import blindTickets from '../../tests/fixtures/blind-tickets.json';
import devTickets from '../../tests/fixtures/dev-tickets.json';
import ownTickets from '../../tests/fixtures/tickets.json';
import type { TicketInput } from '../domain/classifier';

/** Sample tickets for the local run: the desk's labelled development tickets and the project's own. */
interface Labelled {
  readonly ticket: TicketInput;
}

export const SAMPLE_TICKETS: readonly TicketInput[] = [
  ...(devTickets as Labelled[]),
  ...(ownTickets as Labelled[]),
  ...(blindTickets as Labelled[]),
].map((l) => l.ticket);
