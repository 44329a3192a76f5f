import type { JSX } from 'hono/jsx/jsx-runtime';
import { HintAndError, Label, describedBy, formGroupClass } from '../../field.tsx';
import type { FieldItem, FieldProps } from '../../types.ts';

export type SelectProps = FieldProps & {
  items: (Omit<FieldItem, 'hint'> & { disabled?: boolean })[];
  /** A first, empty option such as "Choisissez une commune". */
  placeholder?: string;
  autocomplete?: string;
  required?: boolean;
  optional?: boolean;
  isPageHeading?: boolean;
};

/**
 * A drop-down list. Prefer radios below about 8 choices: they show every choice at once.
 *
 * @example
 * <Select id="commune" name="commune" label="Commune" placeholder="Choisissez une commune"
 *   items={communes.map((c) => ({ value: c.code, label: c.name }))} value={form.commune} />
 */
export function Select(props: SelectProps): JSX.Element {
  return (
    <div class={formGroupClass(props.error)}>
      <Label for={props.id} text={props.label} isPageHeading={props.isPageHeading} optional={props.optional} />
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      <select
        class={props.error ? 'r-select r-select--error' : 'r-select'}
        id={props.id}
        name={props.name}
        autocomplete={props.autocomplete}
        required={props.required}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.placeholder !== undefined ? (
          <option value="" selected={!props.value}>
            {props.placeholder}
          </option>
        ) : null}
        {props.items.map((item) => (
          <option value={item.value} selected={item.value === props.value} disabled={item.disabled}>
            {item.label}
          </option>
        ))}
      </select>
    </div>
  );
}
