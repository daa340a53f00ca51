// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BASE_SETTINGS, mount, PROXY } from '../harness';
import { standInProxy } from '../proxy-handlers';

/**
 * The steps tab as an agent uses it all day: no action applied ahead of what it waits for without
 * a yes, a check's answer said on its step, one click to tick a step after its action, done steps
 * out of the way, and each question said once.
 */
const { log } = standInProxy();

const AUTHORISED_IN_PRO = /L'ens ja té a PRO els productes, modalitats i finalitats que demana/;
const WITH_TRANSFER_MACRO = { ...BASE_SETTINGS, macroIds: `${BASE_SETTINGS.macroIds}\ntransfer-support-unit=9003` };

const tab = (name: RegExp) => {
  fireEvent.click(screen.getByRole('tab', { name }));
};

async function openSteps(settings?: Record<string, unknown>) {
  const mounted = mount(settings === undefined ? {} : { settings });
  await screen.findByTestId('service');
  tab(/Passos/);
  await screen.findByTestId('step-vo-pre.autoritzacions-pro');
  return mounted;
}

const progressPuts = () => log.puts.filter((p) => p.url.includes('/progress/'));

describe('applying a step’s action', () => {
  it('asks first while the step waits on an unanswered question; cancel leaves the ticket as it was', async () => {
    const { zendesk } = await openSteps(WITH_TRANSFER_MACRO);
    const step = screen.getByTestId('step-vo-pre.no-autoritzat-pro');
    const statusBefore = zendesk.ticket.status;
    fireEvent.click(within(step).getByRole('button', { name: 'Aplicar al tiquet' }));
    const confirm = await within(step).findByTestId('apply-confirm-vo-pre.no-autoritzat-pro');
    // What is unanswered, in words.
    expect(confirm.textContent).toMatch(AUTHORISED_IN_PRO);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel·lar' }));
    expect(within(step).queryByTestId('apply-confirm-vo-pre.no-autoritzat-pro')).toBeNull();
    expect(zendesk.ticket.macrosApplied).toEqual([]);
    expect(zendesk.ticket.status).toBe(statusBefore);
    expect(within(step).queryByText('Aplicat.')).toBeNull();

    fireEvent.click(within(step).getByRole('button', { name: 'Aplicar al tiquet' }));
    fireEvent.click(await within(step).findByRole('button', { name: 'Aplicar igualment' }));
    await within(step).findByText('Aplicat.');
    expect(zendesk.ticket.macrosApplied).toEqual([9003]);
  });

  it('applies at once a step that waits for nothing, then offers to tick it and ticks only on the click', async () => {
    const { zendesk } = await openSteps(WITH_TRANSFER_MACRO);
    // The check answers that the ens is not authorised in PRO: the transfer step then applies.
    const asker = screen.getByTestId('step-vo-pre.autoritzacions-pro');
    fireEvent.click(
      within(within(asker).getByRole('group', { name: AUTHORISED_IN_PRO })).getByRole('button', { name: 'No' }),
    );
    const step = await screen.findByTestId('step-vo-pre.no-autoritzat-pro');
    await waitFor(() => {
      expect(step.className).toContain('applies');
    });
    fireEvent.click(within(step).getByRole('button', { name: 'Aplicar al tiquet' }));
    await within(step).findByText('Aplicat.');
    expect(zendesk.ticket.macrosApplied).toEqual([9003]);
    expect(within(step).queryByTestId('apply-confirm-vo-pre.no-autoritzat-pro')).toBeNull();
    // Offered, not done: nothing is ticked until the agent says so.
    const offer = within(step).getByRole('button', { name: 'Marcar el pas com a fet' });
    expect(progressPuts()).toEqual([]);
    fireEvent.click(offer);
    await waitFor(() => {
      expect(progressPuts().map((p) => [p.url, p.body])).toEqual([
        [`${PROXY}/v1/tickets/4242/progress/vo-pre.no-autoritzat-pro`, { done: true, procedure: 'vo-pre' }],
      ]);
    });
    await waitFor(() => {
      expect(
        within(screen.getByTestId('step-vo-pre.no-autoritzat-pro')).queryByRole('button', {
          name: 'Marcar el pas com a fet',
        }),
      ).toBeNull();
    });
  });
});

describe('a check’s result on the step', () => {
  it('answers the step’s question, says it came from the check, and lets the agent change it', async () => {
    await openSteps();
    const step = () => screen.getByTestId('step-vo-pre.autoritzacions-pro');
    fireEvent.click(within(step()).getByRole('button', { name: 'Fer la comprovació' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Comprovar' }));
    // The checks tab says which step the run answered.
    expect((await screen.findByTestId('check-answered')).textContent).toBe(
      "Respon el pas «Comprovar que l'ens té a PRO les autoritzacions que demana»: Sí",
    );
    await waitFor(() => {
      expect(log.puts.find((p) => p.url.endsWith('/answers/vo.authorisedInPro'))?.body).toEqual({
        value: true,
        procedure: 'vo-pre',
      });
    });
    tab(/Passos/);
    const said = await within(step()).findByTestId('from-check-vo.authorisedInPro');
    // Named by the check the step runs (its name in the checks tab's list).
    expect(said.textContent).toMatch(/^Resposta de la comprovació «[^»]+»: Sí$/);
    const question = within(step()).getByRole('group', { name: AUTHORISED_IN_PRO });
    expect(within(question).getByRole('button', { name: 'Sí' }).getAttribute('aria-pressed')).toBe('true');

    // The agent knows better: their answer replaces the check's, and the step no longer says "from the check".
    fireEvent.click(within(question).getByRole('button', { name: 'No' }));
    await waitFor(() => {
      expect(within(step()).queryByTestId('from-check-vo.authorisedInPro')).toBeNull();
    });
    const again = within(step()).getByRole('group', { name: AUTHORISED_IN_PRO });
    expect(within(again).getByRole('button', { name: 'No' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => {
      expect(log.puts.filter((p) => p.url.endsWith('/answers/vo.authorisedInPro')).at(-1)?.body).toEqual({
        value: false,
        procedure: 'vo-pre',
      });
    });
  });
});

describe('less to read', () => {
  it('folds a done step to its title line, and opens it again on its button', async () => {
    await openSteps();
    const step = () => screen.getByTestId('step-vo-pre.minhap-finalitat');
    const detail = /Cerca la finalitat INE10_PROVES en les dues formes/;
    expect(within(step()).getByText(detail)).toBeDefined();
    const toggle = () => within(step()).getByRole('button', { name: /^(Obrir|Plegar) el pas \d+$/ });
    expect(toggle().getAttribute('aria-expanded')).toBe('true');

    fireEvent.click(within(step()).getAllByRole('checkbox')[0] ?? step());
    await waitFor(() => {
      expect(toggle().getAttribute('aria-expanded')).toBe('false');
    });
    expect(within(step()).queryByText(detail)).toBeNull();
    expect(within(step()).queryByRole('button', { name: 'Fer la comprovació' })).toBeNull();
    // Who did it stays on the folded step.
    expect(within(step()).getByText(/Fet per Agent Test/)).toBeDefined();
    // A real button (reachable and pressed from the keyboard) that names what it opens.
    expect(toggle().tagName).toBe('BUTTON');
    const controlled = document.getElementById(toggle().getAttribute('aria-controls') ?? '');
    expect(controlled?.hidden).toBe(true);

    fireEvent.click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(within(step()).getByText(detail)).toBeDefined();
    expect(controlled?.hidden).toBe(false);
  });

  it('moves a step the answers skip out of the list, and shows it folded, without its buttons', async () => {
    await openSteps();
    const skipped = () => screen.getByTestId('step-vo-pre.no-autoritzat-pro');
    const toggle = () => within(skipped()).getByRole('button', { name: /^(Obrir|Plegar) el pas \d+$/ });
    expect(within(skipped()).getByRole('button', { name: 'Aplicar al tiquet' })).toBeDefined();
    // Already authorised in PRO: the step that hands an unauthorised ens on no longer applies.
    const asked = within(screen.getByTestId('step-vo-pre.autoritzacions-pro')).getByRole('group', {
      name: AUTHORISED_IN_PRO,
    });
    fireEvent.click(within(asked).getByRole('button', { name: 'Sí' }));
    // It leaves the list for the line of steps that do not apply; shown from there, it is short.
    await waitFor(() => {
      expect(screen.queryByTestId('step-vo-pre.no-autoritzat-pro')).toBeNull();
    });
    fireEvent.click(screen.getByRole('button', { name: 'Mostrar-los' }));
    expect(skipped().className).toContain('skipped');
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(within(skipped()).queryByRole('button', { name: 'Aplicar al tiquet' })).toBeNull();
    expect(within(skipped()).queryByTestId('waits-vo-pre.no-autoritzat-pro')).toBeNull();
  });

  it('says each question once, at its step; the steps waiting for it name that step by its number', async () => {
    await openSteps();
    const panel = screen.getByRole('region', { name: 'Passos' });
    const asked = "El MINHAP ha confirmat l'autorització?";
    expect(panel.textContent.split(asked)).toHaveLength(2);
    expect(screen.getAllByRole('group', { name: asked })).toHaveLength(1);
    const asker = screen.getByTestId('step-vo-pre.minhap-esperar');
    const number = [...panel.querySelectorAll('li[data-testid^="step-"]')].indexOf(asker) + 1;
    const waits = screen.getByTestId('waits-vo-pre.alta-siri');
    const link = within(waits).getByRole('button', { name: `Anar al pas ${String(number)}: ${asked}` });
    expect(link.textContent).toBe(String(number));
    // Following the link opens the step that asks.
    const askerToggle = within(asker).getByRole('button', { name: /^(Obrir|Plegar) el pas \d+$/ });
    expect(askerToggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(link);
    expect(askerToggle.getAttribute('aria-expanded')).toBe('true');
  });
});
