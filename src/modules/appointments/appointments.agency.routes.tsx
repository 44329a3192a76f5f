import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http/env.ts';
import { access, UnauthenticatedError } from '../../platform/http/access.ts';
import { redirectWithFlash } from '../../platform/http/flash.ts';
import { inputValue, readForm, type FieldErrors, type FormInput } from '../../platform/http/forms.ts';
import { registerNav } from '../../platform/http/navigation.ts';
import { errorPage, page } from '../../platform/http/render.tsx';
import { ForbiddenError, can, type Actor } from '../../platform/authz/index.ts';
import { formatDateLong, localDay, startOfLocalDay } from '../../platform/format.ts';
import { formatPhone } from '../../platform/phone.ts';
import { communeByCode } from '../../territory/index.ts';
import { autonomyLabels, autonomyLevels, channelLabels, recordActivity, themeLabels, themes, type ActivityInput } from '../activities/index.ts';
import { placesOfOrganisation } from '../places/index.ts';
import { addClosure, addOpening, createMotif, linkActivity, markAppointment, removeClosure, removeOpening, saveAgencySettings, updateMotif, whenText } from './appointments.commands.ts';
import { agencyFields, closureFields, markFields, motifFields, openingFields } from './appointments.forms.ts';
import { appointmentStatusColours, appointmentStatusLabels, formatClock, formatDuration, markSlugs, motifModeLabels, weekdayLabels } from './appointments.labels.ts';
import { agencyPermissions, type AgencySubject } from './appointments.policy.ts';
import { agenciesOf, appointmentsOfDay, closuresOf, findAgency, findAppointment, findMotif, motifsOf, openingsOf, type Agency, type DayAppointment } from './appointments.queries.ts';
import { motifModes } from './appointments.schema.ts';
import { addDays, localMinute } from './appointments.slots.ts';
import { AgendaPage, RecordFromAppointmentPage, type RecordValues } from './views/agenda.tsx';
import { AgencyListPage, ConfirmRemovePage, MotifFormPage, SettingsPage, type MotifFormValues, type SettingsView } from './views/settings.tsx';

registerNav(
  { href: '/rendez-vous/agenda', label: 'Rendez-vous', shownTo: 'appointment.agenda', order: 30 },
  { href: '/rendez-vous/gestion', label: 'Rendez-vous des agences', shownTo: 'appointment.network', order: 31 },
);

export const appointmentAgencyRoutes = new Hono<AppEnv>();

function currentActor(c: Context<AppEnv>): Actor & { kind: 'person' } {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  if (actor.kind !== 'person') throw new ForbiddenError('appointment');
  return actor;
}

const subjectOf = (a: Agency): AgencySubject => ({ organisationId: a.organisationId, province: a.province });
const communeName = (code: string) => communeByCode(code)?.name ?? code;
const context = (c: Context<AppEnv>) => ({ requestId: c.get('requestId') });
const dayTitle = (day: string) => formatDateLong(startOfLocalDay(day));
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const agendaHref = (agencyId: string, day: string) => `/rendez-vous/agenda?agence=${agencyId}&jour=${day}`;
const agendaCrumb = { href: '/rendez-vous/agenda', label: 'Rendez-vous' };

/** An agency the actor may act on with `action`, or null (404: they need not know it exists). */
async function agencyFor(c: Context<AppEnv>, actor: Actor, organisationId: string, action: string): Promise<Agency | null> {
  const agency = await findAgency(c.get('services').database.db, organisationId);
  return agency && can(actor, action, subjectOf(agency)) ? agency : null;
}

/** An appointment whose agency the actor may work in (`action`), with its agency; null otherwise. */
async function appointmentFor(c: Context<AppEnv>, actor: Actor, action: string): Promise<{ agency: Agency; appointment: DayAppointment } | null> {
  const appointment = await findAppointment(c.get('services').database.db, c.req.param('id') ?? '');
  if (!appointment) return null;
  const agency = await agencyFor(c, actor, appointment.organisationId, action);
  return agency ? { agency, appointment } : null;
}

// ——— The day's appointments ———

appointmentAgencyRoutes.get('/rendez-vous/agenda', access.to('appointment.agenda'), async (c) => {
  const actor = currentActor(c);
  const { db } = c.get('services').database;
  const zone = c.get('services').config.timeZone;
  const agencies = (await agenciesOf(db, actor)).filter((a) => can(actor, 'appointment.agenda', subjectOf(a)));
  const asked = c.req.query('agence');
  const agency = asked ? agencies.find((a) => a.organisationId === asked) : agencies[0];
  if (!agency) return errorPage(c, 404);
  const today = localDay(new Date());
  const dayAsked = c.req.query('jour') ?? '';
  const day = isDay(dayAsked) ? dayAsked : today;
  const rows = await appointmentsOfDay(db, agency.organisationId, day);
  const permissions = agencyPermissions(actor, subjectOf(agency));
  return page(
    c,
    { title: `Rendez-vous du ${dayTitle(day)}, ${agency.name}` },
    <AgendaPage
      agencies={agencies.map((a) => ({ value: a.organisationId, label: a.name }))}
      agencyId={agency.organisationId}
      agencyName={agency.name}
      day={day}
      dayTitle={dayTitle(day)}
      isToday={day === today}
      previousHref={agendaHref(agency.organisationId, addDays(day, -1))}
      nextHref={agendaHref(agency.organisationId, addDays(day, 1))}
      todayHref={agendaHref(agency.organisationId, today)}
      rows={rows.map((a) => {
        const contact = a.phone ? `${a.mode === 'phone' ? 'À appeler au ' : ''}${formatPhone(a.phone)}` : (a.email ?? '');
        const open = a.status !== 'cancelled' && a.activityId === null;
        return {
          id: a.id,
          time: `${formatClock(localMinute(a.startsAt, zone))} (${formatDuration(a.durationMinutes)})`,
          personName: a.personName,
          contact,
          motif: `${a.motifLabel}${a.mode === 'phone' ? ' (par téléphone)' : ''}`,
          statusLabel: appointmentStatusLabels[a.status],
          statusColour: appointmentStatusColours[a.status],
          marks: open
            ? (
                [
                  { value: 'vu', label: 'Vu' },
                  { value: 'absent', label: 'Absent' },
                  { value: 'excuse', label: 'Excusé' },
                ] as const
              ).filter((m) => markSlugs[m.value] !== a.status)
            : [],
          recordHref: a.status === 'seen' && a.activityId === null && permissions.record ? `/rendez-vous/agenda/${a.id}/accompagnement` : null,
          recorded: a.activityId !== null,
          recordedHref: a.activityId !== null && can(actor, 'activity.view', { organisationId: agency.organisationId, helperUserId: '', province: agency.province }) ? `/activites/${a.activityId}` : null,
        };
      })}
      settingsHref={permissions.settings ? `/rendez-vous/gestion/${agency.organisationId}` : null}
    />,
  );
});

appointmentAgencyRoutes.post('/rendez-vous/agenda/:id/etat', access.to('appointment.agenda'), async (c) => {
  const actor = currentActor(c);
  const found = await appointmentFor(c, actor, 'appointment.agenda');
  if (!found) return errorPage(c, 404);
  const { agency, appointment } = found;
  const back = agendaHref(agency.organisationId, appointment.day);
  const form = await readForm(c, markFields);
  if (!form.ok) return redirectWithFlash(c, back, { kind: 'warning', text: 'Choisissez : vu, absent ou excusé.' });
  const status = markSlugs[form.data.statut];
  const result = await c.get('services').database.db.transaction((tx) => markAppointment(tx, actor, agency, appointment, status, context(c)));
  if (!result.ok) {
    return redirectWithFlash(c, back, { kind: 'warning', text: result.error === 'cancelled' ? 'Ce rendez-vous est annulé par la personne.' : 'L’accompagnement de ce rendez-vous est déjà enregistré.' });
  }
  const done = { seen: 'vu', absent: 'absent', excused: 'excusé' } as const;
  return redirectWithFlash(c, back, { kind: 'success', text: `Rendez-vous de ${appointment.personName} marqué ${done[status]}.` });
});

// ——— A seen appointment becomes an activity record ———

/** Thrown inside the transaction when another request linked the appointment first: the new record rolls back. */
class AlreadyRecordedError extends Error {}

const channelOptions = (['at_place', 'remote', 'at_home', 'elsewhere'] as const).map((v) => ({ value: v, label: channelLabels[v] }));
const themeOptions = themes.map((t) => ({ value: t, label: themeLabels[t] }));
const autonomyOptions = [{ value: '', label: 'Non renseignée' }, ...autonomyLevels.map((a) => ({ value: a, label: autonomyLabels[a] }))];

function recordPage(c: Context<AppEnv>, agency: Agency, appointment: DayAppointment, values: RecordValues, errors: FieldErrors) {
  const zone = c.get('services').config.timeZone;
  const facts = [
    { key: 'Rendez-vous', value: whenText(appointment, zone) },
    { key: 'Raison', value: appointment.motifLabel },
    { key: 'Lieu', value: agency.placeName ?? agency.name },
  ];
  return page(
    c,
    { title: `Enregistrer l’accompagnement de ${appointment.personName}`, hasErrors: Object.keys(errors).length > 0, breadcrumbs: [agendaCrumb] },
    <RecordFromAppointmentPage
      action={`/rendez-vous/agenda/${appointment.id}/accompagnement`}
      personName={appointment.personName}
      facts={facts}
      values={values}
      errors={errors}
      channelOptions={channelOptions}
      themeOptions={themeOptions}
      autonomyOptions={autonomyOptions}
      backHref={agendaHref(agency.organisationId, appointment.day)}
    />,
  );
}

const alreadyRecorded = 'L’accompagnement de ce rendez-vous est déjà enregistré.';

appointmentAgencyRoutes.get('/rendez-vous/agenda/:id/accompagnement', access.to('appointment.record'), async (c) => {
  const actor = currentActor(c);
  const found = await appointmentFor(c, actor, 'appointment.record');
  if (!found) return errorPage(c, 404);
  const { agency, appointment } = found;
  const back = agendaHref(agency.organisationId, appointment.day);
  if (appointment.activityId) return redirectWithFlash(c, back, { kind: 'warning', text: alreadyRecorded });
  if (appointment.status !== 'seen') return redirectWithFlash(c, back, { kind: 'warning', text: 'Marquez d’abord le rendez-vous « Vu ».' });
  // Prefilled from the appointment: its day, the motif's duration, at the place or remote for a phone motif.
  const values: RecordValues = { date: appointment.day, duration: String(appointment.durationMinutes), channel: appointment.mode === 'phone' ? 'remote' : 'at_place', themes: [], autonomy: '', notes: '' };
  return recordPage(c, agency, appointment, values, {});
});

function listOf(input: FormInput, key: string): string[] {
  const v = input[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

appointmentAgencyRoutes.post('/rendez-vous/agenda/:id/accompagnement', access.to('appointment.record'), async (c) => {
  const actor = currentActor(c);
  const found = await appointmentFor(c, actor, 'appointment.record');
  if (!found) return errorPage(c, 404);
  const { agency, appointment } = found;
  const back = agendaHref(agency.organisationId, appointment.day);
  if (appointment.activityId) return redirectWithFlash(c, back, { kind: 'warning', text: alreadyRecorded });
  // The activity's own rules validate the record; this only reads the form (a malformed body gets a message).
  const form = await readForm(c, z.unknown());
  const input = form.input;
  const values: RecordValues = { date: inputValue(input, 'date'), duration: inputValue(input, 'duration'), channel: inputValue(input, 'channel'), themes: listOf(input, 'themes'), autonomy: inputValue(input, 'autonomy'), notes: inputValue(input, 'notes') };
  const duration = values.duration.trim() === '' ? Number.NaN : Number(values.duration);
  const activity: ActivityInput = {
    kind: 'individual',
    organisationId: agency.organisationId,
    placeId: appointment.placeId,
    date: values.date.trim(),
    durationMinutes: duration,
    channel: channelOptions.find((o) => o.value === values.channel)?.value ?? 'at_place',
    themes: themes.filter((t) => values.themes.includes(t)),
    autonomy: autonomyLevels.find((a) => a === values.autonomy) ?? null,
    notes: values.notes,
  };
  // Codes that are not in the lists are refused here, with the activity form's words, before anything is written.
  const unknown: FieldErrors = {};
  if (!channelOptions.some((o) => o.value === values.channel)) unknown.channel = 'Choisissez où l’accompagnement a eu lieu';
  if (values.themes.some((t) => !themes.some((x) => x === t))) unknown.themes = 'Choisissez un thème de la liste';
  if (values.autonomy !== '' && activity.autonomy === null) unknown.autonomy = 'Choisissez un niveau d’autonomie de la liste';
  if (!form.ok) unknown.formulaire = form.errors.formulaire ?? 'Le formulaire envoyé est illisible.';
  if (Object.keys(unknown).length > 0) return recordPage(c, agency, appointment, values, unknown);
  try {
    const result = await c.get('services').database.db.transaction(async (tx) => {
      const recorded = await recordActivity(tx, actor, activity, context(c));
      if (!recorded.ok) return recorded;
      const linked = await linkActivity(tx, appointment, recorded.value.id);
      if (!linked.ok) throw new AlreadyRecordedError();
      return recorded;
    });
    if (!result.ok) {
      const errors: FieldErrors = {};
      for (const [field, message] of Object.entries(result.fields)) {
        const id = field === 'durationMinutes' ? 'duration' : ['date', 'channel', 'themes', 'autonomy', 'notes'].includes(field) ? field : 'formulaire';
        errors[id] ??= message;
      }
      if (Object.keys(errors).length === 0) errors.formulaire = 'L’accompagnement n’a pas pu être enregistré. Rechargez la page et recommencez.';
      return recordPage(c, agency, appointment, values, errors);
    }
  } catch (error) {
    if (error instanceof AlreadyRecordedError) return redirectWithFlash(c, back, { kind: 'warning', text: alreadyRecorded });
    throw error;
  }
  return redirectWithFlash(c, back, { kind: 'success', text: `Accompagnement de ${appointment.personName} enregistré.` });
});

// ——— Settings: reasons, weekly hours, closed days ———

appointmentAgencyRoutes.get('/rendez-vous/gestion', access.to('appointment.settings'), async (c) => {
  const actor = currentActor(c);
  const { db } = c.get('services').database;
  const agencies = (await agenciesOf(db, actor)).filter((a) => can(actor, 'appointment.settings', subjectOf(a)));
  const rows = await Promise.all(
    agencies.map(async (a) => ({ id: a.organisationId, name: a.name, communeName: communeName(a.communeCode), published: a.published, motifs: (await motifsOf(db, a.organisationId)).length })),
  );
  return page(c, { title: 'Rendez-vous des agences' }, <AgencyListPage rows={rows} />);
});

type SettingsInput = Partial<Pick<SettingsView, 'agencyValues' | 'openingValues' | 'closureValues'>>;

async function settingsPage(c: Context<AppEnv>, actor: Actor, agency: Agency, input: SettingsInput = {}, errors: FieldErrors = {}) {
  const { db } = c.get('services').database;
  const [placeList, motifs, openings, closures] = await Promise.all([placesOfOrganisation(db, agency.organisationId), motifsOf(db, agency.organisationId, { all: true }), openingsOf(db, agency.organisationId), closuresOf(db, agency.organisationId, localDay(new Date()))]);
  return page(
    c,
    { title: `Réglages des rendez-vous : ${agency.name}`, hasErrors: Object.keys(errors).length > 0, breadcrumbs: can(actor, 'appointment.network') ? [{ href: '/rendez-vous/gestion', label: 'Rendez-vous des agences' }] : [agendaCrumb] },
    <SettingsPage
      agencyId={agency.organisationId}
      agencyName={agency.name}
      placeOptions={placeList.map((p) => ({ value: p.id, label: `${p.name} (${communeName(p.communeCode)})` }))}
      agencyValues={input.agencyValues ?? { placeId: agency.placeId ?? '', published: agency.published ? 'oui' : 'non' }}
      motifs={motifs.map((m) => ({ id: m.id, label: m.label, duration: formatDuration(m.durationMinutes), mode: motifModeLabels[m.mode], active: m.active }))}
      openings={openings.map((o) => ({ id: o.id, weekday: weekdayLabels[o.weekday - 1] ?? '', from: formatClock(o.startMinute), to: formatClock(o.endMinute), counters: o.counters }))}
      openingValues={input.openingValues ?? { weekday: '', start: '', end: '', counters: '1' }}
      closures={closures.map((k) => ({ id: k.id, day: dayTitle(k.day), reason: k.reason }))}
      closureValues={input.closureValues ?? { day: '', reason: '' }}
      weekdayOptions={weekdayLabels.map((w, i) => ({ value: String(i + 1), label: w }))}
      errors={errors}
      agendaHref={can(actor, 'appointment.agenda', subjectOf(agency)) ? agendaHref(agency.organisationId, localDay(new Date())) : null}
    />,
  );
}

async function loadSettings(c: Context<AppEnv>) {
  const actor = currentActor(c);
  const agency = await agencyFor(c, actor, c.req.param('orgId') ?? '', 'appointment.settings');
  return agency ? { actor, agency, base: `/rendez-vous/gestion/${agency.organisationId}` } : null;
}

appointmentAgencyRoutes.get('/rendez-vous/gestion/:orgId', access.to('appointment.settings'), async (c) => {
  const found = await loadSettings(c);
  if (!found) return errorPage(c, 404);
  return settingsPage(c, found.actor, found.agency);
});

appointmentAgencyRoutes.post('/rendez-vous/gestion/:orgId/reglages', access.to('appointment.settings'), async (c) => {
  const found = await loadSettings(c);
  if (!found) return errorPage(c, 404);
  const { actor, agency, base } = found;
  const form = await readForm(c, agencyFields);
  const agencyValues = { placeId: inputValue(form.input, 'placeId'), published: inputValue(form.input, 'published') };
  if (!form.ok) return settingsPage(c, actor, agency, { agencyValues }, form.errors);
  const { db } = c.get('services').database;
  const allowed = (await placesOfOrganisation(db, agency.organisationId)).map((p) => p.id);
  const result = await db.transaction((tx) => saveAgencySettings(tx, actor, agency, form.data, allowed, context(c)));
  if (!result.ok) return settingsPage(c, actor, agency, { agencyValues }, { placeId: 'Choisissez un lieu de la liste' });
  return redirectWithFlash(c, base, { kind: 'success', text: form.data.published ? 'Les personnes peuvent prendre rendez-vous.' : 'Les rendez-vous sont fermés au public.' });
});

const modeOptions = motifModes.map((m) => ({ value: m, label: motifModeLabels[m] }));

function motifValues(input: FormInput): MotifFormValues {
  return { label: inputValue(input, 'label'), durationMinutes: inputValue(input, 'durationMinutes'), mode: inputValue(input, 'mode'), position: inputValue(input, 'position'), active: inputValue(input, 'active') };
}

function motifForm(c: Context<AppEnv>, agency: Agency, heading: string, action: string, submitLabel: string, values: MotifFormValues, errors: FieldErrors) {
  const base = `/rendez-vous/gestion/${agency.organisationId}`;
  return page(
    c,
    { title: heading, hasErrors: Object.keys(errors).length > 0, breadcrumbs: [{ href: base, label: `Réglages des rendez-vous : ${agency.name}` }] },
    <MotifFormPage heading={heading} action={action} submitLabel={submitLabel} values={values} errors={errors} modeOptions={modeOptions} backHref={base} />,
  );
}

appointmentAgencyRoutes.get('/rendez-vous/gestion/:orgId/raisons/nouvelle', access.to('appointment.settings'), async (c) => {
  const found = await loadSettings(c);
  if (!found) return errorPage(c, 404);
  return motifForm(c, found.agency, 'Ajouter une raison de rendez-vous', `${found.base}/raisons/nouvelle`, 'Ajouter la raison', { label: '', durationMinutes: '30', mode: 'in_person', position: '100', active: 'oui' }, {});
});

appointmentAgencyRoutes.post('/rendez-vous/gestion/:orgId/raisons/nouvelle', access.to('appointment.settings'), async (c) => {
  const found = await loadSettings(c);
  if (!found) return errorPage(c, 404);
  const { actor, agency, base } = found;
  const form = await readForm(c, motifFields);
  if (!form.ok) return motifForm(c, agency, 'Ajouter une raison de rendez-vous', `${base}/raisons/nouvelle`, 'Ajouter la raison', motifValues(form.input), form.errors);
  await c.get('services').database.db.transaction((tx) => createMotif(tx, actor, agency, form.data, context(c)));
  return redirectWithFlash(c, base, { kind: 'success', text: `Raison « ${form.data.label} » ajoutée.` });
});

appointmentAgencyRoutes.get('/rendez-vous/gestion/:orgId/raisons/:motifId', access.to('appointment.settings'), async (c) => {
  const found = await loadSettings(c);
  if (!found) return errorPage(c, 404);
  const motif = await findMotif(c.get('services').database.db, found.agency.organisationId, c.req.param('motifId'));
  if (!motif) return errorPage(c, 404);
  const values = { label: motif.label, durationMinutes: String(motif.durationMinutes), mode: motif.mode, position: String(motif.position), active: motif.active ? 'oui' : 'non' };
  return motifForm(c, found.agency, `Modifier la raison « ${motif.label} »`, `${found.base}/raisons/${motif.id}`, 'Enregistrer la raison', values, {});
});

appointmentAgencyRoutes.post('/rendez-vous/gestion/:orgId/raisons/:motifId', access.to('appointment.settings'), async (c) => {
  const found = await loadSettings(c);
  if (!found) return errorPage(c, 404);
  const { actor, agency, base } = found;
  const { db } = c.get('services').database;
  const motif = await findMotif(db, agency.organisationId, c.req.param('motifId'));
  if (!motif) return errorPage(c, 404);
  const form = await readForm(c, motifFields);
  if (!form.ok) return motifForm(c, agency, `Modifier la raison « ${motif.label} »`, `${base}/raisons/${motif.id}`, 'Enregistrer la raison', motifValues(form.input), form.errors);
  const result = await db.transaction((tx) => updateMotif(tx, actor, agency, motif.id, form.data, context(c)));
  if (!result.ok) return errorPage(c, 404);
  return redirectWithFlash(c, base, { kind: 'success', text: `Raison « ${form.data.label} » enregistrée.` });
});

appointmentAgencyRoutes.post('/rendez-vous/gestion/:orgId/horaires', access.to('appointment.settings'), async (c) => {
  const found = await loadSettings(c);
  if (!found) return errorPage(c, 404);
  const { actor, agency, base } = found;
  const form = await readForm(c, openingFields);
  const openingValues = { weekday: inputValue(form.input, 'weekday'), start: inputValue(form.input, 'start'), end: inputValue(form.input, 'end'), counters: inputValue(form.input, 'counters') };
  if (!form.ok) return settingsPage(c, actor, agency, { openingValues }, form.errors);
  const result = await c.get('services').database.db.transaction((tx) => addOpening(tx, actor, agency, form.data, context(c)));
  if (!result.ok) return settingsPage(c, actor, agency, { openingValues }, { start: 'Cet horaire chevauche un autre horaire du même jour : changez les heures, ou retirez l’autre horaire' });
  return redirectWithFlash(c, base, { kind: 'success', text: `Horaire ajouté : ${weekdayLabels[form.data.weekday - 1] ?? ''} de ${formatClock(form.data.start)} à ${formatClock(form.data.end)}.` });
});

appointmentAgencyRoutes.get('/rendez-vous/gestion/:orgId/horaires/:id/retirer', access.to('appointment.settings'), async (c) => {
  const found = await loadSettings(c);
  if (!found) return errorPage(c, 404);
  const opening = (await openingsOf(c.get('services').database.db, found.agency.organisationId)).find((o) => o.id === c.req.param('id'));
  if (!opening) return errorPage(c, 404);
  const text = `${weekdayLabels[opening.weekday - 1] ?? ''} de ${formatClock(opening.startMinute)} à ${formatClock(opening.endMinute)}`;
  return page(
    c,
    { title: `Retirer l’horaire du ${text}`, breadcrumbs: [{ href: found.base, label: `Réglages des rendez-vous : ${found.agency.name}` }] },
    <ConfirmRemovePage heading={`Retirer l’horaire du ${text} ?`} text="Les personnes ne pourront plus prendre rendez-vous à ces heures. Les rendez-vous déjà pris restent." action={`${found.base}/horaires/${opening.id}/retirer`} submitLabel="Retirer l’horaire" backHref={found.base} />,
  );
});

appointmentAgencyRoutes.post('/rendez-vous/gestion/:orgId/horaires/:id/retirer', access.to('appointment.settings'), async (c) => {
  const found = await loadSettings(c);
  if (!found) return errorPage(c, 404);
  const result = await c.get('services').database.db.transaction((tx) => removeOpening(tx, found.actor, found.agency, c.req.param('id'), context(c)));
  if (!result.ok) return redirectWithFlash(c, found.base, { kind: 'warning', text: 'Cet horaire est déjà retiré.' });
  return redirectWithFlash(c, found.base, { kind: 'success', text: 'Horaire retiré.' });
});

appointmentAgencyRoutes.post('/rendez-vous/gestion/:orgId/fermetures', access.to('appointment.settings'), async (c) => {
  const found = await loadSettings(c);
  if (!found) return errorPage(c, 404);
  const { actor, agency, base } = found;
  const form = await readForm(c, closureFields);
  const closureValues = { day: inputValue(form.input, 'day'), reason: inputValue(form.input, 'reason') };
  if (!form.ok) return settingsPage(c, actor, agency, { closureValues }, form.errors);
  if (form.data.day < localDay(new Date())) return settingsPage(c, actor, agency, { closureValues }, { day: 'Choisissez aujourd’hui ou un jour à venir' });
  const result = await c.get('services').database.db.transaction((tx) => addClosure(tx, actor, agency, form.data, context(c)));
  if (!result.ok) return settingsPage(c, actor, agency, { closureValues }, { day: 'Ce jour est déjà fermé' });
  return redirectWithFlash(c, base, { kind: 'success', text: `Le ${dayTitle(form.data.day)} est fermé aux rendez-vous.` });
});

appointmentAgencyRoutes.get('/rendez-vous/gestion/:orgId/fermetures/:id/retirer', access.to('appointment.settings'), async (c) => {
  const found = await loadSettings(c);
  if (!found) return errorPage(c, 404);
  const closure = (await closuresOf(c.get('services').database.db, found.agency.organisationId, '2000-01-01')).find((k) => k.id === c.req.param('id'));
  if (!closure) return errorPage(c, 404);
  return page(
    c,
    { title: `Rouvrir le ${dayTitle(closure.day)}`, breadcrumbs: [{ href: found.base, label: `Réglages des rendez-vous : ${found.agency.name}` }] },
    <ConfirmRemovePage heading={`Rouvrir le ${dayTitle(closure.day)} aux rendez-vous ?`} text="Les personnes pourront de nouveau prendre rendez-vous ce jour-là." action={`${found.base}/fermetures/${closure.id}/retirer`} submitLabel="Rouvrir ce jour" backHref={found.base} />,
  );
});

appointmentAgencyRoutes.post('/rendez-vous/gestion/:orgId/fermetures/:id/retirer', access.to('appointment.settings'), async (c) => {
  const found = await loadSettings(c);
  if (!found) return errorPage(c, 404);
  const result = await c.get('services').database.db.transaction((tx) => removeClosure(tx, found.actor, found.agency, c.req.param('id'), context(c)));
  if (!result.ok) return redirectWithFlash(c, found.base, { kind: 'warning', text: 'Ce jour est déjà rouvert.' });
  return redirectWithFlash(c, found.base, { kind: 'success', text: 'Jour rouvert aux rendez-vous.' });
});
