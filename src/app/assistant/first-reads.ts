import type { AppContext, AppMetadata, GetResult, ZendeskPort } from '../../zendesk/port';
import { TICKET_PATHS } from '../ticket/read-ticket';
import { markOnce, START_MARKS } from '../timing';

/**
 * What the sidebar asks Zendesk before it can show anything: the app's settings, the account, the
 * agent and the ticket. The entry module asks them as soon as the SDK's client exists, before the
 * classifier and React are loaded and evaluated, so that Zendesk's answers travel while the rest
 * of the sidebar loads; `useLoad` turns the answers into the app's settings and the ticket.
 */
export interface FirstReads {
  readonly metadata: Promise<AppMetadata>;
  readonly context: Promise<AppContext>;
  readonly user: Promise<GetResult>;
  readonly ticket: Promise<GetResult>;
}

export const CURRENT_USER = ['currentUser'] as const;

/** Sends the four reads at once; a failure surfaces where the answer is awaited, never unhandled. */
export function startFirstReads(port: ZendeskPort): FirstReads {
  const ticket = port.get(TICKET_PATHS).then((result) => {
    markOnce(START_MARKS.ticketRead);
    return result;
  });
  const reads: FirstReads = {
    metadata: port.metadata(),
    context: port.context(),
    user: port.get(CURRENT_USER),
    ticket,
  };
  for (const read of Object.values(reads)) (read as Promise<unknown>).catch(() => undefined);
  Promise.all([reads.metadata, reads.context, reads.user]).then(
    () => {
      markOnce(START_MARKS.settingsRead);
    },
    () => undefined,
  );
  return reads;
}
