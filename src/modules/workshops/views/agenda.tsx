import { Button, Checkboxes, Pagination, Select } from '../../../ui/index.ts';
import { plural } from '../../../platform/format.ts';

export type AgendaCard = { id: string; title: string; when: string; where: string; seats: string; accessibility: string[]; cancelled?: boolean };

export type AgendaView = {
  heading: string;
  intro?: string;
  action: string;
  values: { commune: string; mois: string; theme: string; accessibilite: string[]; programme: string };
  choices: { communes: { value: string; label: string }[]; months: { value: string; label: string }[]; themes: { value: string; label: string }[]; accessibility: { value: string; label: string }[] };
  cards: AgendaCard[];
  total: number;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  calendarHref: string;
  filtered: boolean;
};

/** The public agenda of workshops, in easy-to-read French: short sentences, dates in full, filters in the address. */
export function AgendaPage(props: AgendaView) {
  return (
    <>
      <h1>{props.heading}</h1>
      <p>{props.intro ?? 'Des ateliers pour apprendre le numérique, près de chez vous. Les ateliers sont gratuits.'}</p>
      <p>Choisissez un atelier. Ensuite, inscrivez-vous. Vous n’avez pas besoin de compte.</p>
      <form method="get" action={props.action} role="search" aria-label="Filtrer les ateliers">
        {props.values.programme ? <input type="hidden" name="programme" value={props.values.programme} /> : null}
        <Select id="commune" name="commune" label="Commune" items={props.choices.communes} value={props.values.commune} placeholder="Toutes les communes" />
        <Select id="mois" name="mois" label="Mois" items={props.choices.months} value={props.values.mois} placeholder="Tous les mois" />
        <Select id="theme" name="theme" label="Thème" items={props.choices.themes} value={props.values.theme} placeholder="Tous les thèmes" />
        <Checkboxes id="accessibilite" name="accessibilite" label="Aides proposées pendant l’atelier" hint="Cochez ce dont vous avez besoin." items={props.choices.accessibility} values={props.values.accessibilite} legendSize="s" />
        <Button variant="secondary">Voir les ateliers</Button>
      </form>
      <h2 id="resultats">{props.total === 0 ? 'Aucun atelier' : plural(props.total, 'atelier', 'ateliers')}</h2>
      {props.cards.length === 0 ? (
        <p>{props.filtered ? 'Aucun atelier ne correspond à votre choix. Essayez une autre commune ou un autre mois.' : 'Aucun atelier n’est prévu pour le moment. Revenez plus tard.'}</p>
      ) : (
        <ul class="r-list--plain">
          {props.cards.map((card) => (
            <li>
              <h3>
                <a href={`/ateliers/${card.id}`}>{card.title}</a>
              </h3>
              <p>
                Quand : {card.when}
                <br />
                Où : {card.where}
                <br />
                {card.seats}
                {card.accessibility.length > 0 ? (
                  <>
                    <br />
                    Aides : {card.accessibility.join(', ')}
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={props.page} pageCount={props.pageCount} hrefFor={props.hrefFor} />
      <p>
        <a href={props.calendarHref}>Ajouter ces ateliers à l’agenda de mon téléphone</a> (fichier iCalendar)
      </p>
    </>
  );
}
