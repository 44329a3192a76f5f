import { Button, Checkboxes, Details, ErrorSummary, Radios, SummaryList, TextInput } from '../../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../../platform/http/forms.ts';

type Option = { value: string; label: string };

export type MergePickView = { q: string; candidates: Option[]; searched: boolean; errors: FieldErrors };

/** First step: find the two duplicates. */
export function MergePickPage(props: MergePickView) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, ['lieux'])} />
      <h1>Fusionner deux lieux en double</h1>
      <p>Quand un lieu figure deux fois, fusionnez les deux fiches. Vous choisirez, champ par champ, ce que garde la fiche fusionnée.</p>
      <form method="get" action="/gestion/lieux/fusion" role="search" aria-label="Chercher les lieux en double">
        <TextInput id="q" name="q" type="search" label="Nom du lieu ou commune" hint="Par exemple : médiathèque Bourail" value={props.q} width={30} />
        <Button variant="secondary">Chercher</Button>
      </form>
      {props.searched &&
        (props.candidates.length === 0 ? (
          <p>Aucun lieu ne correspond à votre recherche. Essayez avec moins de mots.</p>
        ) : (
          <form method="get" action="/gestion/lieux/fusion/comparer" novalidate>
            <input type="hidden" name="q" value={props.q} />
            <Checkboxes id="lieux" name="lieux" label="Choisissez les deux lieux à fusionner" hint="Cochez deux cases." items={props.candidates} error={props.errors.lieux} />
            <Button>Comparer les deux lieux</Button>
          </form>
        ))}
    </>
  );
}

export type CompareField = { field: string; label: string; a: string; b: string; choice: 'a' | 'b' };

export type MergeCompareView = {
  a: { id: string; name: string; commune: string };
  b: { id: string; name: string; commune: string };
  keep: 'a' | 'b';
  different: CompareField[];
  same: { label: string; value: string }[];
  errors: FieldErrors;
  fieldOrder: readonly string[];
};

/** Second step: the two places side by side; for each field that differs, which value to keep. */
export function MergeComparePage(props: MergeCompareView) {
  const first = `Lieu 1 : « ${props.a.name} » (${props.a.commune})`;
  const second = `Lieu 2 : « ${props.b.name} » (${props.b.commune})`;
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, ['garder', ...props.fieldOrder])} />
      <h1>Comparer deux lieux</h1>
      <ul>
        <li>{first}</li>
        <li>{second}</li>
      </ul>
      <form method="get" action="/gestion/lieux/fusion/confirmer" novalidate>
        <input type="hidden" name="a" value={props.a.id} />
        <input type="hidden" name="b" value={props.b.id} />
        <Radios
          id="garder"
          name="garder"
          label="Quelle fiche garder ?"
          hint="Elle garde son adresse web et son historique. L’autre disparaît."
          items={[
            { value: 'a', label: first },
            { value: 'b', label: second },
          ]}
          value={props.keep}
          error={props.errors.garder}
        />
        <h2>Les champs qui diffèrent</h2>
        {props.different.length === 0 ? (
          <p>Les deux fiches ont les mêmes valeurs partout.</p>
        ) : (
          props.different.map((f) => (
            <Radios
              id={f.field}
              name={f.field}
              label={f.label}
              legendSize="s"
              items={[
                { value: 'a', label: `Lieu 1 : ${f.a}` },
                { value: 'b', label: `Lieu 2 : ${f.b}` },
              ]}
              value={f.choice}
              error={props.errors[f.field]}
            />
          ))
        )}
        {props.same.length > 0 && (
          <Details summary={`Voir les ${props.same.length} champs identiques`}>
            <SummaryList rows={props.same.map((s) => ({ key: s.label, value: s.value }))} />
          </Details>
        )}
        <Button>Vérifier la fiche fusionnée</Button>
      </form>
      <p>
        <a href="/gestion/lieux/fusion">Choisir d’autres lieux</a>
      </p>
    </>
  );
}

export type MergeConfirmView = {
  keptName: string;
  droppedName: string;
  rows: { label: string; value: string }[];
  hidden: { name: string; value: string }[];
  backHref: string;
};

/** Third step: the merged place as it will be, and the button that merges. */
export function MergeConfirmPage(props: MergeConfirmView) {
  return (
    <>
      <h1>Vérifier la fiche fusionnée</h1>
      <p>
        La fiche « {props.keptName} » va prendre les valeurs ci-dessous. La fiche « {props.droppedName} » va disparaître de l’annuaire. Ses
        signalements d’erreurs passeront à la fiche gardée.
      </p>
      <SummaryList rows={props.rows.map((r) => ({ key: r.label, value: r.value }))} />
      <form method="post" action="/gestion/lieux/fusion/confirmer">
        {props.hidden.map((h) => (
          <input type="hidden" name={h.name} value={h.value} />
        ))}
        <Button variant="warning">Fusionner les deux lieux</Button>
      </form>
      <p>
        <a href={props.backHref}>Revenir au choix des champs</a>
      </p>
    </>
  );
}
