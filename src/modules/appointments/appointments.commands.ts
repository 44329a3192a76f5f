import { and, eq, gt, inArray, isNull, lt, lte, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { authorize, type Actor } from '../../platform/authz/index.ts';
import { formatDateLong } from '../../platform/format.ts';
import { hashSecret, newId, newSecret } from '../../platform/ids.ts';
import { formatPhone } from '../../platform/phone.ts';
import { fail, ok, type Result } from '../../platform/result.ts';
import { recordAudit } from '../audit/index.ts';
import { queueMessage, removeMessages } from '../outbox/index.ts';
import type { AgencyFields, ClosureFields, MotifFields, OpeningFields } from './appointments.forms.ts';
import { formatClock, weekdayLabels } from './appointments.labels.ts';
import type { AgencySubject } from './appointments.policy.ts';
import { busyBetween, closuresOf, findAgency, findMotif, openingsOf, type Agency, type Appointment, type DayAppointment } from './appointments.queries.ts';
import { appointmentAgencies, appointmentClosures, appointmentMotifs, appointmentOpenings, appointments, type AppointmentStatus } from './appointments.schema.ts';
import { addDays, bookingWeeks, daySlots, localMinute, parseSlotKey } from './appointments.slots.ts';

type Context = { requestId?: string | null };
const subjectOf = (agency: Agency): AgencySubject => ({ organisationId: agency.organisationId, province: agency.province });

// ——— Settings ———

/** Makes sure the organisation has its agency row (settings, lock for bookings). */
async function ensureAgency(tx: Executor, organisationId: string): Promise<void> {
  await tx.insert(appointmentAgencies).values({ organisationId }).onConflictDoNothing();
}

/**
 * Chooses the place people come to and opens or closes booking on /rendez-vous.
 * @example await saveAgencySettings(tx, actor, agency, { placeId, published: true }, [placeId])
 */
export async function saveAgencySettings(tx: Executor, actor: Actor, agency: Agency, input: AgencyFields, allowedPlaceIds: readonly string[], context: Context = {}): Promise<Result<null, 'unknown_place'>> {
  authorize(actor, 'appointment.settings', subjectOf(agency));
  const placeId = input.placeId === '' ? null : input.placeId;
  if (placeId !== null && !allowedPlaceIds.includes(placeId)) return fail('unknown_place');
  await ensureAgency(tx, agency.organisationId);
  await tx.update(appointmentAgencies).set({ placeId, published: input.published, updatedAt: new Date() }).where(eq(appointmentAgencies.organisationId, agency.organisationId));
  await recordAudit(tx, actor, {
    action: 'appointment.agency.update',
    subjectType: 'organisation',
    subjectId: agency.organisationId,
    summary: `Rendez-vous de « ${agency.name} » ${input.published ? 'ouverts' : 'fermés'} au public`,
    details: { placeId, published: input.published },
    requestId: context.requestId ?? null,
  });
  return ok(null);
}

/** Adds a reason to the agency's list. */
export async function createMotif(tx: Executor, actor: Actor, agency: Agency, input: MotifFields, context: Context = {}): Promise<{ id: string }> {
  authorize(actor, 'appointment.settings', subjectOf(agency));
  await ensureAgency(tx, agency.organisationId);
  const id = newId();
  await tx.insert(appointmentMotifs).values({ id, organisationId: agency.organisationId, ...input });
  await recordAudit(tx, actor, { action: 'appointment.motif.create', subjectType: 'appointment_motif', subjectId: id, summary: `Raison de rendez-vous « ${input.label} » ajoutée à « ${agency.name} »`, details: { ...input }, requestId: context.requestId ?? null });
  return { id };
}

/** Changes a reason; booked appointments keep the duration they were booked with. */
export async function updateMotif(tx: Executor, actor: Actor, agency: Agency, motifId: string, input: MotifFields, context: Context = {}): Promise<Result<null, 'not_found'>> {
  authorize(actor, 'appointment.settings', subjectOf(agency));
  const updated = await tx
    .update(appointmentMotifs)
    .set({ ...input, updatedAt: new Date() })
    .where(and(eq(appointmentMotifs.id, motifId), eq(appointmentMotifs.organisationId, agency.organisationId)))
    .returning({ id: appointmentMotifs.id });
  if (updated.length === 0) return fail('not_found');
  await recordAudit(tx, actor, { action: 'appointment.motif.update', subjectType: 'appointment_motif', subjectId: motifId, summary: `Raison de rendez-vous « ${input.label} » de « ${agency.name} » modifiée`, details: { ...input }, requestId: context.requestId ?? null });
  return ok(null);
}

/** Adds a period to the weekly pattern; two periods of the same day may not overlap. */
export async function addOpening(tx: Executor, actor: Actor, agency: Agency, input: OpeningFields, context: Context = {}): Promise<Result<{ id: string }, 'overlaps'>> {
  authorize(actor, 'appointment.settings', subjectOf(agency));
  await ensureAgency(tx, agency.organisationId);
  const existing = await openingsOf(tx, agency.organisationId);
  if (existing.some((o) => o.weekday === input.weekday && o.startMinute < input.end && input.start < o.endMinute)) return fail('overlaps');
  const id = newId();
  await tx.insert(appointmentOpenings).values({ id, organisationId: agency.organisationId, weekday: input.weekday, startMinute: input.start, endMinute: input.end, counters: input.counters });
  const text = `${weekdayLabels[input.weekday - 1] ?? ''} de ${formatClock(input.start)} à ${formatClock(input.end)}`;
  await recordAudit(tx, actor, { action: 'appointment.opening.create', subjectType: 'organisation', subjectId: agency.organisationId, summary: `Horaire de rendez-vous ajouté à « ${agency.name} » : ${text}`, details: { ...input }, requestId: context.requestId ?? null });
  return ok({ id });
}

export async function removeOpening(tx: Executor, actor: Actor, agency: Agency, openingId: string, context: Context = {}): Promise<Result<null, 'not_found'>> {
  authorize(actor, 'appointment.settings', subjectOf(agency));
  const removed = await tx.delete(appointmentOpenings).where(and(eq(appointmentOpenings.id, openingId), eq(appointmentOpenings.organisationId, agency.organisationId))).returning();
  const row = removed[0];
  if (!row) return fail('not_found');
  const text = `${weekdayLabels[row.weekday - 1] ?? ''} de ${formatClock(row.startMinute)} à ${formatClock(row.endMinute)}`;
  await recordAudit(tx, actor, { action: 'appointment.opening.remove', subjectType: 'organisation', subjectId: agency.organisationId, summary: `Horaire de rendez-vous retiré de « ${agency.name} » : ${text}`, requestId: context.requestId ?? null });
  return ok(null);
}

/** Closes a day. Appointments already booked that day stay: the agency calls the people (the page says so). */
export async function addClosure(tx: Executor, actor: Actor, agency: Agency, input: ClosureFields, context: Context = {}): Promise<Result<{ id: string }, 'already_closed'>> {
  authorize(actor, 'appointment.settings', subjectOf(agency));
  await ensureAgency(tx, agency.organisationId);
  const id = newId();
  const inserted = await tx.insert(appointmentClosures).values({ id, organisationId: agency.organisationId, day: input.day, reason: input.reason }).onConflictDoNothing().returning({ id: appointmentClosures.id });
  if (inserted.length === 0) return fail('already_closed');
  await recordAudit(tx, actor, { action: 'appointment.closure.create', subjectType: 'organisation', subjectId: agency.organisationId, summary: `Jour fermé aux rendez-vous à « ${agency.name} » : ${input.day}`, details: { ...input }, requestId: context.requestId ?? null });
  return ok({ id });
}

export async function removeClosure(tx: Executor, actor: Actor, agency: Agency, closureId: string, context: Context = {}): Promise<Result<null, 'not_found'>> {
  authorize(actor, 'appointment.settings', subjectOf(agency));
  const removed = await tx.delete(appointmentClosures).where(and(eq(appointmentClosures.id, closureId), eq(appointmentClosures.organisationId, agency.organisationId))).returning();
  if (!removed[0]) return fail('not_found');
  await recordAudit(tx, actor, { action: 'appointment.closure.remove', subjectType: 'organisation', subjectId: agency.organisationId, summary: `Jour rouvert aux rendez-vous à « ${agency.name} » : ${removed[0].day}`, requestId: context.requestId ?? null });
  return ok(null);
}

// ——— Booking ———

export type BookingInput = { organisationId: string; motifId: string; slotKey: string; name: string; phone: string | null; email: string | null };
export type BookingError = 'unknown_agency' | 'unknown_motif' | 'slot_unavailable' | 'slot_full' | 'phone_required';
export type BookingOptions = { now?: Date; zone: string; baseUrl: string; requestId?: string | null };

/** The words of a slot for messages and pages. @example whenText(a, 'Pacific/Noumea') // 'mardi 24 novembre 2026 à 8 h 30' */
export function whenText(appointment: Pick<Appointment, 'startsAt'>, zone: string): string {
  return `${formatDateLong(appointment.startsAt)} à ${formatClock(localMinute(appointment.startsAt, zone))}`;
}

function whereText(agency: Agency): string {
  return agency.placeName ? `${agency.name}, ${[agency.placeName, agency.placeAddress].filter(Boolean).join(', ')}` : agency.name;
}

/**
 * A message's text: short for an SMS (accented letters make each SMS 70 characters long), in paragraphs with a
 * greeting for an e-mail.
 */
function messageText(a: Pick<Appointment, 'notifyBy' | 'phone' | 'personName'>, text: { sms: string; email: string[] }): string {
  return a.notifyBy === 'sms' && a.phone ? text.sms : [`Bonjour ${a.personName},`, ...text.email, 'L’équipe Relais'].join('\n\n');
}

/** Where the person's messages go: SMS when there is a phone (people read SMS), e-mail otherwise. */
function recipientOf(a: Pick<Appointment, 'notifyBy' | 'phone' | 'email'>): { channel: 'sms' | 'email'; recipient: string } {
  return a.notifyBy === 'sms' && a.phone ? { channel: 'sms', recipient: a.phone } : { channel: 'email', recipient: a.email ?? '' };
}

export const cancelPath = (token: string) => `/rendez-vous/r/${token}/annuler`;

/**
 * Books a slot for someone without an account. The agency's row is locked for the transaction (`for update`), so
 * two bookings of the same agency run one after the other: the second one sees the first and finds the slot full
 * when its counters are taken. The slot must be one the agency offers now (not past, not closed, within three weeks).
 * Queues the confirmation (SMS or e-mail) with the cancellation link; the link's secret is returned, its hash kept.
 * @example const r = await db.transaction((tx) => bookAppointment(tx, input, { zone, baseUrl }))
 */
export async function bookAppointment(tx: Executor, input: BookingInput, options: BookingOptions): Promise<Result<{ appointment: Appointment; token: string }, BookingError>> {
  const now = options.now ?? new Date();
  const [locked] = await tx.select().from(appointmentAgencies).where(eq(appointmentAgencies.organisationId, input.organisationId)).for('update');
  if (!locked?.published) return fail('unknown_agency');
  const agency = await findAgency(tx, input.organisationId);
  if (!agency) return fail('unknown_agency');
  const motif = await findMotif(tx, agency.organisationId, input.motifId);
  if (!motif?.active) return fail('unknown_motif');
  if (motif.mode === 'phone' && !input.phone) return fail('phone_required');
  const slot = parseSlotKey(input.slotKey);
  const today = localDayIn(now, options.zone);
  if (!slot || slot.day < today || slot.day >= addDays(today, bookingWeeks * 7)) return fail('slot_unavailable');
  const [openings, closures] = await Promise.all([openingsOf(tx, agency.organisationId), closuresOf(tx, agency.organisationId, slot.day, addDays(slot.day, 1))]);
  const dayStart = new Date(Date.parse(`${slot.day}T00:00:00Z`) - 14 * 3600_000);
  const busy = await busyBetween(tx, agency.organisationId, dayStart, new Date(dayStart.getTime() + 48 * 3600_000));
  const offered = daySlots({ day: slot.day, openings, closures: new Map(closures.map((c) => [c.day, c.reason])), durationMinutes: motif.durationMinutes, busy, now, zone: options.zone });
  const chosen = offered.slots.find((s) => s.key === input.slotKey);
  if (!chosen) return fail('slot_unavailable');
  if (!chosen.free) return fail('slot_full');
  const token = newSecret();
  const [appointment] = await tx
    .insert(appointments)
    .values({
      id: newId(),
      organisationId: agency.organisationId,
      motifId: motif.id,
      placeId: agency.placeId,
      day: slot.day,
      startsAt: chosen.startsAt,
      endsAt: chosen.endsAt,
      durationMinutes: motif.durationMinutes,
      mode: motif.mode,
      personName: input.name,
      phone: input.phone,
      email: input.email,
      notifyBy: input.phone ? 'sms' : 'email',
      cancelTokenHash: hashSecret(token),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!appointment) throw new Error('appointment not inserted');
  const link = `${options.baseUrl}${cancelPath(token)}`;
  const when = whenText(appointment, options.zone);
  await queueMessage(tx, {
    ...recipientOf(appointment),
    subject: `Votre rendez-vous du ${when}`,
    text: messageText(appointment, {
      sms: `Relais : rendez-vous le ${when}, ${agency.name}${motif.mode === 'phone' ? ' (l’aidant vous appelle)' : ''}. Pour annuler : ${link}`,
      email: [
        `Votre rendez-vous est pris.`,
        `Jour et heure : ${when}\nRaison : ${motif.label}\n${motif.mode === 'phone' ? `L’aidant vous appelle au ${formatPhone(input.phone ?? '')}.` : `Venez à : ${whereText(agency)}.`}`,
        `Vous ne pouvez pas venir ? Annulez le rendez-vous : ${link}\nUne autre personne pourra prendre cette heure.`,
      ],
    }),
    purpose: 'appointment.confirmation',
    dedupeKey: messageKeys(appointment.id).confirmation,
  });
  return ok({ appointment, token });
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function localDayIn(at: Date, zone: string): string {
  let f = dayFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone });
    dayFormats.set(zone, f);
  }
  return f.format(at);
}

/**
 * The person cancels through their link: only a booked appointment that has not started. Queues the
 * cancellation's confirmation once (dedupe key).
 */
export async function cancelAppointment(tx: Executor, appointment: DayAppointment, options: BookingOptions): Promise<Result<null, 'not_cancellable'>> {
  const now = options.now ?? new Date();
  if (appointment.status !== 'booked' || appointment.startsAt.getTime() <= now.getTime()) return fail('not_cancellable');
  const updated = await tx
    .update(appointments)
    .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
    .where(and(eq(appointments.id, appointment.id), eq(appointments.status, 'booked')))
    .returning({ id: appointments.id });
  if (updated.length === 0) return fail('not_cancellable');
  const agency = await findAgency(tx, appointment.organisationId);
  await queueMessage(tx, {
    ...recipientOf(appointment),
    subject: 'Votre rendez-vous est annulé',
    text: messageText(appointment, {
      sms: `Relais : votre rendez-vous du ${whenText(appointment, options.zone)} est annulé. Un autre rendez-vous : ${options.baseUrl}/rendez-vous`,
      email: [`Votre rendez-vous du ${whenText(appointment, options.zone)} à ${agency?.name ?? 'l’agence'} est annulé.`, `Pour prendre un autre rendez-vous : ${options.baseUrl}/rendez-vous`],
    }),
    purpose: 'appointment.cancellation',
    dedupeKey: messageKeys(appointment.id).cancellation,
  });
  return ok(null);
}

/**
 * The hourly job: for each booked appointment starting within 48 hours and not reminded yet, queues one reminder
 * with a fresh cancellation link (its own secret, hashed), and marks it. Running twice sends nothing more: the
 * mark is a guarded UPDATE and the outbox refuses a second message with the same dedupe key. Appointments booked
 * less than 48 hours ahead are marked without a reminder: their confirmation has just been sent.
 * @example await db.transaction((tx) => sendAppointmentReminders(tx, { zone, baseUrl }))
 */
export async function sendAppointmentReminders(tx: Executor, options: BookingOptions): Promise<{ queued: number }> {
  const now = options.now ?? new Date();
  const windowEnd = new Date(now.getTime() + 48 * 3600_000);
  const due = await tx
    .select({ appointment: appointments, motifLabel: appointmentMotifs.label })
    .from(appointments)
    .innerJoin(appointmentMotifs, eq(appointmentMotifs.id, appointments.motifId))
    .where(and(eq(appointments.status, 'booked'), isNull(appointments.remindedAt), gt(appointments.startsAt, now), lte(appointments.startsAt, windowEnd)));
  let queued = 0;
  for (const { appointment, motifLabel } of due) {
    const bookedLate = appointment.createdAt.getTime() > appointment.startsAt.getTime() - 48 * 3600_000;
    const token = newSecret();
    const marked = await tx
      .update(appointments)
      .set({ remindedAt: now, reminderTokenHash: bookedLate ? null : hashSecret(token) })
      .where(and(eq(appointments.id, appointment.id), isNull(appointments.remindedAt), eq(appointments.status, 'booked')))
      .returning({ id: appointments.id });
    if (marked.length === 0 || bookedLate) continue;
    const agency = await findAgency(tx, appointment.organisationId);
    const when = whenText(appointment, options.zone);
    const link = `${options.baseUrl}${cancelPath(token)}`;
    await queueMessage(tx, {
      ...recipientOf(appointment),
      subject: `Rappel : rendez-vous le ${when}`,
      text: messageText(appointment, {
        sms: `Relais, rappel : rendez-vous le ${when}, ${agency?.name ?? 'agence'}${appointment.mode === 'phone' ? ' (l’aidant vous appelle)' : ''}. Pour annuler : ${link}`,
        email: [
          `Nous vous rappelons votre rendez-vous.`,
          `Jour et heure : ${when}\nRaison : ${motifLabel}\n${appointment.mode === 'phone' ? 'L’aidant vous appelle.' : `Venez à : ${agency ? whereText(agency) : 'l’agence'}.`}`,
          `Vous ne pouvez pas venir ? Annulez le rendez-vous : ${link}`,
        ],
      }),
      purpose: 'appointment.reminder',
      dedupeKey: messageKeys(appointment.id).reminder,
    });
    queued += 1;
  }
  return { queued };
}

/** The outbox keys of an appointment's messages: each is sent once, and all go when the appointment is purged. */
function messageKeys(appointmentId: string) {
  return { confirmation: `appointment-confirmation:${appointmentId}`, cancellation: `appointment-cancellation:${appointmentId}`, reminder: `appointment-reminder:${appointmentId}` };
}

/**
 * The retention job: appointments ended `retentionDays` days ago are deleted with their messages, because they
 * hold a name and a phone number; what the aidant did stays in the activity record made from a seen appointment.
 * Bounded per run; audited with counts only.
 * @example await purgePastAppointments(tx, { retentionDays: 90 }) // { deleted: 14 }
 */
export async function purgePastAppointments(tx: Executor, options: { retentionDays: number; now?: Date; batch?: number }): Promise<{ deleted: number }> {
  const before = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 24 * 3600_000);
  const due = await tx.select({ id: appointments.id }).from(appointments).where(lt(appointments.endsAt, before)).limit(options.batch ?? 1000);
  if (due.length === 0) return { deleted: 0 };
  const ids = due.map((a) => a.id);
  await tx.delete(appointments).where(inArray(appointments.id, ids));
  const messages = await removeMessages(tx, ids.flatMap((id) => Object.values(messageKeys(id))));
  await recordAudit(tx, null, {
    action: 'appointment.purge',
    subjectType: 'appointment',
    summary: `${ids.length} rendez-vous passés effacés (nom et coordonnées), ${options.retentionDays} jours après leur date`,
    details: { rendezVous: ids.length, messages },
  });
  return { deleted: ids.length };
}

// ——— The agency's day ———

/**
 * The aidant marks an appointment seen, absent or excused. A seen appointment already turned into an activity
 * record keeps its mark (the record would lose its source).
 */
export async function markAppointment(tx: Executor, actor: Actor & { kind: 'person' }, agency: Agency, appointment: DayAppointment, status: Extract<AppointmentStatus, 'seen' | 'absent' | 'excused'>, context: Context = {}): Promise<Result<null, 'cancelled' | 'recorded'>> {
  authorize(actor, 'appointment.agenda', subjectOf(agency));
  if (appointment.status === 'cancelled') return fail('cancelled');
  if (appointment.activityId !== null) return fail('recorded');
  const updated = await tx
    .update(appointments)
    .set({ status, markedAt: new Date(), markedByUserId: actor.userId, updatedAt: new Date() })
    .where(and(eq(appointments.id, appointment.id), ne(appointments.status, 'cancelled'), isNull(appointments.activityId)))
    .returning({ id: appointments.id });
  if (updated.length === 0) return fail('recorded');
  await recordAudit(tx, actor, { action: 'appointment.mark', subjectType: 'appointment', subjectId: appointment.id, summary: `Rendez-vous du ${appointment.day} à « ${agency.name} » marqué ${status}`, details: { status }, requestId: context.requestId ?? null });
  return ok(null);
}

/**
 * Links a seen appointment to the activity record made from it, once: the guarded UPDATE and the unique index on
 * activity_id make a second link fail, and the caller's transaction (which created the record) rolls back.
 */
export async function linkActivity(tx: Executor, appointment: DayAppointment, activityId: string): Promise<Result<null, 'already_recorded' | 'not_seen'>> {
  if (appointment.status !== 'seen') return fail('not_seen');
  const updated = await tx
    .update(appointments)
    .set({ activityId, updatedAt: new Date() })
    .where(and(eq(appointments.id, appointment.id), eq(appointments.status, 'seen'), isNull(appointments.activityId)))
    .returning({ id: appointments.id });
  return updated.length === 0 ? fail('already_recorded') : ok(null);
}
