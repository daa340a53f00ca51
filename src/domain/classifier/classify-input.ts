import { classifyTicket } from './classify';
import { DEFAULT_CLASSIFIER_OPTIONS, type ClassifierOptions } from './options';
import { TicketSchema, type Classification, type TicketInput } from './schema';

/**
 * Classifies a ticket given in any form the contract allows (ids as numbers, attachments as
 * Zendesk's objects, a hand-written form reading): read by the contract's schema, then classified.
 * The sidebar's first view, whose ticket its own reader already built in the read form, calls
 * `classifyTicket` and loads no schema.
 */
export function classify(input: TicketInput, options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS): Classification {
  return classifyTicket(TicketSchema.parse(input), options);
}
