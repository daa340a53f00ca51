import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { useRef, useState } from 'react';
import { PRODUCTS } from '../../domain/catalogue/products';
import type { FormData, FormPerson, FormProblem, FormReading } from '../../domain/form/schema';
import type { Translate, UiKey } from '../i18n/i18n';
import { parseNif } from '../../domain/identifiers';
import { identifierReason } from '../i18n/identifiers';
import { problemText } from '../notice';
import type { FormDisagreement } from './disagreement';
import type { RequestForm } from './useRequestForm';

/**
 * The "Formulari" card beside the classification: what the ens's request form says, each problem
 * in the agent's language, and a drop zone / file picker whenever the proxy cannot read it.
 */
export function FormCard({
  form,
  t,
  disagreement,
}: {
  form: RequestForm;
  t: Translate;
  /** What the ticket's text asks that the form does not tick. */
  disagreement?: FormDisagreement | undefined;
}) {
  const { state } = form;
  return (
    <section className="form-card" aria-label={t('form.title')} data-testid="form-card">
      <h3>{t('form.title')}</h3>
      {state.phase === 'looking' || state.phase === 'reading' ? (
        <p role="status">
          <Dots /> {state.phase === 'looking' ? t('form.looking') : t('form.loading')}
        </p>
      ) : state.phase === 'none' ? (
        <FilePicker form={form} t={t} message={t('form.none')} />
      ) : state.phase === 'fallback' ? (
        <FilePicker
          form={form}
          t={t}
          message={
            state.problem.kind === 'featureNotConfigured' || state.problem.kind === 'notConfigured'
              ? t('form.notConfigured')
              : t('form.fetchProblem', { message: problemText(t, state.problem) })
          }
        />
      ) : (
        <Reading reading={state.reading} file={state.file} form={form} t={t} disagreement={disagreement} />
      )}
    </section>
  );
}

const FAILURE_KEYS: Readonly<Record<string, UiKey>> = {
  NOT_PDF: 'form.fail.NOT_PDF',
  DAMAGED: 'form.fail.DAMAGED',
  ENCRYPTED: 'form.fail.ENCRYPTED',
  TOO_LARGE: 'form.fail.TOO_LARGE',
  INFLATE_LIMIT: 'form.fail.INFLATE_LIMIT',
  XML_REFUSED: 'form.fail.XML_REFUSED',
  MISSING_FILE: 'form.fail.MISSING_FILE',
};

function Reading({
  reading,
  file,
  form,
  t,
  disagreement,
}: {
  reading: FormReading;
  file: string;
  form: RequestForm;
  t: Translate;
  disagreement: FormDisagreement | undefined;
}) {
  if ('reason' in reading) {
    const message =
      reading.status === 'not-a-form'
        ? t('form.notAForm', { file })
        : t('form.unreadable', { file, reason: t(FAILURE_KEYS[reading.code ?? 'DAMAGED'] ?? 'form.fail.DAMAGED') });
    return (
      <>
        <Alert type={reading.status === 'not-a-form' ? 'warning' : 'error'}>{message}</Alert>
        <FilePicker form={form} t={t} message="" compact />
      </>
    );
  }
  if (reading.status === 'blank') {
    return (
      <>
        <Alert type="warning">{t('form.blank', { file })}</Alert>
        <FilePicker form={form} t={t} message="" compact />
      </>
    );
  }
  return <FormDetails data={reading} file={file} t={t} disagreement={disagreement} />;
}

const dash = (t: Translate, v: string | null | undefined): string =>
  v === null || v === undefined ? t('form.empty') : v;

function person(p: FormPerson): string {
  return [p.name, p.surnames, p.nif === null ? null : `(${p.nif})`, p.position, p.email, p.phone]
    .filter((x): x is string => x !== null)
    .join(' · ');
}

/** A translated text for a key built from data, or undefined when the table has none. */
function maybe(t: Translate, key: string, vars?: Readonly<Record<string, string>>): string | undefined {
  // The translator falls back to Catalan and then to undefined for a key no table has.
  const text = (t as (k: string, v?: Readonly<Record<string, string>>) => string | undefined)(key, vars);
  return typeof text === 'string' ? text : undefined;
}

/** The reason in the agent's language: the identifier rules' own text, or the address block. */
function problemReason(t: Translate, p: FormProblem): string {
  if (p.code === 'INVALID_NIF' && p.value !== undefined) {
    const nif = parseNif(p.value);
    if (!nif.ok) return identifierReason(t, nif);
  }
  if (p.code === 'IP_NOT_PUBLIC') {
    const block = /\((\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})/.exec(p.reason)?.[1];
    if (block !== undefined) return block;
  }
  return p.reason;
}

function problemLine(t: Translate, p: FormProblem): string {
  const field = maybe(t, `form.field.${p.field}`) ?? p.field;
  const text = maybe(t, `form.problem.${p.code ?? ''}`, { field, value: p.value ?? '', reason: problemReason(t, p) });
  return text ?? `${field}: ${p.reason}`;
}

function FormDetails({
  data,
  file,
  t,
  disagreement,
}: {
  data: FormData;
  file: string;
  t: Translate;
  disagreement: FormDisagreement | undefined;
}) {
  // [test id, label, value]
  const rows: [string, string, string][] = [
    ['ens', t('form.ens'), [data.ens.name, data.ens.nif].filter((x) => x !== null).join(' · ') || t('form.empty')],
    ['contact', t('form.contact'), person(data.technicalContact) || t('form.empty')],
    ['application', t('form.application'), dash(t, data.application.name)],
    ['ips-pre', t('form.ipsPre'), data.ips.pre.join(', ') || t('form.empty')],
    ['ips-pro', t('form.ipsPro'), data.ips.pro.join(', ') || t('form.empty')],
    ['cert-pre', t('form.certPre'), dash(t, data.certificates.pre)],
    ['cert-pro', t('form.certPro'), dash(t, data.certificates.pro)],
    [
      'integrator',
      t('form.integrator'),
      data.integrator === null
        ? t('form.empty')
        : [data.integrator.company, data.integrator.nif, person(data.integrator.contact)]
            .filter((x) => x !== null && x !== '')
            .join(' · '),
    ],
    [
      'place-date',
      t('form.placeDate'),
      [data.place, data.date].filter((x) => x !== null).join(', ') || t('form.empty'),
    ],
  ];
  return (
    <>
      <p className="form-source">{t('form.source', { file })}</p>
      <h4>{t('form.services')}</h4>
      {data.ticked.length === 0 ? (
        <p>{t('form.nothingTicked')}</p>
      ) : (
        <ul className="form-ticks" data-testid="form-ticked">
          {data.ticked.map((tick) => (
            <li key={tick.checkbox} data-testid={`form-tick-${tick.product ?? tick.service ?? tick.checkbox}`}>
              {tick.caption}{' '}
              <code>
                {tick.product !== null
                  ? `${tick.product} · ${PRODUCTS[tick.product].ambit}`
                  : (tick.service ?? tick.checkbox)}
              </code>
            </li>
          ))}
        </ul>
      )}
      <dl className="form-fields">
        {rows.map(([id, label, value]) => (
          <div key={id}>
            <dt>{label}</dt>
            <dd data-testid={`form-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {disagreement === undefined ? null : (
        <Alert type="warning" data-testid="form-disagreement">
          {t('form.disagreement', { asked: [...disagreement.services, ...disagreement.products].join(', ') })}
        </Alert>
      )}
      {data.problems.length > 0 ? (
        <Alert type="warning" data-testid="form-problems">
          <strong>{t('form.problems')}</strong>
          <ul>
            {data.problems.map((p, i) => (
              <li key={`${p.field}-${String(i)}`}>{problemLine(t, p)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </>
  );
}

function FilePicker({
  form,
  t,
  message,
  compact = false,
}: {
  form: RequestForm;
  t: Translate;
  message: string;
  compact?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (files: FileList | null): void => {
    const file = files?.[0];
    if (file !== undefined) void form.readFile(file);
  };
  return (
    <div
      className={`form-drop${over ? ' form-drop--over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => {
        setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files);
      }}
    >
      {message === '' ? null : <p>{message}</p>}
      {compact ? null : <p className="form-drop-hint">{t('form.dropHint')}</p>}
      <input
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        hidden
        data-testid="form-file"
        onChange={(e) => {
          take(e.target.files);
        }}
      />
      <Button size="small" onClick={() => input.current?.click()}>
        {compact ? t('form.readAnother') : t('form.pick')}
      </Button>
    </div>
  );
}
