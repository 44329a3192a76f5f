import type { JSX } from 'hono/jsx/jsx-runtime';

export type ErrorSummaryProps = {
  /** One link per error, in the order of the fields; `href` is `#` + the field's id. */
  errors: { href: string; text: string }[];
  /** Defaults to "Il y a un problème". */
  title?: string;
  /** Needed only when a page shows two summaries (the development page). */
  id?: string;
};

/**
 * The summary of a form's errors, at the top of the page, before the `<h1>`.
 * Renders nothing when there is no error. The page's script focuses the element marked `data-autofocus`.
 *
 * @example
 * <ErrorSummary errors={[{ href: '#telephone', text: 'Entrez un numéro de téléphone à 6 chiffres, par exemple 26 12 34' }]} />
 */
export function ErrorSummary(props: ErrorSummaryProps): JSX.Element | null {
  if (props.errors.length === 0) return null;
  const id = props.id ?? 'error-summary';
  return (
    <div class="r-error-summary" id={id} role="alert" tabindex={-1} aria-labelledby={`${id}-title`} data-autofocus="">
      <h2 class="r-error-summary__title" id={`${id}-title`}>
        {props.title ?? 'Il y a un problème'}
      </h2>
      <ul class="r-error-summary__list">
        {props.errors.map((error) => (
          <li>
            <a href={error.href}>{error.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
