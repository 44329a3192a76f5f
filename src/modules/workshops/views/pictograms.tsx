import type { JSX } from 'hono/jsx/jsx-runtime';
import { pictogramLabels } from '../workshops.labels.ts';
import type { Pictogram } from '../workshops.schema.ts';

/** Simple 24×24 shapes, drawn in the text colour (so they follow high contrast and dark themes). */
const paths: Record<Pictogram, string> = {
  computer: 'M2 4h20v12H2V4Zm2 2v8h16V6H4Zm4 12h8v2H8v-2Z',
  phone: 'M7 2h10v20H7V2Zm2 2v14h6V4H9Zm2 15h2v1h-2v-1Z',
  tablet: 'M4 3h16v18H4V3Zm2 2v12h12V5H6Zm5 13h2v1h-2v-1Z',
  internet: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 2a8 8 0 0 1 7.7 6H4.3A8 8 0 0 1 12 4Zm-7.7 10h15.4a8 8 0 0 1-15.4 0Z',
  email: 'M2 5h20v14H2V5Zm2 2.4V17h16V7.4l-8 5-8-5ZM5.5 7l6.5 4 6.5-4h-13Z',
  security: 'M6 10V7a6 6 0 1 1 12 0v3h1v12H5V10h1Zm2 0h8V7a4 4 0 1 0-8 0v3Z',
  money: 'M2 6h20v12H2V6Zm10 3a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z',
  health: 'M9 2h6v7h7v6h-7v7H9v-7H2V9h7V2Z',
  papers: 'M5 2h10l4 4v16H5V2Zm2 2v16h10V7h-3V4H7Zm2 6h6v2H9v-2Zm0 4h6v2H9v-2Z',
  photo: 'M3 7h4l2-3h6l2 3h4v13H3V7Zm9 3a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z',
  people: 'M8 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm8 0a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7ZM1 20c0-3 3-5 7-5s7 2 7 5v1H1v-1Zm15-5c3.6 0 7 1.8 7 5v1h-6v-1c0-1.8-.4-3.5-1-5Z',
  help: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1.2 16h-2.4v-2.4h2.4V18Zm1.9-7.4-.9.9c-.8.8-1 1.3-1 2.5h-2.4v-.6c0-1.2.5-2 1.3-2.8l1.2-1.2a1.6 1.6 0 1 0-2.7-1.2H8.2a4 4 0 1 1 6.9 2.4Z',
};

/** One pictogram, hidden from screen readers: its word is always written beside it. */
export function PictogramIcon(props: { name: Pictogram; size?: number }): JSX.Element {
  const size = props.size ?? 40;
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path fill="currentColor" fill-rule="evenodd" d={paths[props.name]} />
    </svg>
  );
}

/** The pictograms of a workshop, each with its word. */
export function Pictograms(props: { items: readonly Pictogram[] }) {
  if (props.items.length === 0) return null;
  return (
    <ul class="r-list--plain w-pictograms">
      {props.items.map((p) => (
        <li>
          <PictogramIcon name={p} /> {pictogramLabels[p]}
        </li>
      ))}
    </ul>
  );
}
