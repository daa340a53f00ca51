// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_IDS, TEMPLATES } from '../../../src/domain/templates';
import { chosenTemplate, mount, PROXY } from '../harness';
import { standInProxy } from '../proxy-handlers';

const { log } = standInProxy();

const tab = (name: RegExp) => {
  fireEvent.click(screen.getByRole('tab', { name }));
};
const radios = (el: HTMLElement) => within(el).queryAllByRole<HTMLInputElement>('radio');

describe('the template list', () => {
  it('lists the plan’s replies first, by their whole names, and the others one click away', async () => {
    mount();
    await screen.findByTestId('service');
    tab(/Respostes/);
    const list = await screen.findByTestId('template-list');
    const plan = within(list).getByRole('group', { name: "Del pla d'aquest tiquet" });
    // The Vila-seca Cadastre ticket (a MINHAP product): the CAID request, its signature, the homologation.
    expect(radios(plan).map((r) => r.value)).toEqual(['minhap-caid', 'portasignatures-signatura', 'vo-homologacio']);
    expect(await chosenTemplate()).toBe('minhap-caid');
    // Whole names, as the templates give them: nothing cut, nothing added.
    for (const r of radios(plan)) {
      const id = r.value as keyof typeof TEMPLATES;
      expect(r.closest('[data-garden-id="forms.field"]')?.textContent).toBe(TEMPLATES[id].title.ca);
    }
    // The others are behind one button, and all there once opened.
    expect(radios(list)).toHaveLength(3);
    const others = within(list).getByRole('button', { name: `Altres respostes (${String(TEMPLATE_IDS.length - 3)})` });
    expect(others.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(others);
    expect(others.getAttribute('aria-expanded')).toBe('true');
    expect(new Set(radios(list).map((r) => r.value))).toEqual(new Set(TEMPLATE_IDS));
    expect(
      radios(list)
        .slice(0, 3)
        .map((r) => r.value),
    ).toEqual(radios(plan).map((r) => r.value));

    fireEvent.click(radios(list).find((r) => r.value === 'vo-coetc') ?? list);
    expect(await chosenTemplate()).toBe('vo-coetc');
    await waitFor(() => {
      expect(screen.getByTestId('reply-preview').textContent).not.toBe('');
    });
  });
});

describe('after a step’s message is inserted', () => {
  it('offers to tick the step in one click, and ticks nothing until then', async () => {
    const { zendesk } = mount();
    await screen.findByTestId('service');
    tab(/Passos/);
    const step = await screen.findByTestId('step-vo-pre.minhap-caid');
    fireEvent.click(within(step).getByRole('button', { name: 'Escriure la resposta' }));
    await waitFor(() => {
      expect(screen.getByTestId('reply-preview').textContent).toContain('Ajuntament de Vila-seca');
    });
    expect(screen.queryByRole('button', { name: /^Marcar com a fet el pas/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Inserir com a nota interna' }));
    await screen.findByText("Resposta inserida a l'editor.");
    expect(zendesk.ticket.editor.html).not.toBe('');
    const offer = screen.getByRole('button', {
      name: "Marcar com a fet el pas «MINHAP: obrir el tiquet al CAID amb l'Excel (entorn de proves)»",
    });
    expect(log.puts.filter((p) => p.url.includes('/progress/'))).toEqual([]);
    fireEvent.click(offer);
    await waitFor(() => {
      expect(log.puts.filter((p) => p.url.includes('/progress/')).map((p) => [p.url, p.body])).toEqual([
        [`${PROXY}/v1/tickets/4242/progress/vo-pre.minhap-caid`, { done: true, procedure: 'vo-pre' }],
      ]);
    });
    await waitFor(() => {
      expect(screen.queryByRole('button', { name: /^Marcar com a fet el pas/ })).toBeNull();
    });
    tab(/Passos/);
    expect(within(screen.getByTestId('step-vo-pre.minhap-caid')).getByRole('checkbox')).toHaveProperty('checked', true);
  });
});
