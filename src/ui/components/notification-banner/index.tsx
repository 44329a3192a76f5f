import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { Icon } from '../../icons.tsx';

export type NotificationKind = 'success' | 'info' | 'warning';

export type NotificationBannerProps = {
  kind: NotificationKind;
  /** Defaults to "Succès", "Information" or "Attention". */
  title?: string;
  /**
   * Defaults to `status` for success and info (polite), `alert` for warning.
   * `region` (with an `id`, which names it by its title) for a lasting message that must not be announced.
   */
  role?: 'status' | 'alert' | 'region';
  id?: string;
  children?: Child;
};

const defaultTitles: Record<NotificationKind, string> = {
  success: 'Succès',
  info: 'Information',
  warning: 'Attention',
};

/**
 * A message at the top of the main content: the result of an action, or something the person must know.
 * Status is shown with a word, a pictogram and a colour.
 *
 * @example
 * <NotificationBanner kind="success"><p>L'atelier a été créé.</p></NotificationBanner>
 */
export function NotificationBanner(props: NotificationBannerProps): JSX.Element {
  const role = props.role ?? (props.kind === 'warning' ? 'alert' : 'status');
  return (
    <div
      class={`r-notification r-notification--${props.kind}`}
      role={role}
      id={props.id}
      aria-labelledby={role === 'region' && props.id ? `${props.id}-title` : undefined}
    >
      <p class="r-notification__title" id={props.id ? `${props.id}-title` : undefined}>
        <Icon name={props.kind} class="r-notification__icon" />
        {props.title ?? defaultTitles[props.kind]}
      </p>
      <div class="r-notification__content">{props.children}</div>
    </div>
  );
}
