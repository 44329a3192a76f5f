import { Button, ErrorSummary, LinkButton, Radios, Select, Table, Tag, TextInput } from '../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';
import { motifFieldOrder } from '../appointments.forms.ts';

export type AgencyListRow = { id: string; name: string; communeName: string; published: boolean; motifs: number };

/** The agencies a person keeps (several for coordinators). */
export function AgencyListPage(props: { rows: AgencyListRow[] }) {
  return (
    <>
      <h1>Rendez-vous des agences</h1>
      <p>Chaque agence choisit ses raisons de rendez-vous, ses horaires et ses jours fermés. Les personnes prennent rendez-vous sur la page publique « Prendre rendez-vous ».</p>
      {props.rows.length === 0 ? (
        <p>Aucune agence à régler. Les agences OPT apparaissent ici quand elles existent dans Relais.</p>
      ) : (
        <Table
          caption="Agences"
          captionHidden
          firstCellIsHeader
          head={['Agence', 'Commune', 'Raisons proposées', 'Ouvert au public']}
          rows={props.rows.map((r) => [
            <a href={`/rendez-vous/gestion/${r.id}`}>{r.name}</a>,
            r.communeName,
            String(r.motifs),
            r.published ? <Tag colour="green">Oui</Tag> : <Tag colour="grey">Non</Tag>,
          ])}
        />
      )}
    </>
  );
}

export type SettingsView = {
  agencyId: string;
  agencyName: string;
  placeOptions: { value: string; label: string }[];
  agencyValues: { placeId: string; published: string };
  motifs: { id: string; label: string; duration: string; mode: string; active: boolean }[];
  openings: { id: string; weekday: string; from: string; to: string; counters: number }[];
  openingValues: { weekday: string; start: string; end: string; counters: string };
  closures: { id: string; day: string; reason: string }[];
  closureValues: { day: string; reason: string };
  weekdayOptions: { value: string; label: string }[];
  errors: FieldErrors;
  agendaHref: string | null;
};

/** One agency's settings: where people come, whether it is open to the public, reasons, hours, closed days. */
export function SettingsPage(props: SettingsView) {
  const base = `/rendez-vous/gestion/${props.agencyId}`;
  const e = props.errors;
  return (
    <>
      <ErrorSummary errors={errorLinks(e, ['placeId', 'published', 'weekday', 'start', 'end', 'counters', 'day', 'reason'])} />
      <h1>Rendez-vous : {props.agencyName}</h1>
      {props.agendaHref ? (
        <p>
          <a href={props.agendaHref}>Voir les rendez-vous du jour</a>
        </p>
      ) : null}

      <h2>Ouverture au public</h2>
      <form method="post" action={`${base}/reglages`} novalidate>
        <Select id="placeId" name="placeId" label="Lieu où les personnes viennent" placeholder="Aucun lieu choisi" items={props.placeOptions} value={props.agencyValues.placeId} error={e.placeId} hint="L’adresse du lieu est donnée aux personnes. Les lieux sont ceux que gère l’agence." />
        <Radios
          id="published"
          name="published"
          label="Les personnes peuvent-elles prendre rendez-vous ?"
          legendSize="s"
          inline
          items={[
            { value: 'oui', label: 'Oui' },
            { value: 'non', label: 'Non' },
          ]}
          value={props.agencyValues.published}
          error={e.published}
        />
        <Button variant="secondary">Enregistrer l’ouverture</Button>
      </form>

      <h2>Raisons de rendez-vous</h2>
      {props.motifs.length === 0 ? (
        <p>Aucune raison pour le moment. Ajoutez-en une : les personnes choisissent une raison avant l’heure.</p>
      ) : (
        <Table
          caption="Raisons de rendez-vous"
          captionHidden
          firstCellIsHeader
          head={['Raison', 'Durée', 'Comment', 'Proposée', 'Action']}
          rows={props.motifs.map((m) => [
            m.label,
            m.duration,
            m.mode,
            m.active ? <Tag colour="green">Oui</Tag> : <Tag colour="grey">Non</Tag>,
            <a href={`${base}/raisons/${m.id}`}>
              Modifier<span class="r-visually-hidden"> « {m.label} »</span>
            </a>,
          ])}
        />
      )}
      <p>
        <LinkButton href={`${base}/raisons/nouvelle`} variant="secondary">
          Ajouter une raison
        </LinkButton>
      </p>

      <h2>Horaires de la semaine</h2>
      <p>Les heures de rendez-vous suivent la durée de chaque raison. Les jours fériés de Nouvelle-Calédonie sont fermés.</p>
      {props.openings.length === 0 ? (
        <p>Aucun horaire pour le moment : ajoutez le premier ci-dessous.</p>
      ) : (
        <Table
          caption="Horaires de la semaine"
          captionHidden
          firstCellIsHeader
          head={['Jour', 'De', 'À', { text: 'Guichets', numeric: true }, 'Action']}
          rows={props.openings.map((o) => [
            o.weekday,
            o.from,
            o.to,
            String(o.counters),
            <a href={`${base}/horaires/${o.id}/retirer`}>
              Retirer<span class="r-visually-hidden"> {o.weekday} de {o.from} à {o.to}</span>
            </a>,
          ])}
        />
      )}
      <form method="post" action={`${base}/horaires`} novalidate>
        <h3>Ajouter un horaire</h3>
        <Select id="weekday" name="weekday" label="Jour" placeholder="Choisissez un jour" items={props.weekdayOptions} value={props.openingValues.weekday} error={e.weekday} />
        <TextInput id="start" name="start" type="text" label="De" hint="Par exemple 08:00" width={5} inputmode="numeric" value={props.openingValues.start} error={e.start} />
        <TextInput id="end" name="end" type="text" label="À" hint="Par exemple 11:30" width={5} inputmode="numeric" value={props.openingValues.end} error={e.end} />
        <TextInput id="counters" name="counters" type="number" label="Nombre de guichets en même temps" width={3} inputmode="numeric" value={props.openingValues.counters} error={e.counters} attributes={{ min: 1, max: 20 }} />
        <Button variant="secondary">Ajouter l’horaire</Button>
      </form>

      <h2>Jours fermés</h2>
      <p>Les rendez-vous déjà pris ce jour-là restent : appelez les personnes pour les prévenir.</p>
      {props.closures.length === 0 ? (
        <p>Aucun jour fermé à venir, en plus des jours fériés.</p>
      ) : (
        <Table
          caption="Jours fermés à venir"
          captionHidden
          firstCellIsHeader
          head={['Jour', 'Raison', 'Action']}
          rows={props.closures.map((k) => [
            k.day,
            k.reason || '—',
            <a href={`${base}/fermetures/${k.id}/retirer`}>
              Rouvrir<span class="r-visually-hidden"> le {k.day}</span>
            </a>,
          ])}
        />
      )}
      <form method="post" action={`${base}/fermetures`} novalidate>
        <h3>Fermer un jour</h3>
        <TextInput id="day" name="day" type="date" label="Jour" width={10} value={props.closureValues.day} error={e.day} />
        <TextInput id="reason" name="reason" label="Raison" optional hint="Par exemple : formation des aidants" value={props.closureValues.reason} error={e.reason} />
        <Button variant="secondary">Fermer ce jour</Button>
      </form>
    </>
  );
}

export type MotifFormValues = { label: string; durationMinutes: string; mode: string; position: string; active: string };

export function MotifFormPage(props: { heading: string; action: string; submitLabel: string; values: MotifFormValues; errors: FieldErrors; modeOptions: { value: string; label: string }[]; backHref: string }) {
  const v = props.values;
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, motifFieldOrder)} />
      <h1>{props.heading}</h1>
      <form method="post" action={props.action} novalidate>
        <TextInput id="label" name="label" label="Raison" hint="Avec les mots des personnes, par exemple « Créer mon espace CAFAT »." value={v.label} error={props.errors.label} />
        <TextInput id="durationMinutes" name="durationMinutes" type="number" label="Durée, en minutes" width={4} inputmode="numeric" value={v.durationMinutes} error={props.errors.durationMinutes} attributes={{ min: 5, max: 240 }} />
        <Radios id="mode" name="mode" label="Comment a lieu le rendez-vous ?" legendSize="s" items={props.modeOptions} value={v.mode} error={props.errors.mode} />
        <TextInput id="position" name="position" type="number" label="Ordre dans la liste" hint="Les petits numéros viennent en premier." width={4} inputmode="numeric" value={v.position} error={props.errors.position} />
        <Radios
          id="active"
          name="active"
          label="Proposer cette raison ?"
          legendSize="s"
          inline
          items={[
            { value: 'oui', label: 'Oui' },
            { value: 'non', label: 'Non' },
          ]}
          value={v.active}
          error={props.errors.active}
        />
        <Button>{props.submitLabel}</Button>
      </form>
      <p>
        <a href={props.backHref}>Revenir aux réglages des rendez-vous</a>
      </p>
    </>
  );
}

/** Confirmation before removing an opening period or a closed day. */
export function ConfirmRemovePage(props: { heading: string; text: string; action: string; submitLabel: string; backHref: string }) {
  return (
    <>
      <h1>{props.heading}</h1>
      <p>{props.text}</p>
      <form method="post" action={props.action}>
        <Button variant="warning">{props.submitLabel}</Button>
      </form>
      <p>
        <a href={props.backHref}>Non, revenir aux réglages</a>
      </p>
    </>
  );
}
