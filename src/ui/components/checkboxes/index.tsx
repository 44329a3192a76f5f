import type { JSX } from 'hono/jsx/jsx-runtime';
import { HintAndError, describedBy, formGroupClass } from '../../field.tsx';
import type { FieldItem, FieldProps } from '../../types.ts';
import { Fieldset } from '../fieldset/index.tsx';
import { choiceId } from '../radios/index.tsx';

export type CheckboxesProps = Omit<FieldProps, 'value'> & {
  items: FieldItem[];
  /** The values that are checked. */
  values?: string[];
  isPageHeading?: boolean;
  legendSize?: 'l' | 'm' | 's';
};

/**
 * Several answers among a list, inside a fieldset whose legend is the question.
 * Every box has the same `name`: the form sends one value per checked box.
 *
 * @example
 * <Checkboxes id="besoins" name="besoins" label="De quoi avez-vous besoin ?" hint="Cochez toutes les réponses utiles."
 *   items={[{ value: 'ordinateur', label: 'Utiliser un ordinateur' }, { value: 'demarches', label: 'Faire une démarche' }]}
 *   values={form.besoins} />
 */
export function Checkboxes(props: CheckboxesProps): JSX.Element {
  const values = props.values ?? [];
  return (
    <div class={formGroupClass(props.error)}>
      <Fieldset
        legend={props.label}
        isPageHeading={props.isPageHeading}
        legendSize={props.legendSize}
        describedBy={describedBy(props.id, props.hint, props.error)}
      >
        <HintAndError id={props.id} hint={props.hint} error={props.error} />
        <div class="r-choices r-choices--checkboxes">
          {props.items.map((item, index) => {
            const itemId = choiceId(props.id, index);
            return (
              <div class="r-choices__item">
                <input
                  class="r-choices__input"
                  type="checkbox"
                  id={itemId}
                  name={props.name}
                  value={item.value}
                  checked={values.includes(item.value)}
                  aria-describedby={item.hint ? `${itemId}-item-hint` : undefined}
                  aria-invalid={props.error ? 'true' : undefined}
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
