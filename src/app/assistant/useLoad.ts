import { useCallback, useEffect, useRef, useState } from 'react';
import { isRecord } from '../../domain/is-record';
import { ZendeskError, type AppContext, type AppMetadata, type GetResult, type ZendeskPort } from '../../zendesk/port';
import { ProxyClient } from '../api/proxy-client';
import { isLanguageLoaded, loadLanguage, resolveLocale } from '../i18n/i18n';
import { readAppSettings } from '../settings';
import { readTicket, TICKET_EVENTS, ticketSnapshot, type TicketSnapshot } from '../ticket/read-ticket';
import { markOnce, START_MARKS } from '../timing';
import type { Environment } from './context';
import { agentLocale, startFirstReads, type FirstReads } from './first-reads';

export type LoadState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'error'; readonly message: string }
  | { readonly phase: 'ready'; readonly env: Environment; readonly ticket: TicketSnapshot };

/** The installation's settings and the agent, from Zendesk's answers. */
function environmentFrom(port: ZendeskPort, metadata: AppMetadata, context: AppContext, user: GetResult): Environment {
  const current = isRecord(user.values.currentUser) ? user.values.currentUser : {};
  const settings = readAppSettings(metadata.settings);
  const identity = {
    subdomain: context.subdomain,
    userId: typeof current.id === 'number' ? current.id : 0,
    userName: typeof current.name === 'string' ? current.name : '',
  };
  const lang = resolveLocale(agentLocale(user));
  return { settings, lang, proxy: new ProxyClient(port, settings.proxyUrl, identity), agentName: identity.userName };
}

/** The same once Zendesk has answered, with the agent's language loaded. */
async function environmentOf(port: ZendeskPort, reads: FirstReads): Promise<Environment> {
  const [metadata, context, user] = await Promise.all([reads.metadata, reads.context, reads.user]);
  const env = environmentFrom(port, metadata, context, user);
  await loadLanguage(env.lang);
  markOnce(START_MARKS.languageLoaded);
  return env;
}

/**
 * The first load's state, without waiting, when every answer it needs is already in and the
 * agent's language is loaded; undefined otherwise (then the first render shows the loading line
 * and the load awaits them). A ticket Zendesk could not read is left to that load, which shows it.
 */
function settledState(port: ZendeskPort, reads: FirstReads): Extract<LoadState, { phase: 'ready' }> | undefined {
  const { metadata, context, user, ticket } = reads.answered;
  if (metadata === undefined || context === undefined || user === undefined || ticket === undefined) return undefined;
  try {
    const env = environmentFrom(port, metadata, context, user);
    if (!isLanguageLoaded(env.lang)) return undefined;
    const snapshot = ticketSnapshot(ticket);
    markOnce(START_MARKS.languageLoaded);
    return { phase: 'ready', env, ticket: snapshot };
  } catch {
    return undefined;
  }
}

/**
 * Loads settings, the agent's language and the ticket; reloads the ticket when Zendesk says it
 * changed. `first`: the reads the entry module already sent (main.tsx), used by the first load.
 */
export function useLoad(port: ZendeskPort, first?: FirstReads): { state: LoadState; reload: () => void } {
  const [settled] = useState(() => (first === undefined ? undefined : settledState(port, first)));
  const [state, setState] = useState<LoadState>(settled ?? { phase: 'loading' });
  const envRef = useRef<Environment | undefined>(settled?.env);
  // A settled first load has nothing left to read: the first reads are used up.
  const firstRef = useRef(settled === undefined ? first : undefined);
  const skipFirstLoad = useRef(settled !== undefined);
  const load = useCallback(async () => {
    const early = firstRef.current;
    firstRef.current = undefined;
    try {
      // The first load sends every read at once (the ticket with the settings and the agent: one
      // round trip to Zendesk less before the classification shows); a reload reads the ticket.
      const reads = early ?? (envRef.current === undefined ? startFirstReads(port) : undefined);
      const ticketRead = reads === undefined ? readTicket(port) : reads.ticket.then(ticketSnapshot);
      // If the settings fail first, the ticket's own failure must not go unhandled.
      ticketRead.catch(() => undefined);
      const env = envRef.current ?? (await environmentOf(port, reads ?? startFirstReads(port)));
      envRef.current = env;
      const ticket = await ticketRead;
      setState({ phase: 'ready', env, ticket });
    } catch (error) {
      const message = error instanceof ZendeskError || error instanceof Error ? error.message : String(error);
      setState((s) => (s.phase === 'ready' ? s : { phase: 'error', message }));
    }
  }, [port]);

  useEffect(() => {
    if (skipFirstLoad.current) skipFirstLoad.current = false;
    else void load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const offs = TICKET_EVENTS.map((event) =>
      port.on(event, () => {
        // Zendesk fires one event per keystroke in some fields: read the ticket once they settle.
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => void load(), 250);
      }),
    );
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      offs.forEach((off) => {
        off();
      });
    };
  }, [port, load]);

  return { state, reload: () => void load() };
}
