import type { JSX } from 'hono/jsx/jsx-runtime';
import { TextInput } from '../text-input/index.tsx';
import type { FieldProps } from '../../types.ts';

export type DateInputProps = FieldProps & {
  /** Earliest and latest dates, `YYYY-MM-DD`. */
  min?: string;
  max?: string;
  required?: boolean;
  optional?: boolean;
  isPageHeading?: boolean;
  /** For a date of birth: `bday`. */
  autocomplete?: string;
};

/**
 * A date field: one `<input type="date">`; `value`, `min` and `max` are `YYYY-MM-DD`.
 * Browsers show it in the person's format (jj/mm/aaaa in French) and offer a calendar.
 *
 * @example
 * <DateInput id="date-rendez-vous" name="date" label="Date du rendez-vous"
 *   hint="Par exemple : 14/07/2026" value="2026-07-14" min="2026-01-01" />
 */
export function DateInput(props: DateInputProps): JSX.Element {
  return (
    <TextInput
      id={props.id}
      name={props.name}
      label={props.label}
      hint={props.hint}
      error={props.error}
      value={props.value}
      type="date"
      width={10}
      required={props.required}
      optional={props.optional}
      isPageHeading={props.isPageHeading}
      autocomplete={props.autocomplete}
      attributes={{ min: props.min, max: props.max }}
    />
  );
}
