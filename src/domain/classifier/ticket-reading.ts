import { readAttachments, type AttachmentFacts } from './attachments';
import { readTicket, type Mention, type ReadPassage } from './reading';
import type { ClassifierOptions, Ticket } from './schema';

/**
 * Everything the classifier's stages read from one ticket: the lexicon's mentions by passage, what
 * the attachment names tell, the tags. (Named apart from the procedures' `Facts`, which are the
 * desk's answers to a procedure's questions.)
 */
export interface TicketReading {
  readonly ticket: Ticket;
  readonly mentions: readonly Mention[];
  readonly passages: readonly ReadPassage[];
  /** Mentions in the ens's own words (subject and the description's own text). */
  readonly own: readonly Mention[];
  /** Own words plus signature, organisation and requester: where a sender says who it is. */
  readonly nearOwn: readonly Mention[];
  readonly attachments: AttachmentFacts;
  readonly attachmentNames: readonly string[];
  readonly tags: readonly string[];
  /** The ticket carries the installation's "altes de serveis" tag. */
  readonly altaTag: boolean;
}

export function readForClassifier(ticket: Ticket, options: ClassifierOptions): TicketReading {
  const { passages, mentions } = readTicket(ticket);
  const tags = ticket.tags ?? [];
  const attachmentNames = ticket.attachments ?? [];
  const altaTagName = options.altaTag.trim().toLowerCase();
  return {
    ticket,
    mentions,
    passages,
    own: mentions.filter((m) => m.zone === 'own'),
    nearOwn: mentions.filter((m) => m.zone === 'own' || m.zone === 'signature' || m.zone === 'meta'),
    attachments: readAttachments(attachmentNames),
    attachmentNames,
    tags,
    altaTag: altaTagName.length > 0 && tags.some((t) => t.trim().toLowerCase() === altaTagName),
  };
}
