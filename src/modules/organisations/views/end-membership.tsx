import { Button } from '../../../ui/index.ts';

export type EndMembershipView = { organisationId: string; organisationName: string; membershipId: string; personName: string; email: string; roleLabel: string };

/** The confirmation before a role is taken away: the POST of this page does it. */
export function EndMembershipPage(props: EndMembershipView) {
  return (
    <>
      <h1>Retirer le rôle de {props.personName} ?</h1>
      <p>
        {props.personName} ({props.email}) n’aura plus le rôle « {props.roleLabel} » dans « {props.organisationName} ». Son compte reste ouvert, et
        ce qu’elle a déjà fait reste dans l’historique. Pour lui redonner ce rôle, il faudra l’inviter à nouveau.
      </p>
      <form method="post" action={`/organisations/${props.organisationId}/membres/${props.membershipId}/retirer`}>
        <Button variant="warning">Retirer ce rôle</Button>
      </form>
      <p>
        <a href={`/organisations/${props.organisationId}`}>Annuler et revenir à l’organisation</a>
      </p>
    </>
  );
}
