import type { Ticket } from '../../domain/classifier/schema';
import { ZendeskError, type GetResult, type ZendeskPort } from '../../zendesk/port';
import { isRecord } from '../../domain/is-record';

/**
 * Reads the open ticket through the port into the classifier's input, plus what the app needs
 * besides (its id, the requester's language, status, tags).
 */
export interface TicketSnapshot {
  readonly id: number;
  /** The ticket as the classifier reads it (already in the contract's read form: no schema to apply). */
  readonly input: Ticket;
  readonly requesterLocale?: string;
  readonly status: string;
  readonly tags: readonly string[];
}

export const TICKET_PATHS = [
  'ticket.id',
  'ticket.subject',
  'ticket.description',
  'ticket.requester',
  'ticket.organization',
  'ticket.tags',
  'ticket.comments',
  'ticket.status',
] as const;

/** Events after which the ticket is read again. */
export const TICKET_EVENTS = [
  'ticket.subject.changed',
  'ticket.description.changed',
  'ticket.tags.changed',
  'ticket.requester.changed',
  'ticket.requester.id.changed',
  'ticket.organization.changed',
  'ticket.comments.changed',
] as const;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function attachmentNames(comments: unknown): string[] {
  if (!Array.isArray(comments)) return [];
  const names: string[] = [];
  for (const c of comments) {
    if (!isRecord(c) || !Array.isArray(c.attachments)) continue;
    for (const a of c.attachments) {
      const name = isRecord(a) ? (a.filename ?? a.fileName ?? a.name) : undefined;
      if (typeof name === 'string' && name.length > 0) names.push(name);
    }
  }
  return names;
}

export async function readTicket(port: ZendeskPort): Promise<TicketSnapshot> {
  return ticketSnapshot(await port.get(TICKET_PATHS));
}

/** The snapshot from Zendesk's answer to TICKET_PATHS. */
export function ticketSnapshot({ values, errors }: GetResult): TicketSnapshot {
  const essential = ['ticket.subject', 'ticket.description'].filter((p) => p in errors);
  if (essential.length > 0) {
    throw new ZendeskError(essential.map((p) => `${p}: ${errors[p] ?? ''}`).join('; '));
  }
  const requester = isRecord(values['ticket.requester']) ? values['ticket.requester'] : {};
  const organization = isRecord(values['ticket.organization']) ? values['ticket.organization'] : null;
  const tags = Array.isArray(values['ticket.tags'])
    ? values['ticket.tags'].filter((t): t is string => typeof t === 'string')
    : [];
  const id = typeof values['ticket.id'] === 'number' ? values['ticket.id'] : Number(values['ticket.id'] ?? 0);
  const locale = str(requester.locale);
  return {
    id: Number.isFinite(id) ? id : 0,
    input: {
      id: String(Number.isFinite(id) ? id : 0),
      subject: str(values['ticket.subject']),
      description: str(values['ticket.description']),
      requester: { name: str(requester.name), email: str(requester.email) },
      organization: organization === null ? null : { name: str(organization.name) },
      tags,
      attachments: attachmentNames(values['ticket.comments']),
    },
    ...(locale === '' ? {} : { requesterLocale: locale }),
    status: str(values['ticket.status']),
    tags,
  };
}
