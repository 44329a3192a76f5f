import { Button, LinkButton, Pagination, Select, Table, TextInput } from '../../../ui/index.ts';
import { plural } from '../../../platform/format.ts';

export type OrganisationRow = { id: string; name: string; kindLabel: string; communeName: string; provinceLabel: string; ridet: string | null };

export type OrganisationListView = {
  filters: { q: string; kind: string; province: string };
  kindOptions: { value: string; label: string }[];
  provinceOptions: { value: string; label: string }[];
  rows: OrganisationRow[];
  total: number;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  canCreate: boolean;
};

/** The organisations the actor may see, with a search by name, type and province. */
export function OrganisationListPage(props: OrganisationListView) {
  const filtered = props.filters.q !== '' || props.filters.kind !== '' || props.filters.province !== '';
  return (
    <>
      <h1>Organisations</h1>
      {props.canCreate && <LinkButton href="/organisations/nouvelle">Ajouter une organisation</LinkButton>}
      <form method="get" action="/organisations" role="search" aria-label="Rechercher une organisation">
        <TextInput id="q" name="q" type="search" label="Nom de l’organisation" value={props.filters.q} width={30} />
        <Select id="kind" name="kind" label="Type d’organisation" placeholder="Tous les types" items={props.kindOptions} value={props.filters.kind} />
        <Select id="province" name="province" label="Province" placeholder="Toutes les provinces" items={props.provinceOptions} value={props.filters.province} />
        <Button variant="secondary">Rechercher</Button>
      </form>
      {props.rows.length === 0 ? (
        filtered ? (
          <>
            <p>Aucune organisation ne correspond à votre recherche. Vérifiez l’orthographe du nom, ou retirez des filtres.</p>
            <p>
              <a href="/organisations">Voir toutes les organisations</a>
            </p>
          </>
        ) : (
          <p>
            Aucune organisation pour l’instant.
            {props.canCreate ? ' Ajoutez la première avec le bouton « Ajouter une organisation ».' : ' Les administrateurs et les coordinateurs les ajoutent.'}
          </p>
        )
      ) : (
        <>
          <p>{plural(props.total, 'organisation trouvée', 'organisations trouvées')}</p>
          <Table
            caption="Liste des organisations"
            captionHidden
            firstCellIsHeader
            head={['Nom', 'Type', 'Commune', 'Province', 'RIDET']}
            rows={props.rows.map((o) => [<a href={`/organisations/${o.id}`}>{o.name}</a>, o.kindLabel, o.communeName, o.provinceLabel, o.ridet ?? '—'])}
          />
          <Pagination page={props.page} pageCount={props.pageCount} hrefFor={props.hrefFor} />
        </>
      )}
    </>
  );
}
