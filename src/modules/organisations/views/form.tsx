import { Button, ErrorSummary, Select, TextInput } from '../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';

export const organisationFieldOrder = ['name', 'kind', 'ridet', 'communeCode'] as const;

export type OrganisationFormView = {
  heading: string;
  action: string;
  submitLabel: string;
  values: { name: string; kind: string; ridet: string; communeCode: string };
  errors: FieldErrors;
  kindOptions: { value: string; label: string }[];
  communeOptions: { value: string; label: string }[];
  cancelHref: string;
};

/** Creation and modification of an organisation share one form. */
export function OrganisationFormPage(props: OrganisationFormView) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, organisationFieldOrder)} />
      <h1>{props.heading}</h1>
      <form method="post" action={props.action} novalidate>
        <TextInput id="name" name="name" label="Nom de l’organisation" value={props.values.name} error={props.errors.name} autocomplete="organization" />
        <Select id="kind" name="kind" label="Type d’organisation" placeholder="Choisissez un type" items={props.kindOptions} value={props.values.kind} error={props.errors.kind} />
        <TextInput
          id="ridet"
          name="ridet"
          label="RIDET"
          optional
          hint="7 chiffres et le rang sur 3 chiffres, par exemple 1234567.001"
          width={20}
          inputmode="numeric"
          value={props.values.ridet}
          error={props.errors.ridet}
        />
        <Select
          id="communeCode"
          name="communeCode"
          label="Commune"
          hint="La commune du siège. Elle donne la province de l’organisation."
          placeholder="Choisissez une commune"
          items={props.communeOptions}
          value={props.values.communeCode}
          error={props.errors.communeCode}
        />
        <Button>{props.submitLabel}</Button>
      </form>
      <p>
        <a href={props.cancelHref}>Annuler</a>
      </p>
    </>
  );
}
