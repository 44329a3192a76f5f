import { Button, ErrorSummary, Radios, Select, TextInput } from '../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';

export type InviteView = {
  organisationId: string;
  organisationName: string;
  values: { email: string; role: string; scopeProvince: string };
  errors: FieldErrors;
  /** Only the roles the actor may grant in this organisation. */
  roleOptions: { value: string; label: string }[];
  /** Shown only when the coordinator role can be granted. */
  provinceOptions: { value: string; label: string }[] | null;
};

/** Invites a person into an organisation with one role; they receive a link by e-mail. */
export function InvitePage(props: InviteView) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, ['email', 'role', 'scopeProvince'])} />
      <h1>Inviter une personne dans « {props.organisationName} »</h1>
      <p>La personne reçoit un e-mail avec un lien valable 7 jours pour choisir son mot de passe et rejoindre l’organisation.</p>
      <form method="post" action={`/organisations/${props.organisationId}/inviter`} novalidate>
        <TextInput
          id="email"
          name="email"
          type="email"
          label="Adresse e-mail de la personne"
          autocomplete="off"
          spellcheck={false}
          value={props.values.email}
          error={props.errors.email}
        />
        <Radios id="role" name="role" label="Rôle" items={props.roleOptions} value={props.values.role} error={props.errors.role} />
        {props.provinceOptions && (
          <Select
            id="scopeProvince"
            name="scopeProvince"
            label="Territoire coordonné"
            hint="Seulement pour le rôle Coordinateur. Choisissez une province, ou « Tout le territoire » pour un coordinateur de toute la Nouvelle-Calédonie."
            placeholder="Tout le territoire"
            items={props.provinceOptions}
            value={props.values.scopeProvince}
            error={props.errors.scopeProvince}
          />
        )}
        <Button>Envoyer l’invitation</Button>
      </form>
      <p>
        <a href={`/organisations/${props.organisationId}`}>Annuler</a>
      </p>
    </>
  );
}
