import type { JSX } from 'hono/jsx/jsx-runtime';
import { HintAndError, describedBy, formGroupClass } from '../../field.tsx';
import type { FieldItem, FieldProps } from '../../types.ts';
import { Fieldset } from '../fieldset/index.tsx';

export type RadiosProps = FieldProps & {
  items: FieldItem[];
  /** Side by side, for two short choices such as "Oui" / "Non". */
  inline?: boolean;
  isPageHeading?: boolean;
  legendSize?: 'l' | 'm' | 's';
};

/** The id of the n-th choice: the first one takes the field's id, so `#id` in an error summary reaches it. */
export function choiceId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index + 1}`;
}

/**
 * One choice among several, inside a fieldset whose legend is the question.
 *
 * @example
 * <Radios id="accompagnement" name="accompagnement" label="Avez-vous besoin d'être accompagné ?"
 *   items={[{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }]} inline value={form.accompagnement} />
 */
export function Radios(props: RadiosProps): JSX.Element {
  return (
    <div class={formGroupClass(props.error)}>
      <Fieldset
        legend={props.label}
        isPageHeading={props.isPageHeading}
        legendSize={props.legendSize}
        describedBy={describedBy(props.id, props.hint, props.error)}
      >
        <HintAndError id={props.id} hint={props.hint} error={props.error} />
        <div class={props.inline ? 'r-choices r-choices--inline' : 'r-choices'}>
          {props.items.map((item, index) => {
            const itemId = choiceId(props.id, index);
            return (
              <div class="r-choices__item">
                <input
                  class="r-choices__input"
                  type="radio"
                  id={itemId}
                  name={props.name}
                  value={item.value}
                  checked={item.value === props.value}
                  aria-describedby={item.hint ? `${itemId}-item-hint` : undefined}
                />
                <label class="r-choices__label" for={itemId}>
                  {item.label}
                </label>
                {item.hint ? (
                  <div id={`${itemId}-item-hint`} class="r-hint r-choices__hint">
                    {item.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
