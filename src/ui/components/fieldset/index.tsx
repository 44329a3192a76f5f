import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';

export type FieldsetProps = {
  legend: string;
  /** Puts the legend in an `<h1>`, for pages that ask one question. */
  isPageHeading?: boolean;
  /** Visual size of the legend. */
  legendSize?: 'l' | 'm' | 's';
  /** Ids of the hint and error messages that describe the whole group. */
  describedBy?: string;
  /** Extra class on the `<fieldset>`. */
  class?: string;
  children?: Child;
};

/**
 * Groups related fields under a legend (an address, a date, a set of radios…).
 *
 * @example
 * <Fieldset legend="Votre adresse" legendSize="m">
 *   <TextInput id="adresse-rue" name="rue" label="Rue" autocomplete="street-address" />
 *   <Select id="adresse-commune" name="commune" label="Commune" items={communes} />
 * </Fieldset>
 */
export function Fieldset(props: FieldsetProps): JSX.Element {
  const legendClass = [
    'r-fieldset__legend',
    props.isPageHeading ? 'r-fieldset__legend--page-heading' : `r-fieldset__legend--${props.legendSize ?? 's'}`,
  ].join(' ');
  return (
    <fieldset class={props.class ? `r-fieldset ${props.class}` : 'r-fieldset'} aria-describedby={props.describedBy}>
      <legend class={legendClass}>
        {props.isPageHeading ? <h1 class="r-fieldset__heading">{props.legend}</h1> : props.legend}
      </legend>
      {props.children}
    </fieldset>
  );
}
