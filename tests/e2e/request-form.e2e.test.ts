import { describe, expect, it } from 'vitest';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import { chromiumAvailable, TicketPage, onLocalRun } from './harness';

/**
 * The ens's request form along the whole local path: the sample's PDF is an attachment of the
 * local Zendesk API, the app lists the ticket's comments, the proxy fetches and reads the form
 * with its own credentials, and the card, the classification and the checks follow what it says.
 */
const available = chromiumAvailable('request-form.e2e.test.ts');
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });

describe.runIf(available)('the request form in Chromium', () => {
  let t: TicketPage;
  onLocalRun((page) => {
    t = page;
  });

  it('f01: the card shows the ens, products and IPs; the products are decided by it; the checks are prefilled', async () => {
    await t.open('f01');
    const card = t.app.getByTestId('form-card');
    await poll(() => t.app.getByTestId('form-ens').count()).toBe(1);
    expect(await t.text('form-ens')).toBe('Ajuntament de Terrassa · P0827900B');
    expect(await t.text('form-ips-pre')).toBe('192.88.99.10');
    expect(await t.text('form-ips-pro')).toBe('192.88.99.11, 192.88.99.12');
    expect(await t.text('form-integrator')).toContain('Integradora Exemple SL · B00000018');
    expect(await card.getByTestId('form-tick-AEAT').textContent()).toContain('AEAT · AGE');
    expect(await card.getByTestId('form-tick-CADASTRE').count()).toBe(1);
    expect(await card.getByText('Llegit de formulari_sol-licitud_integracio_serveis_caoc.pdf').count()).toBe(1);

    // The text says only "Via Oberta": the products come from the form, and the documents are there.
    expect(await t.text('service')).toBe('VO');
    await poll(() => t.productIds()).toEqual(['AEAT', 'CADASTRE']);
    expect(await t.text('flags')).not.toContain('MISSING_DOCS');

    await t.tab('Comprovacions');
    const check = t.app.getByLabel('Comprovació', { exact: true });
    await check.selectOption('pscp-user:PRE');
    expect(await t.app.getByLabel("NIF de l'usuari", { exact: true }).inputValue()).toBe('99999972C');
    expect(await t.app.getByText('del formulari').count()).toBeGreaterThan(0);

    await check.selectOption('authorisations:PRE');
    expect(await t.app.getByLabel("CIF de l'ens o de l'òrgan", { exact: true }).inputValue()).toBe('P0827900B');
    // The ens lookup found Terrassa's INE10 from the form's CIF.
    expect(await t.app.getByLabel("INE10 de l'ens", { exact: true }).inputValue()).toBe(DEMO.terrassa.ine10);

    await check.selectOption('integrator-register');
    expect(await t.app.getByLabel("NIF de l'empresa integradora", { exact: true }).inputValue()).toBe('B00000018');
    expect(await t.app.getByLabel("Nom de l'empresa integradora", { exact: true }).inputValue()).toBe(
      'Integradora Exemple SL',
    );
    expect(await t.app.getByLabel("Nom de l'ens", { exact: true }).inputValue()).toBe('Ajuntament de Terrassa');
  });

  it('f03: the problems a reviewer flags, and the text asking what the form does not tick', async () => {
    await t.open('f03');
    await poll(() => t.app.getByTestId('form-problems').count()).toBe(1);
    const problems = await t.text('form-problems');
    expect(problems).toContain('P0827900X');
    expect(problems).toContain('acaba amb la lletra B, no X');
    expect(problems).toContain('203.0.113.40');
    expect(await t.text('form-disagreement')).toContain('TGSS');
    await poll(() => t.productIds()).toEqual(['AEAT', 'DGT_IVTM']);
  });

  it('f04: a scanned copy is not a form: read it by eye, or drop another PDF', async () => {
    await t.open('f04');
    await poll(() => t.app.getByText(/Cal llegir-lo a ull/).count()).toBe(1);
    expect(await t.app.getByRole('button', { name: 'Llegeix un altre PDF' }).count()).toBe(1);
  });
});
