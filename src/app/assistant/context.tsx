import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ZendeskPort } from '../../zendesk/port';
import type { ProxyClient } from '../api/proxy-client';
import { translator, type Translate, type UiLang } from '../i18n/i18n';
import type { AppSettings } from '../settings';
import type { TicketSnapshot } from '../ticket/read-ticket';

/**
 * What every panel may need and nothing changes while a ticket is open: the installation's
 * settings, the agent's language and `t`, the proxy client, the Zendesk port and the ticket.
 * Given through context (as the Zendesk scaffold's ClientProvider/useClient gives the client), so
 * panels take as props only the state they use.
 */
export interface Environment {
  readonly settings: AppSettings;
  readonly lang: UiLang;
  readonly proxy: ProxyClient;
  readonly agentName: string;
}

export interface AssistantContextValue {
  readonly env: Environment;
  readonly t: Translate;
  readonly port: ZendeskPort;
  readonly ticket: TicketSnapshot;
}

const AssistantContext = createContext<AssistantContextValue | undefined>(undefined);

export function AssistantProvider({
  env,
  port,
  ticket,
  children,
}: {
  env: Environment;
  port: ZendeskPort;
  ticket: TicketSnapshot;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ env, t: translator(env.lang), port, ticket }), [env, port, ticket]);
  return <AssistantContext.Provider value={value}>{children}</AssistantContext.Provider>;
}

export function useAssistantContext(): AssistantContextValue {
  const value = useContext(AssistantContext);
  if (value === undefined) throw new Error('useAssistantContext is used outside an AssistantProvider');
  return value;
}
