import { Button } from '@zendeskgarden/react-buttons';
import { Checkbox, Field } from '@zendeskgarden/react-forms';
import { Dots } from '@zendeskgarden/react-loaders';
import { useEffect, useState } from 'react';
import { isKnownService, serviceName, type KnownServiceId } from '../../domain/catalogue';
import { SETDIBA_SERVICES } from '../../domain/documents/ens-list';
import {
  getProgress,
  registerIntegrators,
  setStep,
  type EnsListRowResult,
  type ReadEnsListResponse,
} from '../../shared/api';
import { useAssistantContext } from '../assistant/context';
import type { Translate, UiKey } from '../i18n/i18n';
import {
  documentTextsLoaded,
  documentTranslator,
  loadDocumentTexts,
  type DocumentKey,
  type DocumentTranslate,
} from './texts';
import { NoticeAlert, problemText, type Notice } from '../notice';
import { childPlans, createChildTickets, type ChildOutcome } from './child-tickets';
import type { DocumentSources } from './MinhapDocument';
import { useEnsList, type EnsListHandle } from './useEnsList';
import { ValueField } from './ValueField';

/** What a step does with the ticket's list of ens. */
export type EnsListUse = 'list' | 'ticks' | 'register' | 'children';

type ReadList = ReadEnsListResponse & { status: 'read' };

const ensLabel = (r: EnsListRowResult): string => r.ens?.nom ?? r.name ?? r.ine10 ?? r.cif ?? `#${String(r.row)}`;

/** A row's ens as the register and the ticks key it: found in SIRI, not repeated. */
const usable = (rows: readonly EnsListRowResult[]) =>
  rows.filter(
    (r): r is EnsListRowResult & { ens: NonNullable<EnsListRowResult['ens']> } =>
      r.ens !== null && r.repeats === null && r.state !== 'invalid',
  );

/**
 * The ticket's attached list of ens in a step: the whole list with each row's state (the
 * template step, a bulk registration), a tick per ens (altes, certificates: shared through the
 * proxy's progress store like the steps), the integrator register for every ens, or one child
 * ticket per service.
 */
export function EnsListSection({
  sources,
  stepId,
  use,
}: {
  sources: DocumentSources;
  stepId: string;
  use: EnsListUse;
}) {
  const { t, env, port, ticket } = useAssistantContext();
  const c = sources.classification;
  const handle = useEnsList(port, env.proxy, ticket.id, {
    services: isKnownService(c.service) ? [c.service] : [],
    products: c.products,
  });
  const [ready, setReady] = useState(() => documentTextsLoaded(env.lang));
  useEffect(() => {
    if (!ready)
      void loadDocumentTexts(env.lang).then(() => {
        setReady(true);
      });
  }, [ready, env.lang]);
  if (!ready) return <Dots aria-label={t('loading')} />;
  const dt = documentTranslator(env.lang);
  return (
    <section className="documents" aria-label={dt('ensList.title')} data-testid={`ens-list-${use}`}>
      <h3 className="small">{dt(`ensList.title.${use}` as DocumentKey)}</h3>
      <ListState handle={handle} t={t} dt={dt} />
      {handle.state.phase === 'read' && handle.state.list.status === 'read' ? (
        use === 'list' ? (
          <ListTable list={handle.state.list} t={t} dt={dt} />
        ) : use === 'ticks' ? (
          <EnsTicks list={handle.state.list} stepId={stepId} />
        ) : use === 'register' ? (
          <EnsRegister list={handle.state.list} />
        ) : (
          <ChildTickets list={handle.state.list} />
        )
      ) : use === 'children' && (handle.state.phase === 'none' || handle.state.phase === 'failed') ? (
        <ChildTickets list={undefined} />
      ) : null}
    </section>
  );
}

function ListState({ handle, t, dt }: { handle: EnsListHandle; t: Translate; dt: DocumentTranslate }) {
  const { state, files, read } = handle;
  const others = files.length > 1 && state.phase !== 'looking' && state.phase !== 'reading';
  return (
    <>
      {state.phase === 'looking' ? <Dots aria-label={t('loading')} /> : null}
      {state.phase === 'none' ? <p className="muted small">{dt('ensList.none')}</p> : null}
      {state.phase === 'unlisted' ? (
        <NoticeAlert notice={{ kind: 'error', text: dt('ensList.unlisted', { status: state.status }) }} />
      ) : null}
      {state.phase === 'reading' ? (
        <p className="muted small" role="status">
          <Dots aria-label={t('loading')} /> {dt('ensList.reading', { file: state.file.name })}
        </p>
      ) : null}
      {state.phase === 'failed' ? (
        <>
          <NoticeAlert notice={{ kind: 'error', text: problemText(t, state.problem) }} />
          <Button
            size="small"
            onClick={() => {
              read(state.file);
            }}
          >
            {dt('ensList.retry')}
          </Button>
        </>
      ) : null}
      {state.phase === 'read' && state.list.status === 'refused' ? (
        <NoticeAlert
          notice={{
            kind: 'error',
            text: dt('ensList.refused', {
              file: state.list.attachment.name,
              reason: dt(`ensList.refusal.${state.list.reason}` as DocumentKey),
            }),
          }}
        />
      ) : null}
      {others ? (
        <p className="small">
          {dt('ensList.otherFiles')}{' '}
          {files.map((f) => (
            <Button
              key={f.id}
              size="small"
              isBasic
              onClick={() => {
                read(f);
              }}
            >
              {f.name}
            </Button>
          ))}
        </p>
      ) : null}
    </>
  );
}

function ListTable({ list, t, dt }: { list: ReadList; t: Translate; dt: DocumentTranslate }) {
  return (
    <div className="small" data-testid="ens-list-table">
      <p role="status">
        {dt('ensList.summary', {
          file: list.attachment.name,
          sheet: list.sheet,
          rows: list.rows.length,
          found: list.counts.found,
          authorised: list.counts.authorised,
          notFound: list.counts.notFound,
          invalid: list.counts.invalid,
        })}
      </p>
      <p className="muted">
        {dt('ensList.columns', {
          columns: list.columns
            .filter((col) => col.kind !== 'ignored')
            .map((col) => `${col.column} ${col.header}`)
            .join(' · '),
        })}
      </p>
      {list.unknownColumns.length === 0 ? null : (
        <p className="warning" data-testid="ens-list-unknown">
          {dt('ensList.unknownColumns', {
            columns: list.unknownColumns.map((u) => `${u.column} “${u.header}”`).join(', '),
          })}
        </p>
      )}
      {list.notes.length === 0 ? null : (
        <ul className="muted">
          {list.notes.map((n) => (
            <li key={`${n.code}-${n.detail ?? ''}`}>
              {dt(`ensList.note.${n.code}` as DocumentKey, { detail: n.detail ?? '', count: n.count ?? 0 })}
            </li>
          ))}
        </ul>
      )}
      <table className="ens-list">
        <thead>
          <tr>
            <th scope="col">{dt('ensList.col.row')}</th>
            <th scope="col">{dt('ensList.col.ens')}</th>
            <th scope="col">{dt('ensList.col.services')}</th>
            <th scope="col">{dt('ensList.col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((r) => (
            <tr key={r.row} data-state={r.state}>
              <td>{r.row}</td>
              <td>
                {ensLabel(r)}
                {r.ens === null ? null : <span className="muted"> {r.ens.ine10}</span>}
              </td>
              <td>{[...r.services.map((s) => serviceName(s)), ...r.products].join(', ')}</td>
              <td>
                <strong>{dt(`ensList.state.${r.state}` as DocumentKey)}</strong>
                <RowDetail row={r} t={t} dt={dt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RowDetail({ row, t, dt }: { row: EnsListRowResult; t: Translate; dt: DocumentTranslate }) {
  const lines: string[] = [
    ...row.problems.map((p) =>
      dt(`ensList.problem.${p.code}` as DocumentKey, {
        cell: p.cell ?? '',
        value: p.value ?? '',
        reason: p.identifier === undefined ? '' : t(`identifier.${p.identifier}` as UiKey),
      }),
    ),
    ...(row.state === 'notFound'
      ? [dt(row.candidates > 1 ? 'ensList.detail.several' : 'ensList.detail.none', { count: row.candidates })]
      : []),
    ...(row.heldInPro !== null && row.heldInPro.length > 0
      ? [dt('ensList.detail.held', { products: row.heldInPro.join(', ') })]
      : []),
    ...(row.repeats === null ? [] : [dt('ensList.detail.repeats', { row: row.repeats })]),
    ...row.notes.map((n) => dt(`ensList.rowNote.${n.code}` as DocumentKey, { cell: n.cell, detail: n.detail ?? '' })),
  ];
  if (lines.length === 0) return null;
  return (
    <ul className="muted">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

/** One tick per ens for an alta or a certificate, shared as `<step>.<INE10>` in the progress store. */
function EnsTicks({ list, stepId }: { list: ReadList; stepId: string }) {
  const { t, env, ticket } = useAssistantContext();
  const dt = documentTranslator(env.lang);
  const ens = usable(list.rows).filter((r) => r.state !== 'authorised');
  const [done, setDone] = useState<ReadonlyMap<string, string>>(new Map());
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const procedure = stepId.split('.')[0] ?? stepId;
  useEffect(() => {
    let live = true;
    void env.proxy.call(getProgress, { params: { ticketId: String(ticket.id) } }).then((r) => {
      if (!live || !r.ok) return;
      const prefix = `${stepId}.`;
      setDone(
        new Map(
          r.data.steps
            .filter((s) => s.stepId.startsWith(prefix) && s.done)
            .map((s) => [s.stepId.slice(prefix.length), s.byName ?? s.by]),
        ),
      );
    });
    return () => {
      live = false;
    };
  }, [env.proxy, ticket.id, stepId]);

  const tick = async (ine10: string, value: boolean): Promise<void> => {
    const before = done;
    const next = new Map(done);
    if (value) next.set(ine10, env.agentName);
    else next.delete(ine10);
    setDone(next);
    const r = await env.proxy.call(setStep, {
      params: { ticketId: String(ticket.id), stepId: `${stepId}.${ine10}` },
      body: { done: value, procedure },
    });
    if (!r.ok) {
      setDone(before);
      setNotice({ kind: 'error', text: problemText(t, r.problem) });
    } else setNotice(undefined);
  };

  if (ens.length === 0) return <p className="muted small">{dt('ensList.ticks.empty')}</p>;
  return (
    <fieldset className="small" data-testid="ens-ticks">
      <legend>
        {dt('ensList.ticks.count', { done: ens.filter((r) => done.has(r.ens.ine10)).length, all: ens.length })}
      </legend>
      {ens.map((r) => (
        <Field key={r.ens.ine10}>
          <Checkbox checked={done.has(r.ens.ine10)} onChange={(e) => void tick(r.ens.ine10, e.target.checked)}>
            <Field.Label isRegular>
              {ensLabel(r)} <span className="muted">{r.ens.ine10}</span>
              {done.has(r.ens.ine10) ? <span className="muted"> · {done.get(r.ens.ine10)}</span> : null}
            </Field.Label>
          </Checkbox>
        </Field>
      ))}
      <NoticeAlert notice={notice} />
    </fieldset>
  );
}

/** The integrator register for every ens of the list, with the service(s) of its row. */
function EnsRegister({ list }: { list: ReadList }) {
  const { t, env, ticket } = useAssistantContext();
  const dt = documentTranslator(env.lang);
  const ens = usable(list.rows);
  const [nif, setNif] = useState('');
  const [name, setName] = useState(ticket.input.organization?.name ?? '');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ created: number; existing: number; failed: string[] } | undefined>();
  const register = async (): Promise<void> => {
    setBusy(true);
    const out = { created: 0, existing: 0, failed: [] as string[] };
    for (const r of ens) {
      for (const service of r.services) {
        const answer = await env.proxy.call(registerIntegrators, {
          body: {
            ticket: ticket.id,
            ens: { ine10: r.ens.ine10, nom: r.ens.nom ?? ensLabel(r) },
            service,
            products: service === 'VO' || service === 'MUX' ? [...r.products] : [],
            integrator: { nif, nom: name },
          },
        });
        if (!answer.ok) out.failed.push(`${ensLabel(r)} (${serviceName(service)}): ${problemText(t, answer.problem)}`);
        else
          for (const reg of answer.data.registrations) {
            if (reg.created) out.created++;
            else out.existing++;
          }
      }
    }
    setResult(out);
    setBusy(false);
  };
  if (ens.length === 0) return <p className="muted small">{dt('ensList.ticks.empty')}</p>;
  return (
    <div className="small" data-testid="ens-register">
      <p className="muted">{dt('ensList.register.help', { count: ens.length })}</p>
      <ValueField label={dt('ensList.register.nif')} value={nif} onChange={setNif} />
      <ValueField label={dt('ensList.register.name')} value={name} onChange={setName} />
      <Button
        size="small"
        isPrimary
        disabled={busy || nif.trim() === '' || name.trim() === ''}
        onClick={() => void register()}
      >
        {busy ? <Dots aria-label={t('loading')} /> : dt('ensList.register.button', { count: ens.length })}
      </Button>
      {result === undefined ? null : (
        <div role="status">
          <p>{dt('ensList.register.done', { created: result.created, existing: result.existing })}</p>
          {result.failed.length === 0 ? null : (
            <ul className="warning">
              {result.failed.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

const ensOf = (list: ReadList, service: KnownServiceId) =>
  list.rows.filter((r) => r.services.includes(service) && r.repeats === null);

/** One child ticket per service: the services of the list (else SetDIBA's), each a checkbox. */
function ChildTickets({ list }: { list: ReadList | undefined }) {
  const { t, env, port, ticket } = useAssistantContext();
  const dt = documentTranslator(env.lang);
  const fromList = [...new Set(list?.rows.flatMap((r) => r.services) ?? [])];
  const offered: KnownServiceId[] = fromList.length > 0 ? fromList : [...SETDIBA_SERVICES];
  const [chosen, setChosen] = useState<ReadonlySet<KnownServiceId>>(() => new Set(fromList));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ children: ChildOutcome[]; noted: boolean | 'failed' } | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>(undefined);

  const create = async (): Promise<void> => {
    setBusy(true);
    setNotice(undefined);
    try {
      const { subdomain } = await port.context();
      const parent = {
        id: ticket.id,
        subject: ticket.input.subject,
        url: (id: number) => `https://${subdomain}.zendesk.com/agent/tickets/${String(id)}`,
      };
      const plans = childPlans(
        parent,
        offered.filter((s) => chosen.has(s)),
        list?.rows,
        dt,
      );
      setOutcome(await createChildTickets(port, parent, plans, dt));
    } catch {
      setNotice({ kind: 'error', text: dt('children.failed.network') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="small" data-testid="child-tickets">
      <p className="muted">{dt('children.help')}</p>
      <fieldset>
        <legend>{dt('children.services')}</legend>
        {offered.map((s) => (
          <Field key={s}>
            <Checkbox
              checked={chosen.has(s)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(s);
                else next.delete(s);
                setChosen(next);
              }}
            >
              <Field.Label isRegular>
                {serviceName(s)}
                {list === undefined ? null : ` · ${dt('children.ensCount', { count: ensOf(list, s).length })}`}
              </Field.Label>
            </Checkbox>
          </Field>
        ))}
      </fieldset>
      <Button size="small" isPrimary disabled={busy || chosen.size === 0} onClick={() => void create()}>
        {busy ? <Dots aria-label={t('loading')} /> : dt('children.create', { count: chosen.size })}
      </Button>
      <NoticeAlert notice={notice} />
      {outcome === undefined ? null : (
        <ul role="status" data-testid="child-outcomes">
          {outcome.children.map((o) => (
            <li key={o.service}>
              {o.status === 'failed'
                ? dt('children.outcome.failed', { service: serviceName(o.service), status: o.httpStatus })
                : dt(`children.outcome.${o.status}`, { service: serviceName(o.service), id: o.id })}
            </li>
          ))}
          {outcome.noted === 'failed' ? <li className="warning">{dt('children.noteFailed')}</li> : null}
        </ul>
      )}
    </div>
  );
}
