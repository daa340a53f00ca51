import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createZafPort, zafGlobal } from '../zendesk/zaf-adapter';
import { App } from './App';
import { translator } from './i18n/i18n';
import { markOnce, START_MARKS } from './timing';

markOnce(START_MARKS.scriptsEvaluated);

/**
 * The sidebar's entry point inside Zendesk: the page loaded Zendesk's SDK, whose client only
 * initialises when Zendesk hosts the page (it needs the origin and app_guid Zendesk passes).
 */
const root = document.getElementById('root');
if (root === null) throw new Error('The page has no #root element.');
const client = zafGlobal()?.init();
if (client === undefined || client === false) {
  const p = document.createElement('p');
  p.style.padding = '12px';
  p.textContent = translator('ca')('outsideZendesk');
  root.replaceChildren(p);
} else {
  createRoot(root).render(
    <StrictMode>
      <App port={createZafPort(client)} />
    </StrictMode>,
  );
}
