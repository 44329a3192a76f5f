import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { asc, eq, isNull } from 'drizzle-orm';
import type { AppEnv } from '../../platform/http/env.ts';
import { access, UnauthenticatedError } from '../../platform/http/access.ts';
import { redirectWithFlash } from '../../platform/http/flash.ts';
import { readForm, type FieldErrors, type FormInput } from '../../platform/http/forms.ts';
import { registerNav } from '../../platform/http/navigation.ts';
import { errorPage, page } from '../../platform/http/render.tsx';
import { authorize, can, type Actor } from '../../platform/authz/index.ts';
import { formatDateLong, formatNumber, localDay, plural } from '../../platform/format.ts';
import { formatPhone } from '../../platform/phone.ts';
import { communeByCode, communes } from '../../territory/index.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import { places } from '../places/places.schema.ts';
import { themes, workshopLevels } from '../activities/activities.schema.ts';
import { themeLabels, workshopLevelLabels } from '../activities/activities.labels.ts';
import { addTarget, cancelRegistrationForPerson, cancelSession, createProgramme, createSeries, createSession, removeTarget, updateProgramme, updateSeries, updateSession } from './workshops.commands.ts';
import { cancelSessionFields, programmeFields, seriesFields, sessionFields, targetFields } from './workshops.forms.ts';
import {
  accessibilityLabels,
  accessNeedLabels,
  disabilityAnswerLabels,
  pictogramLabels,
  pixCompetences,
  registrationStatusColours,
  registrationStatusLabels,
  sessionStatusColours,
  sessionStatusLabels,
  targetKindLabels,
} from './workshops.labels.ts';
import {
  eligibleTrainers,
  findProgramme,
  findSeries,
  findSession,
  isUuid,
  programmesManagedBy,
  programmeSubject,
  registrationsOf,
  seatsLeft,
  seriesOf,
  sessionsForWorkspace,
  sessionsOfSeries,
  sessionSubject,
  targetsOf,
  type ProgrammeWithConsortium,
  type SessionView,
} from './workshops.queries.ts';
import { readSensitiveAnswers } from './workshops.sensitive.ts';
import { registeredSessionSections } from './workshops.sections.ts';
import { accessibilityOptions, pictograms, targetKinds, workshopRegistrations } from './workshops.schema.ts';
import { localTime, whenText } from './workshops.time.ts';
import { handleRegistration, registrationForm, whereText } from './workshops.public.routes.tsx';
import { emptyRegistration } from './views/register.tsx';
import {
  ConfirmPage,
  listOf,
  ProgrammeDetailPage,
  ProgrammeFormPage,
  ProgrammeListPage,
  SensitivePage,
  SeriesDetailPage,
  SeriesFormPage,
  SessionDetailPage,
  SessionFormPage,
  TargetFormPage,
  textOf,
  WorkspacePage,
  type ProgrammeFormValues,
  type SeriesFormValues,
  type SessionFormValues,
  type TargetFormValues,
  type WorkspaceSessionRow,
} from './views/manage.tsx';
import './workshops.policy.ts';

registerNav({ href: '/gestion/ateliers', label: 'Ateliers', shownTo: 'workshop.workspace', order: 30 });

/** Management of programmes, series and sessions, for coordinators, consortium members and trainers. */
export const workshopManageRoutes = new Hono<AppEnv>();

const workspaceCrumb = { href: '/gestion/ateliers', label: 'Ateliers' };
const programmesCrumb = { href: '/gestion/programmes', label: 'Programmes' };

function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

function pageNumber(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100_000) : 1;
}

const communeName = (code: string) => communeByCode(code)?.name ?? code;
const ctx = (c: Context<AppEnv>) => ({ baseUrl: c.get('services').config.baseUrl, requestId: c.get('requestId') });
const dayText = (day: string) => formatDateLong(new Date(`${day}T12:00:00Z`));

function sessionRow(s: SessionView, actor: Actor): WorkspaceSessionRow {
  return {
    id: s.id,
    title: s.series.title,
    programme: s.programme.name,
    when: whenText(s.startsAt, s.endsAt),
    where: whereText(s),
    seats: `${s.taken} / ${s.capacity}${s.waiting ? `, ${s.waiting} en attente` : ''}`,
    status: { text: sessionStatusLabels[s.status], colour: sessionStatusColours[s.status] },
    mine: actor.kind === 'person' && s.trainers.some((t) => t.id === actor.userId),
  };
}

// ——— Workspace ———

workshopManageRoutes.get('/gestion/ateliers', access.to('workshop.workspace'), async (c) => {
  const actor = currentActor(c);
  const past = c.req.query('periode') === 'passees';
  const mineOnly = c.req.query('mes') === '1';
  const current = pageNumber(c.req.query('page'));
  const result = await sessionsForWorkspace(c.get('services').database.db, actor, { past, mineOnly, page: current });
  return page(
    c,
    { title: `Ateliers : séances ${past ? 'passées' : 'à venir'}${mineOnly ? ' que j’anime' : ''}${current > 1 ? `, page ${current}` : ''}` },
    <WorkspacePage
      past={past}
      mineOnly={mineOnly}
      rows={result.rows.map((s) => sessionRow(s, actor))}
      total={result.total}
      page={current}
      pageCount={result.pageCount}
      hrefFor={(n) => {
        const params = new URLSearchParams();
        if (past) params.set('periode', 'passees');
        if (mineOnly) params.set('mes', '1');
        if (n > 1) params.set('page', String(n));
        const q = params.toString();
        return q ? `/gestion/ateliers?${q}` : '/gestion/ateliers';
      }}
      canSeeProgrammes={can(actor, 'programme.create') || can(actor, 'programme.manage')}
    />,
  );
});

// ——— Programmes ———

async function organisationOptions(c: Context<AppEnv>) {
  const rows = await c.get('services').database.db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(asc(organisations.name));
  return rows.map((o) => ({ value: o.id, label: o.name }));
}

workshopManageRoutes.get('/gestion/programmes', access.to('programme.manage'), async (c) => {
  const actor = currentActor(c);
  const rows = await programmesManagedBy(c.get('services').database.db, actor);
  return page(
    c,
    { title: 'Programmes', breadcrumbs: [workspaceCrumb] },
    <ProgrammeListPage
      rows={rows.map((p) => ({ id: p.id, name: p.name, slug: p.slug, period: `${dayText(p.startsOn)} – ${dayText(p.endsOn)}`, consortium: p.consortium.map((o) => o.name).join(', ') }))}
      canCreate={can(actor, 'programme.create')}
    />,
  );
});

function programmeValues(input: FormInput): ProgrammeFormValues {
  return { name: textOf(input, 'name'), slug: textOf(input, 'slug'), description: textOf(input, 'description'), funders: textOf(input, 'funders'), startsOn: textOf(input, 'startsOn'), endsOn: textOf(input, 'endsOn'), consortium: listOf(input, 'consortium') };
}

async function programmeForm(c: Context<AppEnv>, options: { heading: string; action: string; submitLabel: string; cancelHref: string; values: ProgrammeFormValues; errors: FieldErrors }) {
  return page(
    c,
    { title: options.heading, hasErrors: Object.keys(options.errors).length > 0, breadcrumbs: [workspaceCrumb, programmesCrumb] },
    <ProgrammeFormPage {...options} organisations={await organisationOptions(c)} />,
  );
}

const slugTakenMessage = 'Cette adresse est déjà prise par un autre programme. Choisissez-en une autre.';

workshopManageRoutes.get('/gestion/programmes/nouveau', access.to('programme.create'), (c) =>
  programmeForm(c, { heading: 'Créer un programme', action: '/gestion/programmes/nouveau', submitLabel: 'Créer le programme', cancelHref: '/gestion/programmes', values: programmeValues({}), errors: {} }),
);

workshopManageRoutes.post('/gestion/programmes/nouveau', access.to('programme.create'), async (c) => {
  const actor = currentActor(c);
  const form = await readForm(c, programmeFields);
  const options = { heading: 'Créer un programme', action: '/gestion/programmes/nouveau', submitLabel: 'Créer le programme', cancelHref: '/gestion/programmes', values: programmeValues(form.input) };
  if (!form.ok) return programmeForm(c, { ...options, errors: form.errors });
  const result = await c.get('services').database.db.transaction((tx) => createProgramme(tx, actor, form.data, ctx(c)));
  if (!result.ok) return programmeForm(c, { ...options, errors: { slug: slugTakenMessage } });
  return redirectWithFlash(c, `/gestion/programmes/${result.value.id}`, { kind: 'success', text: `Programme « ${form.data.name} » créé.` });
});

async function managedProgramme(c: Context<AppEnv>): Promise<ProgrammeWithConsortium | null> {
  const programme = await findProgramme(c.get('services').database.db, c.req.param('id') ?? '');
  if (!programme) return null;
  authorize(currentActor(c), 'programme.manage', programmeSubject(programme));
  return programme;
}

workshopManageRoutes.get('/gestion/programmes/:id', access.to('programme.manage'), async (c) => {
  const programme = await managedProgramme(c);
  if (!programme) return errorPage(c, 404);
  const { db } = c.get('services').database;
  const [targets, series] = await Promise.all([targetsOf(db, programme.id), seriesOf(db, programme.id)]);
  const counts = await Promise.all(series.map(async (s) => (await sessionsOfSeries(db, s.id)).length));
  return page(
    c,
    { title: `Gérer le programme ${programme.name}`, breadcrumbs: [workspaceCrumb, programmesCrumb] },
    <ProgrammeDetailPage
      id={programme.id}
      name={programme.name}
      slug={programme.slug}
      summary={[
        { key: 'Période', value: `${dayText(programme.startsOn)} – ${dayText(programme.endsOn)}` },
        { key: 'Consortium', value: programme.consortium.map((o) => o.name).join(', ') },
        { key: 'Financeurs', value: programme.funders.join(', ') || 'Non précisés' },
      ]}
      targets={targets.map((t) => ({ id: t.id, label: t.label ?? targetKindLabels[t.kind], value: t.kind === 'satisfaction_percent' ? `${t.targetValue} %` : formatNumber(t.targetValue) }))}
      series={series.map((s, i) => ({ id: s.id, title: s.title, level: workshopLevelLabels[s.level], sessions: counts[i] ?? 0 }))}
      extra={[]}
    />,
  );
});

workshopManageRoutes.get('/gestion/programmes/:id/modifier', access.to('programme.manage'), async (c) => {
  const p = await managedProgramme(c);
  if (!p) return errorPage(c, 404);
  return programmeForm(c, {
    heading: `Modifier le programme ${p.name}`,
    action: `/gestion/programmes/${p.id}/modifier`,
    submitLabel: 'Enregistrer',
    cancelHref: `/gestion/programmes/${p.id}`,
    values: { name: p.name, slug: p.slug, description: p.description, funders: p.funders.join('\n'), startsOn: p.startsOn, endsOn: p.endsOn, consortium: p.consortium.map((o) => o.id) },
    errors: {},
  });
});

workshopManageRoutes.post('/gestion/programmes/:id/modifier', access.to('programme.manage'), async (c) => {
  const p = await managedProgramme(c);
  if (!p) return errorPage(c, 404);
  const form = await readForm(c, programmeFields);
  const options = { heading: `Modifier le programme ${p.name}`, action: `/gestion/programmes/${p.id}/modifier`, submitLabel: 'Enregistrer', cancelHref: `/gestion/programmes/${p.id}`, values: programmeValues(form.input) };
  if (!form.ok) return programmeForm(c, { ...options, errors: form.errors });
  const result = await c.get('services').database.db.transaction((tx) => updateProgramme(tx, currentActor(c), p.id, form.data, ctx(c)));
  if (!result.ok) return result.error === 'not_found' ? errorPage(c, 404) : programmeForm(c, { ...options, errors: { slug: slugTakenMessage } });
  return redirectWithFlash(c, `/gestion/programmes/${p.id}`, { kind: 'success', text: 'Programme enregistré.' });
});

// ——— Targets ———

const kindOptions = targetKinds.map((k) => ({ value: k, label: targetKindLabels[k] }));

function targetForm(c: Context<AppEnv>, p: ProgrammeWithConsortium, values: TargetFormValues, errors: FieldErrors) {
  return page(
    c,
    { title: `Ajouter un objectif à ${p.name}`, hasErrors: Object.keys(errors).length > 0, breadcrumbs: [workspaceCrumb, programmesCrumb, { href: `/gestion/programmes/${p.id}`, label: p.name }] },
    <TargetFormPage programmeName={p.name} action={`/gestion/programmes/${p.id}/objectifs/nouveau`} cancelHref={`/gestion/programmes/${p.id}`} values={values} errors={errors} kinds={kindOptions} />,
  );
}

workshopManageRoutes.get('/gestion/programmes/:id/objectifs/nouveau', access.to('programme.manage'), async (c) => {
  const p = await managedProgramme(c);
  if (!p) return errorPage(c, 404);
  return targetForm(c, p, { kind: '', label: '', targetValue: '' }, {});
});

workshopManageRoutes.post('/gestion/programmes/:id/objectifs/nouveau', access.to('programme.manage'), async (c) => {
  const p = await managedProgramme(c);
  if (!p) return errorPage(c, 404);
  const form = await readForm(c, targetFields);
  if (!form.ok) return targetForm(c, p, { kind: textOf(form.input, 'kind'), label: textOf(form.input, 'label'), targetValue: textOf(form.input, 'targetValue') }, form.errors);
  await c.get('services').database.db.transaction((tx) => addTarget(tx, currentActor(c), p.id, form.data));
  return redirectWithFlash(c, `/gestion/programmes/${p.id}`, { kind: 'success', text: 'Objectif ajouté.' });
});

workshopManageRoutes.get('/gestion/programmes/:id/objectifs/:targetId/retirer', access.to('programme.manage'), async (c) => {
  const p = await managedProgramme(c);
  if (!p) return errorPage(c, 404);
  const target = (await targetsOf(c.get('services').database.db, p.id)).find((t) => t.id === c.req.param('targetId'));
  if (!target) return errorPage(c, 404);
  const label = target.label ?? targetKindLabels[target.kind];
  return page(
    c,
    { title: `Retirer l’objectif « ${label} »`, breadcrumbs: [workspaceCrumb, programmesCrumb, { href: `/gestion/programmes/${p.id}`, label: p.name }] },
    <ConfirmPage heading={`Retirer l’objectif « ${label} » ?`} text="L’objectif ne sera plus suivi sur la page du programme ni dans le rapport." action={`/gestion/programmes/${p.id}/objectifs/${target.id}/retirer`} button="Oui, retirer l’objectif" cancelHref={`/gestion/programmes/${p.id}`} />,
  );
});

workshopManageRoutes.post('/gestion/programmes/:id/objectifs/:targetId/retirer', access.to('programme.manage'), async (c) => {
  const p = await managedProgramme(c);
  if (!p) return errorPage(c, 404);
  const result = await c.get('services').database.db.transaction((tx) => removeTarget(tx, currentActor(c), p.id, c.req.param('targetId')));
  if (!result.ok) return errorPage(c, 404);
  return redirectWithFlash(c, `/gestion/programmes/${p.id}`, { kind: 'success', text: 'Objectif retiré.' });
});

// ——— Series ———

const seriesOptions = {
  themes: themes.map((t) => ({ value: t, label: themeLabels[t] })),
  levels: workshopLevels.map((l) => ({ value: l, label: workshopLevelLabels[l] })),
  pix: pixCompetences.map((p) => ({ value: p.code, label: `${p.code} ${p.label}` })),
  pictograms: pictograms.map((p) => ({ value: p, label: pictogramLabels[p] })),
};

function seriesValues(input: FormInput): SeriesFormValues {
  return { title: textOf(input, 'title'), themes: listOf(input, 'themes'), level: textOf(input, 'level'), pixCompetences: listOf(input, 'pixCompetences'), descriptionFalc: textOf(input, 'descriptionFalc'), pictograms: listOf(input, 'pictograms') };
}

function seriesForm(c: Context<AppEnv>, p: ProgrammeWithConsortium, options: { heading: string; action: string; submitLabel: string; cancelHref: string; values: SeriesFormValues; errors: FieldErrors }) {
  return page(
    c,
    { title: options.heading, hasErrors: Object.keys(options.errors).length > 0, breadcrumbs: [workspaceCrumb, programmesCrumb, { href: `/gestion/programmes/${p.id}`, label: p.name }] },
    <SeriesFormPage {...options} options={seriesOptions} />,
  );
}

workshopManageRoutes.get('/gestion/programmes/:id/ateliers/nouveau', access.to('programme.manage'), async (c) => {
  const p = await managedProgramme(c);
  if (!p) return errorPage(c, 404);
  return seriesForm(c, p, { heading: 'Créer un atelier', action: `/gestion/programmes/${p.id}/ateliers/nouveau`, submitLabel: 'Créer l’atelier', cancelHref: `/gestion/programmes/${p.id}`, values: seriesValues({}), errors: {} });
});

workshopManageRoutes.post('/gestion/programmes/:id/ateliers/nouveau', access.to('programme.manage'), async (c) => {
  const p = await managedProgramme(c);
  if (!p) return errorPage(c, 404);
  const form = await readForm(c, seriesFields);
  if (!form.ok) return seriesForm(c, p, { heading: 'Créer un atelier', action: `/gestion/programmes/${p.id}/ateliers/nouveau`, submitLabel: 'Créer l’atelier', cancelHref: `/gestion/programmes/${p.id}`, values: seriesValues(form.input), errors: form.errors });
  const result = await c.get('services').database.db.transaction((tx) => createSeries(tx, currentActor(c), p.id, form.data));
  if (!result.ok) return errorPage(c, 404);
  return redirectWithFlash(c, `/gestion/series/${result.value.id}`, { kind: 'success', text: 'Atelier créé. Ajoutez maintenant ses séances.' });
});

async function managedSeries(c: Context<AppEnv>) {
  const series = await findSeries(c.get('services').database.db, c.req.param('id') ?? '');
  if (!series) return null;
  authorize(currentActor(c), 'programme.manage', programmeSubject(series.programme));
  return series;
}

workshopManageRoutes.get('/gestion/series/:id', access.to('programme.manage'), async (c) => {
  const actor = currentActor(c);
  const s = await managedSeries(c);
  if (!s) return errorPage(c, 404);
  const sessions = await sessionsOfSeries(c.get('services').database.db, s.id);
  return page(
    c,
    { title: `Atelier ${s.title}`, breadcrumbs: [workspaceCrumb, programmesCrumb, { href: `/gestion/programmes/${s.programme.id}`, label: s.programme.name }] },
    <SeriesDetailPage
      id={s.id}
      title={s.title}
      programme={{ id: s.programme.id, name: s.programme.name }}
      summary={[
        { key: 'Thèmes', value: s.themes.map((t) => themeLabels[t]).join(', ') },
        { key: 'Niveau', value: workshopLevelLabels[s.level] },
        { key: 'Compétences Pix', value: s.pixCompetences.join(', ') || 'Aucune' },
        { key: 'Description FALC', value: s.descriptionFalc },
        { key: 'Pictogrammes', value: s.pictograms.map((p) => pictogramLabels[p]).join(', ') || 'Aucun' },
      ]}
      sessions={sessions.map((x) => sessionRow(x, actor))}
    />,
  );
});

workshopManageRoutes.get('/gestion/series/:id/modifier', access.to('programme.manage'), async (c) => {
  const s = await managedSeries(c);
  if (!s) return errorPage(c, 404);
  return seriesForm(c, s.programme, {
    heading: `Modifier l’atelier ${s.title}`,
    action: `/gestion/series/${s.id}/modifier`,
    submitLabel: 'Enregistrer',
    cancelHref: `/gestion/series/${s.id}`,
    values: { title: s.title, themes: s.themes, level: s.level, pixCompetences: s.pixCompetences, descriptionFalc: s.descriptionFalc, pictograms: s.pictograms },
    errors: {},
  });
});

workshopManageRoutes.post('/gestion/series/:id/modifier', access.to('programme.manage'), async (c) => {
  const s = await managedSeries(c);
  if (!s) return errorPage(c, 404);
  const form = await readForm(c, seriesFields);
  if (!form.ok) return seriesForm(c, s.programme, { heading: `Modifier l’atelier ${s.title}`, action: `/gestion/series/${s.id}/modifier`, submitLabel: 'Enregistrer', cancelHref: `/gestion/series/${s.id}`, values: seriesValues(form.input), errors: form.errors });
  await c.get('services').database.db.transaction((tx) => updateSeries(tx, currentActor(c), s.id, form.data));
  return redirectWithFlash(c, `/gestion/series/${s.id}`, { kind: 'success', text: 'Atelier enregistré.' });
});

// ——— Sessions ———

function sessionValues(input: FormInput): SessionFormValues {
  return {
    day: textOf(input, 'day'),
    startTime: textOf(input, 'startTime'),
    endTime: textOf(input, 'endTime'),
    placeId: textOf(input, 'placeId'),
    spotName: textOf(input, 'spotName'),
    spotAddress: textOf(input, 'spotAddress'),
    communeCode: textOf(input, 'communeCode'),
    capacity: textOf(input, 'capacity'),
    trainers: listOf(input, 'trainers'),
    accessibility: listOf(input, 'accessibility'),
    accessibilityOther: textOf(input, 'accessibilityOther'),
  };
}

async function sessionOptions(c: Context<AppEnv>, p: ProgrammeWithConsortium) {
  const { db } = c.get('services').database;
  const placeRows = await db.select({ id: places.id, name: places.name, communeCode: places.communeCode }).from(places).where(isNull(places.mergedInto)).orderBy(asc(places.name));
  const trainers = await eligibleTrainers(db, p.consortium.map((o) => o.id));
  return {
    places: placeRows.map((pl) => ({ value: pl.id, label: `${pl.name} (${communeName(pl.communeCode)})` })),
    communes: [...communes].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((k) => ({ value: k.code, label: k.name })),
    trainers: trainers.map((t) => ({ value: t.id, label: `${t.name} (${t.organisationName})` })),
    accessibility: accessibilityOptions.map((a) => ({ value: a, label: accessibilityLabels[a] })),
  };
}

async function sessionForm(c: Context<AppEnv>, p: ProgrammeWithConsortium, options: { heading: string; action: string; submitLabel: string; cancelHref: string; values: SessionFormValues; errors: FieldErrors }) {
  return page(
    c,
    { title: options.heading, hasErrors: Object.keys(options.errors).length > 0, breadcrumbs: [workspaceCrumb, programmesCrumb, { href: `/gestion/programmes/${p.id}`, label: p.name }] },
    <SessionFormPage {...options} options={await sessionOptions(c, p)} />,
  );
}

const sessionErrors = {
  unknown_place: { placeId: 'Choisissez un lieu de la liste' },
  unknown_trainer: { trainers: 'Choisissez les formateurs parmi les membres du consortium' },
  cancelled: { day: 'Cette séance est annulée : elle ne peut plus être modifiée' },
} as const;

workshopManageRoutes.get('/gestion/series/:id/seances/nouvelle', access.to('programme.manage'), async (c) => {
  const s = await managedSeries(c);
  if (!s) return errorPage(c, 404);
  const empty = sessionValues({});
  return sessionForm(c, s.programme, { heading: `Ajouter une séance : ${s.title}`, action: `/gestion/series/${s.id}/seances/nouvelle`, submitLabel: 'Ajouter la séance', cancelHref: `/gestion/series/${s.id}`, values: { ...empty, capacity: '12' }, errors: {} });
});

workshopManageRoutes.post('/gestion/series/:id/seances/nouvelle', access.to('programme.manage'), async (c) => {
  const s = await managedSeries(c);
  if (!s) return errorPage(c, 404);
  const form = await readForm(c, sessionFields);
  const options = { heading: `Ajouter une séance : ${s.title}`, action: `/gestion/series/${s.id}/seances/nouvelle`, submitLabel: 'Ajouter la séance', cancelHref: `/gestion/series/${s.id}`, values: sessionValues(form.input) };
  if (!form.ok) return sessionForm(c, s.programme, { ...options, errors: form.errors });
  const result = await c.get('services').database.db.transaction((tx) => createSession(tx, currentActor(c), s.id, form.data));
  if (!result.ok) {
    if (result.error === 'unknown_place' || result.error === 'unknown_trainer' || result.error === 'cancelled') return sessionForm(c, s.programme, { ...options, errors: { ...sessionErrors[result.error] } });
    return errorPage(c, 404);
  }
  return redirectWithFlash(c, `/gestion/seances/${result.value.id}`, { kind: 'success', text: 'Séance ajoutée. Elle est visible dans l’agenda public.' });
});

async function viewableSession(c: Context<AppEnv>): Promise<SessionView | null> {
  const s = await findSession(c.get('services').database.db, c.req.param('id') ?? '');
  if (!s) return null;
  authorize(currentActor(c), 'workshop.session.view', sessionSubject(s));
  return s;
}

async function managedSession(c: Context<AppEnv>): Promise<SessionView | null> {
  const s = await findSession(c.get('services').database.db, c.req.param('id') ?? '');
  if (!s) return null;
  authorize(currentActor(c), 'programme.manage', sessionSubject(s));
  return s;
}

const sessionCrumbs = (s: SessionView) => [workspaceCrumb, { href: `/gestion/seances/${s.id}`, label: `${s.series.title}, ${localDay(s.startsAt)}` }];

workshopManageRoutes.get('/gestion/seances/:id', access.to('workshop.session.view'), async (c) => {
  const actor = currentActor(c);
  const s = await viewableSession(c);
  if (!s) return errorPage(c, 404);
  const { db } = c.get('services').database;
  const registrations = await registrationsOf(db, s.id);
  const subject = sessionSubject(s);
  const extra: Child[] = [];
  for (const section of registeredSessionSections()) {
    const rendered = await section.render({ db, session: s, actor });
    if (rendered !== null) extra.push(rendered);
  }
  const place = s.place ? <a href={`/lieux/${s.place.id}`}>{s.place.name}</a> : `${s.spotName ?? ''}${s.spotAddress ? `, ${s.spotAddress}` : ''}`;
  return page(
    c,
    { title: `Séance ${s.series.title}, ${formatDateLong(s.startsAt)}`, breadcrumbs: [workspaceCrumb] },
    <SessionDetailPage
      id={s.id}
      title={`${s.series.title}, ${formatDateLong(s.startsAt)}`}
      seriesHref={can(actor, 'programme.manage', subject) ? `/gestion/series/${s.series.id}` : null}
      summary={[
        { key: 'Programme', value: s.programme.name },
        { key: 'Quand', value: whenText(s.startsAt, s.endsAt) },
        { key: 'Où', value: <>{place}, {communeName(s.communeCode)}</> },
        { key: 'Places', value: `${s.taken} prises sur ${s.capacity} (${plural(seatsLeft(s), 'libre', 'libres')})${s.waiting ? `, ${s.waiting} en attente` : ''}` },
        { key: 'Formateurs', value: s.trainers.map((t) => t.name).join(', ') || 'Aucun' },
        { key: 'Aides proposées', value: s.accessibility.map((a) => (a === 'other' && s.accessibilityOther ? s.accessibilityOther : accessibilityLabels[a])).join(', ') || 'Aucune' },
        { key: 'État', value: s.status === 'cancelled' ? `Annulée : ${s.cancellationReason ?? ''}` : 'Prévue' },
      ]}
      cancelled={s.status === 'cancelled'}
      canManage={can(actor, 'programme.manage', subject)}
      canReadSensitive={can(actor, 'workshop.sensitive.read', subject)}
      canRegister={can(actor, 'workshop.register_for', subject) && s.startsAt > new Date()}
      registrants={registrations.map((r) => ({
        id: r.id,
        cancellable: r.status !== 'cancelled' && s.status === 'scheduled' && s.endsAt > new Date(),
        name: r.name,
        contact: [r.phone ? formatPhone(r.phone) : null, r.email].filter(Boolean).join(', '),
        commune: r.communeCode ? communeName(r.communeCode) : '—',
        status: { text: registrationStatusLabels[r.status], colour: registrationStatusColours[r.status] },
        companion: r.companion,
        onBehalf: r.registeredByUserId !== null,
      }))}
      extra={extra}
    />,
  );
});

workshopManageRoutes.get('/gestion/seances/:id/modifier', access.to('programme.manage'), async (c) => {
  const s = await managedSession(c);
  if (!s) return errorPage(c, 404);
  return sessionForm(c, s.programme, {
    heading: `Modifier la séance : ${s.series.title}, ${formatDateLong(s.startsAt)}`,
    action: `/gestion/seances/${s.id}/modifier`,
    submitLabel: 'Enregistrer',
    cancelHref: `/gestion/seances/${s.id}`,
    values: {
      day: localDay(s.startsAt),
      startTime: localTime(s.startsAt),
      endTime: localTime(s.endsAt),
      placeId: s.placeId ?? '',
      spotName: s.spotName ?? '',
      spotAddress: s.spotAddress ?? '',
      communeCode: s.placeId ? '' : s.communeCode,
      capacity: String(s.capacity),
      trainers: s.trainers.map((t) => t.id),
      accessibility: s.accessibility,
      accessibilityOther: s.accessibilityOther ?? '',
    },
    errors: {},
  });
});

workshopManageRoutes.post('/gestion/seances/:id/modifier', access.to('programme.manage'), async (c) => {
  const s = await managedSession(c);
  if (!s) return errorPage(c, 404);
  const form = await readForm(c, sessionFields);
  const options = { heading: `Modifier la séance : ${s.series.title}, ${formatDateLong(s.startsAt)}`, action: `/gestion/seances/${s.id}/modifier`, submitLabel: 'Enregistrer', cancelHref: `/gestion/seances/${s.id}`, values: sessionValues(form.input) };
  if (!form.ok) return sessionForm(c, s.programme, { ...options, errors: form.errors });
  const result = await c.get('services').database.db.transaction((tx) => updateSession(tx, currentActor(c), s.id, form.data, ctx(c)));
  if (!result.ok) {
    if (result.error === 'capacity_below_registered') {
      return sessionForm(c, s.programme, { ...options, errors: { capacity: `${plural(s.taken, 'personne est déjà inscrite', 'personnes sont déjà inscrites')} : le nombre de places ne peut pas être plus petit que ${s.taken}` } });
    }
    if (result.error === 'not_found') return errorPage(c, 404);
    return sessionForm(c, s.programme, { ...options, errors: { ...sessionErrors[result.error] } });
  }
  c.get('services').notifyOutbox();
  return redirectWithFlash(c, `/gestion/seances/${s.id}`, { kind: 'success', text: 'Séance enregistrée.' });
});

workshopManageRoutes.get('/gestion/seances/:id/annuler', access.to('programme.manage'), async (c) => {
  const s = await managedSession(c);
  if (!s) return errorPage(c, 404);
  if (s.status === 'cancelled') return c.redirect(`/gestion/seances/${s.id}`, 303);
  const people = s.taken + s.waiting;
  return page(
    c,
    { title: `Annuler la séance ${s.series.title} du ${formatDateLong(s.startsAt)}`, breadcrumbs: sessionCrumbs(s) },
    <ConfirmPage
      heading={`Annuler la séance du ${formatDateLong(s.startsAt)} ?`}
      text={people ? `${plural(people, 'personne inscrite ou en attente va', 'personnes inscrites ou en attente vont')} recevoir un message (SMS ou e-mail).` : 'Personne n’est inscrit.'}
      action={`/gestion/seances/${s.id}/annuler`}
      button="Oui, annuler la séance"
      cancelHref={`/gestion/seances/${s.id}`}
      reason={{ value: '' }}
    />,
  );
});

workshopManageRoutes.post('/gestion/seances/:id/annuler', access.to('programme.manage'), async (c) => {
  const s = await managedSession(c);
  if (!s) return errorPage(c, 404);
  const form = await readForm(c, cancelSessionFields);
  if (!form.ok) {
    return page(
      c,
      { title: `Annuler la séance ${s.series.title} du ${formatDateLong(s.startsAt)}`, hasErrors: true, breadcrumbs: sessionCrumbs(s) },
      <ConfirmPage heading={`Annuler la séance du ${formatDateLong(s.startsAt)} ?`} text="Les personnes inscrites vont recevoir un message." action={`/gestion/seances/${s.id}/annuler`} button="Oui, annuler la séance" cancelHref={`/gestion/seances/${s.id}`} reason={{ value: textOf(form.input, 'reason'), error: form.errors.reason ?? Object.values(form.errors)[0] }} />,
    );
  }
  const result = await c.get('services').database.db.transaction((tx) => cancelSession(tx, currentActor(c), s.id, form.data.reason, ctx(c)));
  if (!result.ok) return result.error === 'not_found' ? errorPage(c, 404) : c.redirect(`/gestion/seances/${s.id}`, 303);
  c.get('services').notifyOutbox();
  return redirectWithFlash(c, `/gestion/seances/${s.id}`, { kind: 'success', text: `Séance annulée. ${plural(result.value.notified, 'personne prévenue', 'personnes prévenues')}.` });
});

workshopManageRoutes.get('/gestion/seances/:id/besoins', access.to('workshop.sensitive.read'), async (c) => {
  const actor = currentActor(c);
  const s = await findSession(c.get('services').database.db, c.req.param('id'));
  if (!s) return errorPage(c, 404);
  const rows = await c.get('services').database.db.transaction((tx) => readSensitiveAnswers(tx, actor, s.id, { requestId: c.get('requestId') }));
  if (!rows) return errorPage(c, 404);
  return page(
    c,
    { title: `Besoins et handicap : ${s.series.title}, ${formatDateLong(s.startsAt)}`, breadcrumbs: sessionCrumbs(s) },
    <SensitivePage
      title={`${s.series.title}, ${formatDateLong(s.startsAt)}`}
      sessionHref={`/gestion/seances/${s.id}`}
      purged={s.sensitivePurgedAt !== null}
      rows={rows.map((r) => ({
        name: r.name,
        status: registrationStatusLabels[r.status],
        needs: r.accessNeeds.map((n) => accessNeedLabels[n]).join(', ') || '—',
        needsText: r.accessNeedsText ?? '—',
        disability: r.disability ? disabilityAnswerLabels[r.disability] : 'Pas de réponse gardée',
      }))}
    />,
  );
});

// ——— Cancelling a registration for the person ———

async function registrationAndSession(c: Context<AppEnv>) {
  const id = c.req.param('id') ?? '';
  const { db } = c.get('services').database;
  const [r] = isUuid(id) ? await db.select().from(workshopRegistrations).where(eq(workshopRegistrations.id, id)) : [];
  if (!r) return null;
  const s = await findSession(db, r.sessionId);
  if (!s) return null;
  authorize(currentActor(c), 'workshop.session.view', sessionSubject(s));
  return { r, s };
}

workshopManageRoutes.get('/gestion/inscriptions/:id/annuler', access.to('workshop.session.view'), async (c) => {
  const found = await registrationAndSession(c);
  if (!found) return errorPage(c, 404);
  const { r, s } = found;
  if (r.status === 'cancelled') return c.redirect(`/gestion/seances/${s.id}`, 303);
  return page(
    c,
    { title: `Annuler l’inscription de ${r.name} (${s.series.title}, ${formatDateLong(s.startsAt)})`, breadcrumbs: sessionCrumbs(s) },
    <ConfirmPage
      heading={`Annuler l’inscription de ${r.name} ?`}
      text={`La personne reçoit un message. ${r.status === 'waiting' ? 'Elle quitte la liste d’attente.' : 'Sa place est proposée à la personne suivante de la liste d’attente.'}`}
      action={`/gestion/inscriptions/${r.id}/annuler`}
      button="Oui, annuler l’inscription"
      cancelHref={`/gestion/seances/${s.id}`}
    />,
  );
});

workshopManageRoutes.post('/gestion/inscriptions/:id/annuler', access.to('workshop.session.view'), async (c) => {
  const found = await registrationAndSession(c);
  if (!found) return errorPage(c, 404);
  const result = await c.get('services').database.db.transaction((tx) => cancelRegistrationForPerson(tx, currentActor(c), found.r.id, ctx(c)));
  if (!result.ok && result.error === 'not_found') return errorPage(c, 404);
  c.get('services').notifyOutbox();
  return redirectWithFlash(c, `/gestion/seances/${found.s.id}`, { kind: 'success', text: `Inscription de ${found.r.name} annulée.` });
});

// ——— Registering someone on their behalf ———

async function registrableSession(c: Context<AppEnv>): Promise<SessionView | null> {
  const s = await findSession(c.get('services').database.db, c.req.param('id') ?? '');
  if (!s) return null;
  authorize(currentActor(c), 'workshop.register_for', sessionSubject(s));
  return s;
}

workshopManageRoutes.get('/gestion/seances/:id/inscrire', access.to('workshop.register_for'), async (c) => {
  const s = await registrableSession(c);
  if (!s) return errorPage(c, 404);
  return registrationForm(c, s, { action: `/gestion/seances/${s.id}/inscrire`, backHref: `/gestion/seances/${s.id}`, onBehalf: true, values: emptyRegistration, errors: {} });
});

workshopManageRoutes.post('/gestion/seances/:id/inscrire', access.to('workshop.register_for'), async (c) => {
  const s = await registrableSession(c);
  if (!s) return errorPage(c, 404);
  return handleRegistration(c, s, {
    onBehalfOf: currentActor(c),
    action: `/gestion/seances/${s.id}/inscrire`,
    backHref: `/gestion/seances/${s.id}`,
    doneHref: (status) => `/ateliers/${s.id}/inscription/faite?etat=${status === 'confirmed' ? 'inscrit' : 'attente'}&pour=1`,
  });
});

