import { isRecord } from '../../domain/is-record';
import type { AppContext, AppMetadata, GetResult, ZendeskPort } from '../../zendesk/port';
import { TICKET_PATHS } from '../ticket/read-ticket';
import { markOnce, START_MARKS } from '../timing';

/**
 * What the sidebar asks Zendesk before it can show anything: the app's settings, the account, the
 * agent and the ticket. The entry module asks them as soon as the SDK's client exists, before the
 * classifier and React are loaded and evaluated, so that Zendesk's answers travel while the rest
 * of the sidebar loads; `useLoad` turns the answers into the app's settings and the ticket.
 * `answered` holds each answer once it is in: when the first view mounts after all of them (the
 * usual case, its module being the larger wait), its first render is the classification itself,
 * not a loading line that a second render replaces.
 */
export interface FirstReads {
  readonly metadata: Promise<AppMetadata>;
  readonly context: Promise<AppContext>;
  readonly user: Promise<GetResult>;
  readonly ticket: Promise<GetResult>;
  readonly answered: Answered;
}

interface Answered {
  metadata?: AppMetadata;
  context?: AppContext;
  user?: GetResult;
  ticket?: GetResult;
}

export const CURRENT_USER = ['currentUser'] as const;

/** The agent's Zendesk locale in the answer to CURRENT_USER, if it says one. */
export function agentLocale(user: GetResult): string | undefined {
  const current = user.values.currentUser;
  return isRecord(current) && typeof current.locale === 'string' ? current.locale : undefined;
}

/**
 * Sends the four reads at once; a failure surfaces where the answer is awaited, never unhandled.
 * Once the agent is known, her language's texts start loading too (Catalan is built in; Spanish
 * and English are files of their own), so they do not wait for the first view's module.
 */
export function startFirstReads(port: ZendeskPort): FirstReads {
  const answered: Answered = {};
  const keep = <K extends keyof Answered>(key: K, read: Promise<NonNullable<Answered[K]>>) =>
    read.then((value) => {
      answered[key] = value;
      return value;
    });
  const reads: FirstReads = {
    metadata: keep('metadata', port.metadata()),
    context: keep('context', port.context()),
    user: keep('user', port.get(CURRENT_USER)),
    ticket: keep(
      'ticket',
      port.get(TICKET_PATHS).then((result) => {
        markOnce(START_MARKS.ticketRead);
        return result;
      }),
    ),
    answered,
  };
  for (const read of [reads.metadata, reads.context, reads.user, reads.ticket])
    (read as Promise<unknown>).catch(() => undefined);
  Promise.all([reads.metadata, reads.context, reads.user]).then(
    () => {
      markOnce(START_MARKS.settingsRead);
    },
    () => undefined,
  );
  // A failure here is seen again, and shown, where the first load awaits the language.
  reads.user
    .then((user) =>
      import('../i18n/i18n').then(({ loadLanguage, resolveLocale }) => loadLanguage(resolveLocale(agentLocale(user)))),
    )
    .catch(() => undefined);
  return reads;
}
