import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';

export type SummaryListAction = {
  href: string;
  text: string;
  /** Completes the link for screen readers: "Modifier" + " le numéro de téléphone". */
  visuallyHiddenText?: string;
};

export type SummaryListRow = {
  key: string;
  value: Child;
  actions?: SummaryListAction[];
};

export type SummaryListProps = {
  rows: SummaryListRow[];
  /** Removes the lines between rows. */
  noBorder?: boolean;
};

/**
 * Pairs of a name and a value (`<dl>`), such as the answers to check before sending a form.
 *
 * @example
 * <SummaryList rows={[{ key: 'Téléphone', value: '26 12 34',
 *   actions: [{ href: '/compte/telephone', text: 'Modifier', visuallyHiddenText: 'le numéro de téléphone' }] }]} />
 */
export function SummaryList(props: SummaryListProps): JSX.Element {
  return (
    <dl class={props.noBorder ? 'r-summary-list r-summary-list--no-border' : 'r-summary-list'}>
      {props.rows.map((row) => {
        const actions = row.actions ?? [];
        return (
          <div class="r-summary-list__row">
            <dt class="r-summary-list__key">{row.key}</dt>
            <dd class="r-summary-list__value">{row.value}</dd>
            {actions.length > 0 ? (
              <dd class="r-summary-list__actions">
                <ul class="r-summary-list__actions-list">
                  {actions.map((action) => (
                    <li>
                      <a href={action.href}>
                        {action.text}
                        {action.visuallyHiddenText ? <span class="r-visually-hidden"> {action.visuallyHiddenText}</span> : null}
                      </a>
                    </li>
                  ))}
                </ul>
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}
