import { Alert } from '@zendeskgarden/react-notifications';
import type { Translate } from '../i18n/i18n';
import type { ResultTable, ResultView as View, Segment } from './result-view';

function Table({ head, rows }: ResultTable) {
  return (
    <table className="result-table">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Line({ segments }: { segments: readonly Segment[] }) {
  return (
    <p>
      {segments.map((s, i) => {
        const spaced = i === 0 ? s.text : ` ${s.text}`;
        return s.tone === 'strong' ? (
          <strong key={i}>{spaced}</strong>
        ) : s.tone === 'muted' ? (
          <span key={i} className="muted">
            {spaced}
          </span>
        ) : (
          <span key={i}>{spaced}</span>
        );
      })}
    </p>
  );
}

/** Renders a check's result (data) the same way for every check. */
export function ResultView({ view, t }: { view: View; t: Translate }) {
  switch (view.kind) {
    case 'empty':
      return <p>{t('checks.empty')}</p>;
    case 'success':
      return (
        <Alert type="success" role="status">
          {view.message}
        </Alert>
      );
    case 'found':
      return (
        <>
          {view.lines.map((segments, i) => (
            <Line key={i} segments={segments} />
          ))}
          {view.table === undefined ? null : <Table {...view.table} />}
        </>
      );
  }
}
