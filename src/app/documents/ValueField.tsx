import { Field, Input } from '@zendeskgarden/react-forms';

/** One value of a document the agent can check or change before it is built: a labelled text input. */
export function ValueField(props: {
  readonly label: string;
  readonly hint?: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <Field>
      <Field.Label>{props.label}</Field.Label>
      {props.hint === undefined ? null : <Field.Hint>{props.hint}</Field.Hint>}
      <Input
        value={props.value}
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      />
    </Field>
  );
}
