// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mount, vilaSecaPscpTicket } from './harness';
import { standInProxy } from './proxy-handlers';

standInProxy();

const tab = (name: RegExp) => {
  fireEvent.click(screen.getByRole('tab', { name }));
};
const chosenCheck = async () => (await screen.findByLabelText<HTMLSelectElement>('Comprovació')).value;
/** The panel follows the plan, which the app computes after its first render: wait for it to settle. */
const expectCheck = async (expected: string | RegExp) => {
  await waitFor(async () => {
    const value = await chosenCheck();
    if (typeof expected === 'string') expect(value).toBe(expected);
    else expect(value).toMatch(expected);
  });
};

describe('the checks tab', () => {
  it('opens on a check of the ticket’s service: a PSCP ticket on a PSCP check, not on SIRI', async () => {
    mount({ ticket: vilaSecaPscpTicket() });
    expect((await screen.findByTestId('service')).textContent).toBe('PSCP');
    tab(/Comprovacions/);
    await expectCheck(/^pscp-/);
  });

  it('opens on the Via Oberta ticket’s first check still to do', async () => {
    mount();
    await screen.findByTestId('service');
    tab(/Comprovacions/);
    // The manual's Pas 1: compare what is asked with what PRO and PRE already hold.
    await expectCheck('authorisation-coverage');
  });

  it('keeps the check a step asked for when the agent clicks the open tab or goes away and back', async () => {
    mount();
    await screen.findByTestId('service');
    tab(/Passos/);
    const [first] = await screen.findAllByRole('button', { name: 'Fer la comprovació' });
    if (first === undefined) throw new Error('no step runs a check');
    fireEvent.click(first);
    const asked = await chosenCheck();
    // Pick another check by hand, then click the open tab: the choice stays.
    const select = screen.getByLabelText<HTMLSelectElement>('Comprovació');
    const other = [...select.options].map((o) => o.value).find((v) => v !== asked);
    if (other === undefined) throw new Error('only one check');
    fireEvent.change(select, { target: { value: other } });
    tab(/Comprovacions/);
    await expectCheck(other);
    // Away and back: the panel opens again on the check the step asked for.
    tab(/Passos/);
    tab(/Comprovacions/);
    await expectCheck(asked);
  });
});
