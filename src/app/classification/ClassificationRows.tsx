import { isKnownService } from '../../domain/catalogue/ids';
import { productLabel, serviceDescription } from '../../domain/catalogue/catalogue';
import type { Classification } from '../../domain/classifier';
import { useAssistantContext } from '../assistant/context';
import { evidenceParts, evidenceRow, type EvidenceRow } from './evidence-text';

/**
 * The classification's values as the agent reads them (service, environment, àmbit, products,
 * special cases, confidence), each with the words that decided it. Plain elements and the app's
 * CSS only: the sidebar shows these rows before Garden's components are loaded (FirstView), and
 * the classification panel shows the same rows once they are.
 */
function Evidence({ c, row, why }: { c: Classification; row: EvidenceRow; why: string }) {
  const { t, env } = useAssistantContext();
  const items = c.evidence.filter((e) => evidenceRow(e) === row);
  if (items.length === 0) return null;
  return (
    <ul className="evidence" aria-label={why}>
      {items.map((e, i) => (
        <li key={i}>
          {e.text === '' ? null : <q>{e.text}</q>}{' '}
          {evidenceParts(t, env.lang, e).map((part, k) => (
            <span key={k} className="muted">
              {k > 0 ? ' ' : null}
              {part}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

export function ClassificationRows({ c }: { c: Classification }) {
  const { t, env } = useAssistantContext();
  const row = (label: string, value: React.ReactNode, evidence: EvidenceRow, testId: string) => (
    <div className="cls-row">
      <div className="cls-label">{label}</div>
      <div className="cls-value" data-testid={testId}>
        {value}
      </div>
      <Evidence c={c} row={evidence} why={t('cls.why')} />
    </div>
  );
  const none = <span className="muted">{t('cls.none')}</span>;
  return (
    <>
      {row(
        t('cls.service'),
        <>
          <strong data-testid="service">{c.service}</strong>
          {isKnownService(c.service) ? <span className="muted"> {serviceDescription(c.service, env.lang)}</span> : null}
        </>,
        'service',
        'service-row',
      )}
      {row(t('cls.environment'), c.environment, 'environment', 'environment')}
      {row(t('cls.ambit'), c.ambit, 'ambit', 'ambit')}
      {row(
        t('cls.products'),
        c.products.length === 0
          ? none
          : c.products.map((p) => {
              const l = productLabel(p, env.lang);
              const codes = l.codes.length === 0 ? t('cls.codeUnknown') : l.codes.join(', ');
              return (
                <div key={p} className="cls-product" data-testid={`product-${p}`}>
                  <span className="tag">{p}</span>{' '}
                  <span className="muted">{t('cls.productLine', { name: l.name, codes, ambit: l.ambit })}</span>
                </div>
              );
            }),
        'products',
        'products',
      )}
      {row(
        t('cls.flags'),
        c.flags.length === 0
          ? none
          : c.flags.map((f) => (
              <span key={f} className="tag flag">
                {f}
              </span>
            )),
        'flags',
        'flags',
      )}
      <div className="cls-row">
        <div className="cls-label">{t('cls.confidence')}</div>
        <div className="cls-value">
          <meter min={0} max={1} value={c.confidence} aria-label={t('cls.confidence')} />{' '}
          {Math.round(c.confidence * 100)}%
        </div>
      </div>
    </>
  );
}
