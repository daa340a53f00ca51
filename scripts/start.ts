/**
 * `npm start`: the whole product on this machine, without a Zendesk account. Starts the proxy on
 * its embedded demo database, then the local ticket page, which hosts the sidebar app as Zendesk
 * does (an iframe running Zendesk's real SDK) and plays Zendesk's request proxy (it signs each
 * request's JWT with the shared secret, which never reaches the browser), and a stand-in for
 * Zendesk's REST API over the sample tickets, from which the proxy fetches their request forms.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'vite';
import { loadConfig } from '../src/proxy/config';
import { startProxy } from '../src/proxy/main';
import { ENS_LIST_SAMPLES } from '../src/local/ens-list-samples';
import { FORM_SAMPLES } from '../src/local/form-samples';
import { sampleFilePdf } from '../src/local/forms/build-form';
import { localTicketId, SAMPLE_TICKETS } from '../src/local/samples';
import { localRunFile, markLocalRun, unmarkLocalRun } from '../src/local/server/local-run-file';
import { localZendesk } from '../src/local/server/local-zendesk-plugin';
import { ensListBuilders } from '../src/local/server/sample-workbooks';
import { startZendeskApi } from '../src/local/server/zendesk-api';

const SUBDOMAIN = 'local';
// LOCAL_PROXY_URL + LOCAL_SHARED_SECRET: use a proxy started apart (`npm run proxy` with
// JWT_SECRET and JWT_ISSUER=local), e.g. to see what the app does when that proxy stops.
const external = process.env.LOCAL_PROXY_URL;
const sharedSecret = external === undefined ? randomBytes(32).toString('hex') : (process.env.LOCAL_SHARED_SECRET ?? '');
if (external !== undefined && sharedSecret.length < 32) {
  console.error(
    "LOCAL_SHARED_SECRET (the proxy's JWT_SECRET, at least 32 characters) is required with LOCAL_PROXY_URL.",
  );
  process.exit(2);
}
// Zendesk's REST API over the sample tickets: the proxy fetches the request forms from it with
// credentials of its own, as it does from Zendesk (ZENDESK_* below), so no account is needed.
const zendeskApiToken = randomBytes(24).toString('hex');
const filesOf = new Map(FORM_SAMPLES.map((s) => [s.ticket.id, s.files]));
const listsOf = new Map(ENS_LIST_SAMPLES.map((s) => [s.ticket.id, ensListBuilders(s)]));
const zendeskApi = await startZendeskApi({
  tickets: SAMPLE_TICKETS.map((ticket, i) => {
    const files = filesOf.get(ticket.id);
    const built = listsOf.get(ticket.id);
    return {
      id: localTicketId(i),
      ticket,
      ...(files === undefined ? {} : { files }),
      ...(built === undefined ? {} : { built }),
    };
  }),
  user: 'proxy@example.org',
  token: zendeskApiToken,
  buildPdf: sampleFilePdf,
});
const zendeskEnv: Record<string, string | undefined> = {
  ZENDESK_SUBDOMAIN: SUBDOMAIN,
  ZENDESK_API_URL: zendeskApi.url,
  ZENDESK_API_USER: 'proxy@example.org',
  ZENDESK_API_TOKEN: zendeskApiToken,
  ZENDESK_OAUTH_TOKEN: undefined,
};
const proxy =
  external === undefined
    ? await startProxy(
        loadConfig({
          ...process.env,
          PROXY_HOST: process.env.PROXY_HOST ?? '127.0.0.1',
          PROXY_PORT: process.env.PROXY_PORT ?? '8787',
          JWT_SECRET: sharedSecret,
          JWT_ISSUER: SUBDOMAIN,
          PROXY_LOG_LEVEL: process.env.PROXY_LOG_LEVEL ?? 'warn',
          ...zendeskEnv,
        }),
      )
    : { url: external.replace(/\/+$/, ''), stop: () => Promise.resolve() };
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { domainWhitelist?: string[] };
const proxyHost = new URL(proxy.url).hostname;
process.env.VITE_LOCAL_PROXY_URL = proxy.url;
process.env.VITE_LOCAL_SUBDOMAIN = SUBDOMAIN;

const server = await createServer({
  configFile: 'vite.config.ts',
  server: { port: Number(process.env.PORT ?? 3000) },
  plugins: [
    localZendesk({
      settings: { sharedSecret },
      domainWhitelist: [...(manifest.domainWhitelist ?? []), proxyHost],
      zendeskApi,
    }),
  ],
});
await server.listen();
const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:3000/';
console.log(`\n  AOC integration assistant — local run\n`);
console.log(`  Ticket page (open this): ${base}local/`);
console.log(
  `  Proxy${external === undefined ? ' (demo database)' : ''}:${external === undefined ? '   ' : '                  '}${proxy.url}`,
);
console.log(`  Zendesk API (samples):   ${zendeskApi.url}`);
console.log(`  Classifier workbench:    ${base}local/workbench.html`);
console.log(`  Disagreements:           ${base}local/corrections.html\n`);
console.log('  Export the corrections:  npm run corrections -- export --out corrections.json\n');
// `npm run corrections -- export` finds this run here (its store lives in this process).
const runFile = localRunFile(process.env);
markLocalRun(runFile, base);
console.log('  Press Ctrl+C to stop.\n');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  unmarkLocalRun(runFile);
  await server.close();
  await proxy.stop();
  await zendeskApi.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
