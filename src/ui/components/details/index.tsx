import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';

export type DetailsProps = {
  /** The short question or title that opens the details: "Je n'ai pas d'adresse e-mail". */
  summary: string;
  open?: boolean;
  id?: string;
  children?: Child;
};

/**
 * Extra help that only some people need, hidden until asked for (native `<details>`, no script).
 *
 * @example
 * <Details summary="Je n'ai pas d'adresse e-mail"><p>Un aidant peut créer votre compte avec vous.</p></Details>
 */
export function Details(props: DetailsProps): JSX.Element {
  return (
    <details class="r-details" open={props.open} id={props.id}>
      <summary class="r-details__summary">
        <span class="r-details__summary-text">{props.summary}</span>
      </summary>
      <div class="r-details__text">{props.children}</div>
    </details>
  );
}
