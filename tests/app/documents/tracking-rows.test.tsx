// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProxyClient } from '../../../src/app/api/proxy-client';
import { AssistantProvider } from '../../../src/app/assistant/context';
import type { DocumentSources } from '../../../src/app/documents/MinhapDocument';
import { TrackingRows } from '../../../src/app/documents/TrackingRows';
import { loadLanguage } from '../../../src/app/i18n/i18n';
import { readAppSettings } from '../../../src/app/settings';
import type { Classification } from '../../../src/domain/classifier';
import type { TrackingRowsResponse } from '../../../src/shared/api';
import { BASE_SETTINGS } from '../harness';

const classification: Classification = {
  id: 'c1',
  service: 'VO',
  products: ['AEAT', 'CADASTRE'],
  environment: 'PRE',
  ambit: 'AGE',
  flags: ['MINHAP'],
  modalities: ['ECOT101', 'DADES_CADASTRALS'],
  confidence: 0.9,
  evidence: [],
};

const sources: DocumentSources = {
  classification,
  found: { ine10: '0801930008', cif: 'P0801900B' },
  known: {},
};

const built = (): TrackingRowsResponse => ({
  table: {
    sheet: 'vo',
    columns: ['env', 'modalityCode', 'finalitatCode', 'state'],
    lines: [
      {
        cells: { env: 'PRE', modalityCode: 'ECOT101', finalitatCode: 'PROVES', state: 'Donat d’alta' },
        state: 'given',
      },
      {
        cells: { env: 'PRO', modalityCode: 'ECOT101', finalitatCode: 'GESTIO_TRIBUTARIA', state: 'Donat d’alta' },
        state: 'given',
      },
    ],
    notes: [],
  },
  file: { fileName: 'seguiment-via-oberta-4242.xlsx', contentType: 'application/x-test', base64: 'UEsDBA==', size: 4 },
  authorisations: { read: true, reason: null },
});

function setup(call: (...args: unknown[]) => Promise<unknown>) {
  const env = {
    settings: readAppSettings(BASE_SETTINGS),
    lang: 'en' as const,
    // Only `call` is used by the section: a stand-in with that one method.
    proxy: { call } as unknown as ProxyClient,
    agentName: 'Agent Test',
  };
  const ticket = {
    id: 4242,
    input: { subject: 'Alta', description: '', organization: { name: 'Ajuntament de Barcelona' } },
    status: 'open',
    tags: [],
  };
  return render(
    // The port is not used by this section.
    <ThemeProvider theme={DEFAULT_THEME}>
      <AssistantProvider env={env} port={{} as never} ticket={ticket as never}>
        <TrackingRows sources={sources} sheet="vo" />
      </AssistantProvider>
    </ThemeProvider>,
  );
}

beforeAll(async () => {
  await loadLanguage('en');
});

const saved: { name: string; type: string; text: Promise<string> }[] = [];
beforeEach(() => {
  saved.length = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const b = blob as Blob;
    saved.push({ name: '', type: b.type, text: b.text() });
    return 'blob:test';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const last = saved[saved.length - 1];
    if (last !== undefined) last.name = this.download;
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the tracking rows section', () => {
  it('lists the lines to add before asking the proxy, and says SIRI is not read yet', () => {
    setup(() => Promise.reject(new Error('not called')));
    const lines = within(screen.getByTestId('tracking-lines')).getAllByRole('listitem');
    expect(lines.map((l) => l.textContent)).toEqual([
      'PRE · AEAT_DADES · ECOT101 · PROVES — To give in this ticket',
      'PRO · AEAT_DADES · ECOT101 — To check in SIRI',
      'PRE · CADASTRE · DADES_CADASTRALS · 0801930008_PROVES — To give in this ticket',
      'PRO · CADASTRE · DADES_CADASTRALS — To check in SIRI',
    ]);
    expect(screen.getByTestId('tracking-notes').textContent).toContain('SIRI not read yet');
  });

  it('downloads the CSV made in the browser, ; separated, in the sheet’s column order', async () => {
    setup(() => Promise.reject(new Error('not called')));
    fireEvent.click(screen.getByRole('button', { name: 'Download the CSV' }));
    expect(saved[0]?.name).toBe('seguiment-via-oberta-4242.csv');
    const text = (await saved[0]?.text) ?? '';
    const [header, first] = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(
      'Data;Tiquet;Ens;INE10;CIF;Entorn;Codi producte;Producte;Codi modalitat;Modalitat;Codi finalitat;Finalitat;Estat',
    );
    expect(first?.split(';').slice(1, 6)).toEqual([
      '4242',
      'Ajuntament de Barcelona',
      '0801930008',
      'P0801900B',
      'PRE',
    ]);
  });

  it('asks the proxy for the .xlsx with the ticket’s values, downloads it and shows SIRI’s states', async () => {
    const call = vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, data: built() }));
    setup(call);
    fireEvent.click(screen.getByRole('button', { name: 'Download the .xlsx (with SIRI)' }));
    await waitFor(() => {
      expect(saved.map((s) => s.name)).toEqual(['seguiment-via-oberta-4242.xlsx']);
    });
    expect(call.mock.calls[0]?.[1]).toEqual({
      body: {
        ticket: 4242,
        sheet: 'vo',
        environment: 'PRE',
        ensName: 'Ajuntament de Barcelona',
        cif: 'P0801900B',
        ine10: '0801930008',
        products: ['AEAT', 'CADASTRE'],
        modalities: ['ECOT101', 'DADES_CADASTRALS'],
      },
    });
    const lines = within(screen.getByTestId('tracking-lines')).getAllByRole('listitem');
    expect(lines.map((l) => l.textContent)).toEqual([
      'PRE · ECOT101 · PROVES — Given',
      'PRO · ECOT101 · GESTIO_TRIBUTARIA — Given',
    ]);
  });

  it('says what went wrong when the proxy cannot make the file, and keeps the lines', async () => {
    setup(() => Promise.resolve({ ok: false, problem: { kind: 'network' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Download the .xlsx (with SIRI)' }));
    expect(await screen.findByRole('alert')).toBeDefined();
    expect(within(screen.getByTestId('tracking-lines')).getAllByRole('listitem')).toHaveLength(4);
    expect(saved).toHaveLength(0);
  });

  it('copies the lines as tab-separated text, without the header', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    setup(() => Promise.reject(new Error('not called')));
    fireEvent.click(screen.getByRole('button', { name: 'Copy the lines' }));
    expect(await screen.findByText(/4 line\(s\) copied/)).toBeDefined();
    const text = (writeText.mock.calls[0] as unknown as [string])[0];
    const rows = text.split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows[0]?.split('\t')).toHaveLength(13);
    expect(rows[0]).not.toContain('Data');
  });
});
