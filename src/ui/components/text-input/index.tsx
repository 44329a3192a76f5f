import type { JSX } from 'hono/jsx/jsx-runtime';
import { HintAndError, Label, describedBy, formGroupClass } from '../../field.tsx';
import type { FieldProps } from '../../types.ts';

/** Widths in characters: give the field the size of the expected answer. */
export type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30 | 'full';

export type TextInputProps = FieldProps & {
  type?: 'text' | 'email' | 'tel' | 'password' | 'number' | 'search' | 'url' | 'date';
  /** Always set it for personal data (WCAG 1.3.5): `name`, `given-name`, `email`, `tel`, `postal-code`… */
  autocomplete?: string;
  inputmode?: 'none' | 'text' | 'decimal' | 'numeric' | 'tel' | 'search' | 'email' | 'url';
  width?: InputWidth;
  required?: boolean;
  /** Adds "(facultatif)" to the label. */
  optional?: boolean;
  /** Puts the label in an `<h1>`, for pages that ask one question. */
  isPageHeading?: boolean;
  spellcheck?: boolean;
  /** Other attributes of the input (`min`, `max`, `maxlength`, `pattern`…). */
  attributes?: Record<string, string | number | boolean | undefined>;
};

/**
 * A single-line text field with its label, hint and error message.
 *
 * @example
 * <TextInput id="telephone" name="telephone" label="Numéro de téléphone" type="tel" autocomplete="tel"
 *   hint="6 chiffres, par exemple 26 12 34" width={10} value={form.telephone} error={errors.telephone} />
 */
export function TextInput(props: TextInputProps): JSX.Element {
  const widthClass = props.width && props.width !== 'full' ? `r-input--width-${props.width}` : undefined;
  const inputClass = ['r-input', widthClass, props.error ? 'r-input--error' : undefined].filter(Boolean).join(' ');
  return (
    <div class={formGroupClass(props.error)}>
      <Label for={props.id} text={props.label} isPageHeading={props.isPageHeading} optional={props.optional} />
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <input
        {...props.attributes}
        class={inputClass}
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        spellcheck={props.spellcheck}
        required={props.required}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}
