import type { JSX } from 'hono/jsx/jsx-runtime';
import { HintAndError, Label, describedBy, formGroupClass } from '../../field.tsx';
import type { FieldProps } from '../../types.ts';

export type TextareaProps = FieldProps & {
  rows?: number;
  maxlength?: number;
  autocomplete?: string;
  spellcheck?: boolean;
  required?: boolean;
  optional?: boolean;
  isPageHeading?: boolean;
};

/**
 * A multi-line text field with its label, hint and error message.
 *
 * @example
 * <Textarea id="besoin" name="besoin" label="Décrivez votre besoin" hint="Par exemple : envoyer un document à la CAFAT" />
 */
export function Textarea(props: TextareaProps): JSX.Element {
  return (
    <div class={formGroupClass(props.error)}>
      <Label for={props.id} text={props.label} isPageHeading={props.isPageHeading} optional={props.optional} />
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <textarea
        class={props.error ? 'r-textarea r-textarea--error' : 'r-textarea'}
        id={props.id}
        name={props.name}
        rows={props.rows ?? 5}
        maxlength={props.maxlength}
        autocomplete={props.autocomplete}
        spellcheck={props.spellcheck}
        required={props.required}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}
