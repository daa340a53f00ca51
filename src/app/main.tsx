import { createZafPort, zafGlobal } from '../zendesk/zaf-adapter';
import { startFirstReads } from './assistant/first-reads';
import { markOnce, START_MARKS } from './timing';
// The page links the app's CSS itself, so the first view's styles come with the page.
import './app.css';

markOnce(START_MARKS.scriptsEvaluated);

/**
 * The sidebar's entry point inside Zendesk: the page loaded Zendesk's SDK, whose client only
 * initialises when Zendesk hosts the page (it needs the origin and app_guid Zendesk passes).
 * This module is small on purpose: it asks Zendesk for the settings, the agent and the ticket
 * before the classifier and React are evaluated (boot.tsx, imported next), so that the answers
 * travel meanwhile.
 */
const root = document.getElementById('root');
if (root === null) throw new Error('The page has no #root element.');
const client = zafGlobal()?.init();
if (client === undefined || client === false) {
  void import('./i18n/i18n').then(({ translator }) => {
    const p = document.createElement('p');
    p.style.padding = '12px';
    p.textContent = translator('ca')('outsideZendesk');
    root.replaceChildren(p);
  });
} else {
  const port = createZafPort(client);
  const reads = startFirstReads(port);
  void import('./boot').then(({ mountSidebar }) => {
    markOnce(START_MARKS.firstViewLoaded);
    mountSidebar(root, port, reads);
  });
}
