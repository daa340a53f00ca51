import { useEffect, useId, useMemo, useState } from 'react';
import { z } from '../domain/zod';
import { CorrectionRecordSchema, type CorrectionRecord } from '../domain/corpus/correction';
import { reviewCorrections, type DisagreementItem, type EvidenceGroup } from '../domain/corpus/review';

/**
 * The workbench's disagreements page: what the agents corrected (classifier said / agent said),
 * grouped by field and by the evidence that decided, so a desk lead sees which words to add to
 * the lexicon or which rule misfires; each one can become a test case with one click (a masked
 * fixture under tests/fixtures/corrections/, written by the local dev server).
 */
const ListAnswer = z.object({ records: z.array(CorrectionRecordSchema) });
const Message = z.object({ message: z.string() });

export interface CorrectionsApi {
  readonly list: () => Promise<CorrectionRecord[]>;
  readonly writeFixture: (ticket: number, name: string, replace: boolean) => Promise<{ path: string }>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function answer(response: Response): Promise<unknown> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const m = Message.safeParse(body);
    throw new ApiError(response.status, m.success ? m.data.message : `The local server answered ${response.status}.`);
  }
  return body;
}

/** The local dev server's endpoints (src/local/server/corrections.ts). */
export const localCorrectionsApi: CorrectionsApi = {
  list: async () => ListAnswer.parse(await answer(await fetch('/__local/corrections'))).records,
  writeFixture: async (ticket, name, replace) =>
    z.object({ path: z.string() }).parse(
      await answer(
        await fetch('/__local/corrections/fixture', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ticket, name, replace }),
        }),
      ),
    ),
};

type Load =
  { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; records: CorrectionRecord[] };

const FIELD_TITLES: Record<string, string> = {
  service: 'Service',
  products: 'Products',
  environment: 'Environment',
  ambit: 'Àmbit',
  flags: 'Flags',
};

function evidenceTitle(e: EvidenceGroup['evidence']): string {
  return e === null
    ? 'No evidence: the classifier did not see what the agent saw'
    : `“${e.text}” (${e.field}) → ${e.means}`;
}

function FixtureButton({ item, api }: { item: DisagreementItem; api: CorrectionsApi }) {
  const id = useId();
  const [name, setName] = useState(`ticket-${item.ticket}`);
  const [status, setStatus] = useState<
    | { kind: 'idle' }
    | { kind: 'busy' }
    | { kind: 'done'; path: string }
    | { kind: 'exists' }
    | { kind: 'failed'; message: string }
  >({ kind: 'idle' });
  const write = (replace: boolean) => {
    setStatus({ kind: 'busy' });
    api.writeFixture(item.ticket, name, replace).then(
      ({ path }) => {
        setStatus({ kind: 'done', path });
      },
      (err: unknown) => {
        if (err instanceof ApiError && err.status === 409) setStatus({ kind: 'exists' });
        else setStatus({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
      },
    );
  };
  return (
    <div className="fixture">
      <label htmlFor={id}>Fixture name</label>
      <input
        id={id}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setStatus({ kind: 'idle' });
        }}
      />
      <button
        type="button"
        disabled={status.kind === 'busy'}
        onClick={() => {
          write(false);
        }}
      >
        Turn into a test case
      </button>
      {status.kind === 'done' && (
        <p className="ok" role="status">
          Written (masked): <code>{status.path}</code>. It fails until the classifier reads the ticket as the agent did;
          score it with <code>npm run eval -- {status.path}</code>, read it for names before committing it.
        </p>
      )}
      {status.kind === 'exists' && (
        <p className="warning" role="alert">
          {name}.json exists already.{' '}
          <button
            type="button"
            onClick={() => {
              write(true);
            }}
          >
            Replace it
          </button>
        </p>
      )}
      {status.kind === 'failed' && (
        <p className="warning" role="alert">
          {status.message}
        </p>
      )}
    </div>
  );
}

export function Disagreements({ api = localCorrectionsApi }: { api?: CorrectionsApi }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    api.list().then(
      (records) => {
        if (live) setLoad({ state: 'ready', records });
      },
      (err: unknown) => {
        if (live) setLoad({ state: 'failed', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, round]);
  const refresh = () => {
    setLoad({ state: 'loading' });
    setRound((r) => r + 1);
  };
  const review = useMemo(() => (load.state === 'ready' ? reviewCorrections(load.records) : undefined), [load]);

  return (
    <main className="disagreements">
      <header>
        <h1>Disagreements</h1>
        <p className="muted">
          What agents corrected in the sidebar: the classifier said / the agent said, grouped by field and by the
          evidence that decided. <a href="./workbench.html">Classifier workbench</a>
        </p>
        <button type="button" onClick={refresh} disabled={load.state === 'loading'}>
          Reload
        </button>
      </header>
      {load.state === 'loading' && <p role="status">Loading the corrections…</p>}
      {load.state === 'failed' && (
        <p className="warning" role="alert">
          The corrections could not be read: {load.message} Is the local run (npm start) running?
        </p>
      )}
      {review !== undefined && (
        <>
          <p data-testid="review-summary">
            {review.records} ticket(s) reviewed by agents: {review.corrected} corrected, {review.confirmed} confirmed as
            right.
          </p>
          {review.fields.length === 0 && (
            <p className="muted">
              No disagreement yet. When an agent corrects a classification in the sidebar, it shows here.
            </p>
          )}
          {review.fields.map((f) => (
            <section key={f.field} aria-label={FIELD_TITLES[f.field]} data-testid={`field-${f.field}`}>
              <h2>
                {FIELD_TITLES[f.field]} <span className="muted">({f.count} ticket(s))</span>
              </h2>
              {f.groups.map((g) => (
                <article key={evidenceTitle(g.evidence)} className="group">
                  <h3>{evidenceTitle(g.evidence)}</h3>
                  <table>
                    <thead>
                      <tr>
                        <th>Ticket</th>
                        <th>Classifier said</th>
                        <th>Agent said</th>
                        <th>Test case</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.items.map((item) => (
                        <tr key={item.ticket}>
                          <td>
                            #{item.ticket} {item.subject}
                            <div className="muted">
                              {item.at.slice(0, 10)} · classifier {item.classifierVersion}
                            </div>
                          </td>
                          <td data-testid="classifier-said">{item.classifier}</td>
                          <td data-testid="agent-said">{item.agent}</td>
                          <td>
                            <FixtureButton item={item} api={api} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </article>
              ))}
            </section>
          ))}
        </>
      )}
    </main>
  );
}
