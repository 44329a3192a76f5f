import { Button, DateInput, Details, LinkButton, Pagination, Select, Table, Tag } from '../../../ui/index.ts';
import { formatNumber, plural } from '../../../platform/format.ts';

export type ActivityCard = {
  id: string;
  href: string;
  /** « Accompagnement individuel » or the workshop's title. */
  title: string;
  kindLabel: string;
  day: string;
  duration: string;
  themes: string;
  who: string;
  place: string | null;
  procedure: string | null;
  participants: string;
};

export type FilterChoice = { value: string; label: string };

export type ActivityListView = {
  cards: ActivityCard[];
  total: number;
  /** The count stopped at `total`: there are at least that many. */
  totalIsAtLeast: boolean;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  view: 'cartes' | 'tableau';
  /** The same filters with the other view. */
  otherViewHref: string;
  filters: { du: string; au: string; type: string; theme: string; partenaire: string; lieu: string; commune: string };
  filterErrors: Record<string, string>;
  choices: { types: FilterChoice[]; themes: FilterChoice[]; partners: FilterChoice[]; places: FilterChoice[]; communes: FilterChoice[] };
  filtered: boolean;
  canRecord: boolean;
};

/** The records the person may read, as cards or as a table, with filters kept in the address. */
export function ActivityListPage(props: ActivityListView) {
  const f = props.filters;
  return (
    <>
      <h1>Activités</h1>
      <p>Les accompagnements individuels et les ateliers collectifs enregistrés, du plus récent au plus ancien.</p>
      {props.canRecord && (
        <p>
          <LinkButton href="/activites/nouvelle">Enregistrer un accompagnement</LinkButton>{' '}
          <LinkButton href="/activites/nouvelle?type=atelier" variant="secondary">
            Enregistrer un atelier
          </LinkButton>
        </p>
      )}
      <Details summary="Filtrer : période, type, thème, partenaire, lieu, commune" open={props.filtered || Object.keys(props.filterErrors).length > 0} id="filtres">
        <form method="get" action="/activites" role="search" aria-label="Filtrer les activités">
          <input type="hidden" name="vue" value={props.view} />
          <DateInput id="du" name="du" label="Du" value={f.du} error={props.filterErrors.du} />
          <DateInput id="au" name="au" label="Au" value={f.au} error={props.filterErrors.au} />
          <Select id="type" name="type" label="Type" placeholder="Tous les types" items={props.choices.types} value={f.type} />
          <Select id="theme" name="theme" label="Thème" placeholder="Tous les thèmes" items={props.choices.themes} value={f.theme} />
          {props.choices.partners.length > 0 && <Select id="partenaire" name="partenaire" label="Partenaire de la démarche" placeholder="Tous les partenaires" items={props.choices.partners} value={f.partenaire} />}
          {props.choices.places.length > 0 && <Select id="lieu" name="lieu" label="Lieu" placeholder="Tous les lieux" items={props.choices.places} value={f.lieu} />}
          <Select id="commune" name="commune" label="Commune de la personne" placeholder="Toutes les communes" items={props.choices.communes} value={f.commune} />
          <Button variant="secondary">Filtrer</Button>
        </form>
      </Details>
      {props.filtered && (
        <p>
          <a href={props.view === 'tableau' ? '/activites?vue=tableau' : '/activites'}>Retirer les filtres</a>
        </p>
      )}
      <p>
        <a href={props.otherViewHref}>{props.view === 'cartes' ? 'Afficher en tableau' : 'Afficher en cartes'}</a>
      </p>
      {props.cards.length === 0 ? (
        <p>
          {props.filtered
            ? 'Aucune activité ne correspond à ces filtres. Élargissez la période ou retirez un filtre.'
            : props.canRecord
              ? 'Aucune activité pour l’instant. Enregistrez votre premier accompagnement avec le bouton « Enregistrer un accompagnement ».'
              : 'Aucune activité pour l’instant. Les aidants de votre réseau les enregistrent au fil de leurs accompagnements.'}
        </p>
      ) : (
        <>
          <h2>{props.totalIsAtLeast ? `${plural(props.total, 'activité', 'activités')} ou plus` : plural(props.total, 'activité', 'activités')}</h2>
          {props.totalIsAtLeast ? <p>Les pages montrent les {formatNumber(props.total)} plus récentes. Pour remonter plus loin, choisissez une période plus courte.</p> : null}
          {props.view === 'tableau' ? (
            <Table
              caption="Activités"
              captionHidden
              firstCellIsHeader
              head={['Date', 'Type', 'Thèmes', { text: 'Durée' }, 'Aidant', 'Lieu', { text: 'Personnes', numeric: true }]}
              rows={props.cards.map((a) => [<a href={a.href}>{a.day}</a>, a.title, a.themes, a.duration, a.who, a.place ?? '—', a.participants])}
            />
          ) : (
            <ul class="r-list--plain">
              {props.cards.map((a) => (
                <li>
                  <h3>
                    <a href={a.href}>
                      {a.day} : {a.title}
                    </a>
                  </h3>
                  <p>
                    <Tag colour={a.kindLabel === 'Atelier collectif' ? 'blue' : 'teal'}>{a.kindLabel}</Tag> {a.duration}, {a.participants}
                  </p>
                  <p>Thèmes : {a.themes}</p>
                  {a.procedure && <p>Démarche : {a.procedure}</p>}
                  <p class="r-secondary-text">
                    {a.who}
                    {a.place ? `, ${a.place}` : ''}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={props.page} pageCount={props.pageCount} hrefFor={props.hrefFor} />
        </>
      )}
    </>
  );
}
