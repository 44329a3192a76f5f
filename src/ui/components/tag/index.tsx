import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { Icon, type IconName } from '../../icons.tsx';

export type TagColour = 'teal' | 'grey' | 'green' | 'blue' | 'yellow' | 'red';

export type TagProps = {
  colour?: TagColour;
  /** A pictogram before the word (the word is always there). */
  icon?: Extract<IconName, 'success' | 'info' | 'warning' | 'error'>;
  children?: Child;
};

/**
 * A short status: "Ouvert", "Complet", "Annulé". The word carries the meaning; colour and pictogram only support it.
 *
 * @example
 * <Tag colour="green" icon="success">Inscrit</Tag>
 */
export function Tag(props: TagProps): JSX.Element {
  return (
    <strong class={`r-tag r-tag--${props.colour ?? 'teal'}`}>
      {props.icon ? <Icon name={props.icon} class="r-tag__icon" /> : null}
      {props.children}
    </strong>
  );
}
