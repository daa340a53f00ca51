import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { build } from 'vite';
import { ASSETS_DIR } from '../../tools/vite/assets-dir';
import { ROOT } from './harness';

/**
 * The built app served as Zendesk serves it, for the CSP test and the sidebar benchmark: a tiny
 * static server that sends a strict content security policy (no 'unsafe-eval') on every response,
 * a host page that plays Zendesk, and Zendesk's SDK from its npm package bundled as the CDN's
 * script is (the built page's CDN script tag is rewritten to it, this machine cannot reach the CDN).
 *
 * The host page is at the server's origin (127.0.0.1), the frame too; `crossSiteHost` is the same
 * host page from another site (localhost), as Zendesk's agent interface (*.zendesk.com) hosts an
 * app's frame served from its own *.apps.zdusercontent.com origin. Chromium's site isolation then
 * runs the frame in a process and on a main thread of its own, as in Zendesk, instead of on the
 * host stand-in's thread (whose own start, a Zendesk of its own in JavaScript, is not the app's).
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";
export const CDN_SDK =
  '<script src="https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js"></script>';
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};
const HOST_PAGE = `<!doctype html>
<html lang="ca">
  <head><meta charset="utf-8"><title>Zendesk (CSP test host)</title><link rel="icon" href="data:,"></head>
  <body>
    <iframe title="AOC integration assistant" style="width: 420px; height: 900px; border: 0"></iframe>
    <script src="/host/csp-host.js"></script>
  </body>
</html>`;

/** Bundles a script for the browser as one IIFE (vite's build API in lib mode). */
export async function bundle(entry: string, outDir: string, fileName: string, name?: string): Promise<void> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry, formats: ['iife'], fileName: () => fileName, name: name ?? fileName.replace(/\W/g, '_') },
    },
  });
}

/**
 * `cacheAssets`: the built app's content-hashed files (`/app/` + the build's ASSETS_DIR) go out
 * with a year-long, immutable Cache-Control, as a CDN serves files whose name changes with their
 * content; the page, the SDK and the host are never cached. Without it nothing is cached, and
 * every load fetches and compiles every chunk again.
 */
export function serve(
  routes: { app: string; sdk: string; host: string },
  options: { cacheAssets?: boolean } = {},
): Promise<{ server: Server; origin: string; crossSiteHost: string }> {
  const file = (dir: string, path: string): string | undefined => {
    const full = normalize(join(dir, decodeURIComponent(path)));
    if (!full.startsWith(dir + sep)) return undefined;
    try {
      return statSync(full).isFile() ? full : undefined;
    } catch {
      return undefined;
    }
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    res.setHeader('Content-Security-Policy', CSP);
    let found: string | undefined;
    if (path === '/') {
      // The frame from the app's own origin only: nothing else is let into the policy.
      const app = new URL(req.url ?? '/', 'http://localhost').searchParams.get('app');
      if (app !== null && app === appOrigin()) res.setHeader('Content-Security-Policy', `${CSP}; frame-src ${app}`);
      res.setHeader('Content-Type', TYPES['.html'] ?? '');
      res.end(HOST_PAGE);
      return;
    }
    if (path.startsWith('/app/')) found = file(routes.app, path.slice('/app/'.length));
    else if (path.startsWith('/sdk/')) found = file(routes.sdk, path.slice('/sdk/'.length));
    else if (path.startsWith('/host/')) found = file(routes.host, path.slice('/host/'.length));
    if (found === undefined) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('Content-Type', TYPES[extname(found)] ?? 'application/octet-stream');
    if (path === '/app/index.html') {
      const html = readFileSync(found, 'utf8');
      if (!html.includes(CDN_SDK))
        throw new Error("the built index.html no longer loads Zendesk's CDN SDK as expected");
      res.end(html.replace(CDN_SDK, '<script src="/sdk/zaf_sdk.js"></script>'));
      return;
    }
    if (options.cacheAssets === true && path.startsWith(`/app/${ASSETS_DIR}/`))
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.end(readFileSync(found));
  });
  const port = (): number => {
    const address = server.address();
    return address !== null && typeof address === 'object' ? address.port : 0;
  };
  const appOrigin = (): string => `http://127.0.0.1:${String(port())}`;
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      ok({
        server,
        origin: appOrigin(),
        crossSiteHost: `http://localhost:${String(port())}/?app=${encodeURIComponent(appOrigin())}`,
      });
    });
  });
}

/** The project's own build (vite.config.ts) in production mode, into another directory. */
export async function buildApp(outDir: string): Promise<void> {
  // Under vitest NODE_ENV is "test", which would make Vite bundle React's development build.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
}
