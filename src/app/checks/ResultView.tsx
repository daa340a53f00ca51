import { Fragment } from 'react';
import { Alert } from '@zendeskgarden/react-notifications';
import type { Translate } from '../i18n/i18n';
import type { ResultTable, ResultView as View, Segment } from './result-view';

/** Up to this many characters, a value with no joint (a date, ECOT101) is one word that never breaks. */
const SHORT = 10;

/**
 * A cell's text with a line-break opportunity after each `_`, `.` and `/`: the registers'
 * codes (SERVEIS_SOCIALS, DGT_DADES_VEHICLE) are long unbroken words, and at 320 px a four-column
 * table only fits if they wrap, at their own joints rather than mid-letter. A short value with no joint
 * (a date, whose hyphens the browser would break at) keeps whole. `<wbr>` adds no character, so a copied
 * code is the code.
 */
function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[_./])/);
  if (parts.length === 1 && text.length <= SHORT) return <span className="cell-word">{text}</span>;
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i === 0 ? null : <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}

function Table({ head, rows }: ResultTable) {
  return (
    <table className="result-table">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              <Breakable text={h} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j}>
                <Breakable text={c} />
              </td>
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
