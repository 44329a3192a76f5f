import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';

export type TableColumn = {
  text: string;
  /** Right-aligns the column (amounts, counts), header and cells. */
  numeric?: boolean;
};

export type TableProps = {
  /** Unique on the page; defaults to `table-` + the caption in kebab-case. */
  id?: string;
  /** Required: says what the table shows. */
  caption: string;
  captionSize?: 'l' | 'm' | 's';
  /** Hides the caption visually when a heading just above already says the same. */
  captionHidden?: boolean;
  /** Column headers: plain text, or `{ text, numeric }`. */
  head: (string | TableColumn)[];
  rows: Child[][];
  /** The first cell of each row is its header (`<th scope="row">`), e.g. a name. */
  firstCellIsHeader?: boolean;
};

/**
 * A data table with its caption, inside a wrapper that scrolls sideways on small screens (and can be scrolled
 * with the keyboard), so the page itself never scrolls horizontally.
 *
 * @example
 * <Table id="ateliers" caption="Ateliers de mars 2026" firstCellIsHeader
 *   head={[{ text: 'Atelier' }, { text: 'Date' }, { text: 'Places libres', numeric: true }]}
 *   rows={[['Premiers pas sur ordinateur', 'mardi 3 mars 2026', 4]]} />
 */
export function Table(props: TableProps): JSX.Element {
  const id = props.id ?? `table-${slug(props.caption)}`;
  const captionId = `${id}-caption`;
  const head = props.head.map((column): TableColumn => (typeof column === 'string' ? { text: column } : column));
  const numeric = head.map((column) => column.numeric === true);
  const cellClass = (index: number, base: string): string => (numeric[index] ? `${base} ${base}--numeric` : base);
  return (
    <div class="r-table-wrapper" role="region" aria-labelledby={captionId} tabindex={0}>
      <table class="r-table" id={id}>
        <caption
          id={captionId}
          class={props.captionHidden ? 'r-visually-hidden' : `r-table__caption r-table__caption--${props.captionSize ?? 'm'}`}
        >
          {props.caption}
        </caption>
        <thead>
          <tr>
            {head.map((column, index) => (
              <th scope="col" class={cellClass(index, 'r-table__header')}>
                {column.text}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {row.map((cell, index) =>
                index === 0 && props.firstCellIsHeader ? (
                  <th scope="row" class={cellClass(index, 'r-table__header')}>
                    {cell}
                  </th>
                ) : (
                  <td class={cellClass(index, 'r-table__cell')}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Sessions ouvertes" → "sessions-ouvertes": an id from a caption. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
