// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, Disagreements, type CorrectionsApi } from '../../src/local/Disagreements';
import type { CorrectionRecord } from '../../src/domain/corpus/correction';

afterEach(cleanup);

function record(ticket: number, overrides: Partial<CorrectionRecord>): CorrectionRecord {
  const labels = { service: 'VO', products: ['AEAT'], environment: 'PRE', ambit: 'AGE', flags: ['AEAT_CERT'] } as const;
  return {
    ticket,
    kind: 'corrected',
    changed: [],
    subject: `Ticket ${ticket}`,
    labels: { ...labels, products: [...labels.products], flags: [...labels.flags] },
    classifierVersion: 'test',
    by: 'agent-1',
    byName: null,
    at: '2026-11-30T10:00:00.000Z',
    input: { id: String(ticket), subject: `Ticket ${ticket}`, description: '' },
    original: { ...labels, products: [...labels.products], flags: [...labels.flags], confidence: 0.9, evidence: [] },
    ...overrides,
  };
}

// Two tickets where "Padró" was read as the product PADRO (an office, not the product), one where
// the classifier missed TGSS, one confirmed.
const padro = (ticket: number) =>
  record(ticket, {
    original: {
      service: 'VO',
      products: ['AEAT', 'PADRO'],
      environment: 'PRE',
      ambit: 'MIXED',
      flags: ['AEAT_CERT', 'MULTI_AMBIT', 'PADRO'],
      confidence: 0.8,
      evidence: [
        { field: 'description', text: 'AEAT', means: 'product AEAT' },
        { field: 'description', text: 'Padró', means: 'product PADRO (Padró municipal; àmbit LOCAL)' },
      ],
    },
  });
const records = [
  padro(11),
  padro(12),
  record(13, {
    labels: { service: 'VO', products: ['AEAT', 'TGSS'], environment: 'PRE', ambit: 'AGE', flags: ['AEAT_CERT'] },
  }),
  record(14, {}),
];

function fakeApi(write: CorrectionsApi['writeFixture'] = () => Promise.resolve({ path: '/x.json' })): CorrectionsApi {
  return { list: () => Promise.resolve(records), writeFixture: vi.fn(write) };
}

describe('the disagreements page', () => {
  it('shows classifier said / agent said, grouped by field and by the evidence that decided', async () => {
    render(<Disagreements api={fakeApi()} />);
    expect(await screen.findByTestId('review-summary')).toHaveProperty(
      'textContent',
      '4 ticket(s) reviewed by agents: 3 corrected, 1 confirmed as right.',
    );
    const products = screen.getByTestId('field-products');
    const groups = within(products)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    // The misleading word first (two tickets), then the value nothing in the ticket decided.
    expect(groups[0]).toContain('“Padró” (description) → product PADRO');
    expect(groups.at(-1)).toContain('No evidence');
    expect(within(products).getAllByTestId('classifier-said')[0]?.textContent).toBe('["AEAT","PADRO"]');
    expect(within(products).getAllByTestId('agent-said')[0]?.textContent).toBe('["AEAT"]');
    expect(screen.getByTestId('field-flags')).toBeDefined();
    expect(screen.queryByTestId('field-service')).toBeNull();
  });

  it('turns a disagreement into a test case with one click, and offers to replace an existing one', async () => {
    let calls = 0;
    const api = fakeApi((_ticket, name, replace) => {
      calls++;
      if (calls === 1) return Promise.resolve({ path: `/repo/tests/fixtures/corrections/${name}.json` });
      if (!replace) return Promise.reject(new ApiError(409, 'exists'));
      return Promise.resolve({ path: `/repo/tests/fixtures/corrections/${name}.json` });
    });
    render(<Disagreements api={api} />);
    const buttons = await screen.findAllByRole('button', { name: 'Turn into a test case' });
    fireEvent.click(buttons[0] as HTMLElement);
    expect(await screen.findByRole('status', { name: '' })).toHaveProperty(
      'textContent',
      expect.stringContaining('tests/fixtures/corrections/ticket-11.json'),
    );
    expect(api.writeFixture).toHaveBeenCalledWith(11, 'ticket-11', false);
    fireEvent.click(buttons[0] as HTMLElement);
    fireEvent.click(await screen.findByRole('button', { name: 'Replace it' }));
    await waitFor(() => {
      expect(api.writeFixture).toHaveBeenLastCalledWith(11, 'ticket-11', true);
    });
  });

  it('says so when the corrections cannot be read, and when there is no disagreement', async () => {
    render(<Disagreements api={{ list: () => Promise.reject(new Error('proxy down.')), writeFixture: vi.fn() }} />);
    expect((await screen.findByRole('alert')).textContent).toContain('proxy down.');
    cleanup();
    render(<Disagreements api={{ list: () => Promise.resolve([record(20, {})]), writeFixture: vi.fn() }} />);
    expect((await screen.findByTestId('review-summary')).textContent).toContain('0 corrected, 1 confirmed');
    expect(screen.getByText(/No disagreement yet/)).toBeDefined();
  });
});
