import { Button, Checkboxes, ErrorSummary, NotificationBanner, Radios, Select, TextInput } from '../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';
import { communes } from '../../../territory/index.ts';
import { genders, personStatuses } from '../beneficiaries.schema.ts';
import { genderLabels, personStatusLabels } from '../beneficiaries.labels.ts';
import { beneficiaryFieldOrder } from '../beneficiaries.forms.ts';

export type BeneficiaryFormValues = {
  organisationId: string;
  firstName: string;
  lastName: string;
  phone: string;
  noPhone: string;
  birthYear: string;
  communeCode: string;
  gender: string;
  status: string;
  consent: string;
  notDuplicate: string;
};

export type DuplicateItem = { name: string; details: string; href: string };

export type BeneficiaryFormProps = {
  heading: string;
  action: string;
  submitLabel: string;
  cancelHref: string;
  values: BeneficiaryFormValues;
  errors: FieldErrors;
  /** Creation only: the structures to choose from (when more than one), the consent text and its version. */
  organisations: { id: string; name: string }[];
  consent: { version: string; text: string } | null;
  duplicates: DuplicateItem[];
};

const communeItems = communes.map((c) => ({ value: c.code, label: c.name })).sort((a, b) => a.label.localeCompare(b.label, 'fr'));

/** Creating (with the person's consent) or correcting the minimal file of a followed person. */
export function BeneficiaryFormPage(props: BeneficiaryFormProps) {
  const v = props.values;
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, beneficiaryFieldOrder)} />
      <h1>{props.heading}</h1>
      {props.duplicates.length > 0 && (
        <NotificationBanner kind="warning" title="Cette personne a peut-être déjà une fiche" role="region" id="doublon">
          <p>Ces fiches ressemblent à celle que vous créez (même nom, nom proche ou même téléphone) :</p>
          <ul>
            {props.duplicates.map((d) => (
              <li>
                <a href={d.href}>{d.name}</a> — {d.details}
              </li>
            ))}
          </ul>
          <p>Si c’est la même personne, ouvrez sa fiche au lieu d’en créer une autre.</p>
        </NotificationBanner>
      )}
      <form method="post" action={props.action} novalidate>
        {props.consent && <input type="hidden" name="consentVersion" value={props.consent.version} />}
        {props.organisations.length > 1 && (
          <Select id="organisationId" name="organisationId" label="Structure qui suit la personne" placeholder="Choisissez la structure" items={props.organisations.map((o) => ({ value: o.id, label: o.name }))} value={v.organisationId} error={props.errors.organisationId} />
        )}
        {props.organisations.length === 1 && <input type="hidden" name="organisationId" value={props.organisations[0]?.id ?? ''} />}
        <TextInput id="firstName" name="firstName" label="Prénom" value={v.firstName} error={props.errors.firstName} width={20} autocomplete="off" spellcheck={false} />
        <TextInput id="lastName" name="lastName" label="Nom" value={v.lastName} error={props.errors.lastName} width={20} autocomplete="off" spellcheck={false} />
        <TextInput id="phone" name="phone" type="tel" label="Téléphone" hint="6 chiffres, par exemple 26 12 34, ou un numéro avec son indicatif" value={v.phone} error={props.errors.phone} width={20} autocomplete="off" inputmode="tel" />
        <Checkboxes id="noPhone" name="noPhone" label="Pas de téléphone ?" items={[{ value: 'oui', label: 'La personne n’a pas de téléphone' }]} values={v.noPhone === 'oui' ? ['oui'] : []} error={props.errors.noPhone} legendSize="s" />
        <TextInput id="birthYear" name="birthYear" label="Année de naissance" hint="4 chiffres, par exemple 1968" value={v.birthYear} error={props.errors.birthYear} width={4} inputmode="numeric" autocomplete="off" />
        <Select id="communeCode" name="communeCode" label="Commune où vit la personne" placeholder="Choisissez une commune" items={communeItems} value={v.communeCode} error={props.errors.communeCode} />
        <Radios id="gender" name="gender" label="Genre (facultatif)" inline items={genders.map((g) => ({ value: g, label: genderLabels[g] }))} value={v.gender || 'not_communicated'} error={props.errors.gender} legendSize="s" />
        <Radios id="status" name="status" label="Situation (facultatif)" items={personStatuses.map((s) => ({ value: s, label: personStatusLabels[s] }))} value={v.status || 'not_communicated'} error={props.errors.status} legendSize="s" />
        {props.consent && (
          <section aria-labelledby="consentement-titre">
            <h2 id="consentement-titre">Accord de la personne</h2>
            <p>Lisez ce texte à la personne, ou donnez-le-lui à lire. Il est gardé avec la fiche, mot pour mot (version {props.consent.version}).</p>
            <blockquote id="texte-consentement">
              <p>{props.consent.text}</p>
            </blockquote>
            <Checkboxes id="consent" name="consent" label="La personne est-elle d’accord ?" items={[{ value: 'oui', label: 'La personne a entendu ou lu ce texte et elle est d’accord' }]} values={v.consent === 'oui' ? ['oui'] : []} error={props.errors.consent} legendSize="s" />
          </section>
        )}
        {props.duplicates.length > 0 && (
          <Checkboxes id="notDuplicate" name="notDuplicate" label="Est-ce une autre personne ?" items={[{ value: 'oui', label: 'J’ai vérifié : c’est une autre personne, créer sa fiche' }]} values={v.notDuplicate === 'oui' ? ['oui'] : []} legendSize="s" />
        )}
        <Button>{props.submitLabel}</Button>
      </form>
      <p>
        <a href={props.cancelHref}>Revenir sans enregistrer</a>
      </p>
    </>
  );
}
