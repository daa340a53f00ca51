import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { Tabs } from '@zendeskgarden/react-tabs';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { lazy, Suspense, useEffect, useRef } from 'react';
import type { ZendeskPort } from '../zendesk/port';
import { ClassificationPanel } from './classification/ClassificationPanel';
import { translator } from './i18n/i18n';
import { StepsPanel } from './steps/StepsPanel';
import { useAssistant, useLoad, type LoadState, type Tab as TabId } from './useAssistant';
import './app.css';

// Replies and checks load when first opened: the sidebar shows the classification sooner.
const RepliesPanel = lazy(async () => ({ default: (await import('./replies/RepliesPanel')).RepliesPanel }));
const ChecksPanel = lazy(async () => ({ default: (await import('./checks/ChecksPanel')).ChecksPanel }));

/**
 * The sidebar: four tabs (classification, steps, replies, checks) over the open ticket. The frame
 * follows its content's height, as Zendesk's flexible sidebar expects.
 */
function useAutoResize(port: ZendeskPort, ref: React.RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof ResizeObserver === 'undefined') return;
    let last = 0;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(el.getBoundingClientRect().height) + 8;
      if (height !== last) {
        last = height;
        void port.invoke('resize', { width: '100%', height: `${String(height)}px` }).catch(() => undefined);
      }
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
    };
  }, [port, ref]);
}

/** Marks when the classification is first on screen (read by `npm run bench:sidebar`). */
export const CLASSIFICATION_SHOWN_MARK = 'aoc:classification-shown';

function Ready({ port, state }: { port: ZendeskPort; state: Extract<LoadState, { phase: 'ready' }> }) {
  const a = useAssistant(port, state.env, state.ticket);
  const { t } = a;
  useEffect(() => {
    if (typeof performance !== 'undefined' && performance.getEntriesByName(CLASSIFICATION_SHOWN_MARK).length === 0) {
      performance.mark(CLASSIFICATION_SHOWN_MARK);
    }
  }, []);
  const tabs: readonly TabId[] = ['classification', 'steps', 'replies', 'checks'];
  return (
    <Tabs
      selectedItem={a.nav.tab}
      onChange={(item: TabId) => {
        a.go({ tab: item });
      }}
    >
      <Tabs.TabList>
        {tabs.map((id) => (
          <Tabs.Tab key={id} item={id}>
            {t(`tabs.${id}`)}
          </Tabs.Tab>
        ))}
      </Tabs.TabList>
      <Tabs.TabPanel item="classification">
        <ClassificationPanel a={a} port={port} />
      </Tabs.TabPanel>
      <Tabs.TabPanel item="steps">
        <StepsPanel a={a} port={port} />
      </Tabs.TabPanel>
      {/* Keyed by what a step asked for, so that "write the reply" / "run the check" opens it. */}
      <Tabs.TabPanel item="replies">
        {a.nav.tab === 'replies' ? (
          <Suspense fallback={<Dots aria-label={t('loading')} />}>
            <RepliesPanel key={a.nav.template ?? ''} a={a} port={port} />
          </Suspense>
        ) : null}
      </Tabs.TabPanel>
      <Tabs.TabPanel item="checks">
        {a.nav.tab === 'checks' ? (
          <Suspense fallback={<Dots aria-label={t('loading')} />}>
            <ChecksPanel key={a.nav.check ?? ''} a={a} />
          </Suspense>
        ) : null}
      </Tabs.TabPanel>
    </Tabs>
  );
}

export function App({ port }: { port: ZendeskPort }) {
  const { state, reload } = useLoad(port);
  const ref = useRef<HTMLDivElement>(null);
  useAutoResize(port, ref);
  const t = translator(state.phase === 'ready' ? state.env.lang : 'ca');
  return (
    <ThemeProvider theme={DEFAULT_THEME}>
      <div ref={ref} className="assistant">
        {state.phase === 'loading' ? (
          <p role="status">
            <Dots /> {t('loading')}
          </p>
        ) : state.phase === 'error' ? (
          <Alert type="error" role="alert">
            {t('zendesk.error', { message: state.message })}{' '}
            <Button size="small" isBasic onClick={reload}>
              {t('retry')}
            </Button>
          </Alert>
        ) : (
          // Keyed by ticket: another ticket gets fresh state; the same ticket keeps what was typed.
          <Ready key={state.ticket.id} port={port} state={state} />
        )}
      </div>
    </ThemeProvider>
  );
}
