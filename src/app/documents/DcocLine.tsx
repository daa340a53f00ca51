import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { useState } from 'react';
import { parseIne10 } from '../../domain/identifiers';
import { dcocLines, type DcocLinesResponse } from '../../shared/api';
import type { ProxyProblem } from '../api/proxy-client';
import { useAssistantContext } from '../assistant/context';
import { NoticeAlert, problemText } from '../notice';
import type { DocumentSources } from './MinhapDocument';
import { ValueField } from './ValueField';

/**
 * The DCOC alta's configuration change: each `dcoc.<col·legi>.…organismes=` line of the configured
 * dcoc.properties that lacks the ens, as a diff (the line now, the line to paste) with the INE10 in
 * both forms; the lists that already hold it are named.
 */
export function DcocLine({ sources }: { sources: DocumentSources }) {
  const { t, env, ticket } = useAssistantContext();
  const [ine10, setIne10] = useState(sources.known.ine10 ?? sources.found.ine10 ?? '');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<DcocLinesResponse | undefined>(undefined);
  const [problem, setProblem] = useState<ProxyProblem | undefined>(undefined);
  const valid = parseIne10(ine10).ok;

  const load = async (): Promise<void> => {
    setBusy(true);
    try {
      const r = await env.proxy.call(dcocLines, { query: { ticket: ticket.id, ine10 } });
      if (r.ok) {
        setAnswer(r.data);
        setProblem(undefined);
      } else {
        setProblem(r.problem);
        setAnswer(undefined);
      }
    } finally {
      setBusy(false);
    }
  };

  const changes = answer?.lines.filter((l) => l.added.length > 0) ?? [];
  const already = answer?.lines.filter((l) => l.added.length === 0).map((l) => l.colegi) ?? [];
  return (
    <section className="documents" aria-label={t('documents.dcoc.title')} data-testid="documents-dcoc">
      <h3 className="small">{t('documents.dcoc.title')}</h3>
      <ValueField label={t('documents.value.ine10')} value={ine10} onChange={setIne10} />
      <Button size="small" disabled={busy || !valid} onClick={() => void load()}>
        {busy ? <Dots aria-label={t('loading')} /> : t('documents.dcoc.show')}
      </Button>
      {problem === undefined ? null : <NoticeAlert notice={{ kind: 'error', text: problemText(t, problem) }} />}
      {answer === undefined ? null : (
        <div className="small">
          {changes.length === 0 ? <p>{t('documents.dcoc.nothing')}</p> : null}
          {changes.map((l) => (
            <div key={l.key}>
              <p>{t('documents.dcoc.change', { colegi: l.colegi, added: l.added.join(', ') })}</p>
              <pre className="diff" data-testid={`dcoc-diff-${l.colegi}`}>
                {`- ${l.before}\n+ ${l.after}`}
              </pre>
            </div>
          ))}
          {already.length === 0 ? null : (
            <p className="muted">{t('documents.dcoc.already', { colegis: already.join(', ') })}</p>
          )}
        </div>
      )}
    </section>
  );
}
