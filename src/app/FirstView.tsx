import { useEffect, useMemo, useRef } from 'react';
import { classifyTicket } from '../domain/classifier/classify';
import type { ZendeskPort } from '../zendesk/port';
import { AssistantProvider, useAssistantContext } from './assistant/context';
import { useAutoResize } from './assistant/useAutoResize';
import type { LoadState } from './assistant/useLoad';
import { ClassificationRows } from './classification/ClassificationRows';
import { applyOverride, isOverride } from './classification/effective';
import { translator } from './i18n/i18n';
import { loadJson, ticketKey } from './storage';
import { markOnce, START_MARKS } from './timing';

/**
 * What the sidebar shows while the rest of it (Garden's components, the steps, replies and checks
 * panels) loads: the ticket's classification, with the agent's own corrections, in plain elements
 * and the app's CSS. The whole sidebar (App.tsx) then takes the same load state and shows the same
 * rows inside its tabs. `failed`: that module could not be loaded (then a retry).
 */
export function FirstView({
  port,
  state,
  failed,
  retry,
}: {
  port: ZendeskPort;
  state: LoadState;
  failed: boolean;
  retry: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useAutoResize(port, ref);
  const t = translator(state.phase === 'ready' ? state.env.lang : 'ca');
  return (
    <div ref={ref} className="assistant">
      {failed ? (
        <p role="alert" className="warning">
          {t('sidebarLoadFailed')}{' '}
          <button type="button" onClick={retry}>
            {t('retry')}
          </button>
        </p>
      ) : null}
      {state.phase === 'ready' ? (
        <AssistantProvider env={state.env} port={port} ticket={state.ticket}>
          <FirstClassification />
        </AssistantProvider>
      ) : (
        // Zendesk's error, with its retry, is the whole sidebar's to show: it loads next.
        <p role="status">{t('loading')}</p>
      )}
    </div>
  );
}

/** The tab names where the whole sidebar draws its tabs, so that the rows do not move when it comes. */
const TABS = ['classification', 'steps', 'replies', 'checks'] as const;

function FirstClassification() {
  const { env, t, ticket } = useAssistantContext();
  const altaTag = env.settings.desk.altaTag;
  // As useClassification computes it: the classifier's answer with the corrections kept per ticket.
  const classification = useMemo(
    () =>
      applyOverride(
        classifyTicket(ticket.input, { altaTag }),
        loadJson(ticketKey('override', ticket.id), {}, isOverride),
      ),
    [ticket, altaTag],
  );
  useEffect(() => {
    markOnce(START_MARKS.classificationShown);
  }, []);
  return (
    <>
      <div className="first-tabs" aria-hidden="true">
        {TABS.map((id) => (
          <span key={id} className={id === 'classification' ? 'first-tab first-tab--selected' : 'first-tab'}>
            {t(`tabs.${id}`)}
          </span>
        ))}
      </div>
      <section aria-label={t('tabs.classification')}>
        <ClassificationRows c={classification} />
      </section>
    </>
  );
}
