import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.ts';
import { access } from '../../platform/http/access.ts';
import { redirectWithFlash } from '../../platform/http/flash.ts';
import { inputValue, readForm, type FieldErrors } from '../../platform/http/forms.ts';
import { errorPage, page } from '../../platform/http/render.tsx';
import { formatDateLong, localDay, startOfLocalDay } from '../../platform/format.ts';
import { hashSecret } from '../../platform/ids.ts';
import { formatPhone } from '../../platform/phone.ts';
import { countEvent, limitReached } from '../../platform/rate-limit/index.ts';
import { communeByCode } from '../../territory/index.ts';
import { clientOf } from '../accounts/index.ts';
import { bookAppointment, cancelAppointment, cancelPath, whenText, type BookingError } from './appointments.commands.ts';
import { bookingFields, honeypotField } from './appointments.forms.ts';
import { appointmentStatusLabels, formatClock, formatDuration, motifModeLabels } from './appointments.labels.ts';
import { appointmentByTokenHash, busyBetween, closuresOf, findAgency, findMotif, motifsOf, openingsOf, publishedAgencies, type Agency, type DayAppointment, type Motif } from './appointments.queries.ts';
import { addDays, bookingWeeks, daySlots, instantOf, parseSlotKey } from './appointments.slots.ts';
import { AgencyChoicePage, AppointmentPage, CancelPage, DetailsPage, MotifChoicePage, SlotChoicePage, type BookingValues } from './views/public.tsx';

export const appointmentPublicRoutes = new Hono<AppEnv>();

/** At most this many bookings an hour from one network address: enough for a family, not for a robot. */
const bookingLimit = { max: 6, windowMinutes: 60 };

const communeName = (code: string) => communeByCode(code)?.name ?? code;
const zoneOf = (c: Context<AppEnv>) => c.get('services').config.timeZone;
const dayTitle = (day: string) => formatDateLong(startOfLocalDay(day));
const motifText = (m: Pick<Motif, 'label' | 'durationMinutes' | 'mode'>) => `${m.label} (${formatDuration(m.durationMinutes)}, ${motifModeLabels[m.mode].toLowerCase()})`;
const whereText = (a: Agency) => (a.placeName ? `${a.name} — ${[a.placeName, a.placeAddress].filter(Boolean).join(', ')}, ${communeName(a.communeCode)}` : `${a.name}, ${communeName(a.communeCode)}`);

async function agencyChoices(c: Context<AppEnv>) {
  const agencies = await publishedAgencies(c.get('services').database.db);
  return agencies
    .map((a) => ({ agency: a, commune: communeName(a.communeCode) }))
    .sort((x, y) => x.commune.localeCompare(y.commune, 'fr') || x.agency.name.localeCompare(y.agency.name, 'fr'));
}

async function agencyStep(c: Context<AppEnv>, value: string, error?: string) {
  const choices = await agencyChoices(c);
  return page(
    c,
    { title: 'Prendre rendez-vous dans un Point Conseil Numérique', hasErrors: error !== undefined },
    <AgencyChoicePage
      agencies={choices.map(({ agency, commune }) => ({ id: agency.organisationId, label: `${commune} : ${agency.name}`, hint: agency.placeName ? [agency.placeName, agency.placeAddress].filter(Boolean).join(', ') : '' }))}
      value={value}
      error={error}
    />,
  );
}

async function findPublished(c: Context<AppEnv>, id: string): Promise<Agency | null> {
  return (await publishedAgencies(c.get('services').database.db)).find((a) => a.organisationId === id) ?? null;
}

async function motifStep(c: Context<AppEnv>, agency: Agency, value: string, error?: string) {
  const motifs = await motifsOf(c.get('services').database.db, agency.organisationId);
  return page(
    c,
    { title: `Pourquoi voulez-vous un rendez-vous ? ${agency.name}`, hasErrors: error !== undefined },
    <MotifChoicePage
      agencyId={agency.organisationId}
      agencyName={agency.name}
      motifs={motifs.map((m) => ({ id: m.id, label: m.label, hint: `${formatDuration(m.durationMinutes)}, ${m.mode === 'phone' ? 'l’aidant vous appelle' : 'à l’agence'}.` }))}
      value={value}
      error={error}
    />,
  );
}

/** The agency and the reason from the query or the form, or the page of the step to go back to. */
async function loadChoice(c: Context<AppEnv>, agencyId: string, motifId: string): Promise<{ agency: Agency; motif: Motif } | { back: Response | Promise<Response> }> {
  const agency = await findPublished(c, agencyId);
  if (!agency) return { back: agencyStep(c, '', agencyId === '' ? 'Choisissez une agence' : 'Cette agence ne prend pas de rendez-vous. Choisissez une autre agence.') };
  const motif = await findMotif(c.get('services').database.db, agency.organisationId, motifId);
  if (!motif?.active) return { back: motifStep(c, agency, '', motifId === '' ? 'Choisissez la raison du rendez-vous' : 'Cette raison n’est pas proposée. Choisissez une autre raison.') };
  return { agency, motif };
}

/** The offered slots of some days for a motif. */
async function slotsFor(c: Context<AppEnv>, agency: Agency, motif: Motif, firstDay: string, days: number) {
  const { db } = c.get('services').database;
  const zone = zoneOf(c);
  const lastDay = addDays(firstDay, days);
  const [openings, closures, busy] = await Promise.all([
    openingsOf(db, agency.organisationId),
    closuresOf(db, agency.organisationId, firstDay, lastDay),
    busyBetween(db, agency.organisationId, instantOf(firstDay, 0, zone), instantOf(lastDay, 0, zone)),
  ]);
  const closed = new Map(closures.map((k) => [k.day, k.reason]));
  const now = new Date();
  return Array.from({ length: days }, (_, i) => daySlots({ day: addDays(firstDay, i), openings, closures: closed, durationMinutes: motif.durationMinutes, busy, now, zone }));
}

function weekNumber(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isInteger(n) && n >= 1 && n <= bookingWeeks ? n : 1;
}

/** The week (1 to 3) a day falls in, counted from today; 1 for a day outside. */
function weekOf(day: string): number {
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${localDay(new Date())}T00:00:00Z`)) / 86_400_000);
  return days >= 0 && days < bookingWeeks * 7 ? Math.floor(days / 7) + 1 : 1;
}

async function slotStep(c: Context<AppEnv>, agency: Agency, motif: Motif, week: number, value: string, error?: string) {
  const today = localDay(new Date());
  const first = addDays(today, (week - 1) * 7);
  const days = await slotsFor(c, agency, motif, first, 7);
  const href = (n: number) => `/rendez-vous/creneau?agence=${agency.organisationId}&motif=${motif.id}&semaine=${n}`;
  return page(
    c,
    { title: week > 1 ? `Choisissez le jour et l’heure, semaine ${week}` : 'Choisissez le jour et l’heure', hasErrors: error !== undefined },
    <SlotChoicePage
      agencyId={agency.organisationId}
      motifId={motif.id}
      agencyName={agency.name}
      motifText={motifText(motif)}
      weekTitle={`Du ${dayTitle(first)} au ${dayTitle(addDays(first, 6))}`}
      days={days.map((d) => ({ day: d.day, title: dayTitle(d.day), closed: d.closedBecause, slots: d.slots.filter((s) => s.free).map((s) => ({ key: s.key, label: formatClock(s.minute) })) }))}
      previousHref={week > 1 ? href(week - 1) : null}
      nextHref={week < bookingWeeks ? href(week + 1) : null}
      value={value}
      error={error}
    />,
  );
}

function detailsStep(c: Context<AppEnv>, agency: Agency, motif: Motif, values: BookingValues, errors: FieldErrors, status?: 429) {
  const slot = parseSlotKey(values.creneau);
  return page(
    c,
    { title: 'Vos coordonnées pour le rendez-vous', hasErrors: Object.keys(errors).length > 0, ...(status ? { status } : {}) },
    <DetailsPage
      values={values}
      agencyName={agency.name}
      whereText={whereText(agency)}
      motifText={motifText(motif)}
      whenText={slot ? `${dayTitle(slot.day)} à ${formatClock(slot.minute)}` : '—'}
      phoneMotif={motif.mode === 'phone'}
      errors={errors}
    />,
  );
}

const q = (c: Context<AppEnv>, name: string) => (c.req.query(name) ?? '').trim();

appointmentPublicRoutes.get('/rendez-vous', access.public(), (c) => agencyStep(c, ''));

appointmentPublicRoutes.get('/rendez-vous/motif', access.public(), async (c) => {
  const agency = await findPublished(c, q(c, 'agence'));
  if (!agency) return agencyStep(c, '', q(c, 'agence') === '' ? 'Choisissez une agence' : 'Cette agence ne prend pas de rendez-vous. Choisissez une autre agence.');
  return motifStep(c, agency, q(c, 'motif'));
});

appointmentPublicRoutes.get('/rendez-vous/creneau', access.public(), async (c) => {
  const choice = await loadChoice(c, q(c, 'agence'), q(c, 'motif'));
  if ('back' in choice) return choice.back;
  return slotStep(c, choice.agency, choice.motif, weekNumber(c.req.query('semaine')), q(c, 'creneau'));
});

const slotMessages = {
  slot_unavailable: 'Cette heure n’est pas possible : elle est passée, ou l’agence est fermée. Choisissez une autre heure.',
  slot_full: 'Une autre personne vient de prendre cette heure. Choisissez une autre heure.',
} as const;

appointmentPublicRoutes.get('/rendez-vous/coordonnees', access.public(), async (c) => {
  const choice = await loadChoice(c, q(c, 'agence'), q(c, 'motif'));
  if ('back' in choice) return choice.back;
  const { agency, motif } = choice;
  const key = q(c, 'creneau');
  const slot = parseSlotKey(key);
  if (!slot) return slotStep(c, agency, motif, 1, '', 'Choisissez un jour et une heure');
  const offered = (await slotsFor(c, agency, motif, slot.day, 1))[0]?.slots.find((s) => s.key === key);
  if (!offered || !offered.free) return slotStep(c, agency, motif, weekOf(slot.day), '', offered ? slotMessages.slot_full : slotMessages.slot_unavailable);
  return detailsStep(c, agency, motif, { agence: agency.organisationId, motif: motif.id, creneau: key, nom: '', telephone: '', email: '' }, {});
});

appointmentPublicRoutes.post('/rendez-vous', access.public(), async (c) => {
  const { database, config, notifyOutbox } = c.get('services');
  const form = await readForm(c, bookingFields);
  const trap = form.input[honeypotField];
  // A robot filled the hidden field: it goes back to the start, and nothing is stored or sent.
  if (trap !== undefined && trap !== '' && !(Array.isArray(trap) && trap.every((v) => v === ''))) return c.redirect('/rendez-vous', 303);
  const values: BookingValues = {
    agence: inputValue(form.input, 'agence'),
    motif: inputValue(form.input, 'motif'),
    creneau: inputValue(form.input, 'creneau'),
    nom: inputValue(form.input, 'nom'),
    telephone: inputValue(form.input, 'telephone'),
    email: inputValue(form.input, 'email'),
  };
  const choice = await loadChoice(c, values.agence.trim(), values.motif.trim());
  if ('back' in choice) return choice.back;
  const { agency, motif } = choice;
  if (!form.ok) return detailsStep(c, agency, motif, values, form.errors);
  const key = `appointment:ip:${clientOf(c).ip ?? 'inconnue'}`;
  const result = await database.db.transaction(async (tx) => {
    if (await limitReached(tx, key, bookingLimit)) return { limited: true as const };
    const booked = await bookAppointment(
      tx,
      { organisationId: agency.organisationId, motifId: motif.id, slotKey: form.data.creneau, name: form.data.nom, phone: form.data.telephone, email: form.data.email },
      { zone: config.timeZone, baseUrl: config.baseUrl, requestId: c.get('requestId') },
    );
    if (booked.ok) await countEvent(tx, key);
    return { limited: false as const, booked };
  });
  if (result.limited) return detailsStep(c, agency, motif, values, { formulaire: 'Vous avez pris beaucoup de rendez-vous en une heure. Attendez une heure, ou téléphonez à l’agence.' }, 429);
  const { booked } = result;
  if (!booked.ok) {
    const errors: Record<BookingError, FieldErrors> = {
      unknown_agency: { creneau: 'Cette agence ne prend plus de rendez-vous. Choisissez une autre agence.' },
      unknown_motif: { creneau: 'Cette raison n’est plus proposée. Choisissez une autre raison.' },
      slot_unavailable: { creneau: slotMessages.slot_unavailable },
      slot_full: { creneau: slotMessages.slot_full },
      phone_required: { telephone: 'Donnez votre numéro de téléphone : pour ce rendez-vous, l’aidant vous appelle.' },
    };
    return detailsStep(c, agency, motif, values, errors[booked.error]);
  }
  notifyOutbox();
  const where = booked.value.appointment.notifyBy === 'sms' ? `un SMS au ${formatPhone(booked.value.appointment.phone ?? '')}` : `un e-mail à ${booked.value.appointment.email ?? ''}`;
  return redirectWithFlash(c, `/rendez-vous/r/${booked.value.token}`, { kind: 'success', text: `Votre rendez-vous est pris. Vous allez recevoir ${where}. Gardez-le : il a le lien pour annuler.` });
});

// ——— The person's own appointment, by the secret of their link ———

async function byToken(c: Context<AppEnv>): Promise<DayAppointment | null> {
  const token = c.req.param('token') ?? '';
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  c.header('Cache-Control', 'private, no-store');
  return appointmentByTokenHash(c.get('services').database.db, hashSecret(token));
}

async function summaryOf(c: Context<AppEnv>, a: DayAppointment) {
  const { db } = c.get('services').database;
  const agency = await findAgency(db, a.organisationId);
  const motif = await findMotif(db, a.organisationId, a.motifId);
  return {
    whenText: whenText(a, zoneOf(c)),
    whereText: agency ? whereText(agency) : 'l’agence',
    motifText: motif ? motifText({ label: motif.label, durationMinutes: a.durationMinutes, mode: a.mode }) : a.motifLabel,
    statusText: appointmentStatusLabels[a.status],
    cancellable: a.status === 'booked' && a.startsAt.getTime() > Date.now(),
    cancelled: a.status === 'cancelled',
  };
}

appointmentPublicRoutes.get('/rendez-vous/r/:token', access.public(), async (c) => {
  const appointment = await byToken(c);
  if (!appointment) return errorPage(c, 404);
  const token = c.req.param('token');
  return page(c, { title: 'Votre rendez-vous' }, <AppointmentPage appointment={await summaryOf(c, appointment)} cancelHref={cancelPath(token)} />);
});

appointmentPublicRoutes.get('/rendez-vous/r/:token/annuler', access.public(), async (c) => {
  const appointment = await byToken(c);
  if (!appointment) return errorPage(c, 404);
  const token = c.req.param('token');
  const summary = await summaryOf(c, appointment);
  if (!summary.cancellable) return redirectWithFlash(c, `/rendez-vous/r/${token}`, { kind: 'warning', text: 'Ce rendez-vous ne peut plus être annulé : il est déjà annulé, ou passé.' });
  return page(c, { title: 'Annuler votre rendez-vous' }, <CancelPage appointment={summary} action={cancelPath(token)} backHref={`/rendez-vous/r/${token}`} />);
});

appointmentPublicRoutes.post('/rendez-vous/r/:token/annuler', access.public(), async (c) => {
  const appointment = await byToken(c);
  if (!appointment) return errorPage(c, 404);
  const token = c.req.param('token');
  const { database, config, notifyOutbox } = c.get('services');
  const result = await database.db.transaction((tx) => cancelAppointment(tx, appointment, { zone: config.timeZone, baseUrl: config.baseUrl }));
  if (!result.ok) return redirectWithFlash(c, `/rendez-vous/r/${token}`, { kind: 'warning', text: 'Ce rendez-vous ne peut plus être annulé : il est déjà annulé, ou passé.' });
  notifyOutbox();
  return redirectWithFlash(c, `/rendez-vous/r/${token}`, { kind: 'success', text: 'Votre rendez-vous est annulé. Vous allez recevoir un message.' });
});
