import { Button, Checkboxes, ErrorSummary, NotificationBanner, Radios, Select, SummaryList, Table, Tag, TextInput, Textarea, type TagColour } from '../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';

export type AgendaRow = {
  id: string;
  time: string;
  personName: string;
  contact: string;
  motif: string;
  statusLabel: string;
  statusColour: TagColour;
  /** Marks offered (none for a cancelled appointment or one already recorded). */
  marks: { value: 'vu' | 'absent' | 'excuse'; label: string }[];
  recordHref: string | null;
  recorded: boolean;
  /** The activity record made from it, when the aidant may open it. */
  recordedHref: string | null;
};

/** The aidant's day: which agency, which day, and the appointments to receive. */
export function AgendaPage(props: {
  agencies: { value: string; label: string }[];
  agencyId: string;
  agencyName: string;
  day: string;
  dayTitle: string;
  isToday: boolean;
  previousHref: string;
  nextHref: string;
  todayHref: string;
  rows: AgendaRow[];
  settingsHref: string | null;
}) {
  return (
    <>
      <h1>Rendez-vous du {props.dayTitle}</h1>
      <p>
        {props.agencyName}
        {props.isToday ? ' — aujourd’hui' : ''}
      </p>
      <form method="get" action="/rendez-vous/agenda">
        {props.agencies.length > 1 ? <Select id="agence" name="agence" label="Agence" items={props.agencies} value={props.agencyId} /> : <input type="hidden" name="agence" value={props.agencyId} />}
        <TextInput id="jour" name="jour" type="date" label="Jour" width={10} value={props.day} />
        <Button variant="secondary">Afficher ce jour</Button>
      </form>
      <nav aria-label="Autres jours">
        <ul class="r-link-list">
          <li>
            <a href={props.previousHref}>Jour précédent</a>
          </li>
          {props.isToday ? null : (
            <li>
              <a href={props.todayHref}>Aujourd’hui</a>
            </li>
          )}
          <li>
            <a href={props.nextHref}>Jour suivant</a>
          </li>
        </ul>
      </nav>
      {props.rows.length === 0 ? (
        <p>
          Aucun rendez-vous ce jour-là. Les personnes prennent rendez-vous sur la page publique <a href="/rendez-vous">Prendre rendez-vous</a>.
        </p>
      ) : (
        <Table
          caption={`Rendez-vous du ${props.dayTitle}`}
          captionHidden
          firstCellIsHeader
          head={['Heure', 'Personne', 'Raison', 'État', 'Actions']}
          rows={props.rows.map((r) => [
            r.time,
            <>
              {r.personName}
              <br />
              <span class="r-hint">{r.contact}</span>
            </>,
            r.motif,
            <Tag colour={r.statusColour}>{r.statusLabel}</Tag>,
            <>
              {r.marks.length > 0 ? (
                <form method="post" action={`/rendez-vous/agenda/${r.id}/etat`}>
                  {r.marks.map((m) => (
                    <button type="submit" name="statut" value={m.value} class="r-button r-button--secondary">
                      {m.label}
                      <span class="r-visually-hidden"> : {r.personName}, {r.time}</span>
                    </button>
                  ))}
                </form>
              ) : null}
              {r.recordHref ? (
                <a href={r.recordHref}>
                  Enregistrer l’accompagnement<span class="r-visually-hidden"> de {r.personName}</span>
                </a>
              ) : null}
              {r.recorded ? (
                r.recordedHref ? (
                  <a href={r.recordedHref}>
                    Accompagnement enregistré<span class="r-visually-hidden"> pour {r.personName}</span>
                  </a>
                ) : (
                  <span>Accompagnement enregistré</span>
                )
              ) : null}
            </>,
          ])}
        />
      )}
      {props.settingsHref ? (
        <p>
          <a href={props.settingsHref}>Raisons, horaires et jours fermés de l’agence</a>
        </p>
      ) : null}
    </>
  );
}

export type RecordValues = { date: string; duration: string; channel: string; themes: string[]; autonomy: string; notes: string };
export const recordFieldOrder = ['date', 'duration', 'channel', 'themes', 'autonomy', 'notes'] as const;

/** "Enregistrer l'accompagnement" from a seen appointment: what the appointment knows is filled in. */
export function RecordFromAppointmentPage(props: {
  action: string;
  personName: string;
  facts: { key: string; value: string }[];
  values: RecordValues;
  errors: FieldErrors;
  channelOptions: { value: string; label: string }[];
  themeOptions: { value: string; label: string }[];
  autonomyOptions: { value: string; label: string }[];
  backHref: string;
}) {
  const v = props.values;
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, recordFieldOrder)} />
      <h1>Enregistrer l’accompagnement de {props.personName}</h1>
      <p>Les informations du rendez-vous sont déjà remplies. Choisissez les thèmes, puis enregistrez.</p>
      <SummaryList rows={props.facts.map((f) => ({ key: f.key, value: f.value }))} />
      {props.errors.formulaire ? (
        <NotificationBanner kind="warning" title="Accompagnement non enregistré" role="alert" id="formulaire">
          <p>{props.errors.formulaire}</p>
        </NotificationBanner>
      ) : null}
      <form method="post" action={props.action} novalidate>
        <TextInput id="date" name="date" type="date" label="Date" width={10} value={v.date} error={props.errors.date} />
        <TextInput id="duration" name="duration" type="number" inputmode="numeric" label="Durée, en minutes" width={4} value={v.duration} error={props.errors.duration} attributes={{ min: 1, max: 720 }} />
        <Radios id="channel" name="channel" label="Où a eu lieu l’accompagnement ?" legendSize="s" items={props.channelOptions} value={v.channel} error={props.errors.channel} />
        <Checkboxes id="themes" name="themes" label="Thèmes" hint="Cochez au moins un thème." items={props.themeOptions} values={v.themes} error={props.errors.themes} />
        <Radios id="autonomy" name="autonomy" label="Autonomie de la personne (facultatif)" legendSize="s" items={props.autonomyOptions} value={v.autonomy} error={props.errors.autonomy} />
        <Textarea id="notes" name="notes" label="Notes" optional rows={3} maxlength={2000} value={v.notes} error={props.errors.notes} />
        <Button>Enregistrer l’accompagnement</Button>
      </form>
      <p>
        <a href={props.backHref}>Revenir aux rendez-vous du jour</a>
      </p>
    </>
  );
}
