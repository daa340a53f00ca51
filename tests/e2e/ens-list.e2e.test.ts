import { describe, expect, it } from 'vitest';
import { chromiumAvailable, TicketPage, onLocalRun } from './harness';

/**
 * A SetDIBA ticket on the local run, in Chromium, as an agent works it: the steps tab reads the
 * attached Excel list of ajuntaments through the proxy and shows each row's state; the "one
 * ticket per service" step creates one child ticket per service in the local Zendesk, and a
 * second click creates none (sample l01: MUX and e-NOTUM, seven rows).
 */
const available = chromiumAvailable('ens-list.e2e.test.ts');

describe.runIf(available)('a SetDIBA list on the local run', () => {
  let t: TicketPage;
  onLocalRun((page) => {
    t = page;
  }, 300_000);

  it('lists the ajuntaments with their states and creates one child ticket per service, once', async () => {
    await t.open('l01');
    expect(await t.text('service')).toContain('MUX');
    await t.tab('Passos');

    const list = await t.openDocument('setdiba.plantilla');
    const table = list.getByTestId('ens-list-table');
    await table.waitFor({ timeout: 60_000 });
    const summary = (await table.textContent()) ?? '';
    expect(summary).toContain('Plantilla_SetDIBA_MUX_eNOTUM.xlsx');
    expect(summary).toMatch(/7 ens/);
    // The mistyped code (08A98) is invalid and the consorci without a code is not found.
    await expect.poll(async () => list.getByText('Dades errònies').count()).toBeGreaterThan(0);
    await expect.poll(async () => list.getByText('Trobat', { exact: true }).count()).toBeGreaterThanOrEqual(5);
    await expect.poll(async () => list.getByTestId('ens-list-unknown').count()).toBe(1);

    const children = await t.openDocument('setdiba.un-tiquet-per-servei');
    const panel = children.getByTestId('child-tickets');
    await panel.waitFor({ timeout: 60_000 });
    await panel.getByRole('button', { name: /^Crear els tiquets \(2\)/ }).click();
    const outcomes = panel.getByTestId('child-outcomes');
    await expect.poll(async () => outcomes.getByText(/creat el tiquet #\d+/).count(), { timeout: 60_000 }).toBe(2);

    await panel.getByRole('button', { name: /^Crear els tiquets \(2\)/ }).click();
    await expect.poll(async () => outcomes.getByText(/ja tenia el tiquet #\d+/).count(), { timeout: 60_000 }).toBe(2);
  });
});
