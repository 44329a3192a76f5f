import { Button, Checkboxes, ErrorSummary, SummaryList, Textarea } from '../../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../../platform/http/forms.ts';
import { debriefFieldOrder } from '../day.forms.ts';
import { SessionFacts, type SessionHeading } from './roster.tsx';

export type DebriefValues = { whatWorked: string; difficulties: string; adaptations: string; adaptationNeeds: string[] };

/** The trainers' debrief of a session: a form for its trainers, a read-only summary for coordinators. */
export function DebriefPage(props: {
  sessionId: string;
  session: SessionHeading;
  values: DebriefValues;
  errors: FieldErrors;
  needItems: { value: string; label: string }[];
  needLabels: string[];
  written: { by: string; at: string } | null;
  canWrite: boolean;
}) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, debriefFieldOrder)} />
      <h1>Bilan de la séance : {props.session.title}</h1>
      <SessionFacts session={props.session} />
      {props.written ? (
        <p>
          Dernière version écrite par {props.written.by}, le {props.written.at}.
        </p>
      ) : null}
      {props.canWrite ? (
        <form method="post" action={`/gestion/seances/${props.sessionId}/bilan`} novalidate>
          <Textarea id="whatWorked" name="whatWorked" label="Ce qui a bien marché" hint="Par exemple : les exercices sur le téléphone de chacun." value={props.values.whatWorked} error={props.errors.whatWorked} rows={4} />
          <Textarea id="difficulties" name="difficulties" label="Les difficultés" hint="Ce qui a bloqué les participants ou l’équipe." value={props.values.difficulties} error={props.errors.difficulties} rows={4} />
          <Textarea id="adaptations" name="adaptations" label="Les adaptations à prévoir" hint="Ce qu’il faudrait changer pour les prochaines séances." value={props.values.adaptations} error={props.errors.adaptations} rows={4} />
          <Checkboxes id="adaptationNeeds" name="adaptationNeeds" label="Pour quels besoins ?" hint="Cochez les besoins concernés par ces adaptations, s’il y en a." items={props.needItems} values={props.values.adaptationNeeds} error={props.errors.adaptationNeeds} />
          <Button>Enregistrer le bilan</Button>
        </form>
      ) : props.written ? (
        <SummaryList
          rows={[
            { key: 'Ce qui a bien marché', value: props.values.whatWorked || '—' },
            { key: 'Les difficultés', value: props.values.difficulties || '—' },
            { key: 'Les adaptations à prévoir', value: props.values.adaptations || '—' },
            { key: 'Pour quels besoins', value: props.needLabels.join(', ') || '—' },
          ]}
        />
      ) : (
        <p>Les formateurs n’ont pas encore écrit le bilan de cette séance.</p>
      )}
    </>
  );
}
