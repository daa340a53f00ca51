import { createElement, StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ZendeskPort } from '../zendesk/port';
import type { FirstReads } from './assistant/first-reads';
import { useLoad } from './assistant/useLoad';
import { FirstView } from './FirstView';

type WholeSidebar = (typeof import('./App'))['Sidebar'];

/**
 * The sidebar in two steps: the classification first (FirstView: the classifier, React and plain
 * CSS), then the whole sidebar (App.tsx: Garden, the tabs and their panels), imported once the
 * classification is on screen and given the same load state, so nothing is read twice.
 */
function Boot({ port, reads }: { port: ZendeskPort; reads: FirstReads }) {
  const { state, reload } = useLoad(port, reads);
  const [whole, setWhole] = useState<WholeSidebar | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const shown = state.phase !== 'loading';
  useEffect(() => {
    if (!shown) return;
    let live = true;
    import('./App').then(
      (m) => {
        if (live) setWhole(() => m.Sidebar);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [shown, attempt]);
  const retry = useCallback(() => {
    setFailed(false);
    setAttempt((n) => n + 1);
  }, []);
  if (whole !== undefined) return createElement(whole, { port, state, reload });
  return <FirstView port={port} state={state} failed={failed} retry={retry} />;
}

export function mountSidebar(root: HTMLElement, port: ZendeskPort, reads: FirstReads): void {
  createRoot(root).render(
    <StrictMode>
      <Boot port={port} reads={reads} />
    </StrictMode>,
  );
}
