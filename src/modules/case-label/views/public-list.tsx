import { Pagination } from '../../../ui/index.ts';
import { plural } from '../../../platform/format.ts';

export type LabelledPlaceCard = { placeId: string; name: string; communeName: string; address: string; until: string };

export type PublicListView = { rows: LabelledPlaceCard[]; total: number; page: number; pageCount: number; hrefFor: (page: number) => string };

/** The public list of Cases numériques, in easy-to-read French (FALC): short sentences, dates in full. */
export function CasesNumeriquesPage(props: PublicListView) {
  return (
    <>
      <h1>Les Cases numériques</h1>
      <p>Une Case numérique est un lieu pour apprendre le numérique.</p>
      <p>Dans une Case numérique :</p>
      <ul>
        <li>une personne formée vous aide ;</li>
        <li>vous pouvez utiliser un ordinateur, internet et une imprimante ;</li>
        <li>l’aide est gratuite.</li>
      </ul>
      <p>Le gouvernement vérifie ces lieux. Il leur donne le label « Case numérique » pour 2 ans.</p>
      {props.rows.length === 0 ? (
        <p>Aucun lieu n’a le label pour le moment. Revenez plus tard.</p>
      ) : (
        <>
          <h2>{plural(props.total, 'lieu a le label', 'lieux ont le label')}</h2>
          <ul class="r-list--plain">
            {props.rows.map((p) => (
              <li>
                <h3>
                  <a href={`/lieux/${p.placeId}`}>{p.name}</a>
                </h3>
                <p>
                  Commune : {p.communeName}
                  {p.address ? (
                    <>
                      <br />
                      Adresse : {p.address}
                    </>
                  ) : null}
                  <br />
                  Le label est valable jusqu’au {p.until}.
                </p>
              </li>
            ))}
          </ul>
          <Pagination page={props.page} pageCount={props.pageCount} hrefFor={props.hrefFor} />
        </>
      )}
    </>
  );
}
