import { Button, LinkButton, Pagination, Table, TextInput } from '../../../../ui/index.ts';
import { plural } from '../../../../platform/format.ts';

export type ManagedPlaceRow = { id: string; name: string; communeName: string; updatedAt: string };

export type ManagedPlaceListView = {
  q: string;
  rows: ManagedPlaceRow[];
  total: number;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  canCreate: boolean;
  canMerge: boolean;
  canSeeReports: boolean;
};

/** The places the actor may manage, with a word search. */
export function ManagedPlaceListPage(props: ManagedPlaceListView) {
  return (
    <>
      <h1>Gérer les lieux</h1>
      <ul>
        {props.canCreate && (
          <li>
            <a href="/gestion/lieux/nouveau">Ajouter un lieu</a>
          </li>
        )}
        {props.canMerge && (
          <li>
            <a href="/gestion/lieux/fusion">Fusionner deux lieux en double</a>
          </li>
        )}
        {props.canSeeReports && (
          <li>
            <a href="/gestion/signalements">Voir les erreurs signalées par les visiteurs</a>
          </li>
        )}
      </ul>
      <form method="get" action="/gestion/lieux" role="search" aria-label="Rechercher un lieu à gérer">
        <TextInput id="q" name="q" type="search" label="Nom du lieu ou commune" value={props.q} width={30} />
        <Button variant="secondary">Rechercher</Button>
      </form>
      {props.rows.length === 0 ? (
        props.q !== '' ? (
          <>
            <p>Aucun lieu ne correspond à votre recherche. Vérifiez l’orthographe, ou cherchez la commune.</p>
            <p>
              <a href="/gestion/lieux">Voir tous vos lieux</a>
            </p>
          </>
        ) : (
          <p>
            Vous n’avez aucun lieu à gérer pour l’instant.
            {props.canCreate
              ? ' Ajoutez-en un avec le lien « Ajouter un lieu ».'
              : ' Un coordinateur peut confier la gestion d’un lieu à votre organisation : demandez-le lui.'}
          </p>
        )
      ) : (
        <>
          <p>{plural(props.total, 'lieu', 'lieux')}</p>
          <Table
            caption="Lieux que vous gérez"
            captionHidden
            firstCellIsHeader
            head={['Nom', 'Commune', 'Dernière modification']}
            rows={props.rows.map((p) => [<a href={`/gestion/lieux/${p.id}/modifier`}>{p.name}</a>, p.communeName, p.updatedAt])}
          />
          <Pagination page={props.page} pageCount={props.pageCount} hrefFor={props.hrefFor} />
        </>
      )}
      {props.canCreate && props.rows.length > 0 && <LinkButton href="/gestion/lieux/nouveau">Ajouter un lieu</LinkButton>}
    </>
  );
}
