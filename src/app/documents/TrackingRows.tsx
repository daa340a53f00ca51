import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { useMemo, useState } from 'react';
import {
  trackingCsv,
  trackingFileName,
  trackingPasteText,
  trackingTable,
  type TrackingColumn,
  type TrackingSheet,
  type TrackingTable,
} from '../../domain/documents/tracking';
import { buildTrackingRows, type TrackingRowsResponse } from '../../shared/api';
import type { ProxyProblem } from '../api/proxy-client';
import { useAssistantContext } from '../assistant/context';
import type { UiKey } from '../i18n/i18n';
import { NoticeAlert, problemText, type Notice } from '../notice';
import { base64Bytes, saveFile } from './download';
import type { DocumentSources } from './MinhapDocument';
import { copyText } from './copy-text';

/** The table the proxy answered, as the domain's (its schema is the domain's, checked at the edge). */
function fromAnswer(answer: TrackingRowsResponse): TrackingTable {
  return {
    sheet: answer.table.sheet,
    columns: answer.table.columns,
    lines: answer.table.lines,
    notes: answer.table.notes as TrackingTable['notes'],
  };
}

/** The cells of a line the sidebar shows, in a narrow column: what identifies it and its state. */
const SHOWN: Readonly<Record<TrackingSheet, readonly TrackingColumn[]>> = {
  vo: ['env', 'productCode', 'modalityCode', 'finalitatCode'],
  pscp: ['env', 'service', 'userNif', 'sistemaExtern'],
};

/**
 * The desk's tracking rows for this ticket (VO Pas 1, the PSCP integrations sheet): the lines to
 * add, in the sheet's column order, copied to paste into the open sheet, or downloaded as CSV
 * (made here) or .xlsx (made by the proxy, which also reads SIRI's authorisations in PRE and PRO
 * so that each Via Oberta line says what is already given).
 */
export function TrackingRows({ sources, sheet }: { sources: DocumentSources; sheet: TrackingSheet }) {
  const { t, env, ticket } = useAssistantContext();
  const { classification, found, known } = sources;
  const input = useMemo(
    () => ({
      sheet,
      ticket: ticket.id,
      environment: classification.environment === 'PRO' ? ('PRO' as const) : ('PRE' as const),
      ens: {
        name: found.form?.ensName ?? ticket.input.organization?.name ?? '',
        cif: known.cif ?? found.cif ?? found.form?.ensCif ?? '',
        ine10: known.ine10 ?? found.ine10 ?? '',
      },
      products: classification.products,
      modalities: classification.modalities ?? [],
      elicita: classification.service === 'ELICITA',
      userNif: found.form?.contactNif ?? found.personNif ?? '',
    }),
    [sheet, ticket, classification, found, known],
  );
  const local = useMemo(() => trackingTable({ ...input, date: new Date().toISOString().slice(0, 10) }), [input]);
  const [answer, setAnswer] = useState<TrackingRowsResponse | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProxyProblem | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const table = answer === undefined ? local : fromAnswer(answer);

  const xlsx = async (): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    try {
      const r = await env.proxy.call(buildTrackingRows, {
        body: {
          ticket: input.ticket,
          sheet,
          environment: input.environment,
          ensName: input.ens.name,
          cif: input.ens.cif,
          ine10: input.ens.ine10,
          ...(sheet === 'vo'
            ? { products: [...input.products], modalities: input.modalities.filter((m) => /^\w{1,64}$/.test(m)) }
            : { elicita: input.elicita, userNif: input.userNif }),
        },
      });
      if (!r.ok) {
        setProblem(r.problem);
        return;
      }
      setAnswer(r.data);
      saveFile(r.data.file.fileName, r.data.file.contentType, base64Bytes(r.data.file.base64));
    } finally {
      setBusy(false);
    }
  };

  const title = t(`documents.tracking.title.${sheet}` as UiKey);
  return (
    <section className="documents" aria-label={title} data-testid={`documents-tracking-${sheet}`}>
      <h3 className="small">{title}</h3>
      <p className="muted small">{t('documents.tracking.help')}</p>
      {table.lines.length === 0 ? (
        <p className="small">{t('documents.tracking.empty')}</p>
      ) : (
        <ol className="tracking-lines small" data-testid="tracking-lines">
          {table.lines.map((l, i) => (
            <li key={i}>
              {SHOWN[sheet]
                .map((c) => l.cells[c] ?? '')
                .filter((c) => c !== '')
                .join(' · ')}{' '}
              — <strong>{t(`documents.tracking.state.${l.state}` as UiKey)}</strong>
            </li>
          ))}
        </ol>
      )}
      {table.notes.length === 0 ? null : (
        <ul className="warning small" data-testid="tracking-notes">
          {table.notes.map((n) => (
            <li key={`${n.code}-${'detail' in n ? n.detail : ''}`}>
              {t(`documents.tracking.note.${n.code}` as UiKey, { detail: 'detail' in n ? n.detail : '' })}
            </li>
          ))}
        </ul>
      )}
      {answer === undefined || answer.authorisations.read || answer.authorisations.reason === null ? null : (
        <p className="muted small">{t('documents.tracking.notRead', { reason: answer.authorisations.reason })}</p>
      )}
      <div className="buttons">
        <Button
          size="small"
          disabled={table.lines.length === 0}
          onClick={() =>
            void copyText(trackingPasteText(table)).then((copied) => {
              setNotice(
                copied
                  ? { kind: 'success', text: t('documents.tracking.copied', { lines: table.lines.length }) }
                  : { kind: 'error', text: t('documents.tracking.copyFailed') },
              );
            })
          }
        >
          {t('documents.tracking.copy')}
        </Button>
        <Button
          size="small"
          disabled={table.lines.length === 0}
          onClick={() => {
            saveFile(trackingFileName(sheet, ticket.id, 'csv'), 'text/csv;charset=utf-8', trackingCsv(table));
          }}
        >
          {t('documents.tracking.csv')}
        </Button>
        <Button size="small" isPrimary disabled={busy || table.lines.length === 0} onClick={() => void xlsx()}>
          {busy ? <Dots aria-label={t('loading')} /> : t('documents.tracking.xlsx')}
        </Button>
      </div>
      {problem === undefined ? null : <NoticeAlert notice={{ kind: 'error', text: problemText(t, problem) }} />}
      <NoticeAlert notice={notice} />
    </section>
  );
}
