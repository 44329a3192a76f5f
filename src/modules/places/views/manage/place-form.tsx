import type { Child } from 'hono/jsx';
import { Button, Checkboxes, ErrorSummary, Fieldset, Select, TextInput, Textarea } from '../../../../ui/index.ts';
import { errorLinks, type FieldErrors, type FormInput } from '../../../../platform/http/forms.ts';

type Option = { value: string; label: string };

/** The options of every enumeration of the form, with the standard's labels (built by the route from places.labels.ts). */
export type PlaceFormOptions = {
  communes: Option[];
  typologies: Option[];
  itinerance: Option[];
  services: Option[];
  publics: Option[];
  specificSupports: Option[];
  fees: Option[];
  nationalSchemes: Option[];
  trainingLabels: Option[];
  accessModes: Option[];
  supportModes: Option[];
  equipment: Option[];
  languages: Option[];
  accessibility: Option[];
};

export type PlaceFormView = {
  heading: string;
  action: string;
  submitLabel: string;
  values: FormInput;
  errors: FieldErrors;
  /** The order of the error summary: the fields in the order of the form. */
  fieldOrder: readonly string[];
  options: PlaceFormOptions;
  /** The per-day hours fields (with lunch breaks and exceptions). */
  hoursFieldset: Child;
  cancelHref: string;
  /** The place's change history, when the place exists. */
  historyHref?: string;
  /** Shown to those who may choose which organisation manages the place (coordinators). */
  managerHref?: string | undefined;
};

function text(values: FormInput, key: string): string {
  const v = values[key];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

function list(values: FormInput, key: string): string[] {
  const v = values[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Creation and modification of a place share one form: every field, grouped by what it is about. */
export function PlaceFormPage(props: PlaceFormView) {
  const { values, errors, options } = props;
  const input = (id: string, label: string, extra: { hint?: string; optional?: boolean; width?: 2 | 3 | 4 | 5 | 10 | 20 | 30; inputmode?: 'numeric' | 'decimal'; type?: 'text' | 'tel' | 'url'; autocomplete?: string } = {}) => (
    <TextInput id={id} name={id} label={label} value={text(values, id)} error={errors[id]} {...extra} />
  );
  const boxes = (id: keyof PlaceFormOptions, label: string, hint?: string) => (
    <Checkboxes id={id} name={id} label={label} hint={hint} items={options[id]} values={list(values, id)} error={errors[id]} />
  );
  const area = (id: string, label: string, hint?: string, rows = 3) => (
    <Textarea id={id} name={id} label={label} hint={hint} optional rows={rows} value={text(values, id)} error={errors[id]} />
  );
  return (
    <>
      <ErrorSummary errors={errorLinks(errors, props.fieldOrder)} />
      <h1>{props.heading}</h1>
      {props.historyHref && (
        <p>
          <a href={props.historyHref}>Voir l’historique des changements</a>
        </p>
      )}
      {props.managerHref && (
        <p>
          <a href={props.managerHref}>Choisir l’organisation qui gère ce lieu</a>
        </p>
      )}
      <form method="post" action={props.action} novalidate>
        <Fieldset legend="Le lieu" legendSize="m">
          {input('name', 'Nom du lieu', { autocomplete: 'organization' })}
          {input('ridet', 'RIDET', { optional: true, width: 20, hint: '7 chiffres et le rang sur 3 chiffres, par exemple 1234567.001' })}
          {boxes('typologies', 'Type de structure', 'Cochez tout ce qui correspond.')}
          {input('parentStructure', 'Structure parente', { optional: true, hint: 'Par exemple : la commune ou l’association dont dépend le lieu.' })}
          <Checkboxes
            id="isAdviceCounter"
            name="isAdviceCounter"
            label="Point Conseil Numérique"
            items={[{ value: 'oui', label: 'Ce lieu est un Point Conseil Numérique' }]}
            values={list(values, 'isAdviceCounter')}
            error={errors.isAdviceCounter}
          />
          {area('summary', 'Présentation courte', '280 caractères au plus. Elle s’affiche dans les listes.', 2)}
          {area('description', 'Présentation détaillée', undefined, 6)}
        </Fieldset>
        <Fieldset legend="Adresse et accès" legendSize="m">
          {input('address', 'Numéro et rue', { optional: true, autocomplete: 'street-address', hint: 'Laissez vide s’il n’y a pas de rue : indiquez alors la tribu ou le lieu-dit.' })}
          {input('addressComplement', 'Complément d’adresse', { optional: true })}
          {input('locality', 'Tribu ou lieu-dit', { optional: true })}
          <Select
            id="communeCode"
            name="communeCode"
            label="Commune"
            hint="Elle donne la province du lieu."
            placeholder="Choisissez une commune"
            items={options.communes}
            value={text(values, 'communeCode')}
            error={errors.communeCode}
          />
          {input('postcode', 'Code postal', { width: 5, inputmode: 'numeric', autocomplete: 'postal-code', hint: 'Par exemple 98870' })}
          {input('latitude', 'Latitude', { optional: true, width: 10, inputmode: 'decimal', hint: 'En degrés décimaux, par exemple -21.5607' })}
          {input('longitude', 'Longitude', { optional: true, width: 10, inputmode: 'decimal', hint: 'En degrés décimaux, par exemple 165.4871' })}
          {input('transportLines', 'Lignes de transport en commun', { optional: true, hint: 'Par exemple : ligne 10 du réseau Tanéo, arrêt Mairie.' })}
          {boxes('itinerance', 'Itinérance')}
        </Fieldset>
        <Fieldset legend="Contact" legendSize="m">
          {input('phone', 'Téléphone', { optional: true, type: 'tel', width: 20, autocomplete: 'tel', hint: '6 chiffres, par exemple 44 12 34' })}
          {area('emails', 'Adresses e-mail', 'Une adresse par ligne, 5 au plus.')}
          {area('websites', 'Sites web', 'Une adresse par ligne, 5 au plus.')}
          {input('appointmentUrl', 'Adresse de prise de rendez-vous en ligne', { optional: true, type: 'url' })}
        </Fieldset>
        <Fieldset legend="Horaires" legendSize="m" describedBy="horaires-aide">
          {props.hoursFieldset}
          {area('openingHoursText', 'Horaires en texte libre', 'Gardé quand les horaires n’ont pas pu être lus automatiquement. Laissez vide si les jours ci-dessus sont justes.')}
        </Fieldset>
        <Fieldset legend="Services et publics" legendSize="m">
          {boxes('services', 'Services proposés')}
          {boxes('publics', 'Publics accueillis en priorité', 'Laissez tout décoché si le lieu accueille tout le monde.')}
          {boxes('specificSupports', 'Prise en charge spécifique')}
          {boxes('fees', 'Frais à charge')}
          {boxes('accessModes', 'Modalités d’accès')}
          {boxes('supportModes', 'Modalités d’accompagnement')}
          {boxes('languages', 'Langues parlées')}
        </Fieldset>
        <Fieldset legend="Accessibilité" legendSize="m">
          {boxes('accessibility', 'Ce que le lieu offre')}
          {input('acceslibreUrl', 'Fiche Accès libre', { optional: true, type: 'url' })}
        </Fieldset>
        <Fieldset legend="Équipement" legendSize="m">
          {input('fixedComputers', 'Ordinateurs fixes', { optional: true, width: 4, inputmode: 'numeric' })}
          {input('laptops', 'Ordinateurs portables', { optional: true, width: 4, inputmode: 'numeric' })}
          {input('tablets', 'Tablettes', { optional: true, width: 4, inputmode: 'numeric' })}
          {boxes('equipment', 'Services en libre accès')}
          {input('capacity', 'Capacité d’accueil', { optional: true, width: 4, inputmode: 'numeric', hint: 'Le nombre de personnes reçues en même temps.' })}
        </Fieldset>
        <Fieldset legend="Dispositifs et labels" legendSize="m">
          {boxes('nationalSchemes', 'Dispositifs nationaux')}
          {boxes('trainingLabels', 'Formations et labels')}
          {area('otherLabels', 'Autres formations et labels', 'Un par ligne.')}
          {input('source', 'Source des informations', { optional: true })}
        </Fieldset>
        <Button>{props.submitLabel}</Button>
      </form>
      <p>
        <a href={props.cancelHref}>Annuler</a>
      </p>
    </>
  );
}

/** The choice of the organisation whose place managers keep a place's page right. */
export function PlaceManagerPage(props: {
  placeName: string;
  action: string;
  organisations: { value: string; label: string }[];
  selected: string;
  error?: string | undefined;
}) {
  return (
    <>
      <ErrorSummary errors={props.error ? [{ href: '#organisationId', text: props.error }] : []} />
      <h1>Organisation qui gère « {props.placeName} »</h1>
      <p>Les responsables de lieu de cette organisation pourront modifier la fiche du lieu, répondre aux signalements et demander le label Case numérique.</p>
      <form method="post" action={props.action} novalidate>
        <Select
          id="organisationId"
          name="organisationId"
          label="Organisation"
          placeholder="Aucune organisation"
          items={props.organisations}
          value={props.selected}
          error={props.error}
        />
        <Button type="submit">Enregistrer</Button>
      </form>
    </>
  );
}
