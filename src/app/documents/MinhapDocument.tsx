import { Button } from '@zendeskgarden/react-buttons';
import { Checkbox, Field } from '@zendeskgarden/react-forms';
import { Dots } from '@zendeskgarden/react-loaders';
import { useMemo, useState } from 'react';
import { MODALITIES, productName } from '../../domain/catalogue';
import type { Classification } from '../../domain/classifier';
import { minhapProducts, minhapRows, type MinhapProblem, type ModalityChoice } from '../../domain/documents/minhap';
import { attachMinhapExcel, buildMinhapExcel, type MinhapExcelResponse } from '../../shared/api';
import type { ProxyProblem } from '../api/proxy-client';
import { useAssistantContext } from '../assistant/context';
import type { FoundIdentifiers } from '../checks/extract';
import type { Translate, UiKey } from '../i18n/i18n';
import { NoticeAlert, problemText } from '../notice';
import { base64Bytes, saveFile } from './download';
import { ValueField } from './ValueField';

/** What the documents of a step know of the ticket. */
export interface DocumentSources {
  readonly classification: Classification;
  readonly found: FoundIdentifiers;
  readonly known: FoundIdentifiers;
}

const key = (c: ModalityChoice): string => `${c.product}/${c.modality}`;

export function minhapProblemText(
  t: Translate,
  p: Pick<MinhapProblem, 'value' | 'code'> & { readonly detail?: string | undefined },
): string {
  const value = t(`documents.value.${p.value}` as UiKey);
  return t(`documents.problem.${p.code}` as UiKey, { value, detail: p.detail ?? '' });
}

/**
 * The MINHAP Excel (VO Pas 3) from the step that asks for it: the ens's values prefilled from the
 * ticket, its form and the checks, editable; one checkbox per modality of the MINHAP products
 * asked; the proxy fills the desk's template and the file downloads. Nothing is asked of the proxy
 * while a value is missing or wrong, and each is named.
 */
export function MinhapDocument({ sources }: { sources: DocumentSources }) {
  const { t, env, ticket } = useAssistantContext();
  const { classification, found, known } = sources;
  const [ensName, setEnsName] = useState(found.form?.ensName ?? ticket.input.organization?.name ?? '');
  const [cif, setCif] = useState(found.cif ?? found.form?.ensCif ?? '');
  const [ine10, setIne10] = useState(known.ine10 ?? found.ine10 ?? '');
  const [dir3, setDir3] = useState('');
  const products = minhapProducts(classification.products);
  const offered = useMemo(
    () =>
      MODALITIES.filter((m) => products.includes(m.product)).map((m) => ({
        product: m.product,
        modality: m.modality.code,
      })),
    [products],
  );
  const named = new Set(classification.modalities ?? []);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(offered.filter((m) => named.has(m.modality)).map(key)),
  );
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<MinhapExcelResponse | undefined>(undefined);
  const [problem, setProblem] = useState<ProxyProblem | undefined>(undefined);
  const [attached, setAttached] = useState<string | undefined>(undefined);

  const modalities = offered.filter((m) => chosen.has(key(m)));
  const request = { ensName, cif, ine10, dir3, modalities };
  const check = minhapRows(request);
  // The DIR3 may be left empty: the proxy reads it from the DIR3 table.
  const local = check.ok
    ? []
    : check.problems.filter((p) => !(p.value === 'dir3' && p.code === 'missing' && dir3.trim() === ''));

  const build = async (): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    try {
      const r = await env.proxy.call(buildMinhapExcel, {
        body: {
          ticket: ticket.id,
          ensName,
          cif,
          ine10,
          ...(dir3.trim() === '' ? {} : { dir3 }),
          modalities,
        },
      });
      if (!r.ok) {
        setProblem(r.problem);
        setAnswer(undefined);
        return;
      }
      setAnswer(r.data);
      if (r.data.status === 'built')
        saveFile(r.data.file.fileName, r.data.file.contentType, base64Bytes(r.data.file.base64));
    } finally {
      setBusy(false);
    }
  };

  // The proxy uploads the file and adds it in an internal note: ZAF cannot upload files.
  const attach = async (): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    setAttached(undefined);
    try {
      const note = t('documents.minhap.note', {
        ens: ensName.trim(),
        rows: modalities.length,
        modalities: modalities.map((m) => m.modality).join(', '),
      });
      const r = await env.proxy.call(attachMinhapExcel, {
        body: { ticket: ticket.id, ensName, cif, ine10, ...(dir3.trim() === '' ? {} : { dir3 }), modalities, note },
      });
      if (!r.ok) {
        setProblem(r.problem);
        return;
      }
      if (r.data.status === 'refused') setAnswer(r.data);
      else {
        setAnswer(undefined);
        setAttached(t('documents.minhap.attached', { file: r.data.fileName, rows: r.data.rows }));
      }
    } finally {
      setBusy(false);
    }
  };

  if (products.length === 0) return <p className="muted small">{t('documents.minhap.noProducts')}</p>;
  return (
    <section className="documents" aria-label={t('documents.title')} data-testid="documents-minhap">
      <h3 className="small">{t('documents.minhap.title')}</h3>
      <p className="muted small">{t('documents.minhap.help')}</p>
      <ValueField label={t('documents.value.ensName')} value={ensName} onChange={setEnsName} />
      <ValueField label={t('documents.value.cif')} value={cif} onChange={setCif} />
      <ValueField label={t('documents.value.ine10')} value={ine10} onChange={setIne10} />
      <ValueField
        label={t('documents.value.dir3')}
        hint={t('documents.minhap.dir3Hint')}
        value={dir3}
        onChange={setDir3}
      />
      <fieldset className="modalities">
        <legend className="small">{t('documents.value.modalities')}</legend>
        {offered.map((m) => (
          <Field key={key(m)}>
            <Checkbox
              checked={chosen.has(key(m))}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(key(m));
                else next.delete(key(m));
                setChosen(next);
              }}
            >
              <Field.Label isRegular>
                {productName(m.product, env.lang)} · {m.modality}
              </Field.Label>
            </Checkbox>
          </Field>
        ))}
      </fieldset>
      {local.length > 0 ? (
        <ul className="warning small" data-testid="minhap-problems">
          {local.map((p) => (
            <li key={`${p.value}-${p.code}-${p.detail ?? ''}`}>{minhapProblemText(t, p)}</li>
          ))}
        </ul>
      ) : null}
      <Button size="small" isPrimary disabled={busy || local.length > 0} onClick={() => void build()}>
        {busy ? <Dots aria-label={t('loading')} /> : t('documents.minhap.download')}
      </Button>{' '}
      <Button size="small" disabled={busy || local.length > 0} onClick={() => void attach()}>
        {t('documents.minhap.attach')}
      </Button>
      {attached === undefined ? null : (
        <p className="small" role="status" data-testid="minhap-attached">
          {attached}
        </p>
      )}
      {problem === undefined ? null : <NoticeAlert notice={{ kind: 'error', text: problemText(t, problem) }} />}
      <MinhapAnswer answer={answer} t={t} />
    </section>
  );
}

function MinhapAnswer({ answer, t }: { answer: MinhapExcelResponse | undefined; t: Translate }) {
  if (answer === undefined) return null;
  if (answer.status === 'refused') {
    return (
      <ul className="warning small" role="alert" data-testid="minhap-refused">
        {answer.problems.map((p) => (
          <li key={`${p.value}-${p.code}-${p.detail ?? ''}`}>{minhapProblemText(t, p)}</li>
        ))}
      </ul>
    );
  }
  return (
    <div className="small" role="status" data-testid="minhap-built">
      <p>{t('documents.minhap.built', { rows: answer.rows.length, file: answer.file.fileName })}</p>
      <p className="muted">
        {t(`documents.minhap.dir3.${answer.dir3.source}` as UiKey, { dir3: answer.dir3.value })}
        {answer.dir3.note === null ? '' : ` ${answer.dir3.note}`}
      </p>
      {answer.notes.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
    </div>
  );
}
