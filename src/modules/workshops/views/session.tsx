import { LinkButton, NotificationBanner } from '../../../ui/index.ts';
import type { Pictogram } from '../workshops.schema.ts';
import { Pictograms } from './pictograms.tsx';

export type SessionPublicView = {
  id: string;
  title: string;
  programme: { name: string; href: string };
  description: string;
  pictograms: readonly Pictogram[];
  when: string;
  place: { name: string; href: string | null; address: string; commune: string };
  accessibility: string[];
  level: string;
  themes: string[];
  seatsLeft: number;
  waiting: number;
  cancelled: { reason: string } | null;
  past: boolean;
};

/** One workshop session, for everyone: what, when, where, which help, how many seats are left. */
export function SessionPage(props: SessionPublicView) {
  const paragraphs = props.description.split(/\n+/).filter(Boolean);
  return (
    <>
      {props.cancelled ? (
        <NotificationBanner kind="warning" title="Atelier annulé" role="region">
          <p>Cet atelier est annulé. {props.cancelled.reason}</p>
          <p>
            <a href="/ateliers">Choisir un autre atelier</a>
          </p>
        </NotificationBanner>
      ) : null}
      <h1>{props.title}</h1>
      <p class="r-lead">
        Un atelier du programme <a href={props.programme.href}>{props.programme.name}</a>.
      </p>
      <Pictograms items={props.pictograms} />
      <h2>L’atelier</h2>
      {paragraphs.map((p) => (
        <p>{p}</p>
      ))}
      <p>
        Niveau : {props.level}.<br />
        Thèmes : {props.themes.join(', ')}.
      </p>
      <h2>Quand ?</h2>
      <p>{props.when}</p>
      <h2>Où ?</h2>
      <p>
        {props.place.href ? <a href={props.place.href}>{props.place.name}</a> : props.place.name}
        {props.place.address ? (
          <>
            <br />
            {props.place.address}
          </>
        ) : null}
        <br />
        Commune : {props.place.commune}
      </p>
      <h2>Les aides pendant l’atelier</h2>
      {props.accessibility.length === 0 ? (
        <p>Aucune aide particulière n’est prévue. Dites-nous ce qui vous aiderait quand vous vous inscrivez.</p>
      ) : (
        <ul>
          {props.accessibility.map((a) => (
            <li>{a}</li>
          ))}
        </ul>
      )}
      <h2>Les places</h2>
      {props.cancelled || props.past ? (
        <p>{props.past ? 'Cet atelier est terminé. Les inscriptions sont fermées.' : 'Les inscriptions sont fermées.'}</p>
      ) : props.seatsLeft > 0 ? (
        <>
          <p>{props.seatsLeft === 1 ? 'Il reste 1 place.' : `Il reste ${props.seatsLeft} places.`}</p>
          <LinkButton href={`/ateliers/${props.id}/inscription`}>S’inscrire à l’atelier</LinkButton>
        </>
      ) : (
        <>
          <p>L’atelier est complet. Vous pouvez vous inscrire sur la liste d’attente. Si une place se libère, nous vous envoyons un message.</p>
          <LinkButton href={`/ateliers/${props.id}/inscription`}>M’inscrire sur la liste d’attente</LinkButton>
        </>
      )}
      <p>
        <a href="/ateliers">Voir tous les ateliers</a>
      </p>
    </>
  );
}
