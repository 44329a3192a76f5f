import type { JSX } from 'hono/jsx/jsx-runtime';
import { Checkboxes, Details, Fieldset, TextInput, Textarea } from '../../../ui/index.ts';
import { DAYS, hoursFieldNames, type Day } from '../places.hours.ts';

/** The values typed (or `hoursFormValues(place.openingHours)`) and the errors of `hoursFormSchema`, by field name. */
export type HoursFieldsProps = {
  values: Record<string, string | string[] | undefined>;
  errors?: Record<string, string | undefined>;
};

const DAY_LABELS: Record<Day, string> = {
  lundi: 'Lundi',
  mardi: 'Mardi',
  mercredi: 'Mercredi',
  jeudi: 'Jeudi',
  vendredi: 'Vendredi',
  samedi: 'Samedi',
  dimanche: 'Dimanche',
};

const TIME_HINT = 'Format HH:MM';

function single(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

function list(value: string | string[] | undefined): string[] {
  return Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
}

function TimeField(props: { name: string; label: string; optional?: boolean } & HoursFieldsProps): JSX.Element {
  return (
    <TextInput
      id={props.name}
      name={props.name}
      label={props.label}
      hint={TIME_HINT}
      optional={props.optional}
      width={5}
      inputmode="text"
      autocomplete="off"
      spellcheck={false}
      value={single(props.values[props.name])}
      error={props.errors?.[props.name]}
      attributes={{ maxlength: 5 }}
    />
  );
}

function DayFields(props: { day: Day } & HoursFieldsProps): JSX.Element {
  const { day } = props;
  return (
    <Fieldset legend={DAY_LABELS[day]} legendSize="s" class="r-hours-day">
      <TimeField {...props} name={hoursFieldNames.start1(day)} label="Ouvre à" />
      <TimeField {...props} name={hoursFieldNames.end1(day)} label="Ferme à" />
      <TimeField {...props} name={hoursFieldNames.start2(day)} label="Rouvre après la pause à" optional />
      <TimeField {...props} name={hoursFieldNames.end2(day)} label="Ferme le soir à" optional />
    </Fieldset>
  );
}

/**
 * The hours fields without an outer fieldset, for a form that already groups them under a legend: one fieldset
 * per day (open, close, and an optional second range after a lunch break), public holidays, exceptional closings,
 * and an expert field for the OSM syntax (open when it is filled or in error). Read them back with `hoursFormSchema`.
 *
 * @example
 * <Fieldset legend="Horaires" legendSize="m"><HoursFields values={hoursFormValues(place.openingHours)} errors={{}} /></Fieldset>
 */
export function HoursFields(props: HoursFieldsProps): JSX.Element {
  const osmName = hoursFieldNames.osm;
  const osmValue = single(props.values[osmName]);
  const osmError = props.errors?.[osmName];
  return (
    <div class="r-hours">
      <p class="r-hint" id="horaires-aide">
        Pour chaque jour, écrivez l’heure sous la forme HH:MM, par exemple 07:30. Laissez le jour vide si le lieu est
        fermé. Si le lieu ferme à midi, remplissez aussi la deuxième plage.
      </p>
      {DAYS.map((day) => (
        <DayFields day={day} values={props.values} errors={props.errors} />
      ))}
      <Checkboxes
        id={hoursFieldNames.publicHolidays}
        name={hoursFieldNames.publicHolidays}
        label="Jours fériés"
        items={[
          {
            value: 'oui',
            label: 'Fermé les jours fériés',
            hint: 'Les 12 jours fériés de Nouvelle-Calédonie, dont le 24 septembre (Fête de la citoyenneté).',
          },
        ]}
        values={list(props.values[hoursFieldNames.publicHolidays])}
        error={props.errors?.[hoursFieldNames.publicHolidays]}
      />
      <Textarea
        id={hoursFieldNames.closures}
        name={hoursFieldNames.closures}
        label="Fermetures exceptionnelles"
        hint="Une date par ligne, par exemple 24/12/2026. Pour plusieurs jours de suite : 20/12/2026 au 05/01/2027."
        optional
        rows={3}
        spellcheck={false}
        value={single(props.values[hoursFieldNames.closures])}
        error={props.errors?.[hoursFieldNames.closures]}
      />
      <Details summary="Saisie experte au format OpenStreetMap" open={osmValue !== '' || osmError !== undefined}>
        <TextInput
          id={osmName}
          name={osmName}
          label="Horaires au format OpenStreetMap"
          hint="Si ce champ est rempli, il remplace les jours ci-dessus. Exemple : Mo-Fr 07:30-11:30,12:15-16:00; PH off"
          optional
          spellcheck={false}
          autocomplete="off"
          value={osmValue}
          error={osmError}
        />
      </Details>
    </div>
  );
}

/** The same fields inside their own fieldset, for a page where hours are a section of their own. */
export function HoursFieldset(props: HoursFieldsProps & { legend?: string }): JSX.Element {
  return (
    <Fieldset legend={props.legend ?? 'Horaires d’ouverture'} legendSize="m" describedBy="horaires-aide">
      <HoursFields values={props.values} errors={props.errors} />
    </Fieldset>
  );
}
