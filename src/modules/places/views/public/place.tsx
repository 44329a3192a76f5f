import type { JSX } from 'hono/jsx/jsx-runtime';
import { LinkButton, SummaryList, type SummaryListRow } from '../../../../ui/index.ts';
import type { Place } from '../../places.queries.ts';
import {
  accessModeLabels,
  equipmentFeatureLabels,
  feeLabels,
  languageLabels,
  publicLabels,
  serviceLabels,
  specificSupportLabels,
  supportModeLabels,
} from '../../places.labels.ts';
import { directionsUrl, phoneText, type PlaceCard } from '../../places.public.ts';
import { AccessibilityList, CaseBadge, StatusLine } from './parts.tsx';

export type PlacePageProps = {
  place: Place;
  card: PlaceCard;
  /** Opening hours in words, one line per group of days, when known. */
  hoursLines: string[];
};

const list = (items: string[]) =>
  items.length === 1 ? (
    items[0]
  ) : (
    <ul class="r-list--plain">
      {items.map((item) => (
        <li>{item}</li>
      ))}
    </ul>
  );

/** /lieux/:id — everything about one place, in plain words: open or not, where, how to be helped, accessibility. */
export function PlacePage({ place, card, hoursLines }: PlacePageProps): JSX.Element {
  const contact: SummaryListRow[] = [];
  if (place.phone) contact.push({ key: 'Téléphone', value: <a href={`tel:${place.phone}`}>{phoneText(place.phone)}</a> });
  if (place.emails.length > 0) contact.push({ key: 'E-mail', value: list(place.emails.map((e) => e)) });
  if (place.websites.length > 0) {
    contact.push({
      key: 'Site internet',
      value: (
        <ul class="r-list--plain">
          {place.websites.map((w) => (
            <li>
              <a href={w}>{w}</a>
            </li>
          ))}
        </ul>
      ),
    });
  }
  if (place.appointmentUrl) contact.push({ key: 'Rendez-vous en ligne', value: <a href={place.appointmentUrl}>Prendre rendez-vous</a> });

  const helped: SummaryListRow[] = [];
  if (place.services.length > 0) helped.push({ key: 'Aide pour', value: list(place.services.map((s) => serviceLabels[s])) });
  if (place.accessModes.length > 0) helped.push({ key: 'Comment venir', value: list(place.accessModes.map((m) => accessModeLabels[m])) });
  if (place.supportModes.length > 0) helped.push({ key: 'Comment on vous aide', value: list(place.supportModes.map((m) => supportModeLabels[m])) });
  helped.push({ key: 'Pour qui', value: place.publics.length > 0 ? list(place.publics.map((p) => publicLabels[p])) : 'Tout le monde' });
  if (place.specificSupports.length > 0) helped.push({ key: 'Aide adaptée', value: list(place.specificSupports.map((s) => specificSupportLabels[s])) });
  if (place.fees.length > 0) helped.push({ key: 'Prix', value: list(place.fees.map((f) => feeLabels[f])) });
  if (place.languages.length > 0) helped.push({ key: 'Langues parlées', value: list(place.languages.map((l) => languageLabels[l])) });

  const equipment: string[] = [];
  if (place.fixedComputers) equipment.push(`${place.fixedComputers} ordinateur${place.fixedComputers > 1 ? 's' : ''} fixe${place.fixedComputers > 1 ? 's' : ''}`);
  if (place.laptops) equipment.push(`${place.laptops} ordinateur${place.laptops > 1 ? 's' : ''} portable${place.laptops > 1 ? 's' : ''}`);
  if (place.tablets) equipment.push(`${place.tablets} tablette${place.tablets > 1 ? 's' : ''}`);
  equipment.push(...place.equipment.map((e) => equipmentFeatureLabels[e]));

  return (
    <>
      <h1>{place.name}</h1>
      {card.labelled ? <CaseBadge /> : null}
      {place.summary ? <p class="r-lead">{place.summary}</p> : null}
      <StatusLine status={card.status} />

      <h2>Horaires</h2>
      {hoursLines.length > 0 ? (
        <ul>
          {hoursLines.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      ) : place.openingHoursText ? (
        <p>{place.openingHoursText}</p>
      ) : (
        <p>Nous ne connaissons pas les horaires. Appelez le lieu avant de venir.</p>
      )}

      <h2>Adresse</h2>
      <p>{card.addressLine}</p>
      {place.transportLines ? <p>Transports en commun : {place.transportLines}</p> : null}
      {place.latitude !== null && place.longitude !== null ? (
        <p>
          <a href={directionsUrl(place.latitude, place.longitude)}>Voir le trajet jusqu’au lieu</a> (sur OpenStreetMap)
        </p>
      ) : null}

      {contact.length > 0 ? (
        <>
          <h2>Contact</h2>
          <SummaryList rows={contact} />
        </>
      ) : null}

      <h2>Comment être aidé</h2>
      <SummaryList rows={helped} />
      {place.description ? <p>{place.description}</p> : null}

      <h2>Accessibilité</h2>
      {card.accessibility.length > 0 ? <AccessibilityList items={card.accessibility} /> : <p>Le lieu ne nous a pas encore dit comment il est accessible.</p>}
      {place.acceslibreUrl ? (
        <p>
          <a href={place.acceslibreUrl}>Plus d’informations sur l’accessibilité</a> (sur acceslibre)
        </p>
      ) : null}

      {equipment.length > 0 ? (
        <>
          <h2>Matériel sur place</h2>
          {list(equipment)}
        </>
      ) : null}

      <h2>Une information est fausse ?</h2>
      <p>Dites-le nous : les personnes qui gèrent ce lieu corrigeront.</p>
      <LinkButton href={`/lieux/${place.id}/signaler`} variant="secondary">
        Signaler une erreur
      </LinkButton>
      <p>
        <a href="/lieux">Revenir à la recherche de lieux</a>
      </p>
    </>
  );
}
