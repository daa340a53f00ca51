import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import type { CorrectionSummary, LabelField } from '../../domain/corpus/correction';
import type { Translate, UiKey, UiLang } from '../i18n/i18n';
import { problemText } from '../notice';
import type { CorrectionRecordState } from './useCorrectionRecord';

/**
 * Under the classification: what became of the agent's record for the desk's corpus (sending,
 * saved, waiting for the proxy, refused, withdrawn) and, when the proxy holds one of hers for this
 * ticket, what it says, with the button that withdraws it.
 */
const FIELD_LABEL: Record<LabelField, UiKey> = {
  service: 'cls.service',
  products: 'cls.products',
  environment: 'cls.environment',
  ambit: 'cls.ambit',
  flags: 'cls.flags',
};

function when(at: string, lang: UiLang): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime())
    ? at
    : date.toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Madrid' });
}

function OwnRecord({ own, t, lang }: { own: CorrectionSummary; t: Translate; lang: UiLang }) {
  const l = own.labels;
  const none = t('cls.none');
  return (
    <div className="record-own" data-testid="own-record">
      <p className="small">
        {own.kind === 'confirmed'
          ? t('rec.own.confirmed', { at: when(own.at, lang) })
          : t('rec.own.corrected', {
              at: when(own.at, lang),
              fields: own.changed.map((f) => t(FIELD_LABEL[f]).toLowerCase()).join(', '),
            })}
      </p>
      <p className="small muted" data-testid="own-record-labels">
        {t('rec.own.labels', {
          service: l.service,
          environment: l.environment,
          ambit: l.ambit,
          products: l.products.length === 0 ? none : l.products.join(', '),
          flags: l.flags.length === 0 ? none : l.flags.join(', '),
        })}
      </p>
    </div>
  );
}

export function CorrectionRecordNote({
  record,
  t,
  lang,
}: {
  record: CorrectionRecordState;
  t: Translate;
  lang: UiLang;
}) {
  const { status, own, pending } = record;
  const busy = status.phase === 'sending' || status.phase === 'withdrawing';
  const retry = (
    <Button size="small" isBasic onClick={record.retry}>
      {t('retry')}
    </Button>
  );
  return (
    <div className="record" aria-label={t('rec.title')}>
      {status.phase === 'sending' || status.phase === 'withdrawing' ? (
        <p role="status" className="small">
          <Dots size={12} /> {t(status.phase === 'sending' ? 'rec.sending' : 'rec.withdrawing')}
        </p>
      ) : status.phase === 'sent' ? (
        <Alert type="success" role="status">
          {t('rec.sent')}
        </Alert>
      ) : status.phase === 'withdrawn' ? (
        <Alert type="info" role="status">
          {t('rec.withdrawn')}
        </Alert>
      ) : status.phase === 'queued' ? (
        <Alert type="warning" role="alert">
          {t('rec.queued', { reason: problemText(t, status.problem) })} {retry}
        </Alert>
      ) : status.phase === 'failed' ? (
        <Alert type="error" role="alert">
          {t('rec.failed', { reason: problemText(t, status.problem) })} {retry}
        </Alert>
      ) : status.phase === 'withdrawFailed' ? (
        <Alert type="error" role="alert">
          {t('rec.withdrawFailed', { reason: problemText(t, status.problem) })} {retry}
        </Alert>
      ) : status.phase === 'invalid' ? (
        <Alert type="error" role="alert">
          {t('rec.invalid', { reason: status.reason })}
        </Alert>
      ) : pending ? (
        // Left unsent from an earlier visit, and not tried yet in this one.
        <p className="small warning">
          {t('rec.pending')} {retry}
        </p>
      ) : null}
      {own === undefined ? null : <OwnRecord own={own} t={t} lang={lang} />}
      {own !== undefined || pending ? (
        <div className="buttons">
          <Button size="small" isBasic isDanger disabled={busy} onClick={record.withdraw}>
            {t('rec.withdraw')}
          </Button>
        </div>
      ) : null}
      <p className="small muted">{t('rec.help')}</p>
    </div>
  );
}
