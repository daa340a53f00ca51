import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import { buildApp, bundle, CSP, serve } from './built-app';
import { chromiumAvailable, launchBrowser, ROOT, type Browser } from './harness';

/**
 * The built app (what `npx vite build` puts in dist/assets, built here into a temporary directory
 * so as not to disturb dist/) under a strict content security policy without 'unsafe-eval', as a
 * Zendesk app must run: served by a tiny static server sending that policy on every response,
 * inside a host page that plays Zendesk. The built page loads Zendesk's SDK from Zendesk's CDN,
 * which this machine cannot reach: the server rewrites that script tag to the same SDK from its
 * npm package, bundled here as the CDN's script is (an IIFE defining window.ZAFClient).
 */
const available = chromiumAvailable('csp.e2e.test.ts');

interface Violation {
  readonly directive: string;
  readonly blocked: string;
  readonly source: string;
}

describe.runIf(available)('the built app under a strict content security policy', () => {
  let dir = '';
  let server: Server | undefined;
  let origin = '';
  let browser: Browser | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aoc-e2e-csp-'));
    const app = join(dir, 'app');
    await buildApp(app);
    await bundle(
      join(ROOT, 'node_modules', 'zendesk_app_framework_sdk', 'lib', 'index.js'),
      join(dir, 'sdk'),
      'zaf_sdk.js',
      'ZAFClient',
    );
    await bundle(join(ROOT, 'tests', 'e2e', 'csp-host.ts'), join(dir, 'host'), 'csp-host.js');
    ({ server, origin } = await serve({ app, sdk: join(dir, 'sdk'), host: join(dir, 'host') }));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((ok) => {
      if (server === undefined) ok();
      else
        server.close(() => {
          ok();
        });
    });
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  interface Session {
    readonly errors: string[];
    readonly violations: Violation[];
    readonly frame: Frame | undefined;
  }

  /** Opens the host page in a new tab, collecting errors and violations, and uses every tab of the app. */
  async function session(): Promise<Session> {
    if (browser === undefined) throw new Error('no browser');
    const page = await browser.context.newPage();
    const errors: string[] = [];
    const violations: Violation[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${m.location().url}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    await page.exposeBinding('reportViolation', (_source, v: Violation) => {
      violations.push(v);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        // Installed by playwright's exposeBinding in every frame of the page.
        const report = (window as unknown as { reportViolation: (v: Violation) => void }).reportViolation;
        report({
          directive: e.effectiveDirective,
          blocked: e.blockedURI,
          source: `${e.sourceFile}:${String(e.lineNumber)}`,
        });
      });
    });

    const response = await page.goto(`${origin}/`);
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    const app = page.frameLocator('iframe[title="AOC integration assistant"]');
    await app.getByTestId('service').waitFor();
    expect(await app.getByTestId('service').textContent()).toBe('VO');
    expect(await app.getByTestId('flags').textContent()).toBe('MINHAP');
    // Every tab, so that the lazily loaded parts (replies with the Handlebars runtime, checks) load too.
    await app.getByRole('tab', { name: 'Passos' }).click();
    await app.getByTestId('step-vo-pre.minhap-caid').getByRole('button', { name: 'Escriure la resposta' }).click();
    await app.getByLabel(/^Codi de procediment de proves/).fill(DEMO.vilaSeca.finalitatSia);
    await expect
      .poll(() => app.getByTestId('reply-preview').textContent(), { timeout: 20_000 })
      .toContain(`Código de procedimiento: ${DEMO.vilaSeca.finalitatSia}`);
    await app.getByRole('tab', { name: 'Comprovacions' }).click();
    await app.getByRole('button', { name: 'Comprovar' }).waitFor();
    const frame = page.frames().find((f) => f.url().startsWith(`${origin}/app/index.html`));
    return { errors, violations, frame };
  }

  it('loads and works under the policy without a console error or a blocked load; inline scripts and eval are refused', async () => {
    const { errors, violations, frame } = await session();
    if (frame === undefined) throw new Error("the app's frame is missing");
    expect(await frame.evaluate(() => typeof (window as unknown as { ZAFClient?: unknown }).ZAFClient)).toBe('object');
    expect(errors).toEqual([]);
    // Nothing blocked: no inline script, no other origin, no style or image refused. (Eval probes
    // are the next test's concern.)
    expect(violations.filter((v) => v.blocked !== 'eval')).toEqual([]);

    // The policy is really in force, and a violation would be seen: the app's frame may run no
    // inline script and no string as code. (Playwright's own evaluation may eval: the page's may not.)
    const before = violations.length;
    await frame.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
      const timer = setTimeout as unknown as (code: string, ms: number) => number;
      timer('window.stringRan = true', 0);
    });
    await expect
      .poll(() => violations.slice(before).map((v) => `${v.directive} ${v.blocked}`))
      .toEqual(['script-src-elem inline', 'script-src eval']);
    const ran = await frame.evaluate(() => {
      const w = window as unknown as { inlineRan?: boolean; stringRan?: boolean };
      return { inline: w.inlineRan === true, string: w.stringRan === true };
    });
    expect(ran).toEqual({ inline: false, string: false });
  });

  // Regression: zod 4 probes whether eval is allowed (`new Function('')`) the first time an object
  // schema parses unless `z.config({ jitless: true })` is set first (src/app/zod-csp.ts); under
  // this policy the probe would be reported as a violation.
  it('raises no content security policy violation at all', async () => {
    const { violations } = await session();
    expect(violations).toEqual([]);
  });
});
