import type { Child } from 'hono/jsx';
import { Button, Checkboxes, DateInput, ErrorSummary, LinkButton, NotificationBanner, Pagination, Radios, Select, SummaryList, Table, Tag, TextInput, Textarea, type TagColour } from '../../../ui/index.ts';
import { errorLinks, type FieldErrors, type FormInput } from '../../../platform/http/forms.ts';
import { programmeFieldOrder, seriesFieldOrder, sessionFieldOrder, targetFieldOrder } from '../workshops.forms.ts';

type Option = { value: string; label: string };

export function textOf(input: FormInput, key: string): string {
  const v = input[key];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}
export function listOf(input: FormInput, key: string): string[] {
  const v = input[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

// ——— Workspace ———

export type WorkspaceSessionRow = { id: string; title: string; programme: string; when: string; where: string; seats: string; status: { text: string; colour: TagColour }; mine: boolean };

export function WorkspacePage(props: {
  past: boolean;
  mineOnly: boolean;
  rows: WorkspaceSessionRow[];
  total: number;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  canSeeProgrammes: boolean;
}) {
  return (
    <>
      <h1>Ateliers</h1>
      <p>Les séances des ateliers que vous animez ou que votre organisation coordonne.</p>
      {props.canSeeProgrammes ? (
        <p>
          <a href="/gestion/programmes">Programmes, objectifs et ateliers</a>
        </p>
      ) : null}
      <nav aria-label="Séances montrées">
        <ul class="r-list--plain">
          <li>{props.past ? <a href={props.mineOnly ? '/gestion/ateliers?mes=1' : '/gestion/ateliers'}>Séances à venir</a> : <strong>Séances à venir</strong>}</li>
          <li>{props.past ? <strong>Séances passées</strong> : <a href={props.mineOnly ? '/gestion/ateliers?periode=passees&mes=1' : '/gestion/ateliers?periode=passees'}>Séances passées</a>}</li>
          <li>
            {props.mineOnly ? (
              <a href={props.past ? '/gestion/ateliers?periode=passees' : '/gestion/ateliers'}>Toutes les séances que je peux voir</a>
            ) : (
              <a href={props.past ? '/gestion/ateliers?periode=passees&mes=1' : '/gestion/ateliers?mes=1'}>Seulement les séances que j’anime</a>
            )}
          </li>
        </ul>
      </nav>
      {props.rows.length === 0 ? (
        <p>{props.past ? 'Aucune séance passée.' : 'Aucune séance à venir. Les séances sont créées dans les ateliers d’un programme.'}</p>
      ) : (
        <>
          <Table
            caption={props.past ? `Séances passées (${props.total})` : `Séances à venir (${props.total})`}
            firstCellIsHeader
            head={['Atelier', 'Programme', 'Quand', 'Où', 'Places', 'État']}
            rows={props.rows.map((r) => [
              <a href={`/gestion/seances/${r.id}`}>{r.title}</a>,
              r.programme,
              r.when,
              r.where,
              r.seats,
              <>
                <Tag colour={r.status.colour}>{r.status.text}</Tag>
                {r.mine ? ' Vous animez' : ''}
              </>,
            ])}
          />
          <Pagination page={props.page} pageCount={props.pageCount} hrefFor={props.hrefFor} />
        </>
      )}
    </>
  );
}

// ——— Programmes ———

export function ProgrammeListPage(props: { rows: { id: string; name: string; period: string; consortium: string; slug: string }[]; canCreate: boolean }) {
  return (
    <>
      <h1>Programmes</h1>
      <p>Un programme réunit des organisations (un consortium) pour animer des ateliers, avec des financeurs et des objectifs.</p>
      {props.canCreate ? (
        <p>
          <LinkButton href="/gestion/programmes/nouveau">Créer un programme</LinkButton>
        </p>
      ) : null}
      {props.rows.length === 0 ? (
        <p>Aucun programme pour le moment.</p>
      ) : (
        <Table
          caption="Programmes"
          captionHidden
          firstCellIsHeader
          head={['Programme', 'Période', 'Consortium', 'Page publique']}
          rows={props.rows.map((r) => [
            <a href={`/gestion/programmes/${r.id}`}>{r.name}</a>,
            r.period,
            r.consortium,
            <a href={`/programmes/${r.slug}`}>/programmes/{r.slug}</a>,
          ])}
        />
      )}
    </>
  );
}

export type ProgrammeFormValues = { name: string; slug: string; description: string; funders: string; startsOn: string; endsOn: string; consortium: string[] };

export function ProgrammeFormPage(props: { heading: string; action: string; submitLabel: string; cancelHref: string; values: ProgrammeFormValues; errors: FieldErrors; organisations: Option[] }) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, programmeFieldOrder)} />
      <h1>{props.heading}</h1>
      <form method="post" action={props.action} novalidate>
        <TextInput id="name" name="name" label="Nom du programme" hint="Par exemple : Numé-Raï" value={props.values.name} error={props.errors.name} />
        <TextInput id="slug" name="slug" label="Adresse de la page publique" optional hint="Après /programmes/ : lettres sans accent, chiffres et tirets. Vide : faite à partir du nom." value={props.values.slug} error={props.errors.slug} spellcheck={false} />
        <Textarea id="description" name="description" label="Présentation" optional rows={4} value={props.values.description} error={props.errors.description} />
        <Textarea id="funders" name="funders" label="Financeurs" optional hint="Un financeur par ligne." rows={3} value={props.values.funders} error={props.errors.funders} />
        <DateInput id="startsOn" name="startsOn" label="Date de début" value={props.values.startsOn} error={props.errors.startsOn} />
        <DateInput id="endsOn" name="endsOn" label="Date de fin" value={props.values.endsOn} error={props.errors.endsOn} />
        <Checkboxes id="consortium" name="consortium" label="Organisations du consortium" hint="Leurs membres gèrent le programme et ses ateliers." items={props.organisations} values={props.values.consortium} error={props.errors.consortium} legendSize="s" />
        <Button>{props.submitLabel}</Button>
      </form>
      <p>
        <a href={props.cancelHref}>Revenir sans enregistrer</a>
      </p>
    </>
  );
}

export function ProgrammeDetailPage(props: {
  id: string;
  name: string;
  slug: string;
  summary: { key: string; value: Child }[];
  targets: { id: string; label: string; value: string }[];
  series: { id: string; title: string; level: string; sessions: number }[];
  extra: Child[];
}) {
  return (
    <>
      <h1>{props.name}</h1>
      <p>
        <a href={`/programmes/${props.slug}`}>Voir la page publique</a> · <a href={`/gestion/programmes/${props.id}/modifier`}>Modifier le programme</a>
      </p>
      <SummaryList rows={props.summary} />
      <h2>Objectifs</h2>
      {props.targets.length === 0 ? (
        <p>Aucun objectif. Ajoutez ceux de la convention avec les financeurs.</p>
      ) : (
        <Table
          caption="Objectifs du programme"
          captionHidden
          firstCellIsHeader
          head={['Objectif', { text: 'Valeur visée', numeric: true }, 'Action']}
          rows={props.targets.map((t) => [
            t.label,
            t.value,
            <a href={`/gestion/programmes/${props.id}/objectifs/${t.id}/retirer`} aria-label={`Retirer l’objectif « ${t.label} »`}>
              Retirer
            </a>,
          ])}
        />
      )}
      <p>
        <LinkButton href={`/gestion/programmes/${props.id}/objectifs/nouveau`} variant="secondary">
          Ajouter un objectif
        </LinkButton>
      </p>
      <h2>Ateliers</h2>
      {props.series.length === 0 ? (
        <p>Aucun atelier. Créez un atelier, puis ajoutez ses séances (dates et lieux).</p>
      ) : (
        <Table
          caption="Ateliers du programme"
          captionHidden
          firstCellIsHeader
          head={['Atelier', 'Niveau', { text: 'Séances', numeric: true }]}
          rows={props.series.map((s) => [<a href={`/gestion/series/${s.id}`}>{s.title}</a>, s.level, s.sessions])}
        />
      )}
      <p>
        <LinkButton href={`/gestion/programmes/${props.id}/ateliers/nouveau`} variant="secondary">
          Créer un atelier
        </LinkButton>
      </p>
      {props.extra}
    </>
  );
}

export type TargetFormValues = { kind: string; label: string; targetValue: string };

export function TargetFormPage(props: { programmeName: string; action: string; cancelHref: string; values: TargetFormValues; errors: FieldErrors; kinds: Option[] }) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, targetFieldOrder)} />
      <h1>Ajouter un objectif à « {props.programmeName} »</h1>
      <form method="post" action={props.action} novalidate>
        <Radios id="kind" name="kind" label="Que compte l’objectif ?" items={props.kinds} value={props.values.kind} error={props.errors.kind} legendSize="s" />
        <TextInput id="label" name="label" label="Nom de l’objectif" optional hint="Obligatoire pour « Autre objectif ». Par exemple : Supports FALC produits." value={props.values.label} error={props.errors.label} />
        <TextInput id="targetValue" name="targetValue" label="Valeur visée" hint="Un nombre entier ; pour la satisfaction, un pourcentage." inputmode="numeric" width={10} value={props.values.targetValue} error={props.errors.targetValue} />
        <Button>Ajouter l’objectif</Button>
      </form>
      <p>
        <a href={props.cancelHref}>Revenir sans enregistrer</a>
      </p>
    </>
  );
}

export function ConfirmPage(props: { heading: string; text: string; action: string; button: string; cancelHref: string; reason?: { value: string; error?: string } }) {
  return (
    <>
      {props.reason?.error ? <ErrorSummary errors={[{ href: '#reason', text: props.reason.error }]} /> : null}
      <h1>{props.heading}</h1>
      <p>{props.text}</p>
      <form method="post" action={props.action} novalidate>
        {props.reason ? <Textarea id="reason" name="reason" label="Pourquoi ?" hint="Ce texte est envoyé aux personnes inscrites." rows={3} value={props.reason.value} error={props.reason.error} /> : null}
        <Button variant="warning">{props.button}</Button>
      </form>
      <p>
        <a href={props.cancelHref}>Non, revenir</a>
      </p>
    </>
  );
}

// ——— Series ———

export type SeriesFormValues = { title: string; themes: string[]; level: string; pixCompetences: string[]; descriptionFalc: string; pictograms: string[] };

export function SeriesFormPage(props: {
  heading: string;
  action: string;
  submitLabel: string;
  cancelHref: string;
  values: SeriesFormValues;
  errors: FieldErrors;
  options: { themes: Option[]; levels: Option[]; pix: Option[]; pictograms: Option[] };
}) {
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, seriesFieldOrder)} />
      <h1>{props.heading}</h1>
      <form method="post" action={props.action} novalidate>
        <TextInput id="title" name="title" label="Titre de l’atelier" hint="Court et clair. Par exemple : Mon téléphone pour mes démarches" value={props.values.title} error={props.errors.title} />
        <Checkboxes id="themes" name="themes" label="Thèmes" items={props.options.themes} values={props.values.themes} error={props.errors.themes} legendSize="s" />
        <Radios id="level" name="level" label="Niveau" items={props.options.levels} value={props.values.level} error={props.errors.level} legendSize="s" inline />
        <Checkboxes id="pixCompetences" name="pixCompetences" label="Compétences Pix visées" hint="Facultatif." items={props.options.pix} values={props.values.pixCompetences} error={props.errors.pixCompetences} legendSize="s" />
        <Textarea
          id="descriptionFalc"
          name="descriptionFalc"
          label="Description publique, en FALC"
          hint="Facile à lire et à comprendre : phrases courtes, un message par phrase, mots de tous les jours. Un paragraphe par ligne."
          rows={6}
          value={props.values.descriptionFalc}
          error={props.errors.descriptionFalc}
        />
        <Checkboxes id="pictograms" name="pictograms" label="Pictogrammes" hint="Ils accompagnent la description, chacun avec son mot." items={props.options.pictograms} values={props.values.pictograms} error={props.errors.pictograms} legendSize="s" />
        <Button>{props.submitLabel}</Button>
      </form>
      <p>
        <a href={props.cancelHref}>Revenir sans enregistrer</a>
      </p>
    </>
  );
}

export function SeriesDetailPage(props: { id: string; title: string; programme: { id: string; name: string }; summary: { key: string; value: Child }[]; sessions: WorkspaceSessionRow[] }) {
  return (
    <>
      <h1>{props.title}</h1>
      <p>
        Atelier du programme <a href={`/gestion/programmes/${props.programme.id}`}>{props.programme.name}</a> · <a href={`/gestion/series/${props.id}/modifier`}>Modifier l’atelier</a>
      </p>
      <SummaryList rows={props.summary} />
      <h2>Séances</h2>
      {props.sessions.length === 0 ? (
        <p>Aucune séance. Ajoutez une date, un lieu et un nombre de places.</p>
      ) : (
        <Table
          caption="Séances de l’atelier"
          captionHidden
          firstCellIsHeader
          head={['Quand', 'Où', 'Places', 'État']}
          rows={props.sessions.map((s) => [<a href={`/gestion/seances/${s.id}`}>{s.when}</a>, s.where, s.seats, <Tag colour={s.status.colour}>{s.status.text}</Tag>])}
        />
      )}
      <p>
        <LinkButton href={`/gestion/series/${props.id}/seances/nouvelle`} variant="secondary">
          Ajouter une séance
        </LinkButton>
      </p>
    </>
  );
}

// ——— Sessions ———

export type SessionFormValues = {
  day: string;
  startTime: string;
  endTime: string;
  placeId: string;
  spotName: string;
  spotAddress: string;
  communeCode: string;
  capacity: string;
  trainers: string[];
  accessibility: string[];
  accessibilityOther: string;
};

export function SessionFormPage(props: {
  heading: string;
  action: string;
  submitLabel: string;
  cancelHref: string;
  values: SessionFormValues;
  errors: FieldErrors;
  options: { places: Option[]; communes: Option[]; trainers: Option[]; accessibility: Option[] };
}) {
  const v = props.values;
  return (
    <>
      <ErrorSummary errors={errorLinks(props.errors, sessionFieldOrder)} />
      <h1>{props.heading}</h1>
      <p>Les heures sont celles de la Nouvelle-Calédonie.</p>
      <form method="post" action={props.action} novalidate>
        <DateInput id="day" name="day" label="Date" value={v.day} error={props.errors.day} />
        <TextInput id="startTime" name="startTime" label="Heure de début" hint="Par exemple : 8:30" width={5} value={v.startTime} error={props.errors.startTime} />
        <TextInput id="endTime" name="endTime" label="Heure de fin" hint="Par exemple : 11:30" width={5} value={v.endTime} error={props.errors.endTime} />
        <Select id="placeId" name="placeId" label="Lieu de l’annuaire" hint="Ou laissez vide et écrivez le nom d’un autre lieu ci-dessous." items={props.options.places} value={v.placeId} placeholder="Un autre lieu" error={props.errors.placeId} />
        <TextInput id="spotName" name="spotName" label="Autre lieu : son nom" optional hint="Par exemple : Salle de la tribu de Hnathalo" value={v.spotName} error={props.errors.spotName} />
        <TextInput id="spotAddress" name="spotAddress" label="Autre lieu : son adresse ou comment le trouver" optional value={v.spotAddress} error={props.errors.spotAddress} />
        <Select id="communeCode" name="communeCode" label="Autre lieu : sa commune" items={props.options.communes} value={v.communeCode} placeholder="Choisissez" error={props.errors.communeCode} />
        <TextInput id="capacity" name="capacity" label="Nombre de places" hint="Les personnes qui accompagnent ne prennent pas de place." inputmode="numeric" width={4} value={v.capacity} error={props.errors.capacity} />
        {props.options.trainers.length ? (
          <Checkboxes id="trainers" name="trainers" label="Formateurs" hint="Ils voient les inscrits de la séance." items={props.options.trainers} values={v.trainers} error={props.errors.trainers} legendSize="s" />
        ) : (
          <p>Aucun membre des organisations du consortium ne peut être choisi comme formateur.</p>
        )}
        <Checkboxes id="accessibility" name="accessibility" label="Aides proposées pendant la séance" items={props.options.accessibility} values={v.accessibility} error={props.errors.accessibility} legendSize="s" />
        <TextInput id="accessibilityOther" name="accessibilityOther" label="Autre aide : laquelle ?" optional value={v.accessibilityOther} error={props.errors.accessibilityOther} />
        <Button>{props.submitLabel}</Button>
      </form>
      <p>
        <a href={props.cancelHref}>Revenir sans enregistrer</a>
      </p>
    </>
  );
}

export type RegistrantRow = { id: string; cancellable: boolean; name: string; contact: string; commune: string; status: { text: string; colour: TagColour }; companion: boolean; onBehalf: boolean };

export function SessionDetailPage(props: {
  id: string;
  title: string;
  seriesHref: string | null;
  summary: { key: string; value: Child }[];
  cancelled: boolean;
  canManage: boolean;
  canReadSensitive: boolean;
  canRegister: boolean;
  registrants: RegistrantRow[];
  extra: Child[];
}) {
  return (
    <>
      {props.cancelled ? (
        <NotificationBanner kind="warning" title="Séance annulée">
          <p>Les personnes inscrites ont été prévenues.</p>
        </NotificationBanner>
      ) : null}
      <h1>{props.title}</h1>
      <p>
        <a href={`/ateliers/${props.id}`}>Voir la page publique</a>
        {props.seriesHref ? (
          <>
            {' · '}
            <a href={props.seriesHref}>L’atelier et ses autres séances</a>
          </>
        ) : null}
        {props.canManage && !props.cancelled ? (
          <>
            {' · '}
            <a href={`/gestion/seances/${props.id}/modifier`}>Modifier la séance</a>
            {' · '}
            <a href={`/gestion/seances/${props.id}/annuler`}>Annuler la séance</a>
          </>
        ) : null}
      </p>
      <SummaryList rows={props.summary} />
      <h2>Inscriptions</h2>
      {props.canRegister && !props.cancelled ? (
        <p>
          <LinkButton href={`/gestion/seances/${props.id}/inscrire`} variant="secondary">
            Inscrire une personne
          </LinkButton>
        </p>
      ) : null}
      {props.registrants.length === 0 ? (
        <p>Personne n’est inscrit pour le moment.</p>
      ) : (
        <Table
          caption="Personnes inscrites"
          captionHidden
          firstCellIsHeader
          head={['Nom', 'Contact', 'Commune', 'Accompagnant', 'État', 'Action']}
          rows={props.registrants.map((r) => [
            <>
              {r.name}
              {r.onBehalf ? <span class="r-secondary-text"> (inscrit par un aidant)</span> : null}
            </>,
            r.contact,
            r.commune,
            r.companion ? 'Oui' : 'Non',
            <Tag colour={r.status.colour}>{r.status.text}</Tag>,
            r.cancellable ? (
              <a href={`/gestion/inscriptions/${r.id}/annuler`}>
                Annuler<span class="r-visually-hidden"> l’inscription de {r.name}</span>
              </a>
            ) : (
              ''
            ),
          ])}
        />
      )}
      {props.canReadSensitive ? (
        <>
          <h2>Besoins et handicap</h2>
          <p>Ces réponses sont sensibles. Chaque lecture est notée dans le journal d’audit. Elles sont effacées quelque temps après l’atelier.</p>
          <p>
            <a href={`/gestion/seances/${props.id}/besoins`}>Voir les besoins d’accessibilité et les réponses sur le handicap</a>
          </p>
        </>
      ) : null}
      {props.extra}
    </>
  );
}

export function SensitivePage(props: { title: string; sessionHref: string; purged: boolean; rows: { name: string; status: string; needs: string; needsText: string; disability: string }[] }) {
  return (
    <>
      <h1>Besoins et handicap : {props.title}</h1>
      <p>Votre lecture de cette page est notée dans le journal d’audit. Ne recopiez pas ces réponses ailleurs.</p>
      {props.purged ? (
        <p>Les réponses de cette séance ont été effacées, comme prévu après l’atelier. Seuls des totaux restent.</p>
      ) : props.rows.length === 0 ? (
        <p>Aucune personne n’a indiqué de besoin ni répondu à la question sur le handicap.</p>
      ) : (
        <Table
          caption="Réponses des personnes inscrites"
          captionHidden
          firstCellIsHeader
          head={['Nom', 'Inscription', 'Ce qui aiderait', 'Précisions', 'Handicap']}
          rows={props.rows.map((r) => [r.name, r.status, r.needs, r.needsText, r.disability])}
        />
      )}
      <p>
        <a href={props.sessionHref}>Revenir à la séance</a>
      </p>
    </>
  );
}
