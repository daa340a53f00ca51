import { useId, useMemo, useState } from 'react';
import { ClassificationView } from './workbench-views/ClassificationView';
import { StepsView } from './workbench-views/StepsView';
import { library, plan, text, type FactId } from '../domain/procedures';
import { attachmentName, classify, type TicketInput } from '../domain/classifier';

/**
 * The local classifier workbench: pick a sample ticket or write one, and see how the classifier
 * reads it, live. It runs without Zendesk; the sidebar app uses the same classifier.
 */
interface Draft {
  subject: string;
  description: string;
  organization: string;
  requester: string;
  tags: string;
  attachments: string;
}

const EMPTY: Draft = { subject: '', description: '', organization: '', requester: '', tags: '', attachments: '' };

function toDraft(t: TicketInput): Draft {
  return {
    subject: t.subject,
    description: t.description,
    organization: t.organization?.name ?? '',
    requester: [t.requester?.name, t.requester?.email].filter(Boolean).join(' '),
    tags: (t.tags ?? []).join(', '),
    attachments: (t.attachments ?? []).map(attachmentName).join('\n'),
  };
}

function list(s: string, separator: RegExp): string[] {
  return s
    .split(separator)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

function toTicket(d: Draft): TicketInput {
  const email = list(d.requester, /\s+/).find((w) => w.includes('@'));
  const name = list(d.requester, /\s+/)
    .filter((w) => !w.includes('@'))
    .join(' ');
  return {
    id: 'local',
    subject: d.subject,
    description: d.description,
    organization: { name: d.organization },
    requester: { name, email: email ?? '' },
    tags: list(d.tags, /[,\s]+/),
    attachments: list(d.attachments, /\n/),
  };
}

export function Workbench({ samples }: { samples: readonly TicketInput[] }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [sampleId, setSampleId] = useState('');
  const ids = {
    sample: useId(),
    subject: useId(),
    description: useId(),
    org: useId(),
    requester: useId(),
    tags: useId(),
    attachments: useId(),
  };
  const classification = useMemo(() => classify(toTicket(draft)), [draft]);
  // A mistake in a procedure file must show here, not blank the page: whoever edits a file sees it.
  const procedures = useMemo(() => {
    try {
      return { ok: true as const, value: library() };
    } catch (error) {
      return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
    }
  }, []);
  const procedurePlan = useMemo(
    () =>
      procedures.ok
        ? plan(procedures.value, { classification, now: new Date(), lang: 'ca', autoCloseDays: 7 })
        : undefined,
    [procedures, classification],
  );
  const question = (fact: string): string =>
    procedures.ok ? text(procedures.value.questions[fact as FactId], 'ca') : fact;
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => {
    setDraft({ ...draft, [key]: e.target.value });
  };

  return (
    <main className="workbench">
      <section aria-label="Ticket" className="ticket">
        <h1>Classifier workbench</h1>
        <p className="nav-links">
          <a href="#catalogue">Browse the catalogue</a> (services, products, modalities, checkboxes, MINHAP)
        </p>
        <p className="muted">
          Pick a sample ticket or type one: the classification on the right updates as you type. What agents corrected:{' '}
          <a href="./corrections.html">disagreements</a>.
        </p>
        <label htmlFor={ids.sample}>Sample ticket</label>
        <select
          id={ids.sample}
          value={sampleId}
          onChange={(e) => {
            setSampleId(e.target.value);
            const found = samples.find((s) => String(s.id) === e.target.value);
            setDraft(found === undefined ? EMPTY : toDraft(found));
          }}
        >
          <option value="">— write your own —</option>
          {samples.map((s) => (
            <option key={String(s.id)} value={String(s.id)}>
              {String(s.id)} · {s.subject}
            </option>
          ))}
        </select>
        <label htmlFor={ids.subject}>Subject</label>
        <input id={ids.subject} value={draft.subject} onChange={set('subject')} />
        <label htmlFor={ids.description}>Description</label>
        <textarea id={ids.description} rows={12} value={draft.description} onChange={set('description')} />
        <label htmlFor={ids.org}>Organisation</label>
        <input id={ids.org} value={draft.organization} onChange={set('organization')} />
        <label htmlFor={ids.requester}>Requester (name and e-mail)</label>
        <input id={ids.requester} value={draft.requester} onChange={set('requester')} />
        <label htmlFor={ids.tags}>Tags (comma separated)</label>
        <input id={ids.tags} value={draft.tags} onChange={set('tags')} />
        <label htmlFor={ids.attachments}>Attachment names (one per line)</label>
        <textarea id={ids.attachments} rows={3} value={draft.attachments} onChange={set('attachments')} />
      </section>
      <div className="results">
        <ClassificationView classification={classification} />
        {procedurePlan === undefined ? (
          <section aria-label="Procedure" className="steps" role="alert">
            <h3>A procedure file has a mistake</h3>
            <pre className="warning">{procedures.ok ? '' : procedures.error}</pre>
          </section>
        ) : (
          <StepsView plan={procedurePlan} lang="ca" questions={question} />
        )}
      </div>
    </main>
  );
}
