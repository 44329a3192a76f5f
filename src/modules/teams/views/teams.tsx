import { Button, DateInput, ErrorSummary, LinkButton, Select, Table, TextInput, Textarea } from '../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';
import { memberFieldOrder, teamFieldOrder } from '../teams.forms.ts';

/** Every team, for coordinators. */
export function TeamListPage(props: { rows: { id: string; name: string; description: string; membersText: string }[] }) {
  return (
    <>
      <h1>Équipes d’aidants</h1>
      <p>Une équipe rassemble des aidants que vous suivez ensemble. Ses statistiques comptent les accompagnements de chaque aidant pendant qu’il en faisait partie.</p>
      <p>
        <LinkButton href="/equipes/nouvelle">Créer une équipe</LinkButton>
      </p>
      {props.rows.length === 0 ? (
        <p>Aucune équipe pour l’instant. Créez la première avec le bouton « Créer une équipe ».</p>
      ) : (
        <Table
          caption="Équipes"
          captionHidden
          firstCellIsHeader
          head={['Équipe', 'Description', 'Aidants aujourd’hui']}
          rows={props.rows.map((r) => [<a href={`/equipes/${r.id}`}>{r.name}</a>, r.description || '—', r.membersText])}
        />
      )}
    </>
  );
}

export type TeamFormValues = { name: string; description: string };

export function TeamFormPage(props: { heading: string; action: string; submitLabel: string; values: TeamFormValues; errors: FieldErrors; back: string }) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, teamFieldOrder)} />
      <h1>{props.heading}</h1>
      <form method="post" action={props.action} novalidate>
        <TextInput id="name" name="name" label="Nom de l’équipe" hint="Par exemple : Aidants OPT du Nord" value={props.values.name} error={props.errors.name} />
        <Textarea id="description" name="description" label="Description" optional hint="Le territoire ou le projet de l’équipe." value={props.values.description} error={props.errors.description} />
        <Button>{props.submitLabel}</Button>
      </form>
      <p>
        <a href={props.back}>Revenir sans enregistrer</a>
      </p>
    </>
  );
}

export type MemberRow = { id: string; name: string; email: string; period: string; current: boolean };

/** One team: its current and past members, and the form to bring a helper in. */
export function TeamPage(props: {
  id: string;
  name: string;
  description: string;
  current: MemberRow[];
  past: MemberRow[];
  helpers: { value: string; label: string }[];
  values: { userId: string; startsOn: string };
  errors: FieldErrors;
}) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, memberFieldOrder)} />
      <h1>Équipe « {props.name} »</h1>
      {props.description ? <p>{props.description}</p> : null}
      <ul class="r-list--plain">
        <li>
          <a href={`/statistiques?vue=equipe&equipe=${props.id}`}>Voir les statistiques de l’équipe</a>
        </li>
        <li>
          <a href={`/equipes/${props.id}/modifier`}>Modifier le nom ou la description</a>
        </li>
      </ul>
      <h2>Aidants de l’équipe</h2>
      {props.current.length === 0 ? (
        <p>Personne pour l’instant. Ajoutez un aidant avec le formulaire ci-dessous.</p>
      ) : (
        <Table
          caption="Aidants de l’équipe"
          captionHidden
          firstCellIsHeader
          head={['Aidant', 'Adresse e-mail', 'Dans l’équipe', 'Action']}
          rows={props.current.map((m) => [
            m.name,
            m.email,
            m.period,
            <a href={`/equipes/${props.id}/membres/${m.id}/fin`}>
              Retirer de l’équipe<span class="r-visually-hidden"> : {m.name}</span>
            </a>,
          ])}
        />
      )}
      <h2>Ajouter un aidant</h2>
      {props.helpers.length === 0 ? (
        <p>
          Tous les aidants sont déjà dans l’équipe. Pour une personne qui n’a pas encore de compte, invitez-la d’abord comme aidant depuis la page de
          son organisation.
        </p>
      ) : (
        <form method="post" action={`/equipes/${props.id}/membres`} novalidate>
          <Select id="userId" name="userId" label="Aidant" hint="Les personnes qui ont le rôle d’aidant dans une structure. Pour une nouvelle personne, invitez-la d’abord depuis la page de son organisation." placeholder="Choisissez un aidant" items={props.helpers} value={props.values.userId} error={props.errors.userId} />
          <DateInput id="startsOn" name="startsOn" label="Dans l’équipe à partir du" hint="Par exemple : 03/03/2026. Ses accompagnements comptent pour l’équipe à partir de ce jour." value={props.values.startsOn} error={props.errors.startsOn} />
          <Button>Ajouter à l’équipe</Button>
        </form>
      )}
      <h2>Anciens membres</h2>
      {props.past.length === 0 ? (
        <p>Personne n’a quitté l’équipe.</p>
      ) : (
        <>
          <p>Leurs accompagnements faits pendant leur temps dans l’équipe restent dans ses statistiques.</p>
          <Table caption="Anciens membres" captionHidden firstCellIsHeader head={['Aidant', 'Dans l’équipe']} rows={props.past.map((m) => [m.name, m.period])} />
        </>
      )}
    </>
  );
}

/** The confirmation before a helper leaves a team, with their last day. */
export function EndMembershipPage(props: { teamId: string; teamName: string; membershipId: string; name: string; endsOn: string; error: string | undefined }) {
  return (
    <>
      <ErrorSummary errors={props.error ? [{ href: '#endsOn', text: props.error }] : []} />
      <h1>
        Retirer {props.name} de l’équipe « {props.teamName} » ?
      </h1>
      <p>Ses accompagnements faits jusqu’à son dernier jour dans l’équipe restent dans les statistiques de l’équipe. Son compte n’est pas touché.</p>
      <form method="post" action={`/equipes/${props.teamId}/membres/${props.membershipId}/fin`} novalidate>
        <DateInput id="endsOn" name="endsOn" label="Dernier jour dans l’équipe" hint="Par exemple : 03/03/2026." value={props.endsOn} error={props.error} />
        <Button variant="warning">Retirer de l’équipe</Button>
      </form>
      <p>
        <a href={`/equipes/${props.teamId}`}>Garder cet aidant dans l’équipe</a>
      </p>
    </>
  );
}
