import { raw } from 'hono/html';
import type { JSX } from 'hono/jsx/jsx-runtime';

/**
 * The HTML of a pure view, remembered by a key that holds everything the view reads (its props as JSON): the search
 * form and the result cards of /lieux are the same for many requests, and rendering them costs more than every other
 * step of the page. When `store` is full it is emptied (a page then renders as if nothing was remembered).
 * @example memoHtml(cards, JSON.stringify(card), () => PlaceCardView({ card, headingLevel: 3 }))
 */
export function memoHtml(store: Map<string, JSX.Element>, key: string, render: () => JSX.Element, max: number): JSX.Element {
  const found = store.get(key);
  if (found !== undefined) return found;
  const element = render();
  // An asynchronous view cannot be rendered here: left as it is, not remembered.
  if (element instanceof Promise) return element;
  const html = raw(element.toString());
  if (store.size >= max) store.clear();
  store.set(key, html);
  return html;
}
