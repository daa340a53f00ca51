// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFirstReads } from '../../src/app/assistant/first-reads';
import { mountSidebar } from '../../src/app/boot';
import { fetchRequest } from '../../src/zendesk/fetch-request';
import { MemoryZendesk } from '../../src/zendesk/memory-adapter';
import { BASE_SETTINGS, vilaSecaTicket } from './harness';

/**
 * The sidebar's start as the entry module runs it (main.tsx): the first reads go out, then the
 * first view mounts with them. What the agent sees first must be the classification whenever
 * Zendesk has answered by then, never a loading line that a second render replaces.
 */
function zendesk(options: { locale?: string; failures?: Record<string, string> } = {}) {
  return new MemoryZendesk({
    ticket: vilaSecaTicket(),
    currentUser: { id: 77, name: 'Agent Test', email: 'agent@example.org', locale: options.locale ?? 'ca' },
    settings: BASE_SETTINGS,
    subdomain: 'aoc-test',
    request: fetchRequest(),
    failures: options.failures ?? {},
  });
}

/**
 * The text of every subtree put into the container, in order, from before the mount on. Read
 * through the returned function: it takes the records not yet delivered too, since an observer's
 * callback runs only after the current task.
 */
function recordTexts(root: HTMLElement): () => string[] {
  const seen: string[] = [];
  const take = (records: MutationRecord[]) => {
    for (const record of records) for (const node of record.addedNodes) seen.push(node.textContent ?? '');
  };
  const observer = new MutationObserver(take);
  observer.observe(root, { childList: true, subtree: true });
  return () => {
    take(observer.takeRecords());
    return seen;
  };
}

let root: HTMLElement | undefined;
afterEach(() => {
  root?.remove();
  root = undefined;
});

/**
 * Mounts the sidebar as main.tsx does. The mount is flushed synchronously, so the first render
 * happens before any answer still on its way can arrive: what it sees in is what was in.
 */
function start(port: MemoryZendesk, reads: ReturnType<typeof startFirstReads>): () => string[] {
  localStorage.clear();
  root = document.body.appendChild(document.createElement('div'));
  const seen = recordTexts(root);
  act(() => {
    mountSidebar(root as HTMLElement, port, reads);
  });
  return seen;
}

describe('the first view', () => {
  it('shows the classification in its first render when Zendesk answered before it mounted', async () => {
    const port = zendesk();
    const reads = startFirstReads(port);
    await Promise.all([reads.metadata, reads.context, reads.user, reads.ticket]);
    const seen = start(port, reads);
    const first = seen()[0];
    expect(first).toContain('VO');
    expect((await screen.findByTestId('service')).textContent).toContain('VO');
    expect(seen().some((text) => text.includes('Carregant el tiquet'))).toBe(false);
  });

  it('shows the loading line first, then the classification, when the answers come after it mounted', async () => {
    const port = zendesk();
    const seen = start(port, startFirstReads(port));
    expect(seen()[0]).toContain('Carregant el tiquet');
    expect((await screen.findByTestId('service')).textContent).toContain('VO');
  });

  it('shows Zendesk’s error, with a retry, when the ticket could not be read', async () => {
    const port = zendesk({ failures: { 'ticket.description': 'Timed out after 5 minutes' } });
    const reads = startFirstReads(port);
    await Promise.allSettled([reads.metadata, reads.context, reads.user, reads.ticket]);
    start(port, reads);
    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert.textContent).toContain('Timed out after 5 minutes');
    expect(screen.getByRole('button', { name: 'Tornar-ho a provar' })).toBeTruthy();
  });
});

describe('the agent’s language', () => {
  it('starts loading with the first reads, before the first view is there', async () => {
    // Fresh modules: the language files loaded by other tests must not count.
    vi.resetModules();
    const reads = await import('../../src/app/assistant/first-reads');
    const i18n = await import('../../src/app/i18n/i18n');
    expect(i18n.isLanguageLoaded('es')).toBe(false);
    reads.startFirstReads(zendesk({ locale: 'es-ES' }));
    await waitFor(
      () => {
        expect(i18n.isLanguageLoaded('es')).toBe(true);
      },
      { timeout: 15_000 },
    );
    expect(i18n.isLanguageLoaded('en')).toBe(false);
  });
});
