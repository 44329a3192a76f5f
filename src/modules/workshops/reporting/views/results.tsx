import { BarChart, Table } from '../../../../ui/index.ts';

/** One target against what is achieved. */
export type TargetRow = { label: string; target: string; achieved: string; progress: string };
/** One commune or month of the results; `withDisability` is already "moins de 5" when hidden. */
export type ResultRow = { label: string; shortLabel?: string; planned: number; held: number; reached: number; withDisability: string; withDisabilityValue: number; satisfaction: string };

export const hiddenSmall = 'moins de 5';

export function TargetsTable(props: { id: string; caption: string; rows: TargetRow[] }) {
  return <Table id={props.id} caption={props.caption} head={['Objectif', { text: 'Visé', numeric: true }, { text: 'Réalisé', numeric: true }, { text: 'Atteint', numeric: true }]} rows={props.rows.map((r) => [r.label, r.target, r.achieved, r.progress])} firstCellIsHeader />;
}

export function ResultsTable(props: { id: string; caption: string; first: string; rows: ResultRow[] }) {
  return (
    <Table
      id={props.id}
      caption={props.caption}
      head={[props.first, { text: 'Ateliers prévus', numeric: true }, { text: 'Ateliers réalisés', numeric: true }, { text: 'Personnes touchées', numeric: true }, { text: 'Dont en situation de handicap', numeric: true }, { text: 'Satisfaction', numeric: true }]}
      rows={props.rows.map((r) => [r.label, r.planned, r.held, r.reached, r.withDisability, r.satisfaction])}
      firstCellIsHeader
    />
  );
}

/**
 * Targets against results, by commune and by month: bar charts with their data tables, then a full table for each.
 * Used on the public programme page and in the funder report.
 */
export function ResultsSection(props: { idPrefix: string; headingLevel: 2 | 3; targets: TargetRow[]; byCommune: ResultRow[]; byMonth: ResultRow[]; note: string }) {
  const H = props.headingLevel === 2 ? 'h2' : 'h3';
  const p = props.idPrefix;
  return (
    <section aria-labelledby={`${p}-titre`}>
      <H id={`${p}-titre`}>Objectifs et résultats</H>
      <p>{props.note}</p>
      {props.targets.length > 0 ? <TargetsTable id={`${p}-objectifs`} caption="Ce qui est visé et ce qui est fait" rows={props.targets} /> : <p>Le programme n’a pas encore d’objectif chiffré.</p>}
      {props.byCommune.length === 0 ? (
        <p>Aucun atelier n’a encore eu lieu.</p>
      ) : (
        <>
          <BarChart id={`${p}-communes-ateliers`} title="Ateliers réalisés par commune" categoryLabel="Commune" valueLabel="Ateliers réalisés" points={props.byCommune.map((r) => ({ label: r.label, value: r.held }))} tableCollapsed />
          <BarChart id={`${p}-communes-personnes`} title="Personnes touchées par commune" categoryLabel="Commune" valueLabel="Personnes touchées" points={props.byCommune.map((r) => ({ label: r.label, value: r.reached }))} tableCollapsed />
          <ResultsTable id={`${p}-par-commune`} caption="Résultats par commune" first="Commune" rows={props.byCommune} />
          <BarChart id={`${p}-mois-personnes`} title="Personnes touchées par mois" categoryLabel="Mois" valueLabel="Personnes touchées" points={props.byMonth.map((r) => ({ label: r.label, shortLabel: r.shortLabel, value: r.reached }))} tableCollapsed />
          <BarChart
            id={`${p}-mois-handicap`}
            title="Personnes en situation de handicap touchées par mois"
            categoryLabel="Mois"
            valueLabel="Personnes en situation de handicap"
            points={props.byMonth.map((r) => ({ label: r.label, shortLabel: r.shortLabel, value: r.withDisabilityValue, ...(r.withDisability === hiddenSmall ? { display: hiddenSmall } : {}) }))}
            tableCollapsed
          />
          <ResultsTable id={`${p}-par-mois`} caption="Résultats par mois" first="Mois" rows={props.byMonth} />
        </>
      )}
    </section>
  );
}

/** "Vous avez dit, nous avons fait": what changed because of what participants and trainers said (FALC). */
export function YouSaidWeDidSection(props: { items: { youSaid: string; weDid: string; when: string }[]; askFor: { href: string; text: string }[] }) {
  return (
    <section aria-labelledby="vous-avez-dit">
      <h2 id="vous-avez-dit">Vous avez dit, nous avons fait</h2>
      <p>Après chaque atelier, les participants et les formateurs donnent leur avis. Nous changeons les ateliers avec ces avis.</p>
      {props.items.length === 0 ? (
        <p>Les premiers changements seront bientôt ici.</p>
      ) : (
        <ul class="r-list--plain">
          {props.items.map((i) => (
            <li class="w-said">
              <p>
                <strong>Vous avez dit :</strong> {i.youSaid}
              </p>
              <p>
                <strong>Nous avons fait :</strong> {i.weDid}
              </p>
              {i.when ? <p class="r-secondary-text">{i.when}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {props.askFor.length > 0 ? (
        <>
          <h3>Vous êtes venu à un atelier ? Donnez votre avis</h3>
          <ul>
            {props.askFor.map((a) => (
              <li>
                <a href={a.href}>{a.text}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
