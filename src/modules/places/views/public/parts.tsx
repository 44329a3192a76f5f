import type { JSX } from 'hono/jsx/jsx-runtime';
import { Tag } from '../../../../ui/index.ts';
import type { AccessibilityFeature } from '../../places.enums.ts';
import { distanceText, phoneText, type PlaceCard, type PlaceStatus } from '../../places.public.ts';

/** Small pictograms for accessibility; always beside their words (decorative for screen readers). */
const pictograms: Record<AccessibilityFeature, string> = {
  // A person in a wheelchair.
  entree_plain_pied: 'M12 2a2 2 0 1 1 0 4 2 2 0 0 1 0-4Zm-1 5h2v5h4v2h-6Zm-1 3.2v2.1A4.5 4.5 0 1 0 15.4 18h2.1A6.5 6.5 0 1 1 10 10.2Z',
  toilettes_accessibles: 'M12 2a2 2 0 1 1 0 4 2 2 0 0 1 0-4Zm-1 5h2v5h4v2h-6Zm-1 3.2v2.1A4.5 4.5 0 1 0 15.4 18h2.1A6.5 6.5 0 1 1 10 10.2Z',
  // A "P" in a square.
  stationnement_reserve: 'M4 3h16v18H4Zm2 2v14h12V5Zm3 2h4a3 3 0 0 1 0 6h-2v4H9Zm2 2v2h2a1 1 0 0 0 0-2Z',
  // An ear.
  boucle_magnetique: 'M12 2a7 7 0 0 1 7 7c0 3-2 4.3-3 5.3-.8.8-1 1.7-1 2.7a4 4 0 0 1-7 2.6l1.6-1.2A2 2 0 0 0 13 17c0-1.7.5-3 1.6-4.1 1-1 2.4-1.9 2.4-3.9a5 5 0 0 0-10 0H5a7 7 0 0 1 7-7Z',
  // A magnifying glass.
  loupe_grand_ecran: 'M10 3a7 7 0 0 1 5.6 11.2l5.6 5.6-1.4 1.4-5.6-5.6A7 7 0 1 1 10 3Zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10Z',
  // A speaker.
  lecteur_ecran: 'M3 9h4l5-4v14l-5-4H3Zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4ZM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6Z',
  // A raised hand.
  personnel_langue_signes: 'M8 11V4.5a1.5 1.5 0 0 1 3 0V10h1V3.5a1.5 1.5 0 0 1 3 0V10h1V5.5a1.5 1.5 0 0 1 3 0V15a7 7 0 0 1-13.3 3L3.3 13.6a1.5 1.5 0 0 1 2.6-1.5Z',
  // An open book.
  documents_falc: 'M2 5c3-1 6-1 9 1v14c-3-2-6-2-9-1Zm20 0v14c-3-1-6-1-9 1V6c3-2 6-2 9-1Z',
};

export function Pictogram({ d }: { d: string }): JSX.Element {
  return (
    <svg class="p-pictogram" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={d} />
    </svg>
  );
}

/** The accessibility of a place: pictogram + words, as a list. */
export function AccessibilityList({ items }: { items: { code: AccessibilityFeature; label: string }[] }): JSX.Element | null {
  if (items.length === 0) return null;
  return (
    <ul class="p-features" aria-label="Accessibilité">
      {items.map((item) => (
        <li>
          <Pictogram d={pictograms[item.code]} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** Open or closed, as a tag in words (colour and pictogram only help). */
export function StatusLine({ status }: { status: PlaceStatus }): JSX.Element {
  const tag =
    status.tone === 'open' ? (
      <Tag colour="green" icon="success">{status.label}</Tag>
    ) : status.tone === 'closed' ? (
      <Tag colour="grey" icon="info">{status.label}</Tag>
    ) : (
      <Tag colour="grey">{status.label}</Tag>
    );
  return (
    <p class="p-status">
      {tag}
      {status.detail ? <span>{status.detail}</span> : null}
    </p>
  );
}

/** The Case numérique label, granted by the government's digital unit. */
export function CaseBadge(): JSX.Element {
  return (
    <p>
      <span class="p-badge">
        <Pictogram d="M12 2 3 9v12h6v-7h6v7h6V9Zm0 2.5 7 5.5v9h-2v-7H7v7H5v-9Z" />
        Case numérique labellisée
      </span>
    </p>
  );
}

/**
 * One place in a list of results. `headingLevel` keeps the outline right (h2 in the integration, h3 in /lieux).
 * `baseUrl` makes links absolute (the integration is shown inside another site).
 */
export function PlaceCardView(props: { card: PlaceCard; headingLevel: 2 | 3; baseUrl?: string }): JSX.Element {
  const { card } = props;
  const link = <a href={`${props.baseUrl ?? ''}/lieux/${card.id}`}>{card.name}</a>;
  return (
    <li class="p-card" data-place-id={card.id}>
      {props.headingLevel === 2 ? <h2 class="p-card__title">{link}</h2> : <h3 class="p-card__title">{link}</h3>}
      <p class="p-card__meta">
        {card.addressLine}
        {card.distanceKm !== null ? <span>. {capitalise(distanceText(card.distanceKm))}</span> : null}
      </p>
      {card.labelled ? <CaseBadge /> : null}
      <StatusLine status={card.status} />
      {card.status.tone === 'unknown' && card.hoursText ? <p>Horaires donnés par le lieu : {card.hoursText}</p> : null}
      {card.services.length > 0 ? <p>Aide pour : {card.services.join(', ')}.</p> : null}
      {card.free ? <p>C’est gratuit.</p> : null}
      {card.phone ? (
        <p>
          Téléphone : <a href={`tel:${card.phone}`}>{phoneText(card.phone)}</a>
        </p>
      ) : null}
      <AccessibilityList items={card.accessibility} />
    </li>
  );
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
