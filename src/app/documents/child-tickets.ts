/**
 * One ticket per service (SetDIBA: "si ens obren un tiquet on volen integrar N ajuntaments en N
 * servei ... generar un tiquet per cada servei"). The children are made through Zendesk's Support
 * API with the port's `request`, which in Zendesk runs as the agent: each child has its service,
 * the original's requester, its ajuntaments, and an internal note linking the original; the
 * original gets an internal note linking every child and a tag per service.
 *
 * Never twice: each child carries the external id `aoc-<original>-<service>`; before creating one
 * the app asks Zendesk for a ticket with that external id (a direct list, not the search index, so
 * a child made a second ago is found too), also after a reload or from another agent's sidebar.
 */
import { serviceName, type KnownServiceId } from '../../domain/catalogue';
import type { EnsListRowResult } from '../../shared/api';
import { isRecord } from '../../domain/is-record';
import type { HttpResponse, ZendeskPort } from '../../zendesk/port';
import type { DocumentTranslate } from './texts';

export const childTag = (service: KnownServiceId): string => `aoc_child_${service.toLowerCase()}`;
export const parentTag = (parent: number): string => `aoc_parent_${String(parent)}`;
export const childExternalId = (parent: number, service: KnownServiceId): string =>
  `aoc-${String(parent)}-${service.toLowerCase()}`;
/** On the original, once it has been split. */
export const SPLIT_TAG = 'aoc_split_per_service';

export interface ChildPlan {
  readonly service: KnownServiceId;
  readonly externalId: string;
  readonly subject: string;
  /** The child's first comment (internal): where it comes from and its ajuntaments. */
  readonly body: string;
  readonly tags: readonly string[];
}

export type ChildOutcome =
  | { readonly service: KnownServiceId; readonly status: 'created' | 'existing'; readonly id: number }
  | { readonly service: KnownServiceId; readonly status: 'failed'; readonly httpStatus: number };

export interface ParentTicket {
  readonly id: number;
  readonly subject: string;
  /** The agent's URL of a ticket, for the links in the notes. */
  readonly url: (id: number) => string;
}

const ensLine = (r: EnsListRowResult): string => {
  const name = r.ens?.nom ?? r.name ?? '?';
  const code = r.ens?.ine10 ?? r.ine10 ?? r.cif ?? '';
  return `- ${name}${code === '' ? '' : ` (${code})`}`;
};

/** What each child will hold: its ajuntaments are the list's rows of that service. */
export function childPlans(
  parent: ParentTicket,
  services: readonly KnownServiceId[],
  rows: readonly EnsListRowResult[] | undefined,
  t: DocumentTranslate,
): ChildPlan[] {
  return services.map((service) => {
    const own = rows?.filter((r) => r.services.includes(service) && r.repeats === null) ?? [];
    const ready = own.filter((r) => r.state !== 'invalid');
    const review = own.filter((r) => r.state === 'invalid');
    const lines = [
      t('children.body.intro', {
        service: serviceName(service),
        parent: `#${String(parent.id)}`,
        url: parent.url(parent.id),
      }),
      '',
      rows === undefined
        ? t('children.body.noList')
        : t('children.body.ens', { count: ready.length }) + '\n' + ready.map(ensLine).join('\n'),
      ...(review.length === 0
        ? []
        : [
            '',
            t('children.body.review', { count: review.length }),
            ...review.map((r) => `${ensLine(r)} · ${String(r.row)}`),
          ]),
    ];
    return {
      service,
      externalId: childExternalId(parent.id, service),
      subject: `${serviceName(service)} · ${parent.subject}`,
      body: lines.join('\n'),
      tags: [childTag(service), parentTag(parent.id)],
    };
  });
}

function json(data: unknown): { data: string; contentType: string } {
  return { data: JSON.stringify(data), contentType: 'application/json' };
}

const ticketIdIn = (body: unknown): number | undefined =>
  isRecord(body) && isRecord(body.ticket) && typeof body.ticket.id === 'number' ? body.ticket.id : undefined;

async function existingChild(port: ZendeskPort, externalId: string): Promise<number | undefined | HttpResponse> {
  const found = await port.request({
    url: `/api/v2/tickets.json?external_id=${encodeURIComponent(externalId)}`,
    type: 'GET',
  });
  if (found.status !== 200) return found;
  if (!isRecord(found.body) || !Array.isArray(found.body.tickets)) return undefined;
  const first: unknown = found.body.tickets[0];
  return isRecord(first) && typeof first.id === 'number' ? first.id : undefined;
}

/**
 * Makes the children that do not exist yet, then notes them on the original. A child that fails
 * is told and the others go on; running it again makes only what is missing.
 */
export async function createChildTickets(
  port: ZendeskPort,
  parent: ParentTicket,
  plans: readonly ChildPlan[],
  t: DocumentTranslate,
): Promise<{ readonly children: ChildOutcome[]; readonly noted: boolean | 'failed' }> {
  const original = await port.request({ url: `/api/v2/tickets/${String(parent.id)}.json`, type: 'GET' });
  const requester =
    isRecord(original.body) && isRecord(original.body.ticket) && typeof original.body.ticket.requester_id === 'number'
      ? original.body.ticket.requester_id
      : undefined;
  if (original.status !== 200 || requester === undefined) {
    return {
      children: plans.map((p) => ({ service: p.service, status: 'failed', httpStatus: original.status })),
      noted: false,
    };
  }
  const children: ChildOutcome[] = [];
  for (const plan of plans) {
    const existing = await existingChild(port, plan.externalId);
    if (typeof existing === 'number') {
      children.push({ service: plan.service, status: 'existing', id: existing });
      continue;
    }
    if (existing !== undefined) {
      children.push({ service: plan.service, status: 'failed', httpStatus: existing.status });
      continue;
    }
    const created = await port.request({
      url: '/api/v2/tickets.json',
      type: 'POST',
      ...json({
        ticket: {
          subject: plan.subject,
          comment: { body: plan.body, public: false },
          requester_id: requester,
          external_id: plan.externalId,
          tags: plan.tags,
        },
      }),
    });
    const id = ticketIdIn(created.body);
    children.push(
      (created.status === 201 || created.status === 200) && id !== undefined
        ? { service: plan.service, status: 'created', id }
        : { service: plan.service, status: 'failed', httpStatus: created.status },
    );
  }

  const made = children.filter((c): c is ChildOutcome & { id: number } => c.status === 'created');
  if (made.length === 0) return { children, noted: false };
  const note = [
    t('children.note.intro', { count: made.length }),
    ...made.map((c) => `- ${serviceName(c.service)}: #${String(c.id)} ${parent.url(c.id)}`),
  ].join('\n');
  const updated = await port.request({
    url: `/api/v2/tickets/${String(parent.id)}.json`,
    type: 'PUT',
    ...json({
      ticket: {
        comment: { body: note, public: false },
        additional_tags: [SPLIT_TAG, ...made.map((c) => childTag(c.service))],
      },
    }),
  });
  return { children, noted: updated.status === 200 ? true : 'failed' };
}
