import { Button } from '@zendeskgarden/react-buttons';
import { Checkbox, Field, Input, Select } from '@zendeskgarden/react-forms';
import { useState } from 'react';
import { SERVICE_IDS } from '../../domain/catalogue';
import { CLASSIFICATION_AMBITS, ENVIRONMENTS, FLAGS, type Flag } from '../../domain/classifier';
import { useAssistantContext } from '../assistant/context';
import { NoticeAlert, zendeskErrorNotice, type Notice } from '../notice';
import { CorrectionRecordNote } from './CorrectionRecordNote';
import { correctedFields } from './correction-record';
import { parseProducts, writeBack, type Override } from './effective';
import { ClassificationRows } from './ClassificationRows';
import type { ClassificationState } from './useClassification';
import type { CorrectionRecordState } from './useCorrectionRecord';

/** One value of the classification, chosen from its list (the agent's correction). */
function ChoiceField<V extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: V;
  options: readonly V[];
  onChange: (value: V) => void;
}) {
  return (
    <Field>
      <Field.Label>{label}</Field.Label>
      <Select
        value={value}
        onChange={(e) => {
          // The options are the list's own values, so the one chosen is one of them.
          onChange(e.target.value as V);
        }}
      >
        {options.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * Service, environment, àmbit, products and special cases, each with the words that decided it;
 * the agent can correct any value, and write the result back to the ticket. A correction (on
 * "done") and a confirmation ("correct") are sent to the proxy for the desk's labelled corpus.
 */
export function ClassificationPanel({ cls, record }: { cls: ClassificationState; record: CorrectionRecordState }) {
  const { t, env, port, ticket } = useAssistantContext();
  const c = cls.classification;
  const [editing, setEditing] = useState(false);
  const [productsText, setProductsText] = useState(c.products.join(', '));
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const corrected = Object.keys(cls.override).length > 0;
  const change = (patch: Override): void => {
    cls.setOverride({ ...cls.override, ...patch });
  };
  const parsedProducts = parseProducts(productsText);

  const doWriteBack = async (): Promise<void> => {
    try {
      const r = await writeBack(port, env.settings, c, ticket.tags);
      setNotice(
        r.unmapped.length > 0
          ? { kind: 'error', text: t('cls.writeBack.unmapped', { list: r.unmapped.join(', ') }) }
          : r.wrote
            ? { kind: 'success', text: t('cls.writeBack.done') }
            : { kind: 'info', text: t('cls.writeBack.nothing') },
      );
    } catch (error) {
      setNotice(zendeskErrorNotice(t, error));
    }
  };

  return (
    <section aria-label={t('tabs.classification')}>
      {corrected ? <p className="muted small">✎ {t('cls.corrected')}</p> : null}
      {editing ? (
        <div className="cls-edit">
          <ChoiceField
            label={t('cls.service')}
            value={c.service}
            options={[...SERVICE_IDS, 'UNKNOWN']}
            onChange={(v) => {
              change({ service: v });
            }}
          />
          <ChoiceField
            label={t('cls.environment')}
            value={c.environment}
            options={ENVIRONMENTS}
            onChange={(v) => {
              change({ environment: v });
            }}
          />
          <Field>
            <Field.Label>{t('cls.products')}</Field.Label>
            <Field.Hint>{t('cls.productsHelp')}</Field.Hint>
            <Input
              value={productsText}
              {...(parsedProducts.unknown.length > 0 ? { validation: 'error' as const } : {})}
              onChange={(e) => {
                setProductsText(e.target.value);
                const parsed = parseProducts(e.target.value);
                if (parsed.unknown.length === 0) change({ products: parsed.products });
              }}
            />
            {parsedProducts.unknown.length > 0 ? (
              <Field.Message validation="error" validationLabel={t('validation.error')}>
                {t('cls.unknownProducts', { list: parsedProducts.unknown.join(', ') })}
              </Field.Message>
            ) : null}
          </Field>
          <ChoiceField
            label={t('cls.ambit')}
            value={c.ambit}
            options={CLASSIFICATION_AMBITS}
            onChange={(v) => {
              change({ ambit: v });
            }}
          />
          <fieldset className="flags-edit">
            <legend>{t('cls.flags')}</legend>
            {FLAGS.map((f) => (
              <Field key={f}>
                <Checkbox
                  checked={c.flags.includes(f)}
                  onChange={(e) => {
                    const next: Flag[] = e.target.checked ? [...c.flags, f] : c.flags.filter((x) => x !== f);
                    change({ flags: next });
                  }}
                >
                  <Field.Label>{f}</Field.Label>
                </Checkbox>
              </Field>
            ))}
          </fieldset>
          <div className="buttons">
            <Button
              size="small"
              isPrimary
              onClick={() => {
                setEditing(false);
                // A value changed from the classifier's answer is a correction worth keeping.
                if (correctedFields(cls.auto, c).length > 0) record.send(cls.input, cls.auto, c);
              }}
            >
              {t('cls.done')}
            </Button>
            <Button
              size="small"
              isBasic
              onClick={() => {
                cls.setOverride({});
                setProductsText(cls.auto.products.join(', '));
                setEditing(false);
              }}
            >
              {t('cls.reset')}
            </Button>
          </div>
        </div>
      ) : (
        <>
          <ClassificationRows c={c} />
          <div className="buttons">
            <Button
              size="small"
              onClick={() => {
                setProductsText(c.products.join(', '));
                setEditing(true);
              }}
            >
              {t('cls.edit')}
            </Button>
            <Button
              size="small"
              title={t('cls.confirm.help')}
              disabled={record.status.phase === 'sending'}
              onClick={() => {
                record.send(cls.input, cls.auto, c);
              }}
            >
              {t('cls.confirm')}
            </Button>
            <Button size="small" isBasic onClick={() => void doWriteBack()}>
              {t('cls.writeBack')}
            </Button>
          </div>
        </>
      )}
      <NoticeAlert notice={notice} />
      <CorrectionRecordNote record={record} t={t} lang={env.lang} />
    </section>
  );
}
