import type { JSX } from 'hono/jsx/jsx-runtime';

export type ErrorMessageProps = {
  /** The id of the field in error; the message gets the id `{id}-error`, to put in the field's `aria-describedby`. */
  id: string;
  /** What happened and how to fix it: "Entrez un numéro de téléphone à 6 chiffres, par exemple 26 12 34". */
  text: string;
};

/**
 * The error message shown next to a field (the field components render it for you).
 *
 * @example
 * <ErrorMessage id="telephone" text="Entrez un numéro de téléphone à 6 chiffres, par exemple 26 12 34" />
 */
export function ErrorMessage({ id, text }: ErrorMessageProps): JSX.Element {
  return (
    <p id={`${id}-error`} class="r-error-message">
      <span class="r-visually-hidden">Erreur :</span> {text}
    </p>
  );
}
