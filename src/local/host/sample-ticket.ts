import { attachmentName, type TicketInput } from '../../domain/classifier';
import { memoryTicket, type MemoryTicket } from '../../zendesk/memory-adapter';

/** A sample ticket (the corpora's input shape) as the in-memory Zendesk holds it. */
export function toMemoryTicket(t: TicketInput, id: number): MemoryTicket {
  return memoryTicket({
    id,
    subject: t.subject,
    description: t.description,
    tags: [...(t.tags ?? [])],
    requester: {
      id: 500 + id,
      name: t.requester?.name ?? 'Sol·licitant',
      email: t.requester?.email ?? 'sollicitant@example.org',
      locale: 'ca',
    },
    organization: t.organization?.name ? { id: 700 + id, name: t.organization.name } : null,
    comments: [
      {
        author: t.requester?.name ?? 'Sol·licitant',
        body: t.description,
        attachments: (t.attachments ?? []).map(attachmentName),
      },
    ],
  });
}
