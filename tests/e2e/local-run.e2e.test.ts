import { describe, expect, it } from 'vitest';
import { PRODUCTS } from '../../src/domain/catalogue';
import pscpPre from '../../src/domain/procedures/data/pscp-pre.json';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import { catalanMunicipalities } from '../../src/proxy/db/demo/municipalities';
import { chromiumAvailable, screenshotPath, TicketPage, onLocalRun } from './harness';

/**
 * The local run (`npm start`: proxy on its demo database, dev server, ticket page hosting the
 * sidebar on Zendesk's real SDK) driven in headless Chromium, as an agent uses it. Each test takes
 * a sample ticket of its own: corrections and progress are kept per ticket.
 */
const available = chromiumAvailable('local-run.e2e.test.ts');
// Waits for a condition in the page (the app renders after messages between frames and requests).
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });

interface ProxyAnswer {
  readonly status: number;
  readonly body: unknown;
}

describe.runIf(available)('local run in Chromium', () => {
  let t: TicketPage;
  onLocalRun((page) => {
    t = page;
  });

  it('PSCP ticket: classified PSCP/PRE, its PRE steps in order, the end-of-PRE reply inserted as a public reply', async () => {
    await t.open('d01');
    expect(await t.text('service')).toBe('PSCP');
    expect(await t.text('environment')).toBe('PRE');

    await t.tab('Passos');
    await poll(() => t.app.getByRole('heading', { name: pscpPre.title.ca }).count()).toBe(1);
    const ids = await t.stepIds();
    const order = pscpPre.steps.map((s) => s.id);
    // Only PRE steps of the PSCP procedure, in the manual's order, from follow-up to the final message.
    expect(ids.every((id) => order.includes(id))).toBe(true);
    expect([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(ids);
    expect(ids[0]).toBe('pscp-pre.seguiment');
    expect(ids.at(-1)).toBe('pscp-pre.missatge-fi-alta');
    expect(ids).toEqual(
      expect.arrayContaining([
        'pscp-pre.cda-ssl',
        'pscp-pre.ips',
        'pscp-pre.cercar-usuari',
        'pscp-pre.permisos-prohibits',
      ]),
    );
    // eLICITA's own steps do not apply to a PSCP ticket.
    expect(ids).not.toContain('pscp-pre.elicita-requereix-pscp');
    expect(ids).not.toContain('pscp-pre.permis-ofertes');
    const shot = screenshotPath('local-ticket-page.png');
    if (shot !== undefined) await t.page.screenshot({ path: shot });

    await t.step('pscp-pre.missatge-fi-alta').getByRole('button', { name: 'Escriure la resposta' }).click();
    const template = t.app.locator('input[name="reply-template"]:checked');
    await poll(() => template.getAttribute('value')).toBe('pscp-inici-homologacio');
    const insertPublic = t.app.getByRole('button', { name: 'Inserir com a resposta pública' });
    const nif = t.app.getByLabel("NIF de l'usuari amb permisos de publicació a la PSCP", { exact: true });
    // The ticket names no user: nothing can be inserted until the agent gives a valid NIF.
    expect(await nif.inputValue()).toBe('');
    expect(await insertPublic.isDisabled()).toBe(true);
    await nif.fill('99999972X');
    await t.app.getByText("Falta o no és vàlid: NIF de l'usuari amb permisos de publicació a la PSCP").waitFor();
    expect(await insertPublic.isDisabled()).toBe(true);
    await nif.fill(DEMO.userReady);
    await poll(() => t.text('reply-preview')).toContain(`el NIF ${DEMO.userReady}`);
    expect(await insertPublic.isEnabled()).toBe(true);
    const replies = screenshotPath('local-replies.png');
    if (replies !== undefined) await t.page.screenshot({ path: replies });

    expect(await t.page.getByTestId('editor').innerHTML()).toBe('');
    await insertPublic.click();
    await t.app.getByText("Resposta inserida a l'editor.").waitFor();
    const editor = await t.page.getByTestId('editor').innerHTML();
    expect(editor).toContain('Ens complau informar-vos que ja us hem donat permisos');
    expect(editor).toContain(`és el NIF ${DEMO.userReady}.`);
    expect(editor).toContain('href="https://github.com/ConsorciAOC/Homologacio-Serveis"');
    expect(await t.page.getByTestId('editor-type').textContent()).toBe('(public reply)');
  });

  it('Via Oberta AEAT: asked × PRO × PRE through the proxy; the Cadastre (MINHAP) branch, its CAID request as a note', async () => {
    await t.open('d04');
    expect(await t.text('service')).toBe('VO');
    expect(await t.productIds()).toEqual(['AEAT']);
    expect(await t.text('flags')).toBe('AEAT_CERT');
    await t.tab('Passos');
    const ids = await t.stepIds();
    expect(ids).toEqual(
      expect.arrayContaining(['vo-pre.autoritzacions-pro', 'vo-pre.aeat-cda', 'vo-pre.no-autoritzat-pro']),
    );
    expect(ids.filter((id) => id.startsWith('vo-pre.minhap-'))).toEqual([]);
    // Whether the ens is authorised in PRO is still open: the "not authorised" step waits on it.
    expect(await t.app.getByTestId('waits-vo-pre.no-autoritzat-pro').count()).toBe(1);

    await t.step('vo-pre.autoritzacions-pro').getByRole('button', { name: 'Fer la comprovació' }).click();
    expect(await t.app.getByLabel('Comprovació', { exact: true }).inputValue()).toBe('authorisation-coverage');
    await t.app.getByLabel("INE10 de l'ens", { exact: true }).fill(DEMO.barcelona.ine10);
    const answered = t.proxyAnswer('/v1/checks/authorisation-coverage?');
    await t.app.getByRole('button', { name: 'Comprovar' }).click();
    const answer = (await (await answered).json()) as ProxyAnswer;
    expect(answer.status).toBe(200);
    const body = answer.body as {
      rows: { asked: { code: string } }[];
      pro: { authorisations: { finalitat: { codi: string } }[] };
    };
    // One row per thing asked (the AEAT product), not one per authorisation the ens holds.
    expect(body.rows.map((r) => r.asked.code)).toEqual(['AEAT']);

    const rows = t.app.getByTestId('check-result').locator('tbody tr');
    await rows.first().waitFor();
    const table = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(table).toHaveLength(1);
    expect(table[0]?.[0]).toBe('AEAT');
    expect(table[0]?.[1]).toContain('AEAT_DADES / ECOT101 / GESTIO_TRIBUTARIA');
    // What PRO holds for another product is not part of the answer.
    expect(table.flat().join(' ')).not.toContain('CADASTRE');
    // An authorisation under an expired finalitat is not one.
    expect(body.pro.authorisations.map((a) => a.finalitat.codi)).not.toContain(DEMO.expiredFinalitat);
    expect(table.flat().join(' ')).not.toContain(DEMO.expiredFinalitat);
    // The answer settles the question: the "not authorised in PRO" step no longer applies.
    await t.tab('Passos');
    await t.step('vo-pre.autoritzacions-pre').waitFor();
    expect(await t.step('vo-pre.no-autoritzat-pro').count()).toBe(0);

    // Cadastre is a MINHAP product: the CAID request, in Spanish, for the ens's test procedure code.
    const santBoi = catalanMunicipalities().find((m) => m.name.includes('Sant Boi de Llobregat'));
    if (santBoi === undefined) throw new Error('Sant Boi de Llobregat is not in the demo municipalities');
    await t.open('d08');
    expect(await t.productIds()).toEqual(['CADASTRE']);
    expect(await t.text('flags')).toBe('MINHAP');
    await t.tab('Passos');
    expect(await t.stepIds()).toEqual(
      expect.arrayContaining(['vo-pre.minhap-finalitat', 'vo-pre.minhap-dir3', 'vo-pre.minhap-caid']),
    );
    await t.step('vo-pre.minhap-caid').getByRole('button', { name: 'Escriure la resposta' }).click();
    await poll(() => t.app.locator('input[name="reply-template"]:checked').getAttribute('value')).toBe('minhap-caid');
    expect(await t.app.getByLabel('Llengua', { exact: true }).inputValue()).toBe('es');
    const insertNote = t.app.getByRole('button', { name: 'Inserir com a nota interna' });
    expect(await insertNote.isDisabled()).toBe(true);
    await t.app.getByLabel(/^Codi de procediment de proves/).fill(`${santBoi.ine10}_PROVES`);
    await poll(() => insertNote.isEnabled()).toBe(true);
    await insertNote.click();
    await t.app.getByText("Resposta inserida a l'editor.").waitFor();
    expect(await t.page.getByTestId('editor-type').textContent()).toBe('(internal note)');
    const note = await t.page.getByTestId('editor').innerHTML();
    expect(note).toContain(`Código de procedimiento: ${santBoi.ine10}_PROVES`);
    expect(note).toContain(
      `Petición acceso a datos ${PRODUCTS.CADASTRE.name} para Ajuntament de Sant Boi de Llobregat.`,
    );
  });

  it('SetDIBA: straight to PRO with its steps; splitting per service applies its macro; the classification is written back', async () => {
    await t.open('d14');
    expect(await t.text('service')).toBe('MUX');
    expect(await t.text('environment')).toBe('PRO');
    expect(await t.text('flags')).toContain('SETDIBA');
    await t.tab('Passos');
    const mux = await t.stepIds();
    expect(mux.every((id) => id.startsWith('setdiba.'))).toBe(true);
    expect(mux).toEqual(expect.arrayContaining(['setdiba.alta-pro', 'setdiba.mux-data']));

    await t.open('d16');
    expect(await t.text('service')).toBe('ETAULER');
    expect(await t.text('environment')).toBe('PRO');
    await t.tab('Passos');
    const ids = await t.stepIds();
    expect(ids.every((id) => id.startsWith('setdiba.'))).toBe(true);
    expect(ids).toEqual(
      expect.arrayContaining(['setdiba.un-tiquet-per-servei', 'setdiba.alta-pro', 'setdiba.certificat']),
    );
    expect(ids).not.toContain('setdiba.mux-data');

    expect(await t.page.getByTestId('macros').textContent()).toContain('Macros applied: —');
    const split = t.step('setdiba.un-tiquet-per-servei');
    await split.getByRole('button', { name: 'Aplicar al tiquet' }).click();
    await split.getByText('Aplicat.').waitFor();
    expect(await t.page.getByTestId('macros').textContent()).toContain('Macros applied: split-per-service');

    await t.tab('Classificació');
    await t.app.getByRole('button', { name: 'Escriure al tiquet' }).click();
    await t.app.getByText('Classificació escrita al tiquet.').waitFor();
    const tags = ((await t.page.getByTestId('ticket-tags').textContent()) ?? '').replace(/^Tags: /, '').split(', ');
    expect(tags).toEqual(expect.arrayContaining(['aoc_etauler', 'aoc_pro', 'aoc_setdiba', 'aoc_multi_service']));
    const fields = (await t.page.getByTestId('macros').textContent()) ?? '';
    expect(fields).toMatch(/9001=ETAULER/);
    expect(fields).toMatch(/9002=PRO/);
  });

  it("the agent's correction of the classification changes the steps shown", async () => {
    await t.open('d07');
    expect(await t.text('service')).toBe('VO');
    await t.tab('Passos');
    const before = await t.stepIds();
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((id) => id.startsWith('vo-pre.'))).toBe(true);

    await t.tab('Classificació');
    await t.app.getByRole('button', { name: 'Corregir' }).click();
    await t.app.getByLabel('Servei', { exact: true }).selectOption('PSCP');
    await t.app.getByLabel('Entorn', { exact: true }).selectOption('PRO');
    await t.app.getByRole('button', { name: 'Fet' }).click();
    expect(await t.text('service')).toBe('PSCP');
    expect(await t.text('environment')).toBe('PRO');
    // Each corrected field says so (its evidence row and the card's mark).
    await t.app.getByText("corregit per l'agent").first().waitFor();

    await t.tab('Passos');
    await t.app.getByRole('heading', { name: 'PSCP / eLICITA: pas a producció' }).waitFor();
    const after = await t.stepIds();
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((id) => id.startsWith('pscp-pro.'))).toBe(true);

    // Back to the automatic classification: the Via Oberta steps again.
    await t.tab('Classificació');
    await t.app.getByRole('button', { name: 'Corregir' }).click();
    await t.app.getByRole('button', { name: 'Tornar a la classificació automàtica' }).click();
    expect(await t.text('service')).toBe('VO');
    await t.tab('Passos');
    await t.app.getByRole('heading', { name: 'Via Oberta: integració a preproducció' }).waitFor();
    expect(await t.stepIds()).toEqual(before);
  });

  // A field is labelled by what it is, in the agent's language: no variable name in sight.
  it("a reply's variable fields are labelled in the agent's language", async () => {
    await t.open('d01');
    await t.tab('Respostes');
    await t.app.getByLabel("NIF de l'usuari amb permisos de publicació a la PSCP", { exact: true }).waitFor();
    expect(await t.app.getByText(/userNif/).count()).toBe(0);
  });

  // Regression: the app asks `resize` with {height: '<n>px'} (as Zendesk expects); the local
  // page's frame must follow it.
  it("the sidebar's frame follows the app's height", async () => {
    await t.open('d08');
    await t.tab('Passos');
    await t.step('vo-pre.registre-integrador').waitFor();
    const content = await t.app.locator('.assistant').evaluate((el) => el.getBoundingClientRect().height);
    expect(content).toBeGreaterThan(1000);
    const frame = t.page.locator('iframe[title="AOC integration assistant"]');
    await expect
      .poll(() => frame.evaluate((el) => el.getBoundingClientRect().height), { timeout: 5000, interval: 100 })
      .toBeGreaterThanOrEqual(content);
  });

  it('a ticked step is still ticked after the page reloads (kept by the proxy)', async () => {
    await t.open('d24');
    const ticket = await t.ticketId('d24');
    await t.tab('Passos');
    const step = t.step('pscp-pre.cda-ssl');
    const checkbox = step.getByRole('checkbox');
    expect(await checkbox.isChecked()).toBe(false);
    const saved = t.proxyAnswer(`/v1/tickets/${String(ticket)}/progress/pscp-pre.cda-ssl`, 'PUT');
    await checkbox.check({ force: true });
    const answer = (await (await saved).json()) as ProxyAnswer;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ stepId: 'pscp-pre.cda-ssl', done: true, byName: 'Agent local' });
    await step.getByText(/Fet per Agent local/).waitFor();

    await t.page.reload();
    await t.open('d24');
    await t.tab('Passos');
    await step.getByText(/Fet per Agent local/).waitFor();
    expect(await checkbox.isChecked()).toBe(true);
    // Not a leftover of the browser's queue of unsent changes: the proxy had it.
    expect(await t.page.evaluate((id) => localStorage.getItem(`aoc.queue.${String(id)}`), ticket)).toBeNull();
    // Only that step.
    expect(await t.step('pscp-pre.ips').getByRole('checkbox').isChecked()).toBe(false);
  });
});
