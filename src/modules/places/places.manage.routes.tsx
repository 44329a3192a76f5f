import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http/env.ts';
import { access, UnauthenticatedError } from '../../platform/http/access.ts';
import { redirectWithFlash } from '../../platform/http/flash.ts';
import { inputValue, readForm, validate, type FieldErrors, type FormInput } from '../../platform/http/forms.ts';
import { registerNav } from '../../platform/http/navigation.ts';
import { errorPage, page } from '../../platform/http/render.tsx';
import { countEvent, limitReached } from '../../platform/rate-limit/index.ts';
import { clientOf } from '../accounts/index.ts';

/** Reports from one network address: ten an hour is plenty for a person, little for a robot. */
const reportLimit = { max: 10, windowMinutes: 60 };
import { authorize, can, type Actor } from '../../platform/authz/index.ts';
import { formatDateLong, formatDateTime } from '../../platform/format.ts';
import type { TagColour } from '../../ui/index.ts';
import { communeByCode, communes, provinceLabels } from '../../territory/index.ts';
import { assignPlaceManager, createPlace, updatePlace } from './places.commands.ts';
import { findOrganisation, listOrganisations } from '../organisations/index.ts';
import { placeFieldLabels, placeFieldOrder, placeFields, type PlaceFieldName } from './places.forms.ts';
import { hoursFieldOrder, hoursFormSchema, hoursFormValues } from './places.hours.ts';
import { HoursFields } from './views/hours-fieldset.tsx';
import { displayValue, optionsOf } from './places.manage.presenters.ts';
import { findManageablePlace, findReport, listManageablePlaces, listReports, placeHistory } from './places.manage.queries.ts';
import { defaultChoices, mergedFields, mergePlaces, type FieldChoices } from './places.merge.ts';
import { findPlace, type Place } from './places.queries.ts';
import { answerReport, closeReport, submitReport } from './places.reports.commands.ts';
import { answerFields, honeypotField, reportFields } from './places.reports.forms.ts';
import { reportStatusLabels, reportTopicLabels } from './places.reports.labels.ts';
import { reportStatuses, reportTopics, type ReportStatus, type ReportTopic } from './places.reports.schema.ts';
import { ManagedPlaceListPage } from './views/manage/list.tsx';
import { PlaceFormPage, PlaceManagerPage, type PlaceFormOptions } from './views/manage/place-form.tsx';
import { PlaceHistoryPage, type HistoryEntry } from './views/manage/history.tsx';
import { ReportFormPage, ReportThanksPage } from './views/manage/report-form.tsx';
import { ReportInboxPage, ReportPage } from './views/manage/reports.tsx';
import { MergeComparePage, MergeConfirmPage, MergePickPage, type CompareField } from './views/manage/merge.tsx';
import './places.policy.ts';

registerNav({ href: '/gestion/lieux', label: 'Gérer les lieux', shownTo: 'place.manage', order: 20 });

export const placeManageRoutes = new Hono<AppEnv>();

const listCrumb = { href: '/gestion/lieux', label: 'Gérer les lieux' };
const reportsCrumb = { href: '/gestion/signalements', label: 'Signalements' };

function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

function pageNumber(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100_000) : 1;
}

function communeName(code: string): string {
  return communeByCode(code)?.name ?? code;
}

// ---------------------------------------------------------------------------------------------------------------
// The places an actor manages
// ---------------------------------------------------------------------------------------------------------------

placeManageRoutes.get('/gestion/lieux', access.to('place.manage'), async (c) => {
  const actor = currentActor(c);
  const q = (c.req.query('q') ?? '').trim().slice(0, 150);
  const current = pageNumber(c.req.query('page'));
  const result = await listManageablePlaces(c.get('services').database.db, actor, { q, page: current });
  const hrefFor = (n: number) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (n > 1) params.set('page', String(n));
    const query = params.toString();
    return query ? `/gestion/lieux?${query}` : '/gestion/lieux';
  };
  return page(
    c,
    { title: current > 1 ? `Gérer les lieux, page ${current}` : 'Gérer les lieux' },
    <ManagedPlaceListPage
      q={q}
      rows={result.rows.map((p) => ({ id: p.id, name: p.name, communeName: communeName(p.communeCode), updatedAt: formatDateLong(p.updatedAt) }))}
      total={result.total}
      page={current}
      pageCount={result.pageCount}
      hrefFor={hrefFor}
      canCreate={can(actor, 'place.create')}
      canMerge={can(actor, 'place.merge')}
      canSeeReports={can(actor, 'place.manage')}
    />,
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Create and edit: every field
// ---------------------------------------------------------------------------------------------------------------

const formOptions: PlaceFormOptions = {
  communes: communes.map((commune) => ({ value: commune.code, label: `${commune.name} (${provinceLabels[commune.province]})` })),
  typologies: optionsOf('typologies'),
  itinerance: optionsOf('itinerance'),
  services: optionsOf('services'),
  publics: optionsOf('publics'),
  specificSupports: optionsOf('specificSupports'),
  fees: optionsOf('fees'),
  nationalSchemes: optionsOf('nationalSchemes'),
  trainingLabels: optionsOf('trainingLabels'),
  accessModes: optionsOf('accessModes'),
  supportModes: optionsOf('supportModes'),
  equipment: optionsOf('equipment'),
  languages: optionsOf('languages'),
  accessibility: optionsOf('accessibility'),
};

/** A stored place as the form shows it: codes for checkboxes, one line per e-mail or site, numbers as text. */
function valuesFromPlace(place: Place): FormInput {
  const values: FormInput = {};
  for (const key of placeFieldOrder) {
    const value: unknown = place[key];
    if (key === 'emails' || key === 'websites' || key === 'otherLabels') values[key] = Array.isArray(value) ? value.join('\n') : '';
    else if (key === 'isAdviceCounter') values[key] = value === true ? ['oui'] : [];
    else if (Array.isArray(value)) values[key] = value.filter((v) => typeof v === 'string');
    else values[key] = value === null || value === undefined ? '' : String(value);
  }
  return { ...values, ...hoursFormValues(place.openingHours) };
}

/** The error summary's order: the place's fields, the per-day hours where the hours are. */
const formFieldOrder: readonly string[] = placeFieldOrder.flatMap((k): readonly string[] => (k === 'openingHours' ? hoursFieldOrder : [k]));

/**
 * Reads the place form: the per-day hours (with lunch breaks, public holidays, exceptional closings, or the expert
 * OSM field) become the stored `openingHours` string; both sets of errors are shown together.
 */
async function readPlaceForm(c: Context<AppEnv>) {
  const form = await readForm(c, placeFields);
  const hours = validate(hoursFormSchema, form.input);
  if (!form.ok || !hours.ok) {
    return { ok: false as const, input: form.input, errors: { ...(form.ok ? {} : form.errors), ...(hours.ok ? {} : hours.errors) } };
  }
  return { ok: true as const, input: form.input, data: { ...form.data, openingHours: hours.data.openingHours } };
}

function placeFormPage(
  c: Context<AppEnv>,
  options: { title: string; action: string; submitLabel: string; cancelHref: string; breadcrumbs: { href: string; label: string }[]; historyHref?: string; managerHref?: string },
  values: FormInput,
  errors: FieldErrors,
) {
  return page(
    c,
    { title: options.title, hasErrors: Object.keys(errors).length > 0, breadcrumbs: options.breadcrumbs },
    <PlaceFormPage
      heading={options.title}
      action={options.action}
      submitLabel={options.submitLabel}
      values={values}
      errors={errors}
      fieldOrder={formFieldOrder}
      options={formOptions}
      hoursFieldset={<HoursFields values={values} errors={errors} />}
      cancelHref={options.cancelHref}
      historyHref={options.historyHref}
      managerHref={options.managerHref}
    />,
  );
}

const newPlacePage = { title: 'Ajouter un lieu', action: '/gestion/lieux/nouveau', submitLabel: 'Ajouter le lieu', cancelHref: '/gestion/lieux', breadcrumbs: [listCrumb] };
const outOfScope = 'Vous ne pouvez pas placer un lieu dans cette commune : elle est hors du territoire que vous coordonnez.';

placeManageRoutes.get('/gestion/lieux/nouveau', access.to('place.create'), (c) => placeFormPage(c, newPlacePage, {}, {}));

placeManageRoutes.post('/gestion/lieux/nouveau', access.to('place.create'), async (c) => {
  const actor = currentActor(c);
  const form = await readPlaceForm(c);
  if (!form.ok) return placeFormPage(c, newPlacePage, form.input, form.errors);
  const province = communeByCode(form.data.communeCode)?.province;
  if (!province || !can(actor, 'place.create', { id: '', province, managedBy: null })) return placeFormPage(c, newPlacePage, form.input, { communeCode: outOfScope });
  const created = await c.get('services').database.db.transaction((tx) => createPlace(tx, actor, form.data, { requestId: c.get('requestId') }));
  if (!created.ok) return errorPage(c, 500);
  return redirectWithFlash(c, `/gestion/lieux/${created.value.id}/modifier`, { kind: 'success', text: `Lieu « ${form.data.name} » ajouté.` });
});

function editPage(place: Place, actor?: Actor) {
  return {
    title: `Modifier « ${place.name} »`,
    action: `/gestion/lieux/${place.id}/modifier`,
    submitLabel: 'Enregistrer les modifications',
    cancelHref: '/gestion/lieux',
    breadcrumbs: [listCrumb],
    historyHref: `/gestion/lieux/${place.id}/historique`,
    ...(actor && can(actor, 'place.create', place) ? { managerHref: `/gestion/lieux/${place.id}/gestionnaire` } : {}),
  };
}

/** The place if the actor may manage it; otherwise null (404: they may not know it is managed here). */
async function manageablePlace(c: Context<AppEnv>, actor: Actor): Promise<Place | null> {
  const place = await findManageablePlace(c.get('services').database.db, actor, c.req.param('id') ?? '');
  if (!place) return null;
  authorize(actor, 'place.manage', place);
  return place;
}

placeManageRoutes.get('/gestion/lieux/:id/modifier', access.to('place.manage'), async (c) => {
  const place = await manageablePlace(c, currentActor(c));
  if (!place) return errorPage(c, 404);
  return placeFormPage(c, editPage(place, currentActor(c)), valuesFromPlace(place), {});
});

placeManageRoutes.post('/gestion/lieux/:id/modifier', access.to('place.manage'), async (c) => {
  const actor = currentActor(c);
  const place = await manageablePlace(c, actor);
  if (!place) return errorPage(c, 404);
  const form = await readPlaceForm(c);
  if (!form.ok) return placeFormPage(c, editPage(place), form.input, form.errors);
  const province = communeByCode(form.data.communeCode)?.province;
  if (!province || !can(actor, 'place.manage', { ...place, province })) return placeFormPage(c, editPage(place), form.input, { communeCode: outOfScope });
  const result = await c.get('services').database.db.transaction((tx) => updatePlace(tx, actor, place.id, form.data, { requestId: c.get('requestId') }));
  if (!result.ok) return errorPage(c, 404);
  const text = result.value.changed.length === 0 ? 'Aucun changement : la fiche était déjà à jour.' : 'Les modifications sont enregistrées.';
  return redirectWithFlash(c, `/gestion/lieux/${place.id}/modifier`, { kind: 'success', text });
});

// ---------------------------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------------------------

const fieldLabels = new Map<string, string>(Object.entries(placeFieldLabels));

/** The `{ field: { avant, après } }` entries of an audit event's details, as people read them. */
function changesOf(details: Record<string, unknown>): HistoryEntry['changes'] {
  return Object.entries(details).flatMap(([field, change]) =>
    typeof change === 'object' && change !== null && 'avant' in change && 'après' in change
      ? [{ field: fieldLabels.get(field) ?? field, before: displayValue(field, change.avant), after: displayValue(field, change.après) }]
      : [],
  );
}

placeManageRoutes.get('/gestion/lieux/:id/historique', access.to('place.manage'), async (c) => {
  const place = await manageablePlace(c, currentActor(c));
  if (!place) return errorPage(c, 404);
  const current = pageNumber(c.req.query('page'));
  const history = await placeHistory(c.get('services').database.db, place.id, current);
  const base = `/gestion/lieux/${place.id}/historique`;
  return page(
    c,
    { title: current > 1 ? `Historique de « ${place.name} », page ${current}` : `Historique de « ${place.name} »`, breadcrumbs: [listCrumb] },
    <PlaceHistoryPage
      placeId={place.id}
      placeName={place.name}
      entries={history.rows.map((e) => ({ id: e.id, at: formatDateTime(e.at), actor: e.actorLabel, summary: e.summary, changes: changesOf(e.details) }))}
      page={current}
      pageCount={history.pageCount}
      hrefFor={(n) => (n > 1 ? `${base}?page=${n}` : base)}
    />,
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Error reports: the public form, then the managers' inbox
// ---------------------------------------------------------------------------------------------------------------

const topicOptions = reportTopics.map((t) => ({ value: t, label: reportTopicLabels[t] }));

function topicsText(topics: readonly ReportTopic[]): string {
  return topics.map((t) => reportTopicLabels[t]).join(', ');
}

function reportFormPage(c: Context<AppEnv>, place: Place, values: { topics: string[]; message: string; email: string }, errors: FieldErrors, status?: 429) {
  return page(
    c,
    { title: `Signaler une erreur sur « ${place.name} »`, hasErrors: Object.keys(errors).length > 0, ...(status ? { status } : {}) },
    <ReportFormPage placeId={place.id} placeName={place.name} values={values} errors={errors} topicOptions={topicOptions} />,
  );
}

placeManageRoutes.get('/lieux/:id/signaler', access.public(), async (c) => {
  const place = await findPlace(c.get('services').database.db, c.req.param('id'));
  if (!place) return errorPage(c, 404);
  return reportFormPage(c, place, { topics: [], message: '', email: '' }, {});
});

placeManageRoutes.post('/lieux/:id/signaler', access.public(), async (c) => {
  const { database, config, notifyOutbox } = c.get('services');
  const place = await findPlace(database.db, c.req.param('id'));
  if (!place) return errorPage(c, 404);
  const form = await readForm(c, reportFields);
  const thanks = `/lieux/${place.id}/signaler/merci`;
  const trap = form.input[honeypotField];
  // A robot filled the hidden field: it is told "thank you", and nothing is stored or sent.
  if (trap !== undefined && trap !== '' && !(Array.isArray(trap) && trap.every((v) => v === ''))) return c.redirect(thanks, 303);
  if (!form.ok) {
    const topics = form.input.topics;
    const values = {
      topics: topics === undefined ? [] : Array.isArray(topics) ? topics : [topics],
      message: typeof form.input.message === 'string' ? form.input.message : '',
      email: typeof form.input.email === 'string' ? form.input.email : '',
    };
    return reportFormPage(c, place, values, form.errors);
  }
  // Anyone may report, so one network address may send at most a few reports an hour: managers' inboxes are not
  // a way to flood them.
  const key = `report:ip:${clientOf(c).ip ?? 'inconnue'}`;
  const limited = await database.db.transaction(async (tx) => {
    if (await limitReached(tx, key, reportLimit)) return true;
    const result = await submitReport(tx, c.get('actor'), place.id, form.data, { baseUrl: config.baseUrl, requestId: c.get('requestId') });
    if (!result.ok) return null;
    await countEvent(tx, key);
    return false;
  });
  if (limited === null) return errorPage(c, 404);
  if (limited) {
    return reportFormPage(c, place, { topics: form.data.topics, message: form.data.message, email: form.data.email ?? '' }, { message: 'Vous avez envoyé beaucoup de signalements. Attendez une heure avant d’en envoyer un autre.' }, 429);
  }
  notifyOutbox();
  return c.redirect(thanks, 303);
});

placeManageRoutes.get('/lieux/:id/signaler/merci', access.public(), async (c) => {
  const place = await findPlace(c.get('services').database.db, c.req.param('id'));
  if (!place) return errorPage(c, 404);
  return page(c, { title: `Message envoyé pour « ${place.name} »` }, <ReportThanksPage placeId={place.id} placeName={place.name} />);
});

const statusColours = { open: 'yellow', answered: 'blue', closed: 'grey' } as const satisfies Record<ReportStatus, TagColour>;
const statusFilterOptions = [
  { value: 'open', label: 'À traiter' },
  { value: 'answered', label: 'Répondus' },
  { value: 'closed', label: 'Clos' },
  { value: 'tous', label: 'Tous' },
];

placeManageRoutes.get('/gestion/signalements', access.to('place.manage'), async (c) => {
  const actor = currentActor(c);
  const asked = c.req.query('statut') ?? 'open';
  const status = reportStatuses.find((s) => s === asked);
  const filter = status ?? (asked === 'tous' ? 'tous' : 'open');
  const current = pageNumber(c.req.query('page'));
  const result = await listReports(c.get('services').database.db, actor, { status: filter === 'tous' ? undefined : filter, page: current });
  const hrefFor = (n: number) => {
    const params = new URLSearchParams({ statut: filter });
    if (n > 1) params.set('page', String(n));
    return `/gestion/signalements?${params.toString()}`;
  };
  return page(
    c,
    { title: current > 1 ? `Signalements d’erreurs, page ${current}` : 'Signalements d’erreurs', breadcrumbs: [listCrumb] },
    <ReportInboxPage
      status={filter}
      statusOptions={statusFilterOptions}
      rows={result.rows.map((r) => ({
        id: r.id,
        placeId: r.placeId,
        placeName: r.placeName,
        communeName: communeName(r.communeCode),
        topics: topicsText(r.topics),
        excerpt: r.message.length > 120 ? `${r.message.slice(0, 119)}…` : r.message,
        statusLabel: reportStatusLabels[r.status],
        statusColour: statusColours[r.status],
        createdAt: formatDateLong(r.createdAt),
      }))}
      total={result.total}
      page={current}
      pageCount={result.pageCount}
      hrefFor={hrefFor}
    />,
  );
});

async function manageableReport(c: Context<AppEnv>, actor: Actor) {
  const found = await findReport(c.get('services').database.db, actor, c.req.param('id') ?? '');
  if (!found) return null;
  authorize(actor, 'place.manage', found.place);
  return found;
}

function reportPage(c: Context<AppEnv>, found: NonNullable<Awaited<ReturnType<typeof manageableReport>>>, values: { answer: string }, errors: FieldErrors) {
  const { report, place } = found;
  const open = report.status !== 'closed';
  return page(
    c,
    { title: `Signalement sur « ${place.name} » du ${formatDateLong(report.createdAt)}`, hasErrors: Object.keys(errors).length > 0, breadcrumbs: [listCrumb, reportsCrumb] },
    <ReportPage
      id={report.id}
      placeId={place.id}
      placeName={place.name}
      topics={topicsText(report.topics)}
      message={report.message}
      createdAt={formatDateTime(report.createdAt)}
      statusLabel={reportStatusLabels[report.status]}
      statusColour={statusColours[report.status]}
      hasEmail={report.reporterEmail !== null}
      answer={report.answer && report.answeredAt ? { text: report.answer, by: report.answeredBy ?? '—', at: formatDateTime(report.answeredAt) } : null}
      closedAt={report.closedAt ? formatDateTime(report.closedAt) : null}
      canAnswer={open}
      canClose={open}
      values={values}
      errors={errors}
    />,
  );
}

placeManageRoutes.get('/gestion/signalements/:id', access.to('place.manage'), async (c) => {
  const found = await manageableReport(c, currentActor(c));
  if (!found) return errorPage(c, 404);
  return reportPage(c, found, { answer: '' }, {});
});

placeManageRoutes.post('/gestion/signalements/:id/repondre', access.to('place.manage'), async (c) => {
  const actor = currentActor(c);
  const found = await manageableReport(c, actor);
  if (!found) return errorPage(c, 404);
  const form = await readForm(c, answerFields);
  if (!form.ok) return reportPage(c, found, { answer: typeof form.input.answer === 'string' ? form.input.answer : '' }, form.errors);
  const { database, config, notifyOutbox } = c.get('services');
  const result = await database.db.transaction((tx) => answerReport(tx, actor, found.report.id, form.data, { baseUrl: config.baseUrl, requestId: c.get('requestId') }));
  const back = `/gestion/signalements/${found.report.id}`;
  if (!result.ok) {
    if (result.error === 'not_found') return errorPage(c, 404);
    return redirectWithFlash(c, back, { kind: 'warning', text: 'Ce signalement est clos : il ne peut plus recevoir de réponse.' });
  }
  notifyOutbox();
  const text = found.report.reporterEmail ? 'Votre réponse est enregistrée et envoyée par e-mail.' : 'Votre réponse est enregistrée.';
  return redirectWithFlash(c, back, { kind: 'success', text });
});

placeManageRoutes.post('/gestion/signalements/:id/clore', access.to('place.manage'), async (c) => {
  const actor = currentActor(c);
  const found = await manageableReport(c, actor);
  if (!found) return errorPage(c, 404);
  const result = await c.get('services').database.db.transaction((tx) => closeReport(tx, actor, found.report.id, { requestId: c.get('requestId') }));
  if (!result.ok && result.error === 'not_found') return errorPage(c, 404);
  return redirectWithFlash(c, '/gestion/signalements', { kind: 'success', text: `Le signalement sur « ${found.place.name} » est clos.` });
});

// ---------------------------------------------------------------------------------------------------------------
// Merge duplicates: pick two, compare field by field, confirm
// ---------------------------------------------------------------------------------------------------------------

const mergeCrumbs = [listCrumb, { href: '/gestion/lieux/fusion', label: 'Fusionner deux lieux' }];

async function mergePickPage(c: Context<AppEnv>, actor: Actor, q: string, errors: FieldErrors) {
  const found = q ? await listManageablePlaces(c.get('services').database.db, actor, { q, page: 1 }) : null;
  return page(
    c,
    { title: 'Fusionner deux lieux en double', hasErrors: Object.keys(errors).length > 0, breadcrumbs: [listCrumb] },
    <MergePickPage
      q={q}
      searched={found !== null}
      candidates={(found?.rows ?? []).map((p) => ({ value: p.id, label: `${p.name} (${communeName(p.communeCode)})` }))}
      errors={errors}
    />,
  );
}

placeManageRoutes.get('/gestion/lieux/fusion', access.to('place.merge'), (c) =>
  mergePickPage(c, currentActor(c), (c.req.query('q') ?? '').trim().slice(0, 150), {}),
);

/** Both places, if the actor may merge them; null when one is unknown, merged or out of reach (404). */
async function mergePair(c: Context<AppEnv>, actor: Actor, aId: string, bId: string) {
  const { db } = c.get('services').database;
  const a = await findManageablePlace(db, actor, aId);
  const b = await findManageablePlace(db, actor, bId);
  if (!a || !b || a.id === b.id) return null;
  authorize(actor, 'place.merge', a);
  authorize(actor, 'place.merge', b);
  return { a, b };
}

/** The fields whose values differ between the two places. */
function differingFields(a: Place, b: Place): PlaceFieldName[] {
  return placeFieldOrder.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

function comparePage(c: Context<AppEnv>, a: Place, b: Place, keep: 'a' | 'b', choices: FieldChoices, errors: FieldErrors) {
  const different = new Set(differingFields(a, b));
  const rows: CompareField[] = [...different].map((k) => ({
    field: k,
    label: placeFieldLabels[k],
    a: displayValue(k, a[k]),
    b: displayValue(k, b[k]),
    choice: choices[k] ?? 'a',
  }));
  return page(
    c,
    { title: `Comparer « ${a.name} » et « ${b.name} »`, hasErrors: Object.keys(errors).length > 0, breadcrumbs: mergeCrumbs },
    <MergeComparePage
      a={{ id: a.id, name: a.name, commune: communeName(a.communeCode) }}
      b={{ id: b.id, name: b.name, commune: communeName(b.communeCode) }}
      keep={keep}
      different={rows}
      same={placeFieldOrder.filter((k) => !different.has(k)).map((k) => ({ label: placeFieldLabels[k], value: displayValue(k, a[k]) }))}
      errors={errors}
      fieldOrder={placeFieldOrder}
    />,
  );
}

placeManageRoutes.get('/gestion/lieux/fusion/comparer', access.to('place.merge'), async (c) => {
  const actor = currentActor(c);
  const chosen = [...new Set(c.req.queries('lieux') ?? [])];
  const q = (c.req.query('q') ?? '').trim().slice(0, 150);
  if (chosen.length !== 2) return mergePickPage(c, actor, q, { lieux: 'Cochez deux lieux, ni plus ni moins' });
  const pair = await mergePair(c, actor, chosen[0] ?? '', chosen[1] ?? '');
  if (!pair) return errorPage(c, 404);
  return comparePage(c, pair.a, pair.b, 'a', defaultChoices(pair.a, pair.b), {});
});

const mergeRequest = z.object({
  a: z.string({ error: 'Choisissez les deux lieux' }),
  b: z.string({ error: 'Choisissez les deux lieux' }),
  garder: z.enum(['a', 'b'], { error: 'Choisissez la fiche à garder' }),
});

/** The person's choices, read from the query string (confirmation page) or the form (merge). */
function choicesFrom(input: FormInput): FieldChoices {
  const choices: FieldChoices = {};
  for (const k of placeFieldOrder) {
    const v = input[k];
    choices[k] = (Array.isArray(v) ? v[0] : v) === 'b' ? 'b' : 'a';
  }
  return choices;
}

/**
 * Checks a merge request: both places reachable, a fiche to keep, and merged fields that meet the form's rules.
 * Answers with the page to show when something is wrong.
 */
async function checkMerge(c: Context<AppEnv>, actor: Actor, input: FormInput) {
  const request = validate(mergeRequest, input);
  const aId = typeof input.a === 'string' ? input.a : '';
  const bId = typeof input.b === 'string' ? input.b : '';
  const pair = await mergePair(c, actor, aId, bId);
  if (!pair) return { ok: false as const, response: await errorPage(c, 404) };
  const choices = choicesFrom(input);
  if (!request.ok) return { ok: false as const, response: await comparePage(c, pair.a, pair.b, 'a', choices, request.errors) };
  const merged = mergedFields(pair.a, pair.b, choices);
  if (!merged.success) {
    const different = new Set<string>(differingFields(pair.a, pair.b));
    const errors: FieldErrors = {};
    for (const issue of merged.error.issues) {
      const field = String(issue.path[0] ?? '');
      const text = `${fieldLabels.get(field) ?? field} : ${issue.message}`;
      if (different.has(field)) errors[field] ??= `${text}. Choisissez l’autre valeur, ou corrigez la fiche avant de fusionner.`;
      else errors.garder ??= `${text}. Corrigez ce champ dans une des deux fiches avant de fusionner.`;
    }
    return { ok: false as const, response: await comparePage(c, pair.a, pair.b, request.data.garder, choices, errors) };
  }
  const keepA = request.data.garder === 'a';
  const keep = keepA ? pair.a : pair.b;
  const drop = keepA ? pair.b : pair.a;
  const dropSide = keepA ? 'b' : 'a';
  const fromDropped = differingFields(pair.a, pair.b).filter((k) => choices[k] === dropSide);
  return { ok: true as const, pair, keep, drop, choices, fields: merged.data, fromDropped, garder: request.data.garder };
}

placeManageRoutes.get('/gestion/lieux/fusion/confirmer', access.to('place.merge'), async (c) => {
  const actor = currentActor(c);
  const input: FormInput = {};
  for (const [k, v] of Object.entries(c.req.queries())) input[k] = v.length === 1 ? (v[0] ?? '') : v;
  const checked = await checkMerge(c, actor, input);
  if (!checked.ok) return checked.response;
  const differing = differingFields(checked.pair.a, checked.pair.b);
  const hidden = [
    { name: 'a', value: checked.pair.a.id },
    { name: 'b', value: checked.pair.b.id },
    { name: 'garder', value: checked.garder },
    ...differing.map((k) => ({ name: k, value: checked.choices[k] ?? 'a' })),
  ];
  const back = new URLSearchParams([
    ['lieux', checked.pair.a.id],
    ['lieux', checked.pair.b.id],
  ]);
  const merged = checked.fields;
  return page(
    c,
    { title: `Vérifier la fusion de « ${checked.keep.name} »`, breadcrumbs: mergeCrumbs },
    <MergeConfirmPage
      keptName={checked.keep.name}
      droppedName={checked.drop.name}
      rows={placeFieldOrder.map((k) => ({ label: placeFieldLabels[k], value: displayValue(k, merged[k]) }))}
      hidden={hidden}
      backHref={`/gestion/lieux/fusion/comparer?${back.toString()}`}
    />,
  );
});

placeManageRoutes.post('/gestion/lieux/fusion/confirmer', access.to('place.merge'), async (c) => {
  const actor = currentActor(c);
  const form = await readForm(c, z.object({}));
  const checked = await checkMerge(c, actor, form.input);
  if (!checked.ok) return checked.response;
  const result = await c
    .get('services')
    .database.db.transaction((tx) =>
      mergePlaces(tx, actor, { keepId: checked.keep.id, dropId: checked.drop.id, fields: checked.fields, fromDropped: checked.fromDropped }, { requestId: c.get('requestId') }),
    );
  if (!result.ok) return errorPage(c, 404);
  return redirectWithFlash(c, `/gestion/lieux/${checked.keep.id}/historique`, {
    kind: 'success',
    text: `« ${checked.drop.name} » est fusionné dans « ${checked.fields.name} ».`,
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Which organisation manages a place: its place managers then keep the page right (coordinators decide).

const managerForm = z.object({
  organisationId: z.union([z.uuid({ error: 'Choisissez une organisation dans la liste' }), z.literal('')], { error: 'Choisissez une organisation dans la liste' }),
});

async function managerPage(c: Context<AppEnv>, place: Place, actor: Actor, selected: string, error?: string) {
  const { db } = c.get('services').database;
  const { rows } = await listOrganisations(db, actor, { page: 1, perPage: 500 });
  return page(
    c,
    { title: `Organisation qui gère « ${place.name} »`, hasErrors: error !== undefined, breadcrumbs: [listCrumb, { href: `/gestion/lieux/${place.id}/modifier`, label: place.name }] },
    <PlaceManagerPage placeName={place.name} action={`/gestion/lieux/${place.id}/gestionnaire`} organisations={rows.map((o) => ({ value: o.id, label: o.name }))} selected={selected} error={error} />,
  );
}

placeManageRoutes.get('/gestion/lieux/:id/gestionnaire', access.to('place.create'), async (c) => {
  const actor = currentActor(c);
  const place = await manageablePlace(c, actor);
  if (!place) return errorPage(c, 404);
  authorize(actor, 'place.create', place);
  return managerPage(c, place, actor, place.managedBy ?? '');
});

placeManageRoutes.post('/gestion/lieux/:id/gestionnaire', access.to('place.create'), async (c) => {
  const actor = currentActor(c);
  const place = await manageablePlace(c, actor);
  if (!place) return errorPage(c, 404);
  authorize(actor, 'place.create', place);
  const form = await readForm(c, managerForm);
  const { db } = c.get('services').database;
  const chosen = form.ok ? form.data.organisationId : '';
  // Only an organisation the actor may see can be chosen: the same scoped lookup as the list.
  const organisation = chosen ? await findOrganisation(db, actor, chosen) : null;
  if (!form.ok || (chosen !== '' && !organisation)) {
    return managerPage(c, place, actor, inputValue(form.input, 'organisationId'), form.ok ? 'Choisissez une organisation dans la liste' : (form.errors.organisationId ?? 'Choisissez une organisation dans la liste'));
  }
  await db.transaction((tx) => assignPlaceManager(tx, actor, place.id, organisation?.id ?? null, { requestId: c.get('requestId') }));
  return redirectWithFlash(c, `/gestion/lieux/${place.id}/modifier`, {
    kind: 'success',
    text: organisation ? `Les responsables de lieu de « ${organisation.name} » gèrent maintenant ce lieu.` : 'Plus aucune organisation ne gère ce lieu.',
  });
});
