// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { chooseTemplate, mount, PROXY, vilaSecaTicket } from './harness';
import { standInProxy } from './proxy-handlers';

const { log, server } = standInProxy();

/** The label of the PSCP user's NIF, as the replies panel shows it in Catalan. */
const USER_NIF = "NIF de l'usuari amb permisos de publicació a la PSCP";

const tab = (name: RegExp) => {
  fireEvent.click(screen.getByRole('tab', { name }));
};

describe('classification', () => {
  it('shows the classification with its evidence, in the agent’s language', async () => {
    mount();
    expect(await screen.findByTestId('service')).toHaveProperty('textContent', 'VO');
    expect(screen.getByTestId('products').textContent).toContain('CADASTRE');
    expect(screen.getByTestId('flags').textContent).toContain('MINHAP');
    expect(screen.getAllByText(/MINHAP: CADASTRE necessita l'autorització de l'Estat/).length).toBeGreaterThan(0);
    expect(screen.getByRole('tab', { name: 'Passos' })).toBeDefined();
  });

  it.each([
    ['en-GB', 'Steps'],
    ['es-ES', 'Pasos'],
    ['fr', 'Passos'],
  ])('follows the locale %s', async (locale, steps) => {
    mount({ locale });
    expect(await screen.findByRole('tab', { name: steps })).toBeDefined();
  });

  it('lets the agent correct a value, which the rest of the app then uses', async () => {
    mount();
    await screen.findByTestId('service');
    fireEvent.click(screen.getByRole('button', { name: 'Corregir' }));
    fireEvent.change(screen.getByLabelText('Servei'), { target: { value: 'PSCP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Fet' }));
    expect(screen.getByTestId('service').textContent).toBe('PSCP');
    expect(screen.getByText(/^✎ corregit per l'agent/)).toBeDefined();
    expect(screen.getByText("Servei corregit per l'agent: PSCP")).toBeDefined();
    tab(/Passos/);
    expect(await screen.findByText(/PSCP \/ eLICITA: integració a preproducció/)).toBeDefined();
  });

  it('writes the classification back to the configured fields and tags', async () => {
    const { zendesk } = mount();
    await screen.findByTestId('service');
    fireEvent.click(screen.getByRole('button', { name: 'Escriure al tiquet' }));
    await screen.findByText('Classificació escrita al tiquet.');
    expect(zendesk.ticket.customFields).toMatchObject({ '360001': 'VO', '360002': 'PRE' });
    expect(zendesk.ticket.tags).toEqual(
      expect.arrayContaining(['alta_servei', 'aoc_vo', 'aoc_pre', 'aoc_age', 'aoc_minhap']),
    );
  });
});

describe('steps', () => {
  it('shows the procedure and shares a ticked step through the proxy, signed by Zendesk', async () => {
    mount();
    await screen.findByTestId('service');
    tab(/Passos/);
    const step = await screen.findByTestId('step-vo-pre.minhap-caid');
    fireEvent.click(within(step).getByRole('checkbox'));
    await waitFor(() => {
      expect(log.puts).toHaveLength(1);
    });
    expect(log.puts[0]?.url).toBe(`${PROXY}/v1/tickets/4242/progress/vo-pre.minhap-caid`);
    expect(log.puts[0]?.body).toEqual({ done: true, procedure: 'vo-pre' });
    expect(log.puts[0]?.headers.authorization).toBe('Bearer {{jwt.token}}');
    expect(await within(step).findByText(/Fet per Agent Test/)).toBeDefined();
  });

  it('shows what a waiting step waits for, asks the question once at its own step, and lifts the wait once answered', async () => {
    mount();
    await screen.findByTestId('service');
    tab(/Passos/);
    const siri = await screen.findByTestId('step-vo-pre.alta-siri');
    expect(within(siri).getByText('Espera')).toBeDefined();
    // The wait names the asking step by its number; the question itself is its link's name.
    const waits = screen.getByTestId('waits-vo-pre.alta-siri');
    expect(within(waits).getByRole('button', { name: /El MINHAP ha confirmat/ })).toBeDefined();
    // The question is asked at the step that asks it, not at every step that waits for it.
    expect(within(siri).queryByRole('group', { name: /El MINHAP ha confirmat/ })).toBeNull();
    const asker = screen.getByTestId('step-vo-pre.minhap-esperar');
    const question = within(asker).getByRole('group', { name: /El MINHAP ha confirmat/ });
    fireEvent.click(within(question).getByRole('button', { name: 'Sí' }));
    await waitFor(() => {
      const siriNow = screen.getByTestId('step-vo-pre.alta-siri');
      expect(within(siriNow).queryByRole('button', { name: /El MINHAP ha confirmat/ })).toBeNull();
    });
  });

  it('keeps a ticked step and says so when the proxy is down', async () => {
    server.use(
      http.get(`${PROXY}/v1/tickets/:id/progress`, () => HttpResponse.error()),
      http.put(`${PROXY}/v1/tickets/:id/progress/:step`, () => HttpResponse.error()),
    );
    mount();
    await screen.findByTestId('service');
    tab(/Passos/);
    expect(await screen.findByText(/No s'ha pogut contactar amb el proxy/)).toBeDefined();
    const step = screen.getByTestId('step-vo-pre.minhap-excel');
    // The step's own tick comes first; its Documents section (loaded later) has checkboxes of its own.
    const tick = () => within(step).getAllByRole<HTMLInputElement>('checkbox')[0];
    fireEvent.click(tick() ?? step);
    await waitFor(() => {
      expect(tick()?.checked).toBe(true);
    });
    expect(localStorage.getItem('aoc.queue.4242')).toContain('vo-pre.minhap-excel');
  });

  it('applies a step’s macro through Zendesk, and explains a macro that is not configured', async () => {
    const ticket = vilaSecaTicket({
      subject: 'Integració SOC',
      tags: [],
      description: 'Volem integrar el SOC via Via Oberta.',
    });
    const { zendesk } = mount({ ticket });
    await screen.findByTestId('service');
    tab(/Passos/);
    const step = await screen.findByTestId('step-vo-pre.no-via-alta');
    fireEvent.click(within(step).getByRole('button', { name: 'Aplicar al tiquet' }));
    await within(step).findByText('Aplicat.');
    expect(zendesk.ticket.macrosApplied).toEqual([9001]);
    expect(zendesk.ticket.status).toBe('solved');
  });
});

describe('replies', () => {
  it('opens the step’s reply prefilled, and inserts it as an internal note', async () => {
    const { zendesk } = mount();
    await screen.findByTestId('service');
    tab(/Passos/);
    const step = await screen.findByTestId('step-vo-pre.minhap-caid');
    fireEvent.click(within(step).getByRole('button', { name: 'Escriure la resposta' }));
    expect(await screen.findByDisplayValue('4317110007_PROVES')).toBeDefined();
    await waitFor(() => {
      expect(screen.getByTestId('reply-preview').textContent).toContain(
        'Petición acceso a datos Cadastre para Ajuntament de Vila-seca',
      );
    });
    fireEvent.click(screen.getByRole('button', { name: 'Inserir com a nota interna' }));
    await screen.findByText("Resposta inserida a l'editor.");
    expect(zendesk.ticket.editor.type).toBe('internalNote');
    expect(zendesk.ticket.editor.html).toContain('Solicitamos que se autorice a la entidad Ajuntament de Vila-seca');
  });

  it('refuses to insert a reply with a missing or invalid variable, and names it', async () => {
    const { zendesk } = mount();
    await screen.findByTestId('service');
    tab(/Respostes/);
    await chooseTemplate('pscp-inici-homologacio');
    expect(
      await screen.findByText("Falta o no és vàlid: NIF de l'usuari amb permisos de publicació a la PSCP"),
    ).toBeDefined();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Inserir com a resposta pública' }).disabled).toBe(
      true,
    );
    fireEvent.change(screen.getByLabelText(USER_NIF), { target: { value: '99999972D' } });
    // The validator's reason in the agent's language, not its English sentence.
    expect(await screen.findByText('La lletra de control hauria de ser C, no D.')).toBeDefined();
    fireEvent.change(screen.getByLabelText(USER_NIF), { target: { value: '99999972C' } });
    await waitFor(() => {
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Inserir com a resposta pública' }).disabled).toBe(
        false,
      );
    });
    fireEvent.click(screen.getByRole('button', { name: 'Inserir com a resposta pública' }));
    await screen.findByText("Resposta inserida a l'editor.");
    expect(zendesk.ticket.editor.html).toContain('99999972C');
    expect(zendesk.ticket.editor.type).toBe('publicReply');
  });

  it('names a reply’s values and their problems in the agent’s language, never by the variable’s name', async () => {
    mount({ locale: 'es-ES' });
    await screen.findByTestId('service');
    tab(/Respuestas/);
    const list = await screen.findByTestId('template-list');
    fireEvent.click(within(list).getByRole('button', { name: /^Otras respuestas/ }));
    fireEvent.click(within(list).getByRole('radio', { name: 'PSCP: fin del alta en PRE e inicio de la homologación' }));
    const nif = await screen.findByLabelText('NIF del usuario con permisos de publicación en la PSCP');
    expect(
      await screen.findByText('Falta o no es válido: NIF del usuario con permisos de publicación en la PSCP'),
    ).toBeDefined();
    fireEvent.change(nif, { target: { value: '99999972D' } });
    expect(await screen.findByText('La letra de control debería ser C, no D.')).toBeDefined();
    expect(document.body.textContent).not.toContain('userNif');
  });

  it('writes to a Spanish-speaking requester in Spanish', async () => {
    mount({ ticket: vilaSecaTicket({ requester: { id: 9, name: 'Luis', email: 'l@example.org', locale: 'es-ES' } }) });
    await screen.findByTestId('service');
    tab(/Respostes/);
    await chooseTemplate('vo-homologacio');
    expect(screen.getByLabelText<HTMLSelectElement>('Llengua').value).toBe('es');
  });

  it('writes in Spanish to a ticket written in Spanish, whatever the requester’s locale', async () => {
    mount({
      ticket: vilaSecaTicket({
        description:
          'Buenos días, el Ayuntamiento de Vila-seca (INE10 4317110007) solicita la integración con el Catastro ' +
          'por servicios web. Gracias y saludos',
      }),
    });
    await screen.findByTestId('service');
    tab(/Respostes/);
    await chooseTemplate('vo-homologacio');
    expect(screen.getByLabelText<HTMLSelectElement>('Llengua').value).toBe('es');
  });

  it('names each step’s kind in the agent’s language', async () => {
    mount({ locale: 'es-ES' });
    await screen.findByTestId('service');
    tab(/Pasos/);
    await screen.findAllByText('mensaje');
    expect(screen.queryAllByText('message')).toEqual([]);
    expect(screen.queryAllByText('check')).toEqual([]);
  });

  it('keeps what the agent typed when the ticket changes underneath', async () => {
    const { zendesk } = mount();
    await screen.findByTestId('service');
    tab(/Respostes/);
    await chooseTemplate('pscp-inici-homologacio');
    fireEvent.change(screen.getByLabelText(USER_NIF), { target: { value: '99999974E' } });
    act(() => {
      zendesk.editTicket({ subject: 'Alta Via Oberta - Cadastre i padró' });
    });
    await waitFor(
      () => {
        expect(screen.getByTestId('products').textContent).toContain('PADRO');
      },
      { timeout: 2000 },
    );
    tab(/Respostes/);
    expect((await screen.findByLabelText<HTMLInputElement>(USER_NIF)).value).toBe('99999974E');
  });
});

describe('checks', () => {
  it('validates the INE10 as it is typed and runs the check only when it is valid', async () => {
    mount({ ticket: vilaSecaTicket({ description: 'Volem integrar el Cadastre via serveis web.' }) });
    await screen.findByTestId('service');
    tab(/Comprovacions/);
    const input = await screen.findByLabelText("INE10 de l'ens");
    fireEvent.change(input, { target: { value: '12345' } });
    // The validator's reason in the agent's language (Catalan here), not its English sentence.
    expect(
      screen.getByText('Un codi INE10 té 10 xifres (9 si s’ha perdut el zero inicial); aquest en té 5.'),
    ).toBeDefined();
    expect(screen.queryByText(/An INE10 code has/)).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Comprovar' }).disabled).toBe(true);
    fireEvent.change(input, { target: { value: '4317110007' } });
    fireEvent.click(screen.getByRole('button', { name: 'Comprovar' }));
    const result = await screen.findByTestId('check-result');
    // The step's check: what the ticket asks (the Cadastre) against PRO and PRE.
    expect(result.textContent).toContain('CADASTRE / DADES_CADASTRALS / PROVES');
    expect(
      log.gets.some((u) =>
        u.includes('/v1/checks/authorisation-coverage?ticket=4242&ine10=4317110007&products=CADASTRE'),
      ),
    ).toBe(true);
  });

  it('takes the INE10 from the ticket', async () => {
    mount();
    await screen.findByTestId('service');
    tab(/Comprovacions/);
    expect((await screen.findByLabelText<HTMLInputElement>("INE10 de l'ens")).value).toBe('4317110007');
    expect(screen.getByText('trobat al tiquet')).toBeDefined();
  });

  it.each([
    [401, { error: 'UNAUTHORIZED', message: 'expired' }, /refusat la identificació/],
    [429, { error: 'RATE_LIMITED', message: 'slow down' }, /Massa peticions/],
    [
      503,
      { error: 'DATABASE_UNAVAILABLE', message: 'down', database: 'PRO' },
      /La base de dades no respon ara mateix \(PRO\)/,
    ],
    [500, { error: 'INTERNAL', message: 'boom' }, /error intern/],
    [
      400,
      { error: 'BAD_REQUEST', message: 'bad', fields: [{ field: 'ine10', reason: 'must have 10 digits' }] },
      /ine10: must have 10 digits/,
    ],
  ])('explains a %s answer', async (status, body, message) => {
    server.use(http.get(`${PROXY}/v1/checks/authorisation-coverage`, () => HttpResponse.json(body, { status })));
    mount();
    await screen.findByTestId('service');
    tab(/Comprovacions/);
    await screen.findByLabelText("INE10 de l'ens");
    fireEvent.click(screen.getByRole('button', { name: 'Comprovar' }));
    expect(await screen.findByText(message)).toBeDefined();
  });

  it('says the proxy is not configured when its URL is missing', async () => {
    mount({ settings: { altaTag: 'alta_servei' } });
    await screen.findByTestId('service');
    tab(/Comprovacions/);
    await screen.findByLabelText("INE10 de l'ens");
    fireEvent.click(screen.getByRole('button', { name: 'Comprovar' }));
    expect(await screen.findByText(/L'URL del proxy no està configurada/)).toBeDefined();
  });
});

describe('checks feed replies', () => {
  it('prefills the end-of-PRE reply with the PSCP user the check found', async () => {
    mount();
    await screen.findByTestId('service');
    tab(/Comprovacions/);
    fireEvent.change(await screen.findByLabelText('Comprovació'), { target: { value: 'pscp-user:PRE' } });
    fireEvent.change(screen.getByLabelText("NIF de l'usuari"), { target: { value: '99999974E' } });
    fireEvent.click(screen.getByRole('button', { name: 'Comprovar' }));
    expect((await screen.findByTestId('check-result')).textContent).toContain('99999974E');
    tab(/Respostes/);
    await chooseTemplate('pscp-inici-homologacio');
    expect(screen.getByLabelText<HTMLInputElement>(USER_NIF).value).toBe('99999974E');
  });
});

describe('unusual tickets', () => {
  it('copes with an empty ticket: no integration, no procedure', async () => {
    mount({ ticket: vilaSecaTicket({ subject: '', description: '', tags: [], comments: [], organization: null }) });
    expect((await screen.findByTestId('service')).textContent).toBe('UNKNOWN');
    tab(/Passos/);
    expect(await screen.findByText("Cap procediment no s'aplica a aquest tiquet.")).toBeDefined();
  });

  it('classifies a 200 KB description', async () => {
    const description = 'Volem integrar el padró d’habitants via serveis web. '.repeat(4000);
    expect(description.length).toBeGreaterThan(200_000);
    mount({ ticket: vilaSecaTicket({ subject: 'Alta Via Oberta', description }) });
    expect((await screen.findByTestId('products')).textContent).toContain('PADRO');
  });
});

describe('Zendesk failures', () => {
  it('shows a clear error when Zendesk cannot give the ticket, and retries', async () => {
    const { zendesk } = mount({ failures: { 'ticket.description': 'Timed out after 5 minutes' } });
    expect(await screen.findByText(/Zendesk no ha respost: ticket.description: Timed out/)).toBeDefined();
    zendesk.failures = {};
    fireEvent.click(screen.getByRole('button', { name: 'Tornar-ho a provar' }));
    expect(await screen.findByTestId('service')).toBeDefined();
  });

  it('explains a Zendesk error when inserting a reply, keeping the draft', async () => {
    const { zendesk } = mount();
    await screen.findByTestId('service');
    zendesk.failures = { 'ticket.comment.appendHtml': 'The editor is closed' };
    tab(/Respostes/);
    await chooseTemplate('vo-no-via-alta');
    await waitFor(() => {
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Inserir com a resposta pública' }).disabled).toBe(
        false,
      );
    });
    fireEvent.click(screen.getByRole('button', { name: 'Inserir com a resposta pública' }));
    expect(await screen.findByText(/Zendesk no ha respost: The editor is closed/)).toBeDefined();
  });
});
