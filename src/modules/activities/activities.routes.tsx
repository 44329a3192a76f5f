import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http/env.ts';
import { access, UnauthenticatedError } from '../../platform/http/access.ts';
import { redirectWithFlash } from '../../platform/http/flash.ts';
import { readForm, type FieldErrors } from '../../platform/http/forms.ts';
import { registerNav } from '../../platform/http/navigation.ts';
import { errorPage, page } from '../../platform/http/render.tsx';
import { can, type Actor } from '../../platform/authz/index.ts';
import { localDay, plural } from '../../platform/format.ts';
import { communeByCode, communes } from '../../territory/index.ts';
import { ageBandLabels, genderLabels, personStatusLabels } from '../beneficiaries/beneficiaries.labels.ts';
import { createPersonalTag, deleteActivity, recordActivity, updateActivity } from './activities.commands.ts';
import { formErrorsOf, isRealDay, readActivityForm } from './activities.forms.ts';
import {
  activityKindLabels,
  administrativeSubThemeLabels,
  autonomyLabels,
  channelLabels,
  materialLabels,
  orientationDestinationLabels,
  presetDurations,
  procedureOutcomeLabels,
  tagScopeLabels,
  themeLabels,
  workshopLevelLabels,
} from './activities.labels.ts';
import { activityPermissions, recordingOrganisations } from './activities.policy.ts';
import {
  activeProcedures,
  activityDetail,
  followedPerson,
  followedPeopleOf,
  lastPlaceOf,
  listActivities,
  listFilterChoices,
  placeChoices,
  placeNames,
  themesByUse,
  usableTags,
  type ActivityDetail,
  type ActivityFilters,
} from './activities.queries.ts';
import { themes, type ActivityKind } from './activities.schema.ts';
import { formatDay, formatDuration, formatShortDay } from './activities.dates.ts';
import { ActivityFormPage, type ActivityFormValues } from './views/form.tsx';
import { ActivityListPage } from './views/list.tsx';
import { ActivityDeletePage, ActivityShowPage } from './views/show.tsx';
import { placesOfOrganisation } from '../places/index.ts';
import { teamsOfUser } from '../teams/index.ts';

registerNav({ href: '/activites', label: 'Activités', shownTo: 'activity.list', order: 30 });

export const activityRoutes = new Hono<AppEnv>();

const listCrumb = { href: '/activites', label: 'Activités' };
const perPage = 20;
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

function person(c: Context<AppEnv>): Actor & { kind: 'person' } {
  const actor = currentActor(c);
  if (actor.kind !== 'person') throw new UnauthenticatedError();
  return actor;
}

function pageNumber(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100_000) : 1;
}

const context = (c: Context<AppEnv>) => ({ requestId: c.get('requestId') });

// ——— List ———

const kindSlugs = { individual: 'individuel', workshop: 'atelier' } as const satisfies Record<ActivityKind, string>;

/** The filters of /activites, read from the address; a wrong value is dropped, a wrong date is said. */
function readListFilters(query: (key: string) => string | undefined) {
  const raw = {
    du: (query('du') ?? '').trim(),
    au: (query('au') ?? '').trim(),
    type: query('type') ?? '',
    theme: query('theme') ?? '',
    partenaire: query('partenaire') ?? '',
    lieu: query('lieu') ?? '',
    commune: query('commune') ?? '',
  };
  const errors: Record<string, string> = {};
  if (raw.du !== '' && !isRealDay(raw.du)) errors.du = 'Entrez une date de début valide, par exemple 01/03/2026';
  if (raw.au !== '' && !isRealDay(raw.au)) errors.au = 'Entrez une date de fin valide, par exemple 31/03/2026';
  const filters: ActivityFilters = {
    from: raw.du !== '' && !errors.du ? raw.du : undefined,
    to: raw.au !== '' && !errors.au ? raw.au : undefined,
    kind: raw.type === 'individuel' ? 'individual' : raw.type === 'atelier' ? 'workshop' : undefined,
    theme: themes.find((t) => t === raw.theme),
    partnerId: uuidShape.test(raw.partenaire) ? raw.partenaire : undefined,
    placeId: uuidShape.test(raw.lieu) ? raw.lieu : undefined,
    communeCode: communeByCode(raw.commune)?.code,
  };
  const shown = {
    du: raw.du,
    au: raw.au,
    type: filters.kind ? kindSlugs[filters.kind] : '',
    theme: filters.theme ?? '',
    partenaire: filters.partnerId ?? '',
    lieu: filters.placeId ?? '',
    commune: filters.communeCode ?? '',
  };
  return { filters, shown, errors };
}

function listHref(shown: Record<string, string>, view: 'cartes' | 'tableau', page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(shown)) if (v !== '') params.set(k, v);
  if (view === 'tableau') params.set('vue', 'tableau');
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/activites?${query}` : '/activites';
}

const themeList = (list: readonly (keyof typeof themeLabels)[]) => list.map((t) => themeLabels[t]).join(', ');

/** The list counts up to this many records (50 pages); beyond, it says "plus de" and asks for a narrower period. */
const listCountBound = 1000;

activityRoutes.get('/activites', access.to('activity.list'), async (c) => {
  const actor = currentActor(c);
  const { db } = c.get('services').database;
  const { filters, shown, errors } = readListFilters((k) => c.req.query(k));
  const view = c.req.query('vue') === 'tableau' ? 'tableau' : 'cartes';
  const current = pageNumber(c.req.query('page'));
  const [result, { partners, placeIds }] = await Promise.all([listActivities(db, actor, filters, { page: current, perPage, countUpTo: listCountBound }), listFilterChoices(db, actor)]);
  const places = await placeNames(db, [...new Set([...placeIds, ...(filters.placeId ? [filters.placeId] : [])])]);
  const filtered = Object.values(shown).some((v) => v !== '');
  return page(
    c,
    { title: current > 1 ? `Activités, page ${current}` : 'Activités', hasErrors: Object.keys(errors).length > 0, status: 200 },
    <ActivityListPage
      cards={result.rows.map((r) => ({
        id: r.id,
        href: `/activites/${r.id}`,
        title: r.kind === 'workshop' ? (r.title ?? activityKindLabels.workshop) : activityKindLabels.individual,
        kindLabel: activityKindLabels[r.kind],
        day: formatShortDay(r.date),
        duration: formatDuration(r.durationMinutes),
        themes: themeList(r.themes),
        who: `${r.helperName} (${r.organisationName})`,
        place: r.placeName,
        procedure: r.procedureName,
        participants: plural(r.participantCount, 'personne', 'personnes'),
      }))}
      total={result.total}
      totalIsAtLeast={result.totalIsAtLeast}
      page={Math.min(current, result.pageCount)}
      pageCount={result.pageCount}
      hrefFor={(n) => listHref(shown, view, n)}
      view={view}
      otherViewHref={listHref(shown, view === 'cartes' ? 'tableau' : 'cartes', 1)}
      filters={shown}
      filterErrors={errors}
      choices={{
        types: [
          { value: 'individuel', label: activityKindLabels.individual },
          { value: 'atelier', label: activityKindLabels.workshop },
        ],
        themes: themes.map((t) => ({ value: t, label: themeLabels[t] })),
        partners: partners.map((p) => ({ value: p.id, label: p.name })),
        places: [...places.entries()].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'fr')),
        communes: communes.map((k) => ({ value: k.code, label: k.name })),
      }}
      filtered={filtered}
      canRecord={can(actor, 'activity.record')}
    />,
  );
});

// ——— The form ———

type FormSetup = {
  actor: Actor & { kind: 'person' };
  kind: ActivityKind;
  values: ActivityFormValues;
  errors: FieldErrors;
  heading: string;
  lead?: string | undefined;
  action: string;
  submitLabel: string;
  switchHref: string | null;
  cancelHref: string;
  /** The structures the form offers; a change keeps the record's. */
  organisations: { id: string; name: string }[];
  crumbs: { href: string; label: string }[];
};

async function renderForm(c: Context<AppEnv>, setup: FormSetup) {
  const { db } = c.get('services').database;
  const orgIds = setup.organisations.map((o) => o.id);
  const chosenPlace = typeof setup.values.placeId === 'string' && uuidShape.test(setup.values.placeId) ? [setup.values.placeId] : [];
  const beneficiaryId = typeof setup.values.beneficiaryId === 'string' ? setup.values.beneficiaryId : '';
  const [ordered, procedureChoices, placeList, tags, followed, people] = await Promise.all([
    themesByUse(db, setup.actor.userId),
    activeProcedures(db),
    placeChoices(db, setup.actor.userId, orgIds, chosenPlace),
    teamsOfUser(db, setup.actor.userId, localDay(new Date())).then((teams) => usableTags(db, setup.actor.userId, teams.map((t) => t.id))),
    beneficiaryId ? followedPerson(db, beneficiaryId, orgIds) : Promise.resolve(null),
    setup.kind === 'workshop' ? followedPeopleOf(db, orgIds) : Promise.resolve([]),
  ]);
  const hasErrors = Object.keys(setup.errors).length > 0;
  return page(
    c,
    { title: setup.heading, hasErrors, breadcrumbs: setup.crumbs },
    <ActivityFormPage
      heading={setup.heading}
      lead={setup.lead}
      action={setup.action}
      submitLabel={setup.submitLabel}
      kind={setup.kind}
      switchHref={setup.switchHref}
      values={{ ...setup.values, today: localDay(new Date()) }}
      errors={setup.errors}
      cancelHref={setup.cancelHref}
      choices={{
        organisations: setup.organisations,
        themes: ordered.themes,
        usedThemes: ordered.used,
        procedures: procedureChoices,
        places: placeList,
        tags: tags.map((t) => ({ id: t.id, label: t.label, scopeLabel: tagScopeLabels[t.scope] })),
        followedPerson: followed,
        followedPeople: people,
      }}
    />,
  );
}

/** The form's values for an existing record: to change it, or to start a new one from it ("Dupliquer"). */
function valuesOf(a: ActivityDetail): ActivityFormValues {
  const preset = presetDurations.some((d) => d === a.durationMinutes);
  const breakdown: ActivityFormValues = {};
  if (a.participantBreakdown) {
    for (const [field, counts] of Object.entries(a.participantBreakdown)) {
      for (const [value, n] of Object.entries(counts)) if (typeof n === 'number' && n > 0) breakdown[`breakdown-${field}-${value}`] = String(n);
    }
  }
  return {
    organisationId: a.organisationId,
    date: a.date,
    duration: preset ? String(a.durationMinutes) : 'autre',
    durationHours: preset ? '' : String(Math.floor(a.durationMinutes / 60)),
    durationMins: preset ? '' : String(a.durationMinutes % 60),
    channel: a.channel,
    placeId: a.placeId ?? '',
    themes: a.themes,
    administrativeSubThemes: a.administrativeSubThemes,
    materials: a.materials,
    notes: a.notes,
    tagIds: a.tagIds,
    autonomy: a.autonomy ?? '',
    oriented: a.oriented ? 'oui' : 'non',
    orientationDestination: a.orientationDestination ?? '',
    procedureId: a.procedureId ?? '',
    procedureOutcome: a.procedureOutcome ?? '',
    beneficiaryId: a.beneficiaryId ?? '',
    communeCode: a.communeCode ?? '',
    ageBand: a.ageBand,
    gender: a.gender,
    status: a.status,
    title: a.title ?? '',
    level: a.level ?? '',
    participantIds: a.participants.map((p) => p.id),
    anonymousParticipants: a.kind === 'workshop' ? String(a.anonymousParticipants) : '',
    ...breakdown,
  };
}

/** Loads a record the actor may read, or null (404). */
async function loadReadable(c: Context<AppEnv>, actor: Actor): Promise<ActivityDetail | null> {
  const detail = await activityDetail(c.get('services').database.db, c.req.param('id') ?? '');
  if (!detail || !can(actor, 'activity.view', detail)) return null;
  return detail;
}

activityRoutes.get('/activites/nouvelle', access.to('activity.record'), async (c) => {
  const actor = person(c);
  const { db } = c.get('services').database;
  const organisations = recordingOrganisations(actor);
  const today = localDay(new Date());
  let kind: ActivityKind = c.req.query('type') === 'atelier' ? 'workshop' : 'individual';
  let values: ActivityFormValues;
  let lead: string | undefined;
  const from = c.req.query('depuis');
  const source = from ? await activityDetail(db, from) : null;
  if (source && can(actor, 'activity.view', source)) {
    // "Dupliquer": everything as it was, but today, and without the followed people (another person, another day).
    kind = source.kind;
    values = { ...valuesOf(source), date: today, beneficiaryId: '', participantIds: [], notes: '' };
    if (!organisations.some((o) => o.id === source.organisationId)) values.organisationId = '';
    lead = `Nouvelle activité préremplie à partir de celle du ${formatShortDay(source.date)}. Vérifiez et enregistrez.`;
  } else {
    const single = organisations.length === 1 ? organisations[0]?.id : undefined;
    const ownPlaces = single ? await placesOfOrganisation(db, single) : [];
    const place = ownPlaces.length === 1 ? ownPlaces[0]?.id : await lastPlaceOf(db, actor.userId);
    values = { organisationId: single ?? '', date: today, duration: '30', channel: 'at_place', placeId: place ?? '', oriented: 'non', anonymousParticipants: '' };
    const beneficiaryId = c.req.query('beneficiaryId') ?? '';
    if (beneficiaryId && kind === 'individual') values.beneficiaryId = beneficiaryId;
  }
  return renderForm(c, {
    actor,
    kind,
    values,
    errors: {},
    heading: kind === 'workshop' ? 'Enregistrer un atelier collectif' : 'Enregistrer un accompagnement',
    lead,
    action: '/activites/nouvelle',
    submitLabel: kind === 'workshop' ? 'Enregistrer l’atelier' : 'Enregistrer l’accompagnement',
    switchHref: kind === 'workshop' ? '/activites/nouvelle' : '/activites/nouvelle?type=atelier',
    cancelHref: '/activites',
    organisations,
    crumbs: [listCrumb],
  });
});

/** A refusal found inside the transaction: rolls back the new tag with the record. */
class Refused extends Error {
  constructor(readonly fields: Record<string, string>) {
    super('refused');
  }
}

/** Reads the posted form; null when the body cannot be read at all. */
async function postedValues(c: Context<AppEnv>) {
  const form = await readForm(c, z.unknown());
  const values: ActivityFormValues = form.input;
  if (!form.ok && form.errors.formulaire) return { values, parsed: { ok: false as const, errors: form.errors } };
  const input = { ...values };
  if (input.unlinkPerson === 'oui') input.beneficiaryId = '';
  return { values, parsed: readActivityForm(input) };
}

activityRoutes.post('/activites/nouvelle', access.to('activity.record'), async (c) => {
  const actor = person(c);
  const { db } = c.get('services').database;
  const { values, parsed } = await postedValues(c);
  const kind: ActivityKind = values.kind === 'workshop' ? 'workshop' : 'individual';
  const organisations = recordingOrganisations(actor);
  const setup = {
    actor,
    kind,
    values,
    heading: kind === 'workshop' ? 'Enregistrer un atelier collectif' : 'Enregistrer un accompagnement',
    action: '/activites/nouvelle',
    submitLabel: kind === 'workshop' ? 'Enregistrer l’atelier' : 'Enregistrer l’accompagnement',
    switchHref: kind === 'workshop' ? '/activites/nouvelle' : '/activites/nouvelle?type=atelier',
    cancelHref: '/activites',
    organisations,
    crumbs: [listCrumb],
  };
  if (!parsed.ok) return renderForm(c, { ...setup, errors: parsed.errors });
  const { newTag, ...input } = parsed.value;
  try {
    const saved = await db.transaction(async (tx) => {
      const tagIds = [...(input.tagIds ?? [])];
      if (newTag) tagIds.push((await createPersonalTag(tx, actor, newTag)).id);
      const result = await recordActivity(tx, actor, { ...input, tagIds }, context(c));
      if (!result.ok) throw new Refused(result.fields);
      return result.value;
    });
    const what = kind === 'workshop' ? `Atelier enregistré (${plural(saved.participantCount, 'participant', 'participants')}).` : 'Accompagnement enregistré.';
    return redirectWithFlash(c, `/activites/${saved.id}`, { kind: 'success', text: `${what} Vous pouvez en enregistrer un autre ou le dupliquer.` });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return renderForm(c, { ...setup, errors: formErrorsOf(error.fields) });
  }
});

// ——— One record ———

function factsOf(a: ActivityDetail): { key: string; value: string }[] {
  const facts: { key: string; value: string }[] = [
    { key: 'Type', value: activityKindLabels[a.kind] },
    { key: 'Date', value: formatDay(a.date) },
    { key: 'Durée', value: formatDuration(a.durationMinutes) },
    { key: 'Où', value: channelLabels[a.channel] },
    { key: 'Lieu', value: a.placeName ?? 'Aucun lieu en particulier' },
    { key: 'Structure', value: a.organisationName },
    { key: 'Aidant', value: a.helperName },
    ...(a.tokenName === null ? [] : [{ key: 'Enregistré par', value: `Le jeton d’API « ${a.tokenName} », au nom de l’aidant` }]),
    { key: 'Thèmes', value: themeList(a.themes) },
  ];
  if (a.administrativeSubThemes.length > 0) facts.push({ key: 'Précision de la démarche', value: a.administrativeSubThemes.map((s) => administrativeSubThemeLabels[s]).join(', ') });
  if (a.procedureName) facts.push({ key: 'Démarche', value: `${a.partnerName ?? ''} : ${a.procedureName}` });
  if (a.procedureOutcome) facts.push({ key: 'Où en est la démarche', value: procedureOutcomeLabels[a.procedureOutcome] });
  if (a.kind === 'workshop') {
    facts.push({ key: 'Titre', value: a.title ?? '' });
    if (a.level) facts.push({ key: 'Niveau', value: workshopLevelLabels[a.level] });
    facts.push({ key: 'Participants', value: `${plural(a.participantCount, 'participant', 'participants')} : ${plural(a.participants.length, 'personne suivie', 'personnes suivies')}, ${plural(a.anonymousParticipants, 'anonyme', 'anonymes')}` });
    if (a.participants.length > 0) facts.push({ key: 'Personnes suivies', value: a.participants.map((p) => p.name).join(', ') });
    const b = a.participantBreakdown;
    if (b) {
      const part = (counts: Partial<Record<string, number>>, labels: Record<string, string>) =>
        Object.entries(counts)
          .filter(([, n]) => (n ?? 0) > 0)
          .map(([k, n]) => `${labels[k] ?? k} : ${n}`)
          .join(', ');
      const lines = [part(b.gender, genderLabels), part(b.ageBand, ageBandLabels), part(b.status, personStatusLabels)].filter((l) => l !== '');
      if (lines.length > 0) facts.push({ key: 'Répartition des anonymes', value: lines.join(' ; ') });
    }
  } else {
    const traits = [
      a.communeCode ? (communeByCode(a.communeCode)?.name ?? a.communeCode) : null,
      a.ageBand !== 'not_communicated' ? ageBandLabels[a.ageBand] : null,
      a.gender !== 'not_communicated' ? genderLabels[a.gender] : null,
      a.status !== 'not_communicated' ? personStatusLabels[a.status] : null,
    ].filter((t) => t !== null);
    facts.push({ key: 'Personne', value: a.beneficiaryName ? `${a.beneficiaryName} (personne suivie)` : `Anonyme${traits.length > 0 ? ` : ${traits.join(', ')}` : ''}` });
    if (a.autonomy) facts.push({ key: 'Autonomie', value: autonomyLabels[a.autonomy] });
    facts.push({ key: 'Orientée ailleurs', value: a.oriented ? `Oui${a.orientationDestination ? ` : ${orientationDestinationLabels[a.orientationDestination]}` : ''}` : 'Non' });
  }
  if (a.materials.length > 0) facts.push({ key: 'Matériel', value: a.materials.map((m) => materialLabels[m]).join(', ') });
  if (a.tags.length > 0) facts.push({ key: 'Étiquettes', value: a.tags.map((t) => t.label).join(', ') });
  if (a.notes) facts.push({ key: 'Notes', value: a.notes });
  return facts;
}

const headingOf = (a: ActivityDetail) => (a.kind === 'workshop' ? `Atelier « ${a.title ?? ''} » du ${formatShortDay(a.date)}` : `Accompagnement du ${formatShortDay(a.date)}`);

activityRoutes.get('/activites/:id', access.to('activity.view'), async (c) => {
  const actor = currentActor(c);
  const detail = await loadReadable(c, actor);
  if (!detail) return errorPage(c, 404);
  const permissions = activityPermissions(actor, detail);
  return page(c, { title: headingOf(detail), breadcrumbs: [listCrumb] }, <ActivityShowPage id={detail.id} heading={headingOf(detail)} facts={factsOf(detail)} can={permissions} />);
});

activityRoutes.get('/activites/:id/modifier', access.to('activity.update'), async (c) => {
  const actor = person(c);
  const detail = await loadReadable(c, actor);
  if (!detail) return errorPage(c, 404);
  if (!can(actor, 'activity.update', detail)) return errorPage(c, 403);
  return renderForm(c, editSetup(actor, detail, valuesOf(detail), {}));
});

function editSetup(actor: Actor & { kind: 'person' }, detail: ActivityDetail, values: ActivityFormValues, errors: FieldErrors): FormSetup {
  const heading = `Modifier : ${headingOf(detail).replace(/^./, (ch) => ch.toLowerCase())}`;
  return {
    actor,
    kind: detail.kind,
    values,
    errors,
    heading,
    action: `/activites/${detail.id}/modifier`,
    submitLabel: 'Enregistrer les changements',
    switchHref: null,
    cancelHref: `/activites/${detail.id}`,
    organisations: [{ id: detail.organisationId, name: detail.organisationName }],
    crumbs: [listCrumb, { href: `/activites/${detail.id}`, label: headingOf(detail) }],
  };
}

activityRoutes.post('/activites/:id/modifier', access.to('activity.update'), async (c) => {
  const actor = person(c);
  const { db } = c.get('services').database;
  const detail = await loadReadable(c, actor);
  if (!detail) return errorPage(c, 404);
  if (!can(actor, 'activity.update', detail)) return errorPage(c, 403);
  const { values, parsed } = await postedValues(c);
  if (!parsed.ok) return renderForm(c, editSetup(actor, detail, values, parsed.errors));
  const { newTag, ...input } = parsed.value;
  try {
    await db.transaction(async (tx) => {
      const tagIds = [...(input.tagIds ?? [])];
      if (newTag) tagIds.push((await createPersonalTag(tx, actor, newTag)).id);
      const result = await updateActivity(tx, actor, detail.id, { ...input, tagIds }, context(c));
      if (!result.ok) throw new Refused(result.error === 'not_found' ? { formulaire: 'Cette activité n’existe plus.' } : result.fields);
    });
    return redirectWithFlash(c, `/activites/${detail.id}`, { kind: 'success', text: 'Activité modifiée.' });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return renderForm(c, editSetup(actor, detail, values, formErrorsOf(error.fields)));
  }
});

activityRoutes.get('/activites/:id/supprimer', access.to('activity.delete'), async (c) => {
  const actor = currentActor(c);
  const detail = await loadReadable(c, actor);
  if (!detail) return errorPage(c, 404);
  if (!can(actor, 'activity.delete', detail)) return errorPage(c, 403);
  const heading = `Supprimer l’${detail.kind === 'workshop' ? 'atelier' : 'accompagnement'} du ${formatShortDay(detail.date)} ?`;
  const summary = `${activityKindLabels[detail.kind]} de ${formatDuration(detail.durationMinutes)} par ${detail.helperName}, thèmes : ${themeList(detail.themes)}.`;
  return page(c, { title: heading, breadcrumbs: [listCrumb, { href: `/activites/${detail.id}`, label: headingOf(detail) }] }, <ActivityDeletePage id={detail.id} heading={heading} summary={summary} />);
});

activityRoutes.post('/activites/:id/supprimer', access.to('activity.delete'), async (c) => {
  const actor = currentActor(c);
  const detail = await loadReadable(c, actor);
  if (!detail) return errorPage(c, 404);
  if (!can(actor, 'activity.delete', detail)) return errorPage(c, 403);
  const result = await c.get('services').database.db.transaction((tx) => deleteActivity(tx, actor, detail.id, context(c)));
  if (!result.ok) return errorPage(c, 404);
  return redirectWithFlash(c, '/activites', { kind: 'success', text: `${activityKindLabels[detail.kind]} du ${formatShortDay(detail.date)} supprimé.` });
});
