import { Button, LinkButton, SummaryList } from '../../../ui/index.ts';

export type ActivityShowView = {
  id: string;
  heading: string;
  facts: { key: string; value: string }[];
  can: { update: boolean; delete: boolean; duplicate: boolean };
};

/** One record, with what the person may do to it. */
export function ActivityShowPage(props: ActivityShowView) {
  return (
    <>
      <h1>{props.heading}</h1>
      <SummaryList rows={props.facts.map((f) => ({ key: f.key, value: f.value }))} />
      <p>
        {props.can.duplicate && (
          <>
            <LinkButton href={`/activites/nouvelle?depuis=${props.id}`}>Dupliquer</LinkButton>{' '}
          </>
        )}
        {props.can.update && (
          <>
            <LinkButton href={`/activites/${props.id}/modifier`} variant="secondary">
              Modifier
            </LinkButton>{' '}
          </>
        )}
        {props.can.delete && (
          <LinkButton href={`/activites/${props.id}/supprimer`} variant="warning">
            Supprimer
          </LinkButton>
        )}
      </p>
      <p>
        <a href="/activites">Revenir aux activités</a>
      </p>
    </>
  );
}

/** The confirmation before a record is deleted. */
export function ActivityDeletePage(props: { id: string; heading: string; summary: string; error?: string | undefined }) {
  return (
    <>
      <h1>{props.heading}</h1>
      <p>{props.summary}</p>
      <p>L’activité ne comptera plus dans les statistiques. Cette action ne peut pas être annulée.</p>
      <form method="post" action={`/activites/${props.id}/supprimer`}>
        <Button variant="warning">Supprimer l’activité</Button>
      </form>
      <p>
        <a href={`/activites/${props.id}`}>Garder l’activité et revenir</a>
      </p>
    </>
  );
}
