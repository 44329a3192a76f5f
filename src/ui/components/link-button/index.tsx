import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { StartArrow, buttonClass, type ButtonVariant } from '../button/index.tsx';

export type LinkButtonProps = {
  href: string;
  variant?: ButtonVariant;
  /** Adds the "start" arrow, for the main call to action of a service. */
  start?: boolean;
  id?: string;
  children?: Child;
};

/**
 * A link that looks like a button: it goes to a page, it does not send a form.
 *
 * @example
 * <LinkButton href="/ateliers/nouveau">Créer un atelier</LinkButton>
 */
export function LinkButton(props: LinkButtonProps): JSX.Element {
  return (
    <a href={props.href} id={props.id} class={buttonClass(props.variant, props.start)} draggable="false">
      {props.children}
      {props.start ? <StartArrow /> : null}
    </a>
  );
}
