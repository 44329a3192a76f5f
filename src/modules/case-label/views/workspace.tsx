import { Button, LinkButton, Pagination, Select, Table, Tag, type TagColour } from '../../../ui/index.ts';
import { plural } from '../../../platform/format.ts';

export type OwnPlaceRow = {
  placeId: string;
  name: string;
  communeName: string;
  /** Where the place stands: "Label valable jusqu’au…", "Label expiré le…", "Demande à compléter"… */
  statusText: string;
  statusColour: TagColour;
  applicationHref: string | null;
  /** True when no application is open: the place may start one. */
  canStart: boolean;
};

export type ReviewRow = { id: string; placeName: string; communeName: string; statusLabel: string; statusColour: TagColour; applicantName: string; updated: string; expiry: string };

export type WorkspaceView = {
  ownPlaces: OwnPlaceRow[] | null;
  review: {
    status: string;
    statusOptions: { value: string; label: string }[];
    rows: ReviewRow[];
    total: number;
    page: number;
    pageCount: number;
    hrefFor: (page: number) => string;
  } | null;
  canManageCriteria: boolean;
};

/** The label's working page: a place manager's places and applications, and the reviewers' queue. */
export function WorkspacePage(props: WorkspaceView) {
  return (
    <>
      <h1>Label Case numérique</h1>
      <p>Le gouvernement donne le label Case numérique aux lieux qui respectent une liste de critères. Le label dure 2 ans.</p>
      {props.canManageCriteria && (
        <p>
          <a href="/label/criteres">Voir et modifier les critères du label</a>
        </p>
      )}
      {props.ownPlaces !== null && (
        <>
          <h2>Vos lieux</h2>
          {props.ownPlaces.length === 0 ? (
            <p>Votre organisation ne gère aucun lieu pour l’instant. Demandez à la cellule numérique de vous rattacher à votre lieu.</p>
          ) : (
            <Table
              caption="Vos lieux et leur label"
              captionHidden
              firstCellIsHeader
              head={['Lieu', 'Commune', 'Label', 'Action']}
              rows={props.ownPlaces.map((p) => [
                p.name,
                p.communeName,
                <Tag colour={p.statusColour}>{p.statusText}</Tag>,
                p.canStart ? (
                  <form method="post" action={`/label/lieux/${p.placeId}/demande`}>
                    {/* aria-label rather than a visually hidden span: inside the table's scrolling box, such a span
                        would stick out at 320 px. The name starts with the visible words (WCAG 2.5.3). */}
                    <button type="submit" class="r-button r-button--secondary" aria-label={`Demander le label pour ${p.name}`}>
                      Demander le label
                    </button>
                  </form>
                ) : p.applicationHref ? (
                  <a href={p.applicationHref} aria-label={`Ouvrir la demande de ${p.name}`}>
                    Ouvrir la demande
                  </a>
                ) : (
                  ''
                ),
              ])}
            />
          )}
        </>
      )}
      {props.review !== null && (
        <>
          <h2>Demandes à examiner</h2>
          <form method="get" action="/label" role="search" aria-label="Filtrer les demandes">
            <Select id="statut" name="statut" label="État de la demande" placeholder="Tous les états" items={props.review.statusOptions} value={props.review.status} />
            <Button variant="secondary">Filtrer</Button>
          </form>
          {props.review.rows.length === 0 ? (
            <p>{props.review.status ? 'Aucune demande dans cet état. Choisissez « Tous les états » pour tout voir.' : 'Aucune demande pour l’instant. Les responsables de lieu font leur demande depuis cette page.'}</p>
          ) : (
            <>
              <p>{plural(props.review.total, 'demande', 'demandes')}</p>
              <Table
                caption="Demandes de label"
                captionHidden
                firstCellIsHeader
                head={['Lieu', 'Commune', 'État', 'Demandeur', 'Dernière modification', 'Fin du label']}
                rows={props.review.rows.map((r) => [<a href={`/label/demandes/${r.id}`}>{r.placeName}</a>, r.communeName, <Tag colour={r.statusColour}>{r.statusLabel}</Tag>, r.applicantName, r.updated, r.expiry])}
              />
              <Pagination page={props.review.page} pageCount={props.review.pageCount} hrefFor={props.review.hrefFor} />
            </>
          )}
        </>
      )}
      <p>
        <LinkButton href="/cases-numeriques" variant="secondary">
          Voir la liste publique des Cases numériques
        </LinkButton>
      </p>
    </>
  );
}
