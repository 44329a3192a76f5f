import type { JSX } from 'hono/jsx/jsx-runtime';
import { ErrorMessage } from './components/error-message/index.tsx';

/**
 * The ids that describe a field, in reading order: hint first, then error.
 *
 * @example
 * describedBy('email', 'Par exemple : nom@exemple.nc', undefined) // 'email-hint'
 */
export function describedBy(id: string, hint: string | undefined, error: string | undefined, extra?: string): string | undefined {
  const ids = [extra, hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** The hint under a label or legend. */
export function Hint({ id, text }: { id: string; text: string | undefined }): JSX.Element | null {
  return text ? (
    <div id={`${id}-hint`} class="r-hint">
      {text}
    </div>
  ) : null;
}

/** The label of a single control; wrapped in an `<h1>` when the question is the page's heading. */
export function Label(props: { for: string; text: string; isPageHeading?: boolean; optional?: boolean }): JSX.Element {
  const label = (
    <label class={props.isPageHeading ? 'r-label r-label--page-heading' : 'r-label'} for={props.for}>
      {props.text}
      {props.optional ? <span class="r-label__optional"> (facultatif)</span> : null}
    </label>
  );
  return props.isPageHeading ? <h1 class="r-label-wrapper">{label}</h1> : label;
}

/** Hint and error message of a field, in the order they are read. */
export function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: string }): JSX.Element {
  return (
    <>
      <Hint id={id} text={hint} />
      {error ? <ErrorMessage id={id} text={error} /> : null}
    </>
  );
}

/** The class of the wrapper of a field: marks it in error so the red bar shows beside it. */
export function formGroupClass(error: string | undefined, extra?: string): string {
  return ['r-form-group', error ? 'r-form-group--error' : undefined, extra].filter(Boolean).join(' ');
}
