import { Button } from '@zendeskgarden/react-buttons';
import { Field, Radio } from '@zendeskgarden/react-forms';
import { useState } from 'react';
import { TEMPLATE_IDS, TEMPLATES, type TemplateId } from '../../domain/templates';
import { useAssistantContext } from '../assistant/context';

export interface TemplateListProps {
  /** The replies of the plan's current steps, in the steps' order. */
  readonly suggested: readonly TemplateId[];
  readonly value: TemplateId;
  readonly onChange: (id: TemplateId) => void;
}

/**
 * The reply templates as a list of whole names (a name wraps at the sidebar's width, it is never
 * cut): the plan's first, the others one click away. A native select cannot wrap its options.
 */
export function TemplateList({ suggested, value, onChange }: TemplateListProps) {
  const { t, env } = useAssistantContext();
  const others = TEMPLATE_IDS.filter((id) => !suggested.includes(id));
  // The others show while the reply chosen is one of them (or the plan suggests none), until the
  // agent opens or closes them.
  const [toggled, setShowOthers] = useState<boolean | undefined>(undefined);
  const showOthers = toggled ?? !suggested.includes(value);
  const radio = (id: TemplateId) => (
    <Field key={id}>
      <Radio
        name="reply-template"
        value={id}
        checked={value === id}
        onChange={() => {
          onChange(id);
        }}
      >
        <Field.Label isRegular>{TEMPLATES[id].title[env.lang]}</Field.Label>
      </Radio>
    </Field>
  );
  return (
    <fieldset className="template-list" data-testid="template-list">
      <legend>{t('replies.template')}</legend>
      {suggested.length === 0 ? null : (
        <div role="group" aria-label={t('replies.planTemplates')} data-testid="plan-templates">
          <p className="muted small">{t('replies.planTemplates')}</p>
          {suggested.map(radio)}
        </div>
      )}
      {others.length === 0 ? null : (
        <>
          <Button
            size="small"
            isLink
            aria-expanded={showOthers}
            aria-controls="other-templates"
            onClick={() => {
              setShowOthers(!showOthers);
            }}
          >
            {t('replies.otherTemplates', { count: others.length })}
          </Button>
          <div id="other-templates" hidden={!showOthers}>
            {showOthers ? others.map(radio) : null}
          </div>
        </>
      )}
    </fieldset>
  );
}
