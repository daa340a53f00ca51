import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { TicketInput } from '../domain/classifier';
import type { HttpResponse, RequestOptions } from '../zendesk/port';
import { MemoryZendesk } from '../zendesk/memory-adapter';
import { toMemoryTicket } from './host/sample-ticket';
import { localTicketId } from './samples';
import { ZafHost } from './host/zaf-host';

/**
 * The local ticket page: a ticket as Zendesk shows it (subject, description, requester,
 * organisation, tags, status, reply editor) and the sidebar app beside it in an iframe, as
 * Zendesk hosts it. Everything the app does here is real: the SDK's messages are answered from
 * this ticket, and its requests reach the proxy signed by the dev server.
 */
export interface Sample {
  readonly key: string;
  readonly ticket: TicketInput;
}

const MACRO_NAMES: Readonly<Record<number, string>> = {
  101: 'close-ticket',
  102: 'assign-head-of-service',
  103: 'transfer-support-unit',
  104: 'split-per-service',
};

async function zendeskProxy(options: RequestOptions): Promise<HttpResponse> {
  try {
    const res = await fetch('/__zendesk/request', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(options),
    });
    return (await res.json()) as HttpResponse;
  } catch {
    return { status: 0, body: undefined };
  }
}

export function TicketPage({
  samples,
  settings,
  subdomain,
  agentLocale = 'ca',
}: {
  samples: readonly Sample[];
  settings: Record<string, unknown>;
  subdomain: string;
  /** The agent's Zendesk locale, which the sidebar's language follows. */
  agentLocale?: string;
}) {
  const [index, setIndex] = useState(0);
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const frame = useRef<HTMLIFrameElement>(null);
  const sample = samples[index] ?? samples[0];
  const zendesk = useMemo(
    () =>
      new MemoryZendesk({
        ticket: toMemoryTicket(sample?.ticket ?? { id: '0', subject: '', description: '' }, localTicketId(index)),
        currentUser: { id: 77, name: 'Agent local', email: 'agent@example.org', locale: agentLocale },
        settings,
        subdomain,
        request: zendeskProxy,
      }),
    [sample, index, settings, subdomain, agentLocale],
  );
  const appGuid = `local-${String(index)}`;
  useEffect(() => {
    const host = new ZafHost({
      frame: () => frame.current?.contentWindow ?? null,
      appOrigin: window.location.origin,
      appGuid,
      zendesk,
      request: zendeskProxy,
      onActivity: refresh,
    });
    host.start();
    const off = zendesk.on('*.changed', refresh);
    return () => {
      off();
      host.stop();
    };
  }, [zendesk, appGuid]);
  const t = zendesk.ticket;
  const src = `/index.html?origin=${encodeURIComponent(window.location.origin)}&app_guid=${appGuid}`;
  return (
    <div className="page">
      <main className="ticket" aria-label="Ticket">
        <header className="bar">
          <label>
            Sample ticket{' '}
            <select
              aria-label="Sample ticket"
              value={index}
              onChange={(e) => {
                setIndex(Number(e.target.value));
              }}
            >
              {samples.map((s, i) => (
                <option key={s.key} value={i}>{`${s.key} · ${s.ticket.subject}`}</option>
              ))}
            </select>
          </label>
          <span className="status" data-testid="ticket-status">
            Status: {t.status}
          </span>
        </header>
        <label className="field">
          Subject
          <input
            aria-label="Subject"
            value={t.subject}
            onChange={(e) => {
              zendesk.editTicket({ subject: e.target.value });
            }}
          />
        </label>
        <div className="meta">
          <span>
            Requester: {t.requester.name} &lt;{t.requester.email}&gt;
          </span>
          <span>Organisation: {t.organization?.name ?? '—'}</span>
          <span data-testid="ticket-tags">Tags: {t.tags.join(', ') || '—'}</span>
        </div>
        <label className="field">
          Description
          <textarea
            aria-label="Description"
            rows={10}
            value={t.description}
            onChange={(e) => {
              zendesk.editTicket({ description: e.target.value });
            }}
          />
        </label>
        <p className="meta">Attachments: {t.comments.flatMap((c) => c.attachments).join(', ') || '—'}</p>
        <section className="editor" aria-label="Reply editor">
          <h2>
            Reply editor{' '}
            <span data-testid="editor-type">
              ({t.editor.type === 'internalNote' ? 'internal note' : 'public reply'})
            </span>
          </h2>
          {/* The editor shows what the app inserted: our templates' output, every value escaped. */}
          <div className="editor-body" data-testid="editor" dangerouslySetInnerHTML={{ __html: t.editor.html }} />
          <p className="meta" data-testid="macros">
            Macros applied: {t.macrosApplied.map((m) => MACRO_NAMES[m] ?? String(m)).join(', ') || '—'} · Fields:{' '}
            {Object.entries(t.customFields)
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(', ') || '—'}
          </p>
        </section>
      </main>
      <aside className="sidebar">
        <iframe
          key={appGuid}
          ref={frame}
          title="AOC integration assistant"
          src={src}
          style={{ height: `${String(Math.max(zendesk.height, 600))}px` }}
        />
      </aside>
    </div>
  );
}
