import { Button, ErrorSummary, Pagination, Radios, Table } from '../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';
import { mergeableFields, type MergeableField } from '../beneficiaries.forms.ts';

export type PairRow = { aId: string; bId: string; aName: string; bName: string; aHref: string; bHref: string; reason: string; mergeHref: string };

/** /beneficiaires/doublons: pairs of files that may be one person. */
export function DuplicatesPage(props: { rows: PairRow[]; total: number; page: number; pageCount: number; hrefFor: (n: number) => string }) {
  return (
    <>
      <h1>Doublons possibles</h1>
      <p>Ces fiches se ressemblent : même téléphone, ou noms proches (les accents et petites fautes ne comptent pas). Vérifiez avec la personne avant de fusionner. Si ce sont deux personnes différentes, dites-le : la paire quitte cette liste.</p>
      {props.rows.length === 0 ? (
        <p>Aucun doublon possible : chaque fiche est bien différente des autres.</p>
      ) : (
        <>
          <Table
            caption="Paires de fiches semblables"
            captionHidden
            head={['Fiche 1', 'Fiche 2', 'Pourquoi', 'Actions']}
            rows={props.rows.map((r) => [
              <a href={r.aHref}>{r.aName}</a>,
              <a href={r.bHref}>{r.bName}</a>,
              r.reason,
              <>
                <a href={r.mergeHref}>
                  Comparer et fusionner<span class="r-visually-hidden"> {r.aName} et {r.bName}</span>
                </a>
                <form method="post" action="/beneficiaires/doublons/ignorer">
                  <input type="hidden" name="first" value={r.aId} />
                  <input type="hidden" name="second" value={r.bId} />
                  <Button variant="secondary">
                    Ce sont deux personnes<span class="r-visually-hidden"> : {r.aName} et {r.bName}</span>
                  </Button>
                </form>
              </>,
            ])}
          />
          <Pagination page={props.page} pageCount={props.pageCount} hrefFor={props.hrefFor} />
        </>
      )}
      <p>
        <a href="/beneficiaires">Revenir aux personnes suivies</a>
      </p>
    </>
  );
}

export type MergeSide = { id: string; name: string; values: Record<MergeableField, string>; activities: number; mandates: number };

const fieldLabels = {
  firstName: 'Prénom',
  lastName: 'Nom',
  phone: 'Téléphone',
  birthYear: 'Année de naissance',
  communeCode: 'Commune',
  gender: 'Genre',
  status: 'Situation',
} as const satisfies Record<MergeableField, string>;

/** The merge screen: both files side by side, one choice per field; the first file is kept. */
export function MergePage(props: { keep: MergeSide; remove: MergeSide; choices: Record<MergeableField, string>; errors: FieldErrors }) {
  const { keep, remove } = props;
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, ['formulaire', ...mergeableFields])} />
      <h1>Fusionner deux fiches</h1>
      <p>
        La fiche 1 est gardée. La fiche 2 est supprimée : ses {remove.activities} accompagnement{remove.activities === 1 ? '' : 's'} et ses {remove.mandates} mandat{remove.mandates === 1 ? '' : 's'} passent sur la fiche 1. Pour chaque information, choisissez la bonne.
      </p>
      <p>
        <a href={`/beneficiaires/fusion?garder=${remove.id}&retirer=${keep.id}`}>Garder plutôt la fiche 2</a>
      </p>
      <Table
        caption="Les deux fiches côte à côte"
        captionSize="s"
        firstCellIsHeader
        head={['Information', 'Fiche 1 (gardée)', 'Fiche 2 (supprimée)']}
        rows={mergeableFields.map((f) => [fieldLabels[f], keep.values[f], remove.values[f]])}
      />
      <form method="post" action="/beneficiaires/fusion" novalidate>
        <input type="hidden" name="keep" value={keep.id} />
        <input type="hidden" name="remove" value={remove.id} />
        {mergeableFields.map((f) => (
          <Radios
            id={f}
            name={f}
            label={fieldLabels[f]}
            legendSize="s"
            items={[
              { value: 'keep', label: `Fiche 1 : ${keep.values[f]}` },
              { value: 'remove', label: `Fiche 2 : ${remove.values[f]}` },
            ]}
            value={props.choices[f] === 'remove' ? 'remove' : 'keep'}
            error={props.errors[f]}
          />
        ))}
        <Button variant="warning">Fusionner les deux fiches</Button>
      </form>
      <p>
        <a href="/beneficiaires/doublons">Revenir aux doublons sans fusionner</a>
      </p>
    </>
  );
}
