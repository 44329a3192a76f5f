import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';

export type ButtonVariant = 'primary' | 'secondary' | 'warning';

export type ButtonProps = {
  /** Defaults to `submit`: most buttons send a form. */
  type?: 'submit' | 'button' | 'reset';
  variant?: ButtonVariant;
  name?: string;
  value?: string;
  id?: string;
  disabled?: boolean;
  /** Posts the form to another URL (for a second action in the same form). */
  formaction?: string;
  /** Adds the "start" arrow, for the main call to action of a service. */
  start?: boolean;
  children?: Child;
};

/** The classes of a button, shared with `LinkButton`. */
export function buttonClass(variant: ButtonVariant = 'primary', start = false): string {
  return ['r-button', variant === 'primary' ? undefined : `r-button--${variant}`, start ? 'r-button--start' : undefined]
    .filter(Boolean)
    .join(' ');
}

/** The arrow of a start button; decorative. */
export function StartArrow(): JSX.Element {
  return (
    <svg class="r-button__start-icon" viewBox="0 0 33 40" width="17" height="19" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

/**
 * A button. Say what it does: "Enregistrer l'accompagnement", not "Valider".
 *
 * @example
 * <Button>Enregistrer l'accompagnement</Button>
 * <Button variant="secondary" type="submit" name="action" value="brouillon">Enregistrer le brouillon</Button>
 * <Button variant="warning">Supprimer l'atelier</Button>
 */
export function Button(props: ButtonProps): JSX.Element {
  return (
    <button
      type={props.type ?? 'submit'}
      class={buttonClass(props.variant, props.start)}
      id={props.id}
      name={props.name}
      value={props.value}
      disabled={props.disabled}
      formaction={props.formaction}
    >
      {props.children}
      {props.start ? <StartArrow /> : null}
    </button>
  );
}
