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
createRoot(root).render(
  <StrictMode>
    <TicketPage
      samples={SAMPLE_TICKETS.map((t) => ({ key: String(t.id), ticket: t }))}
      settings={localSettings(proxyUrl)}
      subdomain={subdomain}
    />
  </StrictMode>,
);
