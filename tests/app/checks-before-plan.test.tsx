// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { useSyncExternalStore } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { mount, vilaSecaPscpTicket } from './harness';
import { standInProxy } from './proxy-handlers';

// The procedures arrive when the test says so: the checks tab is opened before they do.
const gate = vi.hoisted(() => {
  const listeners = new Set<() => void>();
  const state = { open: false };
  return {
    state,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open: () => {
      state.open = true;
      for (const listener of listeners) listener();
    },
  };
});
vi.mock('../../src/app/steps/usePlan', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/app/steps/usePlan')>();
  return {
    ...real,
    useLibrary: () => {
      const library = real.useLibrary();
      const open = useSyncExternalStore(gate.subscribe, () => gate.state.open);
      return open ? library : undefined;
    },
  };
});

standInProxy();

describe('the checks tab before the procedures are loaded', () => {
  it('waits for the plan instead of showing another service’s check, then opens on the plan’s', async () => {
    mount({ ticket: vilaSecaPscpTicket() });
    expect((await screen.findByTestId('service')).textContent).toBe('PSCP');
    fireEvent.click(screen.getByRole('tab', { name: /Comprovacions/ }));
    const panel = screen.getByRole('tabpanel');
    // Every check the panel shows, from the click on: a panel that does not wait shows the
    // registry's first check (SIRI) as soon as its module is in, before the plan.
    const shown: string[] = [];
    const seen = () => {
      const value = panel.querySelector('select')?.value;
      if (value !== undefined && shown.at(-1) !== value) shown.push(value);
    };
    const observer = new MutationObserver(seen);
    observer.observe(panel, { subtree: true, childList: true, attributes: true });
    // The procedures stay away long enough for the panel's own module to load, or until it shows a check.
    for (let waited = 0; waited < 5000 && shown.length === 0; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(shown).toEqual([]);
    expect(panel.querySelector('[aria-label="Carregant el tiquet…"]')).not.toBeNull();
    act(() => {
      gate.open();
    });
    const select = await screen.findByLabelText<HTMLSelectElement>('Comprovació');
    seen();
    observer.disconnect();
    // The first check it shows is already the plan's: a PSCP one.
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((v) => v.startsWith('pscp-'))).toBe(true);
    expect(select.value).toMatch(/^pscp-/);
  });
});
