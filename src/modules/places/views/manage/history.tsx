import { Details, Pagination, SummaryList } from '../../../../ui/index.ts';

export type HistoryEntry = { id: string; at: string; actor: string; summary: string; changes: { field: string; before: string; after: string }[] };

export type PlaceHistoryView = {
  placeId: string;
  placeName: string;
  entries: HistoryEntry[];
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
};

/** What happened to a place, newest first: who changed what, and when. */
export function PlaceHistoryPage(props: PlaceHistoryView) {
  return (
    <>
      <h1>Historique de « {props.placeName} »</h1>
      <p>
        <a href={`/gestion/lieux/${props.placeId}/modifier`}>Modifier le lieu</a>
      </p>
      {props.entries.length === 0 ? (
        <p>Aucun changement enregistré pour ce lieu.</p>
      ) : (
        <ol class="r-list--plain">
          {props.entries.map((e) => (
            <li>
              <h2 class="r-heading-s">{e.summary}</h2>
              <p>
                {e.at}, par {e.actor}
              </p>
              {e.changes.length > 0 && (
                <Details summary={e.changes.length === 1 ? 'Voir le changement' : `Voir les ${e.changes.length} changements`}>
                  <SummaryList rows={e.changes.map((c) => ({ key: c.field, value: <>Avant : {c.before}<br />Après : {c.after}</> }))} />
                </Details>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={props.page} pageCount={props.pageCount} hrefFor={props.hrefFor} />
    </>
  );
}
