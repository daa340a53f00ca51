import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { localSettings } from './local-settings';
import { SAMPLE_TICKETS } from './samples';
import { TicketPage } from './TicketPage';
import './ticket-page.css';

const root = document.getElementById('root');
if (root === null) throw new Error('The page has no #root element.');
const proxyUrl = String(import.meta.env.VITE_LOCAL_PROXY_URL ?? 'http://127.0.0.1:8787');
const subdomain = String(import.meta.env.VITE_LOCAL_SUBDOMAIN ?? 'local');
// The agent's Zendesk locale: `?locale=es` (or en) shows the sidebar as a Spanish- or
// English-speaking agent sees it; Catalan otherwise.
const asked = new URLSearchParams(window.location.search).get('locale');
const agentLocale = asked === 'es' || asked === 'en' ? asked : 'ca';
createRoot(root).render(
  <StrictMode>
    <TicketPage
      samples={SAMPLE_TICKETS.map((t) => ({ key: String(t.id), ticket: t }))}
      settings={localSettings(proxyUrl)}
      subdomain={subdomain}
      agentLocale={agentLocale}
    />
  </StrictMode>,
);
