// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import { loadLazyPanels, mount } from './harness';
import { standInProxy } from './proxy-handlers';

standInProxy();

beforeAll(async () => {
  await loadLazyPanels();
});

/**
 * The label Garden gives a validation message's icon (`$validationLabel`). Without one Garden warns
 * in the console and reads out its English default ("error", "warning"); the app gives its own.
 */
const iconLabels = (): (string | null)[] =>
  [...document.querySelectorAll('[data-garden-id="forms.input_message"] svg')].map((svg) =>
    svg.getAttribute('aria-label'),
  );

describe('validation messages', () => {
  it.each([
    ['ca', "INE10 de l'ens", 'Error', 'Avís'],
    ['es', 'INE10 del ente', 'Error', 'Aviso'],
    ['en', "The ens's INE10", 'Error', 'Warning'],
  ])(
    'label their icons in the agent’s language (%s), never with Garden’s default',
    async (locale, field, error, warning) => {
      mount({ locale });
      await screen.findByTestId('service');
      fireEvent.click(screen.getAllByRole('tab')[3] ?? document.body);
      const input = await screen.findByLabelText(field);
      fireEvent.change(input, { target: { value: '12345' } });
      await waitFor(() => {
        expect(iconLabels()).toEqual([error]);
      });
      // Barcelona's INE10 without its leading zero: valid, with a note that the zero was restored.
      fireEvent.change(input, { target: { value: DEMO.barcelona.ine10.slice(1) } });
      await waitFor(() => {
        expect(iconLabels()).toEqual([warning]);
      });
    },
  );
});
