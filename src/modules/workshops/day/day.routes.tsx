import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/env.ts';
import { access, UnauthenticatedError } from '../../../platform/http/access.ts';
import { redirectWithFlash } from '../../../platform/http/flash.ts';
import { inputValue, readForm, type FieldErrors, type FormInput } from '../../../platform/http/forms.ts';
import { errorPage, page } from '../../../platform/http/render.tsx';
import type { Actor } from '../../../platform/authz/index.ts';
import { formatDateTime } from '../../../platform/format.ts';
import { ageBands, genders, personStatuses } from '../../beneficiaries/beneficiaries.schema.ts';
import { ageBandLabels, genderLabels, personStatusLabels } from '../../beneficiaries/beneficiaries.labels.ts';
import { themeLabels, workshopLevelLabels } from '../../activities/activities.labels.ts';
import type { ParticipantBreakdown } from '../../activities/index.ts';
import { accessNeedLabels } from '../workshops.labels.ts';
import { findSession, type SessionView } from '../workshops.queries.ts';
import { accessibilityOptions, type AccessibilityOption } from '../workshops.schema.ts';
import { readSensitiveAnswers } from '../workshops.sensitive.ts';
import { addWalkIn, closeRoster, markAttendance, reopenRoster, saveDebrief, type CloseError } from './day.commands.ts';
import { breakdownFieldNames, closeFields, debriefFields, markField, readMarks, walkInFields } from './day.forms.ts';
import { attendanceStatusColours, attendanceStatusLabels } from './day.labels.ts';
import { communeChoices, communeName, dayPermissions, sessionHeading } from './day.presenters.ts';
import { debriefOf, rosterLines, rosterOf, type RosterLine } from './day.queries.ts';
import { attendanceStatuses, attendedStatuses } from './day.schema.ts';
import { dayAssetByName, dayAssetHref } from './day.assets.ts';
import { ClosePage, PrintableRosterPage, ReopenPage, RosterPage, WalkInPage, type WalkInValues } from './views/roster.tsx';
import { DebriefPage, type DebriefValues } from './views/debrief.tsx';

/** The roster, its closing and the trainers' debrief of a session (back office, /gestion/seances/:id/…). */
export const dayRoutes = new Hono<AppEnv>();

function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

const context = (c: Context<AppEnv>) => ({ requestId: c.get('requestId') });
const statusItems = attendanceStatuses.map((s) => ({ value: s, label: attendanceStatusLabels[s] }));
const needItems = accessibilityOptions.map((o) => ({ value: o, label: accessNeedLabels[o] }));
const sessionCrumbs = (s: SessionView) => [
  { href: '/gestion/ateliers/suivi', label: 'Suivi des ateliers' },
  { href: `/gestion/seances/${s.id}`, label: s.series.title },
];

/**
 * Loads the session for an action: null (404) when the actor may not know about it; 'forbidden' (403) when they
 * see it but may not do this.
 */
async function loadFor(c: Context<AppEnv>, action: 'roster' | 'debriefRead' | 'debriefWrite'): Promise<SessionView | null | 'forbidden'> {
  const session = await findSession(c.get('services').database.db, c.req.param('id') ?? '');
  if (!session) return null;
  const can = dayPermissions(c.get('actor') ?? null, session);
  if (!can.view && !can[action]) return null;
  return can[action] ? session : 'forbidden';
}

dayRoutes.get('/static/ateliers-suivi/:file', access.public(), (c) => {
  const asset = dayAssetByName(c.req.param('file'));
  if (!asset) return c.notFound();
  return c.body(asset.body, 200, { 'content-type': asset.contentType, 'cache-control': 'public, max-age=31536000, immutable' });
});

// ——— Roster ———

function lineDetail(l: RosterLine): string {
  return [communeName(l.communeCode), l.kind === 'walk_in' ? 'venu sans inscription' : '', l.companion ? 'vient avec une personne qui aide' : ''].filter(Boolean).join(', ');
}

function needsOf(l: RosterLine): string[] {
  return [...l.accessNeeds.map((n: AccessibilityOption) => accessNeedLabels[n]), ...(l.accessNeedsText ? [l.accessNeedsText] : [])];
}

async function linesFor(c: Context<AppEnv>, actor: Actor, session: SessionView): Promise<{ lines: RosterLine[]; sensitive: boolean }> {
  const { db } = c.get('services').database;
  const sensitive = dayPermissions(actor, session).sensitive;
  let registrantNeeds: Map<string, { accessNeeds: AccessibilityOption[]; accessNeedsText: string | null }> | undefined;
  if (sensitive) {
    const answers = await db.transaction((tx) => readSensitiveAnswers(tx, actor, session.id, context(c)));
    registrantNeeds = new Map((answers ?? []).map((a) => [a.registrationId, { accessNeeds: a.accessNeeds, accessNeedsText: a.accessNeedsText }]));
  }
  return { lines: await rosterLines(db, session.id, { sensitive, registrantNeeds }), sensitive };
}

async function rosterPage(c: Context<AppEnv>, actor: Actor, session: SessionView, input: FormInput | null, errors: FieldErrors) {
  const { db } = c.get('services').database;
  const [{ lines, sensitive }, roster] = await Promise.all([linesFor(c, actor, session), rosterOf(db, session.id)]);
  const closed = roster?.closedAt && roster.tally ? { at: formatDateTime(roster.closedAt), attended: roster.tally.attended, activityNote: 'L’atelier est enregistré dans les accompagnements.' } : null;
  return page(
    c,
    { title: `Liste d’émargement : ${session.series.title}`, hasErrors: Object.keys(errors).length > 0, breadcrumbs: sessionCrumbs(session) },
    <RosterPage
      sessionId={session.id}
      session={sessionHeading(session)}
      lines={lines.map((l) => ({
        key: l.key,
        fieldName: markField(l.key),
        name: l.name,
        detail: lineDetail(l),
        needs: needsOf(l),
        status: input ? inputValue(input, markField(l.key)) : (l.status ?? ''),
        statusLabel: l.status ? attendanceStatusLabels[l.status] : 'Sans réponse',
        statusColour: l.status ? attendanceStatusColours[l.status] : 'grey',
      }))}
      statusItems={statusItems}
      closed={closed}
      sensitiveShown={sensitive}
      can={{ close: true }}
      errors={errors}
      stylesheet={dayAssetHref('styles')}
    />,
  );
}

dayRoutes.get('/gestion/seances/:id/emargement', access.to('workshop.roster'), async (c) => {
  const session = await loadFor(c, 'roster');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  return rosterPage(c, currentActor(c), session, null, {});
});

dayRoutes.post('/gestion/seances/:id/emargement', access.to('workshop.roster'), async (c) => {
  const actor = currentActor(c);
  const session = await loadFor(c, 'roster');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  const { db } = c.get('services').database;
  const form = await readForm(c, z.object({}));
  const lines = await rosterLines(db, session.id, { sensitive: false });
  const marks = readMarks(form.input, lines.map((l) => l.key));
  if (!marks.ok) return rosterPage(c, actor, session, form.input, marks.errors);
  const result = await db.transaction((tx) => markAttendance(tx, actor, session, marks.marks, context(c)));
  if (!result.ok) return redirectWithFlash(c, `/gestion/seances/${session.id}/emargement`, { kind: 'warning', text: 'La liste est clôturée : rouvrez-la pour corriger la présence.' });
  return redirectWithFlash(c, `/gestion/seances/${session.id}/emargement`, { kind: 'success', text: result.value.marked > 0 ? `Présence enregistrée pour ${result.value.marked} personnes.` : 'Rien n’a changé.' });
});

dayRoutes.get('/gestion/seances/:id/emargement/imprimer', access.to('workshop.roster'), async (c) => {
  const actor = currentActor(c);
  const session = await loadFor(c, 'roster');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  const { lines } = await linesFor(c, actor, session);
  return page(
    c,
    { title: `Liste d’émargement à imprimer : ${session.series.title}`, breadcrumbs: sessionCrumbs(session) },
    <PrintableRosterPage
      session={sessionHeading(session)}
      lines={lines.map((l) => ({ name: l.name, detail: [lineDetail(l), ...needsOf(l)].filter(Boolean).join('. '), status: l.status ?? '' }))}
      blankLines={Math.max(5, session.capacity - lines.length)}
      stylesheet={dayAssetHref('styles')}
      backHref={`/gestion/seances/${session.id}/emargement`}
    />,
  );
});

// ——— Walk-ins ———

function walkInPage(c: Context<AppEnv>, session: SessionView, values: WalkInValues, errors: FieldErrors) {
  return page(
    c,
    { title: 'Ajouter une personne venue sans inscription', hasErrors: Object.keys(errors).length > 0, breadcrumbs: sessionCrumbs(session) },
    <WalkInPage sessionId={session.id} session={sessionHeading(session)} values={values} errors={errors} communes={communeChoices()} statusItems={statusItems.filter((s) => s.value !== 'absent')} needItems={needItems} />,
  );
}

dayRoutes.get('/gestion/seances/:id/emargement/sans-inscription', access.to('workshop.roster'), async (c) => {
  const session = await loadFor(c, 'roster');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  return walkInPage(c, session, { name: '', communeCode: session.communeCode, status: 'present', accessNeeds: [], accessNeedsText: '' }, {});
});

dayRoutes.post('/gestion/seances/:id/emargement/sans-inscription', access.to('workshop.roster'), async (c) => {
  const actor = currentActor(c);
  const session = await loadFor(c, 'roster');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  const form = await readForm(c, walkInFields);
  if (!form.ok) {
    const needs = form.input.accessNeeds;
    return walkInPage(
      c,
      session,
      { name: inputValue(form.input, 'name'), communeCode: inputValue(form.input, 'communeCode'), status: inputValue(form.input, 'status'), accessNeeds: Array.isArray(needs) ? needs : needs ? [needs] : [], accessNeedsText: inputValue(form.input, 'accessNeedsText') },
      form.errors,
    );
  }
  const result = await c.get('services').database.db.transaction((tx) => addWalkIn(tx, actor, session, form.data, context(c)));
  if (!result.ok) return redirectWithFlash(c, `/gestion/seances/${session.id}/emargement`, { kind: 'warning', text: 'La liste est clôturée : rouvrez-la pour ajouter une personne.' });
  return redirectWithFlash(c, `/gestion/seances/${session.id}/emargement`, { kind: 'success', text: `${form.data.name} est ajouté à la liste.` });
});

// ——— Closing ———

const closeProblems: Record<Exclude<CloseError, 'invalid' | 'already_closed'>, string> = {
  not_started: 'La séance n’a pas encore commencé. Revenez le jour de l’atelier.',
  cancelled: 'La séance est annulée : il n’y a rien à enregistrer.',
  nobody: 'Personne n’est marqué présent ou en retard. Enregistrez la présence avant de clôturer.',
  no_recorder: 'Aucun formateur de la séance n’a le rôle d’aidant : l’atelier ne peut être enregistré au nom de personne. Ajoutez un formateur aidant à la séance.',
  no_theme: 'L’atelier n’a pas de thème : ajoutez-en un à l’atelier avant de clôturer.',
};

function breakdownGroups(input: FormInput) {
  return [
    { legend: 'Par genre', items: genders.map((g) => ({ field: breakdownFieldNames.gender(g), label: genderLabels[g], value: inputValue(input, breakdownFieldNames.gender(g)) })) },
    { legend: 'Par âge', items: ageBands.map((a) => ({ field: breakdownFieldNames.ageBand(a), label: ageBandLabels[a], value: inputValue(input, breakdownFieldNames.ageBand(a)) })) },
    { legend: 'Par situation', items: personStatuses.map((s) => ({ field: breakdownFieldNames.status(s), label: personStatusLabels[s], value: inputValue(input, breakdownFieldNames.status(s)) })) },
  ];
}

function breakdownFrom(data: Record<string, number | undefined>): ParticipantBreakdown {
  const pick = <T extends string>(values: readonly T[], name: (v: T) => string): Partial<Record<T, number>> => {
    const out: Partial<Record<T, number>> = {};
    for (const v of values) {
      const n = data[name(v)];
      if (n !== undefined && n > 0) out[v] = n;
    }
    return out;
  };
  return { gender: pick(genders, breakdownFieldNames.gender), ageBand: pick(ageBands, breakdownFieldNames.ageBand), status: pick(personStatuses, breakdownFieldNames.status) };
}

function breakdownInput(b: ParticipantBreakdown | null): FormInput {
  const input: FormInput = {};
  if (!b) return input;
  for (const g of genders) if (b.gender[g]) input[breakdownFieldNames.gender(g)] = String(b.gender[g]);
  for (const a of ageBands) if (b.ageBand[a]) input[breakdownFieldNames.ageBand(a)] = String(b.ageBand[a]);
  for (const s of personStatuses) if (b.status[s]) input[breakdownFieldNames.status(s)] = String(b.status[s]);
  return input;
}

/** The field of the close form an activity rule's message belongs to. */
function closeErrorsOf(fields: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [key, message] of Object.entries(fields)) {
    if (key.startsWith('participantBreakdown.gender')) errors[breakdownFieldNames.gender(genders[0])] ??= message;
    else if (key.startsWith('participantBreakdown.ageBand')) errors[breakdownFieldNames.ageBand(ageBands[0])] ??= message;
    else if (key.startsWith('participantBreakdown.status')) errors[breakdownFieldNames.status(personStatuses[0])] ??= message;
    else errors.formulaire ??= message;
  }
  return errors;
}

async function closePage(c: Context<AppEnv>, session: SessionView, input: FormInput, errors: FieldErrors) {
  const { db } = c.get('services').database;
  const [lines, roster] = await Promise.all([rosterLines(db, session.id, { sensitive: false }), rosterOf(db, session.id)]);
  if (roster?.closedAt) return redirectWithFlash(c, `/gestion/seances/${session.id}/emargement`, { kind: 'info', text: 'Cette liste est déjà clôturée.' });
  const countOf = (s: string | null) => lines.filter((l) => l.status === s).length;
  const counts = { present: countOf('present'), late: countOf('late'), absent: countOf('absent'), unmarked: lines.filter((l) => l.status === null).length, walkIns: lines.filter((l) => l.kind === 'walk_in' && l.status !== null && attendedStatuses.includes(l.status)).length };
  let problem: string | null = null;
  if (session.status === 'cancelled') problem = closeProblems.cancelled;
  else if (session.startsAt > new Date()) problem = closeProblems.not_started;
  else if (counts.present + counts.late === 0) problem = closeProblems.nobody;
  else if (session.series.themes.length === 0) problem = closeProblems.no_theme;
  const minutes = Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
  return page(
    c,
    { title: 'Clôturer la liste d’émargement', hasErrors: Object.keys(errors).length > 0, breadcrumbs: sessionCrumbs(session) },
    <ClosePage
      sessionId={session.id}
      session={sessionHeading(session)}
      counts={counts}
      problem={problem}
      record={{
        rows: [
          { key: 'Type', value: 'Atelier collectif' },
          { key: 'Titre', value: session.series.title },
          { key: 'Date', value: sessionHeading(session).when },
          { key: 'Durée', value: `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}` },
          { key: 'Niveau', value: workshopLevelLabels[session.series.level] },
          { key: 'Thèmes', value: session.series.themes.map((t) => themeLabels[t]).join(', ') || '—' },
        ],
      }}
      breakdown={breakdownGroups(input)}
      errors={errors}
    />,
  );
}

dayRoutes.get('/gestion/seances/:id/emargement/cloturer', access.to('workshop.roster'), async (c) => {
  const session = await loadFor(c, 'roster');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  const roster = await rosterOf(c.get('services').database.db, session.id);
  return closePage(c, session, breakdownInput(roster?.breakdown ?? null), {});
});

dayRoutes.post('/gestion/seances/:id/emargement/cloturer', access.to('workshop.roster'), async (c) => {
  const actor = currentActor(c);
  const session = await loadFor(c, 'roster');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  const form = await readForm(c, closeFields);
  if (!form.ok) return closePage(c, session, form.input, form.errors);
  const back = `/gestion/seances/${session.id}/emargement`;
  const result = await c.get('services').database.db.transaction((tx) => closeRoster(tx, actor, session, breakdownFrom(form.data), context(c)));
  if (result.ok) return redirectWithFlash(c, back, { kind: 'success', text: `Liste clôturée : l’atelier est enregistré avec ${result.value.tally.attended} participants.` });
  if (result.error === 'already_closed') return redirectWithFlash(c, back, { kind: 'info', text: 'Cette liste est déjà clôturée : l’atelier n’est pas enregistré deux fois.' });
  if (result.error === 'invalid') return closePage(c, session, form.input, closeErrorsOf(result.fields ?? {}));
  return redirectWithFlash(c, back, { kind: 'warning', text: closeProblems[result.error] });
});

dayRoutes.get('/gestion/seances/:id/emargement/rouvrir', access.to('workshop.roster'), async (c) => {
  const session = await loadFor(c, 'roster');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  return page(c, { title: 'Rouvrir la liste d’émargement', breadcrumbs: sessionCrumbs(session) }, <ReopenPage sessionId={session.id} session={sessionHeading(session)} />);
});

dayRoutes.post('/gestion/seances/:id/emargement/rouvrir', access.to('workshop.roster'), async (c) => {
  const actor = currentActor(c);
  const session = await loadFor(c, 'roster');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  const result = await c.get('services').database.db.transaction((tx) => reopenRoster(tx, actor, session, context(c)));
  const back = `/gestion/seances/${session.id}/emargement`;
  return redirectWithFlash(c, back, result.ok ? { kind: 'success', text: 'Liste rouverte : corrigez la présence, puis clôturez-la de nouveau.' } : { kind: 'info', text: 'Cette liste est déjà ouverte.' });
});

// ——— Debrief ———

function debriefValues(input: FormInput): DebriefValues {
  const needs = input.adaptationNeeds;
  return { whatWorked: inputValue(input, 'whatWorked'), difficulties: inputValue(input, 'difficulties'), adaptations: inputValue(input, 'adaptations'), adaptationNeeds: Array.isArray(needs) ? needs : needs ? [needs] : [] };
}

async function debriefPage(c: Context<AppEnv>, session: SessionView, values: DebriefValues | null, errors: FieldErrors) {
  const can = dayPermissions(c.get('actor') ?? null, session);
  const existing = await debriefOf(c.get('services').database.db, session.id);
  const shown: DebriefValues = values ?? { whatWorked: existing?.whatWorked ?? '', difficulties: existing?.difficulties ?? '', adaptations: existing?.adaptations ?? '', adaptationNeeds: existing?.adaptationNeeds ?? [] };
  return page(
    c,
    { title: `Bilan de la séance : ${session.series.title}`, hasErrors: Object.keys(errors).length > 0, breadcrumbs: sessionCrumbs(session) },
    <DebriefPage
      sessionId={session.id}
      session={sessionHeading(session)}
      values={shown}
      errors={errors}
      needItems={needItems}
      needLabels={shown.adaptationNeeds.flatMap((n) => accessibilityOptions.filter((o) => o === n).map((o) => accessNeedLabels[o]))}
      written={existing ? { by: existing.authorName, at: formatDateTime(existing.updatedAt) } : null}
      canWrite={can.debriefWrite}
    />,
  );
}

dayRoutes.get('/gestion/seances/:id/bilan', access.to('workshop.debrief.read'), async (c) => {
  const session = await loadFor(c, 'debriefRead');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden') return errorPage(c, 403);
  return debriefPage(c, session, null, {});
});

dayRoutes.post('/gestion/seances/:id/bilan', access.to('workshop.debrief.write'), async (c) => {
  const actor = currentActor(c);
  const session = await loadFor(c, 'debriefWrite');
  if (session === null) return errorPage(c, 404);
  if (session === 'forbidden' || actor.kind !== 'person') return errorPage(c, 403);
  const form = await readForm(c, debriefFields);
  if (!form.ok) return debriefPage(c, session, debriefValues(form.input), form.errors);
  await c.get('services').database.db.transaction((tx) => saveDebrief(tx, actor, session, form.data, context(c)));
  return redirectWithFlash(c, `/gestion/seances/${session.id}/bilan`, { kind: 'success', text: 'Bilan enregistré. Merci : les coordinateurs s’en servent pour adapter les ateliers.' });
});

