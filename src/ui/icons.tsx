import type { JSX } from 'hono/jsx/jsx-runtime';

/** Names of the pictograms of the interface. */
export type IconName = 'success' | 'info' | 'warning' | 'error' | 'person' | 'settings';

const paths: Record<IconName, string> = {
  // A tick in a circle.
  success:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.2 14.2-4.3-4.3 1.6-1.6 2.7 2.7 5.3-5.3 1.6 1.6-6.9 6.9Z',
  // A lower-case "i" in a circle.
  info: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1.2 15h-2.4v-6.5h2.4V17Zm-1.2-8.2a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3Z',
  // An exclamation mark in a triangle.
  warning: 'M12 2 1 21h22L12 2Zm1.2 16h-2.4v-2.4h2.4V18Zm0-4h-2.4V9h2.4v5Z',
  // An exclamation mark in a circle.
  error: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1.2 15h-2.4v-2.4h2.4V17Zm0-4.4h-2.4V7h2.4v5.6Z',
  // A head and shoulders.
  person: 'M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9Zm0 2c-4.4 0-8 2.2-8 5v2h16v-2c0-2.8-3.6-5-8-5Z',
  // Three sliders.
  settings:
    'M3 5h10v2H3V5Zm14 0h4v2h-4V5Zm-2-2h2v6h-2V3ZM3 11h4v2H3v-2Zm8 0h10v2H11v-2Zm-2-2h2v6H9V9Zm-6 8h12v2H3v-2Zm16 0h2v2h-2v-2Zm-2-2h2v6h-2v-6Z',
};

/**
 * A pictogram, always placed next to a word that says the same thing: it is hidden from
 * assistive technologies.
 *
 * @example
 * <Icon name="success" /> Enregistré
 */
export function Icon({ name, class: className }: { name: IconName; class?: string }): JSX.Element {
  return (
    <svg
      class={className ? `r-icon ${className}` : 'r-icon'}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d={paths[name]} />
    </svg>
  );
}
