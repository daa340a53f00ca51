import { Field, Input } from '@zendeskgarden/react-forms';
import type { IdentifierResult } from '../../domain/identifiers';
import { useAssistantContext } from '../assistant/context';
import { identifierReason } from '../i18n/identifiers';

/** An identifier typed by the agent, validated as it is typed, with the validator's reason in the agent's language. */
export function IdField({
  label,
  value,
  onChange,
  result,
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  result: IdentifierResult<string> | undefined;
  hint?: string;
}) {
  const { t } = useAssistantContext();
  const error = result !== undefined && !result.ok ? identifierReason(t, result) : undefined;
  const warnings = result?.ok === true ? result.notes.map((n) => identifierReason(t, n)) : [];
  return (
    <Field>
      <Field.Label>{label}</Field.Label>
      {hint === undefined ? null : <Field.Hint>{hint}</Field.Hint>}
      <Input
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
        }}
        {...(error === undefined ? {} : { validation: 'error' as const })}
      />
      {error === undefined ? null : (
        <Field.Message validation="error" validationLabel={t('validation.error')}>
          {error}
        </Field.Message>
      )}
      {warnings.map((w) => (
        <Field.Message key={w} validation="warning" validationLabel={t('validation.warning')}>
          {w}
        </Field.Message>
      ))}
    </Field>
  );
}
