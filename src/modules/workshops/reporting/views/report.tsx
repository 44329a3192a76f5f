import { Button, DateInput, ErrorSummary, SummaryList, Table } from '../../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../../platform/http/forms.ts';
import { ResultsTable, TargetsTable, type ResultRow, type TargetRow } from './results.tsx';

export type ReportProps = {
  programme: { id: string; name: string; consortium: string; funders: string };
  period: { du: string; au: string; text: string };
  errors: FieldErrors;
  xlsxHref: string | null;
  generated: string;
  note: string;
  targets: TargetRow[];
  totals: { key: string; value: string }[];
  byCommune: ResultRow[];
  byMonth: ResultRow[];
  satisfaction: { head: string[]; rows: (string | number)[][] };
  adjustments: { change: string; reason: string; scope: string; status: string; date: string }[];
  stylesheet: string;
};

/** The funder report of a programme for a period: printable (the period form and links are not printed). */
export function ReportPage(props: ReportProps) {
  return (
    <>
      <link rel="stylesheet" href={props.stylesheet} />
      <ErrorSummary errors={errorLinks(props.errors, ['du', 'au'])} />
      <h1>Rapport au financeur : {props.programme.name}</h1>
      <form method="get" action={`/gestion/programmes/${props.programme.id}/rapport`} class="w-no-print" novalidate>
        <DateInput id="du" name="du" label="Du" value={props.period.du} error={props.errors.du} />
        <DateInput id="au" name="au" label="Au" value={props.period.au} error={props.errors.au} />
        <Button variant="secondary">Afficher la période</Button>
      </form>
      {props.xlsxHref ? (
        <p class="w-no-print">
          <a href={props.xlsxHref} download>
            Télécharger le rapport au format Excel (XLSX)
          </a>{' '}
          · Pour l’imprimer, utilisez la commande d’impression de votre navigateur.
        </p>
      ) : null}
      <SummaryList
        rows={[
          { key: 'Période', value: props.period.text },
          { key: 'Consortium', value: props.programme.consortium || '—' },
          { key: 'Financeurs', value: props.programme.funders || '—' },
          { key: 'Rapport établi le', value: props.generated },
        ]}
      />
      <p>{props.note}</p>
      <h2>Objectifs et résultats</h2>
      {props.targets.length ? <TargetsTable id="rapport-objectifs" caption="Objectifs du programme et résultats de la période" rows={props.targets} /> : <p>Le programme n’a pas d’objectif chiffré.</p>}
      <SummaryList rows={props.totals} />
      <h2>Par commune</h2>
      {props.byCommune.length ? <ResultsTable id="rapport-communes" caption="Résultats par commune" first="Commune" rows={props.byCommune} /> : <p>Aucune séance pendant la période.</p>}
      <h2>Par mois</h2>
      {props.byMonth.length ? <ResultsTable id="rapport-mois" caption="Résultats par mois" first="Mois" rows={props.byMonth} /> : <p>Aucune séance pendant la période.</p>}
      <h2>Satisfaction des participants</h2>
      {props.satisfaction.rows.length ? (
        <Table id="rapport-satisfaction" caption="Réponses des participants par question" head={['Question', ...props.satisfaction.head.map((text) => ({ text, numeric: true }))]} rows={props.satisfaction.rows} firstCellIsHeader />
      ) : (
        <p>Aucun avis de participant pendant la période.</p>
      )}
      <h2>Ajustements</h2>
      {props.adjustments.length ? (
        <Table id="rapport-ajustements" caption="Ajustements faits ou prévus à partir des avis" head={['Ce qui change', 'Pourquoi', 'Pour', 'État', 'Date']} rows={props.adjustments.map((a) => [a.change, a.reason, a.scope, a.status, a.date])} firstCellIsHeader />
      ) : (
        <p>Aucun ajustement pendant la période.</p>
      )}
    </>
  );
}
