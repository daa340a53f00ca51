import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusSchema } from '../../src/cli/evaluate';
import {
  chromiumAvailable,
  launchBrowser,
  ROOT,
  startLocalRun,
  TicketPage,
  type Browser,
  type LocalRun,
} from './harness';

/**
 * Every correction teaches, on the local run: the agent corrects one sample and confirms another
 * in the sidebar (Chromium), `npm run corrections -- export` finds the running local run and
 * writes a corpus, `npm run eval` scores it, and the workbench's disagreements page lists the
 * correction; a withdrawn record leaves the page.
 */
const available = chromiumAvailable('corrections.e2e.test.ts');
const run = promisify(execFile);
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** A command of the project, as a desk lead runs it beside the local run; never throws on its exit code. */
async function command(script: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(TSX, [script, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe.runIf(available)('corrections on the local run, in Chromium', () => {
  let local: LocalRun | undefined;
  let browser: Browser | undefined;
  let t: TicketPage;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aoc-e2e-corrections-'));
    local = await startLocalRun();
    browser = await launchBrowser();
    t = new TicketPage(browser.page, local.pageUrl);
    await t.warmUp();
  });

  afterAll(async () => {
    await browser?.close();
    await local?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const saved = () => t.app.getByText('Desat per a millorar el classificador.').waitFor();

  it('a correction and a confirmation in the sidebar → export → eval → the disagreements page', async () => {
    // A Via Oberta sample the agent says is PSCP.
    await t.open('d07');
    const corrected = await t.ticketId('d07');
    expect(await t.text('service')).toBe('VO');
    await t.app.getByRole('button', { name: 'Corregir' }).click();
    await t.app.getByLabel('Servei', { exact: true }).selectOption('PSCP');
    await t.app.getByRole('button', { name: 'Fet' }).click();
    await saved();
    expect(await t.text('own-record')).toContain('classificació corregida (servei');

    // A PSCP sample the agent confirms as right.
    await t.open('d01');
    const confirmed = await t.ticketId('d01');
    expect(await t.text('service')).toBe('PSCP');
    await t.app.getByRole('button', { name: 'Correcte', exact: true }).click();
    await saved();
    expect(await t.text('own-record')).toContain('confirmada com a correcta');

    // The export finds this local run by itself (its store is in the run's memory).
    const out = join(dir, 'desk.json');
    const env = { LOCAL_RUN_FILE: local?.runFile ?? '', CORRECTIONS_MASK_KEY: 'an e2e masking key, long enough' };
    const exported = await command('scripts/corrections.ts', ['export', '--out', out], env);
    expect(exported.stderr).toContain(`reading the local run at ${new URL(local?.pageUrl ?? '').origin}`);
    expect(exported.stderr).toContain('2 ticket(s) exported (1 corrected, 1 confirmed)');
    expect(exported.code).toBe(0);
    const corpus = CorpusSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    const byId = new Map(corpus.map((c) => [c.ticket.id, c]));
    expect(byId.get(String(corrected))?.expected.service).toBe('PSCP');
    expect(byId.get(String(confirmed))?.expected.service).toBe('PSCP');

    // eval scores the desk's tickets: the confirmed one right, the corrected one wrong on its service.
    const scored = await command('scripts/eval.ts', [out], {});
    expect(scored.code).toBe(1);
    expect(scored.stdout).toContain(`${out}: 2 tickets`);
    expect(scored.stdout).toMatch(new RegExp(`- ${String(corrected)} .*\\n\\s+service: expected "PSCP", got "VO"`));
    expect(scored.stdout).not.toContain(`- ${String(confirmed)} `);

    // The workbench's disagreements page lists the correction under the service.
    const page = t.page;
    await page.goto(new URL('corrections.html', local?.pageUrl).href);
    await page.getByTestId('review-summary').waitFor();
    expect(await page.getByTestId('review-summary').textContent()).toContain(
      '2 ticket(s) reviewed by agents: 1 corrected, 1 confirmed',
    );
    const service = page.getByTestId('field-service');
    const row = service.locator('tr', { hasText: `#${String(corrected)}` });
    await row.waitFor();
    expect(await row.getByTestId('classifier-said').textContent()).toBe('"VO"');
    expect(await row.getByTestId('agent-said').textContent()).toBe('"PSCP"');
    expect(await page.locator('tr', { hasText: `#${String(confirmed)}` }).count()).toBe(0);
  });

  it('the agent sees her record when she opens the ticket again, and withdraws it', async () => {
    await t.page.goto(local?.pageUrl ?? '');
    await t.open('d07');
    const corrected = await t.ticketId('d07');
    await t.app.getByTestId('own-record').waitFor();
    await t.app.getByRole('button', { name: 'Retirar el registre' }).click();
    await t.app.getByText("Registre retirat: no s'usarà per a millorar el classificador.").waitFor();

    await t.page.goto(new URL('corrections.html', local?.pageUrl).href);
    await t.page.getByTestId('review-summary').waitFor();
    expect(await t.page.getByTestId('review-summary').textContent()).toContain(
      '1 ticket(s) reviewed by agents: 0 corrected, 1 confirmed',
    );
    expect(await t.page.locator('tr', { hasText: `#${String(corrected)}` }).count()).toBe(0);
  });
});
