import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/app/App';
import { fetchRequest } from '../../src/zendesk/fetch-request';
import { MemoryZendesk, memoryTicket, type MemoryTicket } from '../../src/zendesk/memory-adapter';

export const PROXY = 'https://proxy.test';

export const BASE_SETTINGS = {
  proxyUrl: PROXY,
  altaTag: 'alta_servei',
  serviceFieldId: '360001',
  environmentFieldId: '360002',
  writeBackTags: true,
  tagPrefix: 'aoc_',
  macroIds: 'close-ticket=9001\nassign-head-of-service=9002',
  supportEmail: 'suport@example.org',
  padroFirewallAddresses: 'Producció: 192.0.2.10',
};

export function vilaSecaTicket(partial: Partial<MemoryTicket> = {}): MemoryTicket {
  return memoryTicket({
    id: 4242,
    subject: 'Alta Via Oberta - Cadastre',
    description:
      "Bon dia, l'Ajuntament de Vila-seca (INE10 4317110007) sol·licita integració amb el Cadastre via serveis web.",
    tags: ['alta_servei'],
    organization: { id: 7, name: 'Ajuntament de Vila-seca' },
    requester: { id: 501, name: 'Anna Puig', email: 'apuig@example.org', locale: 'ca' },
    comments: [
      { author: 'Anna Puig', body: '', attachments: ['formulari_sol-licitud_integracio_serveis_caoc.pdf', 'cda.cer'] },
    ],
    ...partial,
  });
}

/** Vila-seca asks to integrate its case manager with the PSCP, in preproducció. */
export function vilaSecaPscpTicket(): MemoryTicket {
  return vilaSecaTicket({
    subject: 'Integració PSCP',
    description:
      "Bon dia, l'Ajuntament de Vila-seca vol integrar el seu gestor d'expedients amb la PSCP " +
      '(Plataforma de Serveis de Contractació Pública) per serveis web, a preproducció.',
  });
}

export function mount(
  options: {
    ticket?: MemoryTicket;
    settings?: Record<string, unknown>;
    locale?: string;
    failures?: Record<string, string>;
    /** Keep what the browser stored (a reopened ticket); by default every test starts afresh. */
    keepStorage?: boolean;
  } = {},
) {
  if (options.keepStorage !== true) localStorage.clear();
  const zendesk = new MemoryZendesk({
    ticket: options.ticket ?? vilaSecaTicket(),
    currentUser: { id: 77, name: 'Agent Test', email: 'agent@example.org', locale: options.locale ?? 'ca' },
    settings: options.settings ?? BASE_SETTINGS,
    subdomain: 'aoc-test',
    request: fetchRequest(),
    failures: options.failures ?? {},
  });
  const view = render(<App port={zendesk} />);
  return { zendesk, view };
}

/**
 * The steps, replies and checks panels load lazily (the sidebar shows the classification sooner), and
 * so do the procedures (`usePlan`), which a test loads and validates with zod at import. In a test,
 * the first open of each would pay for transforming the panel and its templates, and the first plan
 * for the procedures, while a findBy or waitFor is waiting: the checks panel shows the registry's
 * first check until the plan arrives, so on a busy machine a test waiting for the plan's check
 * could time out before the plan came, which reads as a wrong choice. Loading them once before the
 * tests keeps that cost out of every assertion.
 */
export async function loadLazyPanels(): Promise<void> {
  await Promise.all([
    import('../../src/app/replies/RepliesPanel'),
    import('../../src/app/checks/ChecksPanel'),
    import('../../src/app/steps/StepsPanel'),
    import('../../src/domain/procedures/library-data'),
  ]);
}

/** Picks a reply template by its id in the replies tab, opening the other templates if needed. */
export async function chooseTemplate(id: string): Promise<void> {
  const list = await screen.findByTestId('template-list');
  const find = () =>
    within(list)
      .queryAllByRole<HTMLInputElement>('radio')
      .find((r) => r.value === id);
  if (find() === undefined) fireEvent.click(within(list).getByRole('button', { name: /^Altres respostes/ }));
  const radio = find();
  if (radio === undefined) throw new Error(`no template ${id} in the list`);
  fireEvent.click(radio);
}

/** The reply template chosen in the replies tab. */
export async function chosenTemplate(): Promise<string | undefined> {
  const list = await screen.findByTestId('template-list');
  return list.querySelector<HTMLInputElement>('input[name="reply-template"]:checked')?.value;
}
