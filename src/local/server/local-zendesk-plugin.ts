import type { Plugin } from 'vite';
import { DEFAULT_FIXTURES_DIR, localCorrections } from './corrections';
import { handleRequestProxy, type LocalZendeskOptions } from './request-proxy';

/**
 * For the local run only (the dev server): plays the parts of Zendesk that live on its servers.
 * - The app page loads Zendesk's SDK from Zendesk's CDN; here it gets the same SDK from its npm
 *   package instead (this machine cannot reach the CDN).
 * - `POST /__zendesk/request` is Zendesk's request proxy (`request-proxy.ts`).
 * - `/__local/corrections`: the workbench's review of the desk's corrections (`corrections.ts`).
 */
const CDN_SDK =
  /<script src="https:\/\/static\.zdassets\.com\/zendesk_app_framework_sdk\/2\.0\/zaf_sdk\.min\.js"><\/script>/;

export function localZendesk(options: LocalZendeskOptions): Plugin {
  return {
    name: 'aoc-local-zendesk',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(CDN_SDK, '<script type="module" src="/local/zaf-sdk.ts"></script>');
    },
    configureServer(server) {
      server.middlewares.use('/__zendesk/request', (req, res) => {
        handleRequestProxy(req, res, options);
      });
      // npm start sets the proxy's address before it starts this server.
      const proxyUrl = process.env.VITE_LOCAL_PROXY_URL;
      const sharedSecret = options.settings.sharedSecret;
      if (proxyUrl !== undefined && sharedSecret !== undefined) {
        server.middlewares.use(
          '/__local/corrections',
          localCorrections({
            proxyUrl,
            sharedSecret,
            issuer: process.env.VITE_LOCAL_SUBDOMAIN ?? 'local',
            audience: 'aoc-integration-assistant',
            fixturesDir: DEFAULT_FIXTURES_DIR,
            ...(process.env.CORRECTIONS_MASK_KEY === undefined ? {} : { maskKey: process.env.CORRECTIONS_MASK_KEY }),
          }),
        );
      }
    },
  };
}
