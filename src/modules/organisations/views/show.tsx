import { LinkButton, SummaryList, Table } from '../../../ui/index.ts';

export type MemberRow = { membershipId: string; name: string; email: string; roleLabel: string; since: string; canEnd: boolean };

export type OrganisationView = {
  id: string;
  name: string;
  kindLabel: string;
  communeName: string;
  provinceLabel: string;
  ridet: string | null;
  members: MemberRow[];
  canUpdate: boolean;
  canInvite: boolean;
};

/** One organisation: what it is, who belongs to it, and what the actor may do there. */
export function OrganisationPage(props: OrganisationView) {
  const anyEnd = props.members.some((m) => m.canEnd);
  return (
    <>
      <h1>{props.name}</h1>
      <SummaryList
        rows={[
          { key: 'Nom', value: props.name },
          { key: 'Type', value: props.kindLabel },
          { key: 'Commune', value: props.communeName },
          { key: 'Province', value: props.provinceLabel },
          { key: 'RIDET', value: props.ridet ?? 'Non renseigné' },
        ]}
      />
      {props.canUpdate && (
        <p>
          <LinkButton href={`/organisations/${props.id}/modifier`} variant="secondary">
            Modifier
          </LinkButton>
        </p>
      )}
      <h2>Membres</h2>
      {props.canInvite && (
        <p>
          <LinkButton href={`/organisations/${props.id}/inviter`}>Inviter une personne</LinkButton>
        </p>
      )}
      {props.members.length === 0 ? (
        <p>
          Personne n’a encore de rôle dans cette organisation.
          {props.canInvite ? ' Invitez une première personne avec le bouton « Inviter une personne ».' : ''}
        </p>
      ) : (
        <Table
          caption="Membres actifs"
          captionHidden
          firstCellIsHeader
          head={['Nom', 'Adresse e-mail', 'Rôle', 'Depuis', ...(anyEnd ? ['Action'] : [])]}
          rows={props.members.map((m) => [
            m.name,
            m.email,
            m.roleLabel,
            m.since,
            ...(anyEnd
              ? [
                  m.canEnd ? (
                    <a href={`/organisations/${props.id}/membres/${m.membershipId}/retirer`}>
                      Retirer ce rôle<span class="r-visually-hidden"> à {m.name}</span>
                    </a>
                  ) : (
                    ''
                  ),
                ]
              : []),
          ])}
        />
      )}
    </>
  );
}
