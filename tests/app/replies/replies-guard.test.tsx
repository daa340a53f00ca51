// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TEMPLATES, TEMPLATE_IDS } from '../../../src/domain/templates/registry';
import { chooseTemplate, mount } from '../harness';
import { standInProxy } from '../proxy-handlers';

standInProxy();

/** Opens the MINHAP request to CAID (a message to a third party) from its step. */
async function openCaidReply() {
  const mounted = mount();
  await screen.findByTestId('service');
  fireEvent.click(screen.getByRole('tab', { name: /Passos/ }));
  const step = await screen.findByTestId('step-vo-pre.minhap-caid');
  fireEvent.click(within(step).getByRole('button', { name: 'Escriure la resposta' }));
  await waitFor(() => {
    expect(screen.getByTestId('reply-preview').textContent).toContain('Ajuntament de Vila-seca');
  });
  return mounted;
}

describe('inserting replies without accidents', () => {
  it('never adds a public reply to an internal note being written, nor changes its type', async () => {
    const { zendesk } = await openCaidReply();
    zendesk.ticket.editor = { type: 'internalNote', html: '<p>Esperem la resposta del col·legi.</p>' };
    fireEvent.click(screen.getByRole('button', { name: 'Inserir com a resposta pública' }));
    expect(await screen.findByText(/ja té una nota interna a mig escriure/)).toBeDefined();
    expect(zendesk.ticket.editor).toEqual({ type: 'internalNote', html: '<p>Esperem la resposta del col·legi.</p>' });
  });

  it('never appends an internal note to a public reply being written, nor changes its type', async () => {
    const { zendesk } = await openCaidReply();
    zendesk.ticket.editor = { type: 'publicReply', html: '<p>Bon dia, us escrivim per…</p>' };
    fireEvent.click(screen.getByRole('button', { name: 'Inserir com a nota interna' }));
    expect(await screen.findByText(/ja té una resposta pública a mig escriure/)).toBeDefined();
    expect(zendesk.ticket.editor).toEqual({ type: 'publicReply', html: '<p>Bon dia, us escrivim per…</p>' });
  });

  it('asks before inserting the same reply twice, and inserts it again only on yes', async () => {
    const { zendesk } = await openCaidReply();
    const insertNote = () => {
      fireEvent.click(screen.getByRole('button', { name: 'Inserir com a nota interna' }));
    };
    insertNote();
    await screen.findByText("Resposta inserida a l'editor.");
    const once = zendesk.ticket.editor.html;
    insertNote();
    expect(await screen.findByText(/ja s'ha inserit en aquest tiquet/)).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel·lar' }));
    expect(zendesk.ticket.editor.html).toBe(once);
    // Still asked after the editor was sent and emptied: the ticket remembers what went in.
    zendesk.ticket.editor = { type: 'internalNote', html: '' };
    insertNote();
    fireEvent.click(await screen.findByRole('button', { name: 'Inserir-la igualment' }));
    await waitFor(() => {
      expect(zendesk.ticket.editor.html).toBe(once);
    });
  });

  it('copies a message for a third party, and offers no copy for a message to the ens', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await openCaidReply();
    fireEvent.click(screen.getByRole('button', { name: 'Copiar el text' }));
    expect(await screen.findByText(/Text copiat/)).toBeDefined();
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('Ajuntament de Vila-seca'));
    await chooseTemplate('pscp-inici-homologacio');
    await screen.findByText(/Falta o no és vàlid/);
    expect(screen.queryByRole('button', { name: 'Copiar el text' })).toBeNull();
  });

  it('copies every message for a third party (CAID, col·legi, PortaSignatures, head of service), none for the ens', async () => {
    mount();
    await screen.findByTestId('service');
    fireEvent.click(screen.getByRole('tab', { name: /Respostes/ }));
    const audiences = new Set<string>();
    for (const id of TEMPLATE_IDS) {
      await chooseTemplate(id);
      const audience = TEMPLATES[id].audience;
      audiences.add(audience);
      await waitFor(() => {
        expect({ id, copy: screen.queryByRole('button', { name: 'Copiar el text' }) !== null }).toEqual({
          id,
          copy: audience !== 'ens',
        });
      });
    }
    expect([...audiences].sort()).toEqual(['collegi', 'ens', 'head-of-service', 'minhap', 'signatory']);
  });

  it('says why the insert buttons are off while a value is missing', async () => {
    mount();
    await screen.findByTestId('service');
    fireEvent.click(screen.getByRole('tab', { name: /Respostes/ }));
    await chooseTemplate('pscp-inici-homologacio');
    const button = await screen.findByRole<HTMLButtonElement>('button', { name: 'Inserir com a resposta pública' });
    await waitFor(() => {
      expect(button.disabled).toBe(true);
    });
    const why = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toContain("NIF de l'usuari amb permisos de publicació a la PSCP");
  });
});
