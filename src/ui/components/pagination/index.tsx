import type { JSX } from 'hono/jsx/jsx-runtime';

export type PaginationProps = {
  /** The current page, from 1. */
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  /** Name of the navigation landmark; change it only when a page has two paginations. */
  label?: string;
};

/**
 * The page numbers to show: first, last, current and its neighbours; `null` stands for a gap ("…").
 *
 * @example
 * pageWindow(6, 12) // [1, null, 5, 6, 7, null, 12]
 */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1]);
  const pages = [...wanted].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const result: (number | null)[] = [];
  let previous = 0;
  for (const n of pages) {
    if (n - previous === 2) result.push(n - 1); // A gap of one page: show the page, not "…".
    else if (n - previous > 2) result.push(null);
    result.push(n);
    previous = n;
  }
  return result;
}

/**
 * Links to the other pages of a long list. Renders nothing when there is one page.
 *
 * @example
 * <Pagination page={2} pageCount={5} hrefFor={(p) => `/lieux?page=${p}`} />
 */
export function Pagination({ page, pageCount, hrefFor, label }: PaginationProps): JSX.Element | null {
  if (pageCount <= 1) return null;
  return (
    <nav class="r-pagination" aria-label={label ?? 'Pagination'}>
      {page > 1 ? (
        <a class="r-pagination__prev" href={hrefFor(page - 1)} rel="prev">
          <span aria-hidden="true">←</span> Page précédente
        </a>
      ) : null}
      <ul class="r-pagination__list">
        {pageWindow(page, pageCount).map((n) =>
          n === null ? (
            <li class="r-pagination__item r-pagination__item--ellipsis">…</li>
          ) : (
            <li class={n === page ? 'r-pagination__item r-pagination__item--current' : 'r-pagination__item'}>
              <a
                class="r-pagination__link"
                href={hrefFor(n)}
                aria-label={`Page ${n}`}
                aria-current={n === page ? 'page' : undefined}
              >
                {n}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <a class="r-pagination__next" href={hrefFor(page + 1)} rel="next">
          Page suivante <span aria-hidden="true">→</span>
        </a>
      ) : null}
    </nav>
  );
}
