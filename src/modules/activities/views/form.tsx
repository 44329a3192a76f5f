import { Button, Checkboxes, DateInput, Details, ErrorMessage, ErrorSummary, Fieldset, Radios, Select, TextInput, Textarea } from '../../../ui/index.ts';
import { errorLinks, type FieldErrors } from '../../../platform/http/forms.ts';
import { ageBands, genders, personStatuses } from '../../beneficiaries/beneficiaries.schema.ts';
import { ageBandLabels, genderLabels, personStatusLabels } from '../../beneficiaries/beneficiaries.labels.ts';
import { communes } from '../../../territory/index.ts';
import {
  administrativeSubThemeLabels,
  autonomyLabels,
  channelLabels,
  materialLabels,
  orientationDestinationLabels,
  presetDurations,
  procedureOutcomeLabels,
  themeLabels,
  workshopLevelLabels,
} from '../activities.labels.ts';
import { administrativeSubThemes, autonomyLevels, channels, materials, orientationDestinations, procedureOutcomes, workshopLevels, type ActivityKind, type Theme } from '../activities.schema.ts';
import { activityFieldOrder } from '../activities.forms.ts';
import { formatDuration } from '../activities.dates.ts';

/** What the person typed (or the defaults), as the form's fields name them. */
export type ActivityFormValues = Record<string, string | string[]>;

export type ActivityFormView = {
  heading: string;
  /** A sentence under the heading (duplicating, recording for a followed person…). */
  lead?: string | undefined;
  action: string;
  submitLabel: string;
  kind: ActivityKind;
  /** Where the kind switch goes; null when the kind cannot change (editing). */
  switchHref: string | null;
  values: ActivityFormValues;
  errors: FieldErrors;
  choices: {
    organisations: { id: string; name: string }[];
    themes: Theme[];
    /** How many of `themes` come first because the helper uses them most. */
    usedThemes: number;
    procedures: { id: string; name: string; partnerId: string; partnerName: string }[];
    places: { id: string; name: string }[];
    tags: { id: string; label: string; scopeLabel: string }[];
    followedPerson: { id: string; name: string } | null;
    followedPeople: { id: string; name: string }[];
  };
  cancelHref: string;
};

const one = (values: ActivityFormValues, key: string): string => {
  const v = values[key];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};
const many = (values: ActivityFormValues, key: string): string[] => {
  const v = values[key];
  return Array.isArray(v) ? v : v ? [v] : [];
};

/** The person part of an individual record: anonymous by default, every trait optional. */
function PersonPart(props: ActivityFormView) {
  const { values, errors } = props;
  const fields = ['beneficiaryId', 'communeCode', 'ageBand', 'gender', 'status'];
  const followed = props.choices.followedPerson;
  const open = followed !== null || fields.some((f) => errors[f] || (one(values, f) !== '' && one(values, f) !== 'not_communicated'));
  return (
    <Details summary="La personne accompagnée (facultatif : anonyme par défaut)" open={open} id="personne">
      {followed ? (
        <div class={errors.beneficiaryId ? 'r-form-group r-form-group--error' : 'r-form-group'}>
          <p id="beneficiaryId">
            Personne suivie : <strong>{followed.name}</strong>
          </p>
          {errors.beneficiaryId && <ErrorMessage id="beneficiaryId" text={errors.beneficiaryId} />}
          <input type="hidden" name="beneficiaryId" value={followed.id} />
          <Checkboxes id="unlinkPerson" name="unlinkPerson" label="Lien avec la fiche" items={[{ value: 'oui', label: 'Enregistrer sans lier à la fiche de cette personne' }]} values={many(values, 'unlinkPerson')} />
        </div>
      ) : errors.beneficiaryId ? (
        <div class="r-form-group r-form-group--error">
          <p id="beneficiaryId">La personne suivie choisie n’a pas été retrouvée : l’accompagnement sera anonyme si vous enregistrez de nouveau.</p>
          <ErrorMessage id="beneficiaryId" text={errors.beneficiaryId} />
        </div>
      ) : (
        <p>Sans fiche de personne suivie, l’accompagnement reste anonyme. Vous pouvez donner quelques informations, toutes facultatives.</p>
      )}
      <Select id="communeCode" name="communeCode" label="Commune de la personne" optional placeholder="Non communiquée" items={communes.map((c) => ({ value: c.code, label: c.name }))} value={one(values, 'communeCode')} error={errors.communeCode} />
      <Select id="ageBand" name="ageBand" label="Tranche d’âge" optional items={ageBands.map((a) => ({ value: a, label: ageBandLabels[a] }))} value={one(values, 'ageBand') || 'not_communicated'} error={errors.ageBand} />
      <Radios id="gender" name="gender" label="Genre (facultatif)" inline items={genders.map((g) => ({ value: g, label: genderLabels[g] }))} value={one(values, 'gender') || 'not_communicated'} error={errors.gender} />
      <Select id="status" name="status" label="Situation" optional items={personStatuses.map((s) => ({ value: s, label: personStatusLabels[s] }))} value={one(values, 'status') || 'not_communicated'} error={errors.status} />
    </Details>
  );
}

/** The partner's procedure: one list grouped by partner, so that choosing the procedure chooses the partner. */
function ProcedurePart(props: ActivityFormView) {
  const { values, errors } = props;
  const fields = ['administrativeSubThemes', 'procedureId', 'procedureOutcome'];
  const open = fields.some((f) => errors[f] || many(values, f).length > 0);
  const partners = [...new Map(props.choices.procedures.map((p) => [p.partnerId, p.partnerName])).entries()];
  const selected = one(values, 'procedureId');
  const hint = 'Avec le thème « Aide aux démarches administratives » seulement.';
  return (
    <Details summary="Démarche administrative : précision, partenaire, résultat" open={open} id="demarche">
      <p class="r-hint">{hint}</p>
      <Checkboxes
        id="administrativeSubThemes"
        name="administrativeSubThemes"
        label="Précisez la démarche"
        items={administrativeSubThemes.map((s) => ({ value: s, label: administrativeSubThemeLabels[s] }))}
        values={many(values, 'administrativeSubThemes')}
        error={errors.administrativeSubThemes}
      />
      <div class={errors.procedureId ? 'r-form-group r-form-group--error' : 'r-form-group'}>
        <label class="r-label" for="procedureId">
          Démarche d’un partenaire <span class="r-label__optional">(facultatif)</span>
        </label>
        <div class="r-hint" id="procedureId-hint">
          Choisissez la démarche dans le catalogue du partenaire (CAFAT, Enercal…).
        </div>
        {errors.procedureId && <ErrorMessage id="procedureId" text={errors.procedureId} />}
        <select class={errors.procedureId ? 'r-select r-select--error' : 'r-select'} id="procedureId" name="procedureId" aria-describedby={errors.procedureId ? 'procedureId-hint procedureId-error' : 'procedureId-hint'} aria-invalid={errors.procedureId ? 'true' : undefined}>
          <option value="" selected={selected === ''}>
            Pas de démarche d’un partenaire
          </option>
          {partners.map(([partnerId, partnerName]) => (
            <optgroup label={partnerName}>
              {props.choices.procedures
                .filter((p) => p.partnerId === partnerId)
                .map((p) => (
                  <option value={p.id} selected={p.id === selected}>
                    {p.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <Radios
        id="procedureOutcome"
        name="procedureOutcome"
        label="Où en est la démarche ?"
        hint="Si vous avez choisi une démarche."
        items={procedureOutcomes.map((o) => ({ value: o, label: procedureOutcomeLabels[o] }))}
        value={one(values, 'procedureOutcome')}
        error={errors.procedureOutcome}
      />
    </Details>
  );
}

/** Material, autonomy, orientation, tags, notes: all optional. */
function MorePart(props: ActivityFormView) {
  const { values, errors } = props;
  const individual = props.kind === 'individual';
  const fields = ['materials', 'autonomy', 'oriented', 'orientationDestination', 'tagIds', 'newTag', 'notes'];
  const open = fields.some((f) => errors[f] || (many(values, f).length > 0 && !(f === 'oriented' && one(values, f) === 'non')));
  return (
    <Details summary="Autres précisions : matériel, autonomie, orientation, étiquettes, notes" open={open} id="precisions">
      <Checkboxes id="materials" name="materials" label="Matériel utilisé (facultatif)" items={materials.map((m) => ({ value: m, label: materialLabels[m] }))} values={many(values, 'materials')} error={errors.materials} />
      {individual && (
        <>
          <Radios id="autonomy" name="autonomy" label="Autonomie de la personne (facultatif)" items={autonomyLevels.map((a) => ({ value: a, label: autonomyLabels[a] }))} value={one(values, 'autonomy')} error={errors.autonomy} />
          <Radios
            id="oriented"
            name="oriented"
            label="La personne a-t-elle été orientée ailleurs ?"
            inline
            items={[
              { value: 'non', label: 'Non' },
              { value: 'oui', label: 'Oui' },
            ]}
            value={one(values, 'oriented') || 'non'}
            error={errors.oriented}
          />
          <Select
            id="orientationDestination"
            name="orientationDestination"
            label="Orientée vers"
            hint="Si la personne a été orientée ailleurs."
            placeholder="Choisissez où"
            items={orientationDestinations.map((d) => ({ value: d, label: orientationDestinationLabels[d] }))}
            value={one(values, 'orientationDestination')}
            error={errors.orientationDestination}
          />
        </>
      )}
      {props.choices.tags.length > 0 && (
        <Checkboxes id="tagIds" name="tagIds" label="Étiquettes (facultatif)" items={props.choices.tags.map((t) => ({ value: t.id, label: `${t.label} (${t.scopeLabel.toLowerCase()})` }))} values={many(values, 'tagIds')} error={errors.tagIds} />
      )}
      <TextInput id="newTag" name="newTag" label="Nouvelle étiquette personnelle" optional hint="Par exemple : Rentrée scolaire. Elle est créée et ajoutée en enregistrant." width={20} value={one(values, 'newTag')} error={errors.newTag} />
      <Textarea id="notes" name="notes" label="Notes" optional hint="Ne notez rien qui permette de reconnaître une personne anonyme." rows={3} maxlength={2000} value={one(values, 'notes')} error={errors.notes} />
    </Details>
  );
}

/** A breakdown of anonymous participants by one trait: a number per value. */
function Breakdown(props: { field: 'gender' | 'ageBand' | 'status'; legend: string; items: { value: string; label: string }[]; values: ActivityFormValues; error: string | undefined }) {
  const id = `breakdown-${props.field}`;
  return (
    <div class={props.error ? 'r-form-group r-form-group--error' : 'r-form-group'}>
      <Fieldset legend={props.legend} describedBy={props.error ? `${id}-error` : undefined}>
        {props.error && <ErrorMessage id={id} text={props.error} />}
        {props.items.map((item, index) => (
          <TextInput
            id={index === 0 ? id : `${id}-${item.value}`}
            name={`${id}-${item.value}`}
            label={item.label}
            inputmode="numeric"
            width={3}
            value={one(props.values, `${id}-${item.value}`)}
          />
        ))}
      </Fieldset>
    </div>
  );
}

/** The workshop part: title, level, participants. */
function WorkshopPart(props: ActivityFormView) {
  const { values, errors } = props;
  return (
    <>
      <TextInput id="title" name="title" label="Titre de l’atelier" hint="Par exemple : Créer son adresse e-mail" value={one(values, 'title')} error={errors.title} />
      <Radios id="level" name="level" label="Niveau (facultatif)" inline items={workshopLevels.map((l) => ({ value: l, label: workshopLevelLabels[l] }))} value={one(values, 'level')} error={errors.level} />
      {props.choices.followedPeople.length > 0 && (
        <Checkboxes
          id="participantIds"
          name="participantIds"
          label="Participants suivis par votre structure (facultatif)"
          hint="Les personnes qui ont une fiche. Les autres se comptent juste en dessous, sans nom."
          items={props.choices.followedPeople.map((p) => ({ value: p.id, label: p.name }))}
          values={many(values, 'participantIds')}
          error={errors.participantIds}
        />
      )}
      <TextInput
        id="anonymousParticipants"
        name="anonymousParticipants"
        label="Nombre de participants anonymes"
        hint="Les participants sans fiche. Un atelier de 10 personnes compte pour 10 accompagnements."
        inputmode="numeric"
        width={4}
        value={one(values, 'anonymousParticipants')}
        error={errors.anonymousParticipants}
      />
      <Details summary="Participants anonymes par genre, âge et situation (facultatif)" open={['breakdown-gender', 'breakdown-ageBand', 'breakdown-status'].some((f) => errors[f]) || Object.keys(values).some((k) => k.startsWith('breakdown-') && one(values, k) !== '' && one(values, k) !== '0')} id="repartition">
        <p>Chaque répartition compte au plus le nombre de participants anonymes. Laissez vide ce que vous ne savez pas.</p>
        <Breakdown field="gender" legend="Par genre" items={genders.filter((g) => g !== 'not_communicated').map((g) => ({ value: g, label: genderLabels[g] }))} values={values} error={errors['breakdown-gender']} />
        <Breakdown field="ageBand" legend="Par tranche d’âge" items={ageBands.filter((a) => a !== 'not_communicated').map((a) => ({ value: a, label: ageBandLabels[a] }))} values={values} error={errors['breakdown-ageBand']} />
        <Breakdown field="status" legend="Par situation" items={personStatuses.filter((s) => s !== 'not_communicated').map((s) => ({ value: s, label: personStatusLabels[s] }))} values={values} error={errors['breakdown-status']} />
      </Details>
    </>
  );
}

/**
 * Recording or changing an activity. The common case is at the top and already filled in: the themes (most used
 * first), then a 30-minute duration, today, at the helper's place. Everything else is optional and folded away.
 */
export function ActivityFormPage(props: ActivityFormView) {
  const { values, errors, choices } = props;
  const individual = props.kind === 'individual';
  const duration = one(values, 'duration');
  return (
    <>
      <ErrorSummary errors={errorLinks(errors, activityFieldOrder)} />
      <h1>{props.heading}</h1>
      {props.lead && <p class="r-lead">{props.lead}</p>}
      {props.switchHref && (
        <p>
          <a href={props.switchHref}>{individual ? 'Enregistrer plutôt un atelier collectif' : 'Enregistrer plutôt un accompagnement individuel'}</a>
        </p>
      )}
      <form method="post" action={props.action} novalidate>
        <input type="hidden" name="kind" value={props.kind} />
        {choices.organisations.length > 1 && (
          <Radios id="organisationId" name="organisationId" label="Pour quelle structure ?" items={choices.organisations.map((o) => ({ value: o.id, label: o.name }))} value={one(values, 'organisationId')} error={errors.organisationId} />
        )}
        {choices.organisations.length === 1 && <input type="hidden" name="organisationId" value={choices.organisations[0]?.id ?? ''} />}
        {!individual && <WorkshopPart {...props} />}
        <Checkboxes
          id="themes"
          name="themes"
          label={individual ? 'Thèmes de l’accompagnement' : 'Thèmes de l’atelier'}
          hint={choices.usedThemes > 0 ? `Cochez au moins un thème. ${choices.usedThemes > 1 ? 'Vos thèmes les plus utilisés viennent' : 'Votre thème le plus utilisé vient'} en premier.` : 'Cochez au moins un thème.'}
          items={choices.themes.map((t) => ({ value: t, label: themeLabels[t] }))}
          values={many(values, 'themes')}
          error={errors.themes}
        />
        {individual ? (
          <ProcedurePart {...props} />
        ) : (
          <Checkboxes
            id="administrativeSubThemes"
            name="administrativeSubThemes"
            label="Précisez la démarche administrative (facultatif)"
            hint="Avec le thème « Aide aux démarches administratives » seulement."
            items={administrativeSubThemes.map((s) => ({ value: s, label: administrativeSubThemeLabels[s] }))}
            values={many(values, 'administrativeSubThemes')}
            error={errors.administrativeSubThemes}
          />
        )}
        <Radios
          id="duration"
          name="duration"
          label="Durée"
          inline
          items={[...presetDurations.map((d) => ({ value: String(d), label: formatDuration(d) })), { value: 'autre', label: 'Autre durée' }]}
          value={duration}
          error={errors.duration}
        />
        <Fieldset legend="Autre durée : heures et minutes" describedBy="autre-duree-hint">
          <div class="r-hint" id="autre-duree-hint">
            Si vous avez choisi « Autre durée ». 12 heures au plus.
          </div>
          <TextInput id="durationHours" name="durationHours" label="Heures" inputmode="numeric" width={2} value={one(values, 'durationHours')} error={errors.durationHours} />
          <TextInput id="durationMins" name="durationMins" label="Minutes" inputmode="numeric" width={3} value={one(values, 'durationMins')} error={errors.durationMins} />
        </Fieldset>
        <DateInput id="date" name="date" label="Date" hint="Aujourd’hui ou un jour passé." value={one(values, 'date')} error={errors.date} max={one(values, 'today') || undefined} />
        <Radios id="channel" name="channel" label="Où ?" inline items={channels.map((c) => ({ value: c, label: channelLabels[c] }))} value={one(values, 'channel') || 'at_place'} error={errors.channel} />
        <Select id="placeId" name="placeId" label="Lieu" optional placeholder="Aucun lieu en particulier" items={choices.places.map((p) => ({ value: p.id, label: p.name }))} value={one(values, 'placeId')} error={errors.placeId} />
        {individual && <PersonPart {...props} />}
        <MorePart {...props} />
        <Button>{props.submitLabel}</Button>
      </form>
      <p>
        <a href={props.cancelHref}>Revenir sans enregistrer</a>
      </p>
    </>
  );
}
