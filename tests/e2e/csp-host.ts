import devTickets from '../fixtures/dev-tickets.json';
import { ZafHost } from '../../src/local/host/zaf-host';
import { localSettings } from '../../src/local/local-settings';
import type { TicketInput } from '../../src/domain/classifier';
import type { HttpResponse, RequestOptions } from '../../src/zendesk/port';
import { toMemoryTicket } from '../../src/local/host/sample-ticket';
import { MemoryZendesk } from '../../src/zendesk/memory-adapter';

/**
 * Browser entry of the CSP test's host page (bundled by csp.e2e.test.ts, served as a same-origin
 * script): plays Zendesk for the built app in the page's iframe, on the local run's host code and
 * a sample ticket. The proxy answers every request with an empty progress: the test is about the
 * page's security policy, not about the proxy.
 */
const sample = (devTickets as { ticket: TicketInput }[]).find((t) => t.ticket.id === 'd08')?.ticket;
if (sample === undefined) throw new Error('sample d08 missing');

const TICKET_ID = 4711;
const request = (options: RequestOptions): Promise<HttpResponse> =>
  Promise.resolve(
    options.url.includes('/progress') && options.type === 'GET'
      ? { status: 200, body: { ticket: TICKET_ID, steps: [] } }
      : { status: 0, body: undefined },
  );

const zendesk = new MemoryZendesk({
  ticket: toMemoryTicket(sample, TICKET_ID),
  currentUser: { id: 77, name: 'Agent CSP', email: 'agent@example.org', locale: 'ca' },
  settings: localSettings('https://proxy.example.org'),
  subdomain: 'local',
  request,
});

const frame = document.querySelector('iframe');
if (frame === null) throw new Error('the host page has no iframe');
const appGuid = 'csp-1';
// `?app=<origin>`: the app's frame from another site (built-app.ts, crossSiteHost); by default, this one.
const appOrigin = new URL(new URLSearchParams(window.location.search).get('app') ?? window.location.origin).origin;
new ZafHost({ frame: () => frame.contentWindow, appOrigin, appGuid, zendesk, request }).start();
frame.src = `${appOrigin}/app/index.html?origin=${encodeURIComponent(window.location.origin)}&app_guid=${appGuid}`;
