// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProxyClient } from '../../../src/app/api/proxy-client';
import { AssistantProvider } from '../../../src/app/assistant/context';
import { MinhapDocument } from '../../../src/app/documents/MinhapDocument';
import { loadLanguage } from '../../../src/app/i18n/i18n';
import { readAppSettings } from '../../../src/app/settings';
import type { Classification } from '../../../src/domain/classifier';
import { BASE_SETTINGS } from '../harness';

const classification: Classification = {
  id: 'c1',
  service: 'VO',
  products: ['CADASTRE'],
  environment: 'PRE',
  ambit: 'AGE',
  flags: ['MINHAP'],
  modalities: ['DADES_CADASTRALS'],
  confidence: 0.9,
  evidence: [],
};

function setup(call: (...args: unknown[]) => Promise<unknown>) {
  const env = {
    settings: readAppSettings(BASE_SETTINGS),
    lang: 'en' as const,
    // Only `call` is used by the section: a stand-in with that one method.
    proxy: { call } as unknown as ProxyClient,
    agentName: 'Agent Test',
  };
  const ticket = { id: 4242, input: { subject: 'Alta', description: '' }, status: 'open', tags: [] };
  return render(
    <ThemeProvider theme={DEFAULT_THEME}>
      {/* The port is not used by this section. */}
      <AssistantProvider env={env} port={{} as never} ticket={ticket as never}>
        <MinhapDocument
          sources={{
            classification,
            found: { ine10: '0801930008', cif: 'P0801900B', form: { ensName: 'Ajuntament de Barcelona' } },
            known: { ine10: '0801930008' },
          }}
        />
      </AssistantProvider>
    </ThemeProvider>,
  );
}

beforeAll(async () => {
  await loadLanguage('en');
});
afterEach(() => {
  cleanup();
});

describe('attaching the MINHAP Excel to the ticket', () => {
  it('asks the proxy with a translated internal note and says where the file went', async () => {
    const call = vi.fn((..._args: unknown[]) =>
      Promise.resolve({
        ok: true,
        data: {
          status: 'attached',
          ticket: 4242,
          fileName: 'Plantilla-Procedimientos-Administrativos.xlsx',
          size: 9000,
          rows: 1,
          dir3: { value: 'L01080193', source: 'table', note: null },
          notes: [],
        },
      }),
    );
    setup(call);
    fireEvent.click(screen.getByRole('button', { name: 'Attach it to the ticket (internal note)' }));
    expect((await screen.findByTestId('minhap-attached')).textContent).toBe(
      'Plantilla-Procedimientos-Administrativos.xlsx attached in an internal note (1 row(s)); reload the ticket to see it.',
    );
    expect(call.mock.calls[0]?.[1]).toMatchObject({
      body: {
        ticket: 4242,
        ensName: 'Ajuntament de Barcelona',
        modalities: [{ product: 'CADASTRE', modality: 'DADES_CADASTRALS' }],
        note: 'MINHAP spreadsheet for Ajuntament de Barcelona: 1 row(s) (DADES_CADASTRALS).',
      },
    });
  });

  it('shows the proxy’s refusal naming the value, and attaches nothing', async () => {
    setup(() =>
      Promise.resolve({
        ok: true,
        data: { status: 'refused', problems: [{ value: 'dir3', code: 'missing', message: 'DIR3 missing' }] },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Attach it to the ticket (internal note)' }));
    expect((await screen.findByTestId('minhap-refused')).textContent).toContain('DIR3');
    expect(screen.queryByTestId('minhap-attached')).toBeNull();
  });

  it('tells the agent when the proxy cannot attach (no Zendesk credentials)', async () => {
    setup(() => Promise.resolve({ ok: false, problem: { kind: 'featureNotConfigured' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Attach it to the ticket (internal note)' }));
    expect(await screen.findByRole('alert')).toBeDefined();
  });
});
