import type { JSX } from 'hono/jsx/jsx-runtime';

export type BreadcrumbItem = { href: string; label: string };

export type BreadcrumbsProps = {
  items: BreadcrumbItem[];
  /** The item whose `href` equals it is marked `aria-current="page"`. */
  currentPath?: string;
};

/**
 * Where the page sits in the site: links to the pages above it. Renders nothing without items.
 *
 * @example
 * <Breadcrumbs items={[{ href: '/', label: 'Accueil' }, { href: '/lieux', label: 'Lieux' }]} />
 */
export function Breadcrumbs({ items, currentPath }: BreadcrumbsProps): JSX.Element | null {
  if (items.length === 0) return null;
  return (
    <nav class="r-breadcrumbs" aria-label="Fil d'Ariane">
      <ol class="r-breadcrumbs__list">
        {items.map((item) => (
          <li class="r-breadcrumbs__item">
            <a class="r-breadcrumbs__link" href={item.href} aria-current={item.href === currentPath ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
