import { and, asc, count, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { authorize, type Actor } from '../../platform/authz/index.ts';
import { formatDateLong, localDay } from '../../platform/format.ts';
import { hashSecret, newId, newSecret } from '../../platform/ids.ts';
import { fail, ok, type Result } from '../../platform/result.ts';
import { communeByCode } from '../../territory/index.ts';
import { recordAudit } from '../audit/index.ts';
import { queueMessage } from '../outbox/index.ts';
import { findPlace } from '../places/places.queries.ts';
import type { ProgrammeFields, RegistrationFields, SeriesFields, SessionFields, TargetFields } from './workshops.forms.ts';
import { minutesOf } from './workshops.forms.ts';
import { disabilityPurpose } from './workshops.labels.ts';
import {
  eligibleTrainers,
  findProgramme,
  findSeries,
  findSession,
  isUuid,
  programmeSubject,
  seatHolding,
  sessionSubject,
  type Registration,
  type SessionView,
} from './workshops.queries.ts';
import {
  programmeOrganisations,
  programmes,
  programmeTargets,
  workshopRegistrations,
  workshopRegistrationSensitive,
  workshopSeries,
  workshopSessions,
  workshopSessionTrainers,
  type RegistrationStatus,
} from './workshops.schema.ts';
import { localInstant, spokenTime, whenText } from './workshops.time.ts';

export type Context = { baseUrl: string; requestId?: string | null; now?: Date };

/** How long a freed seat is kept for the next person on the waiting list. */
export const offerHours = 48;

/** A slug from a name: `Numé-Raï 2026` → `nume-rai-2026`. */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'programme'
  );
}

// ——— Programmes ———

async function slugTaken(tx: Executor, slug: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx.select({ id: programmes.id }).from(programmes).where(and(eq(programmes.slug, slug), exceptId ? ne(programmes.id, exceptId) : undefined));
  return row !== undefined;
}

export async function createProgramme(tx: Executor, actor: Actor | null, fields: ProgrammeFields, context: { requestId?: string | null } = {}): Promise<Result<{ id: string; slug: string }, 'slug_taken'>> {
  if (actor) authorize(actor, 'programme.create');
  const slug = fields.slug || slugify(fields.name);
  if (await slugTaken(tx, slug)) return fail('slug_taken');
  const id = newId();
  await tx.insert(programmes).values({ id, slug, name: fields.name, description: fields.description, funders: fields.funders, startsOn: fields.startsOn, endsOn: fields.endsOn });
  await tx.insert(programmeOrganisations).values([...new Set(fields.consortium)].map((organisationId) => ({ programmeId: id, organisationId })));
  await recordAudit(tx, actor, { action: 'programme.create', subjectType: 'programme', subjectId: id, summary: `Programme « ${fields.name} » créé`, requestId: context.requestId ?? null });
  return ok({ id, slug });
}

export async function updateProgramme(tx: Executor, actor: Actor, id: string, fields: ProgrammeFields, context: { requestId?: string | null } = {}): Promise<Result<{ slug: string }, 'not_found' | 'slug_taken'>> {
  const programme = await findProgramme(tx, id);
  if (!programme) return fail('not_found');
  authorize(actor, 'programme.manage', programmeSubject(programme));
  const slug = fields.slug || programme.slug;
  if (await slugTaken(tx, slug, id)) return fail('slug_taken');
  await tx
    .update(programmes)
    .set({ slug, name: fields.name, description: fields.description, funders: fields.funders, startsOn: fields.startsOn, endsOn: fields.endsOn, updatedAt: new Date() })
    .where(eq(programmes.id, id));
  await tx.delete(programmeOrganisations).where(eq(programmeOrganisations.programmeId, id));
  await tx.insert(programmeOrganisations).values([...new Set(fields.consortium)].map((organisationId) => ({ programmeId: id, organisationId })));
  await recordAudit(tx, actor, { action: 'programme.update', subjectType: 'programme', subjectId: id, summary: `Programme « ${fields.name} » modifié`, requestId: context.requestId ?? null });
  return ok({ slug });
}

export async function addTarget(tx: Executor, actor: Actor | null, programmeId: string, fields: TargetFields): Promise<Result<{ id: string }, 'not_found'>> {
  const programme = await findProgramme(tx, programmeId);
  if (!programme) return fail('not_found');
  if (actor) authorize(actor, 'programme.manage', programmeSubject(programme));
  const [last] = await tx.select({ n: count() }).from(programmeTargets).where(eq(programmeTargets.programmeId, programmeId));
  const id = newId();
  await tx.insert(programmeTargets).values({ id, programmeId, kind: fields.kind, label: fields.label, targetValue: fields.targetValue, position: (last?.n ?? 0) * 10 });
  await recordAudit(tx, actor, { action: 'programme.target.add', subjectType: 'programme', subjectId: programmeId, summary: `Objectif ajouté au programme « ${programme.name} »`, details: { kind: fields.kind, targetValue: fields.targetValue } });
  return ok({ id });
}

export async function removeTarget(tx: Executor, actor: Actor, programmeId: string, targetId: string): Promise<Result<null, 'not_found'>> {
  const programme = await findProgramme(tx, programmeId);
  if (!programme || !isUuid(targetId)) return fail('not_found');
  authorize(actor, 'programme.manage', programmeSubject(programme));
  const removed = await tx.delete(programmeTargets).where(and(eq(programmeTargets.id, targetId), eq(programmeTargets.programmeId, programmeId))).returning({ id: programmeTargets.id });
  if (removed.length === 0) return fail('not_found');
  await recordAudit(tx, actor, { action: 'programme.target.remove', subjectType: 'programme', subjectId: programmeId, summary: `Objectif retiré du programme « ${programme.name} »` });
  return ok(null);
}

// ——— Series ———

export async function createSeries(tx: Executor, actor: Actor | null, programmeId: string, fields: SeriesFields): Promise<Result<{ id: string }, 'not_found'>> {
  const programme = await findProgramme(tx, programmeId);
  if (!programme) return fail('not_found');
  if (actor) authorize(actor, 'programme.manage', programmeSubject(programme));
  const id = newId();
  await tx.insert(workshopSeries).values({ id, programmeId, ...fields });
  await recordAudit(tx, actor, { action: 'workshop.series.create', subjectType: 'workshop_series', subjectId: id, summary: `Atelier « ${fields.title} » créé dans « ${programme.name} »` });
  return ok({ id });
}

export async function updateSeries(tx: Executor, actor: Actor, seriesId: string, fields: SeriesFields): Promise<Result<null, 'not_found'>> {
  const series = await findSeries(tx, seriesId);
  if (!series) return fail('not_found');
  authorize(actor, 'programme.manage', programmeSubject(series.programme));
  await tx.update(workshopSeries).set({ ...fields, updatedAt: new Date() }).where(eq(workshopSeries.id, seriesId));
  await recordAudit(tx, actor, { action: 'workshop.series.update', subjectType: 'workshop_series', subjectId: seriesId, summary: `Atelier « ${fields.title} » modifié` });
  return ok(null);
}

// ——— Sessions ———

type SessionError = 'not_found' | 'unknown_place' | 'unknown_trainer' | 'capacity_below_registered' | 'cancelled';

async function sessionValues(tx: Executor, fields: SessionFields, consortium: readonly string[]): Promise<Result<Omit<typeof workshopSessions.$inferInsert, 'id' | 'seriesId'>, SessionError>> {
  let communeCode = fields.communeCode;
  if (fields.placeId) {
    const place = await findPlace(tx, fields.placeId);
    if (!place) return fail('unknown_place');
    communeCode = place.communeCode;
  }
  if (!communeCode) return fail('unknown_place');
  const allowed = new Set((await eligibleTrainers(tx, consortium)).map((t) => t.id));
  if (fields.trainers.some((t) => !allowed.has(t))) return fail('unknown_trainer');
  return ok({
    startsAt: localInstant(fields.day, minutesOf(fields.startTime) ?? 0),
    endsAt: localInstant(fields.day, minutesOf(fields.endTime) ?? 0),
    placeId: fields.placeId,
    spotName: fields.placeId ? null : fields.spotName,
    spotAddress: fields.placeId ? null : fields.spotAddress,
    communeCode,
    capacity: fields.capacity,
    accessibility: fields.accessibility,
    accessibilityOther: fields.accessibility.includes('other') ? fields.accessibilityOther : null,
  });
}

export async function createSession(tx: Executor, actor: Actor | null, seriesId: string, fields: SessionFields): Promise<Result<{ id: string }, SessionError>> {
  const series = await findSeries(tx, seriesId);
  if (!series) return fail('not_found');
  if (actor) authorize(actor, 'programme.manage', programmeSubject(series.programme));
  const values = await sessionValues(tx, fields, series.programme.consortium.map((o) => o.id));
  if (!values.ok) return values;
  const id = newId();
  await tx.insert(workshopSessions).values({ id, seriesId, ...values.value });
  if (fields.trainers.length) await tx.insert(workshopSessionTrainers).values([...new Set(fields.trainers)].map((userId) => ({ sessionId: id, userId })));
  await recordAudit(tx, actor, { action: 'workshop.session.create', subjectType: 'workshop_session', subjectId: id, summary: `Séance de « ${series.title} » ajoutée le ${fields.day}` });
  return ok({ id });
}

/** Locks a session's row for the rest of the transaction: registrations and capacity changes queue behind it. */
async function lockSession(tx: Executor, sessionId: string) {
  const [row] = await tx.select().from(workshopSessions).where(eq(workshopSessions.id, sessionId)).for('update');
  return row ?? null;
}

async function seatsTaken(tx: Executor, sessionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(workshopRegistrations)
    .where(and(eq(workshopRegistrations.sessionId, sessionId), inArray(workshopRegistrations.status, seatHolding)));
  return row?.n ?? 0;
}

/**
 * Changes a session. The capacity cannot go below the seats already held; a larger capacity offers the new seats
 * to the waiting list at once.
 */
export async function updateSession(tx: Executor, actor: Actor, sessionId: string, fields: SessionFields, context: Context): Promise<Result<{ taken: number }, SessionError>> {
  const view = await findSession(tx, sessionId);
  if (!view) return fail('not_found');
  authorize(actor, 'programme.manage', sessionSubject(view));
  const locked = await lockSession(tx, sessionId);
  if (!locked) return fail('not_found');
  if (locked.status === 'cancelled') return fail('cancelled');
  const taken = await seatsTaken(tx, sessionId);
  if (fields.capacity < taken) return { ok: false, error: 'capacity_below_registered' };
  const values = await sessionValues(tx, fields, view.programme.consortium.map((o) => o.id));
  if (!values.ok) return values;
  await tx.update(workshopSessions).set({ ...values.value, updatedAt: new Date() }).where(eq(workshopSessions.id, sessionId));
  await tx.delete(workshopSessionTrainers).where(eq(workshopSessionTrainers.sessionId, sessionId));
  if (fields.trainers.length) await tx.insert(workshopSessionTrainers).values([...new Set(fields.trainers)].map((userId) => ({ sessionId, userId })));
  await recordAudit(tx, actor, { action: 'workshop.session.update', subjectType: 'workshop_session', subjectId: sessionId, summary: `Séance de « ${view.series.title} » modifiée`, requestId: context.requestId ?? null });
  await offerFreeSeats(tx, sessionId, context);
  return ok({ taken });
}

/** Cancels a session and tells every person registered or waiting, through the outbox. */
export async function cancelSession(tx: Executor, actor: Actor, sessionId: string, reason: string, context: Context): Promise<Result<{ notified: number }, 'not_found' | 'cancelled'>> {
  const view = await findSession(tx, sessionId);
  if (!view) return fail('not_found');
  authorize(actor, 'programme.manage', sessionSubject(view));
  const locked = await lockSession(tx, sessionId);
  if (!locked) return fail('not_found');
  if (locked.status === 'cancelled') return fail('cancelled');
  await tx.update(workshopSessions).set({ status: 'cancelled', cancelledAt: new Date(), cancellationReason: reason, updatedAt: new Date() }).where(eq(workshopSessions.id, sessionId));
  const people = await tx.select().from(workshopRegistrations).where(and(eq(workshopRegistrations.sessionId, sessionId), ne(workshopRegistrations.status, 'cancelled')));
  for (const r of people) {
    await tell(tx, r, {
      purpose: 'workshop.session_cancelled',
      dedupe: `workshop-cancelled:${r.id}`,
      subject: `Atelier annulé : ${view.series.title}`,
      sms: `Relais : l’atelier « ${view.series.title} » du ${whenText(view.startsAt, view.endsAt)} est annulé. ${reason}`,
      email: `Bonjour ${r.name},\n\nL’atelier « ${view.series.title} » est annulé.\nIl était prévu le ${whenText(view.startsAt, view.endsAt)}.\n\nPourquoi : ${reason}\n\nVous pouvez choisir un autre atelier : ${context.baseUrl}/ateliers\n\nL’équipe du programme ${view.programme.name}`,
    });
  }
  await recordAudit(tx, actor, { action: 'workshop.session.cancel', subjectType: 'workshop_session', subjectId: sessionId, summary: `Séance de « ${view.series.title} » annulée (${people.length} personnes prévenues)`, details: { reason }, requestId: context.requestId ?? null });
  return ok({ notified: people.length });
}

// ——— Messages ———

type Notice = { purpose: string; dedupe: string; subject: string; sms: string; email: string };

/** One message per contact the person gave: an SMS to their phone, an e-mail to their address. */
async function tell(tx: Executor, r: Pick<Registration, 'phone' | 'email'>, notice: Notice): Promise<void> {
  if (r.phone) await queueMessage(tx, { channel: 'sms', recipient: r.phone, text: notice.sms, purpose: notice.purpose, dedupeKey: `${notice.dedupe}:sms` });
  if (r.email) await queueMessage(tx, { channel: 'email', recipient: r.email, subject: notice.subject, text: notice.email, purpose: notice.purpose, dedupeKey: `${notice.dedupe}:email` });
}

function placeText(view: SessionView): string {
  const commune = communeByCode(view.communeCode)?.name ?? view.communeCode;
  const name = view.place?.name ?? view.spotName ?? '';
  return `${name}, ${commune}`;
}

export function registrationLink(baseUrl: string, token: string): string {
  return `${baseUrl}/ateliers/mon-inscription/${token}`;
}

// ——— Registrations ———

export type RegistrationError = 'not_found' | 'cancelled' | 'past';
export type Registered = { id: string; status: RegistrationStatus; token: string };

/**
 * Registers a person to a session. The session's row is locked first (SELECT … FOR UPDATE), so that two people
 * asking for the last seat at the same moment are served one after the other: the first gets the seat, the second
 * the waiting list. A session with people already waiting puts newcomers behind them. The disability answer is
 * stored only with consent, together with the consent time and the purpose shown.
 */
export async function register(tx: Executor, actor: Actor | null, sessionId: string, fields: RegistrationFields, context: Context): Promise<Result<Registered, RegistrationError>> {
  if (!isUuid(sessionId)) return fail('not_found');
  const now = context.now ?? new Date();
  const locked = await lockSession(tx, sessionId);
  if (!locked) return fail('not_found');
  if (locked.status === 'cancelled') return fail('cancelled');
  if (locked.startsAt <= now) return fail('past');
  const view = await findSession(tx, sessionId);
  if (!view) return fail('not_found');
  const onBehalf = actor?.kind === 'person' ? actor : null;
  if (onBehalf) authorize(onBehalf, 'workshop.register_for', sessionSubject(view));
  const taken = await seatsTaken(tx, sessionId);
  const [queue] = await tx.select({ n: count() }).from(workshopRegistrations).where(and(eq(workshopRegistrations.sessionId, sessionId), eq(workshopRegistrations.status, 'waiting')));
  const status: RegistrationStatus = taken < locked.capacity && (queue?.n ?? 0) === 0 ? 'confirmed' : 'waiting';
  const token = newSecret();
  const id = newId();
  await tx.insert(workshopRegistrations).values({
    id,
    sessionId,
    name: fields.name,
    phone: fields.phone,
    email: fields.email,
    communeCode: fields.communeCode,
    companion: fields.companion,
    status,
    registeredByUserId: onBehalf?.userId ?? null,
    tokenHash: hashSecret(token),
    confirmedAt: status === 'confirmed' ? now : null,
    createdAt: now,
  });
  const consented = fields.disabilityConsent && fields.disability !== null;
  if (fields.accessNeeds.length > 0 || fields.accessNeedsText || consented) {
    await tx.insert(workshopRegistrationSensitive).values({
      registrationId: id,
      accessNeeds: fields.accessNeeds,
      accessNeedsText: fields.accessNeedsText,
      disability: consented ? fields.disability : null,
      disabilityConsentAt: consented ? now : null,
      disabilityPurpose: consented ? disabilityPurpose : null,
    });
  }
  const link = registrationLink(context.baseUrl, token);
  const title = view.series.title;
  const when = whenText(view.startsAt, view.endsAt);
  if (status === 'confirmed') {
    await tell(tx, fields, {
      purpose: 'workshop.registration_confirmed',
      dedupe: `workshop-confirmed:${id}`,
      subject: `Vous êtes inscrit à l’atelier « ${title} »`,
      sms: `Relais : vous êtes inscrit à l’atelier « ${title} » le ${when}, ${placeText(view)}. Pour annuler : ${link}`,
      email: `Bonjour ${fields.name},\n\nVous êtes inscrit à l’atelier « ${title} ».\n\nQuand : ${when}\nOù : ${placeText(view)}\n\nVous ne pouvez pas venir ? Annulez ici, pour laisser la place à une autre personne :\n${link}\n\nL’équipe du programme ${view.programme.name}`,
    });
  } else {
    await tell(tx, fields, {
      purpose: 'workshop.registration_waiting',
      dedupe: `workshop-waiting:${id}`,
      subject: `Vous êtes sur la liste d’attente de l’atelier « ${title} »`,
      sms: `Relais : l’atelier « ${title} » du ${when} est complet. Vous êtes sur la liste d’attente. Si une place se libère, nous vous écrivons. Pour quitter la liste : ${link}`,
      email: `Bonjour ${fields.name},\n\nL’atelier « ${title} » du ${when} est complet.\nVous êtes sur la liste d’attente.\n\nSi une place se libère, nous vous envoyons un message. Vous aurez ${offerHours} heures pour dire oui.\n\nPour quitter la liste d’attente : ${link}\n\nL’équipe du programme ${view.programme.name}`,
    });
  }
  await recordAudit(tx, onBehalf, {
    action: 'workshop.registration.create',
    subjectType: 'workshop_registration',
    subjectId: id,
    summary: `${onBehalf ? 'Inscription faite pour une personne' : 'Inscription'} à « ${title} » du ${localDay(view.startsAt)} (${status === 'confirmed' ? 'place confirmée' : 'liste d’attente'})`,
    requestId: context.requestId ?? null,
  });
  return ok({ id, status, token });
}

/**
 * Gives free seats to the waiting list, oldest first: each person gets an offer valid 48 hours, with a new link
 * (the link they had before stops working: only hashes are stored, so a new secret is made).
 */
export async function offerFreeSeats(tx: Executor, sessionId: string, context: Context): Promise<number> {
  const now = context.now ?? new Date();
  const locked = await lockSession(tx, sessionId);
  if (!locked || locked.status === 'cancelled' || locked.startsAt <= now) return 0;
  const free = locked.capacity - (await seatsTaken(tx, sessionId));
  if (free <= 0) return 0;
  const next = await tx
    .select()
    .from(workshopRegistrations)
    .where(and(eq(workshopRegistrations.sessionId, sessionId), eq(workshopRegistrations.status, 'waiting')))
    .orderBy(asc(workshopRegistrations.createdAt), asc(workshopRegistrations.id))
    .limit(free);
  if (next.length === 0) return 0;
  const view = await findSession(tx, sessionId);
  if (!view) return 0;
  // The offer ends 48 hours later, but never after the workshop starts.
  const expires = new Date(Math.min(now.getTime() + offerHours * 3600_000, locked.startsAt.getTime()));
  for (const r of next) {
    const token = newSecret();
    await tx.update(workshopRegistrations).set({ status: 'offered', offeredAt: now, offerExpiresAt: expires, tokenHash: hashSecret(token) }).where(eq(workshopRegistrations.id, r.id));
    const link = registrationLink(context.baseUrl, token);
    const until = `${formatDateLong(expires)} à ${spokenTime(expires)}`;
    await tell(tx, r, {
      purpose: 'workshop.seat_offered',
      dedupe: `workshop-offer:${r.id}:${now.getTime()}`,
      subject: `Une place est libre à l’atelier « ${view.series.title} »`,
      sms: `Relais : une place est libre à l’atelier « ${view.series.title} » le ${whenText(view.startsAt, view.endsAt)}. Vous la voulez ? Répondez avant le ${until} : ${link}`,
      email: `Bonjour ${r.name},\n\nUne place est libre à l’atelier « ${view.series.title} ».\n\nQuand : ${whenText(view.startsAt, view.endsAt)}\nOù : ${placeText(view)}\n\nVous voulez cette place ? Dites oui avant le ${until} :\n${link}\n\nSans réponse, la place passe à la personne suivante.\n\nL’équipe du programme ${view.programme.name}`,
    });
  }
  return next.length;
}

export type TokenError = 'not_found' | 'already_cancelled' | 'expired' | 'not_offered' | 'past';

async function byToken(tx: Executor, token: string): Promise<Registration | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await tx.select().from(workshopRegistrations).where(eq(workshopRegistrations.tokenHash, hashSecret(token)));
  return row ?? null;
}

/** The person cancels with the link of their message: their seat (if any) goes to the waiting list. */
export async function cancelRegistrationByToken(tx: Executor, token: string, context: Context): Promise<Result<{ sessionId: string }, TokenError>> {
  const found = await byToken(tx, token);
  if (!found) return fail('not_found');
  await lockSession(tx, found.sessionId);
  const [r] = await tx.select().from(workshopRegistrations).where(eq(workshopRegistrations.id, found.id));
  if (!r) return fail('not_found');
  if (r.status === 'cancelled') return fail('already_cancelled');
  await tx.update(workshopRegistrations).set({ status: 'cancelled', cancelledAt: context.now ?? new Date(), offerExpiresAt: null }).where(eq(workshopRegistrations.id, r.id));
  await recordAudit(tx, null, { action: 'workshop.registration.cancel', subjectType: 'workshop_registration', subjectId: r.id, summary: 'Inscription annulée par la personne (lien du message)', requestId: context.requestId ?? null });
  if (r.status !== 'waiting') await offerFreeSeats(tx, r.sessionId, context);
  return ok({ sessionId: r.sessionId });
}

/**
 * A trainer or a coordinator cancels a registration (the person phoned, for example): the person is told, and a
 * freed seat goes to the waiting list.
 */
export async function cancelRegistrationForPerson(tx: Executor, actor: Actor, registrationId: string, context: Context): Promise<Result<{ sessionId: string }, 'not_found' | 'already_cancelled'>> {
  if (!isUuid(registrationId)) return fail('not_found');
  const [found] = await tx.select().from(workshopRegistrations).where(eq(workshopRegistrations.id, registrationId));
  if (!found) return fail('not_found');
  const view = await findSession(tx, found.sessionId);
  if (!view) return fail('not_found');
  authorize(actor, 'workshop.session.view', sessionSubject(view));
  await lockSession(tx, found.sessionId);
  const [r] = await tx.select().from(workshopRegistrations).where(eq(workshopRegistrations.id, registrationId));
  if (!r) return fail('not_found');
  if (r.status === 'cancelled') return fail('already_cancelled');
  await tx.update(workshopRegistrations).set({ status: 'cancelled', cancelledAt: context.now ?? new Date(), offerExpiresAt: null }).where(eq(workshopRegistrations.id, r.id));
  await tell(tx, r, {
    purpose: 'workshop.registration_cancelled',
    dedupe: `workshop-registration-cancelled:${r.id}`,
    subject: `Votre inscription à l’atelier « ${view.series.title} » est annulée`,
    sms: `Relais : comme demandé, votre inscription à l’atelier « ${view.series.title} » du ${whenText(view.startsAt, view.endsAt)} est annulée.`,
    email: `Bonjour ${r.name},\n\nComme demandé, votre inscription à l’atelier « ${view.series.title} » du ${whenText(view.startsAt, view.endsAt)} est annulée.\n\nVous pouvez choisir un autre atelier : ${context.baseUrl}/ateliers\n\nL’équipe du programme ${view.programme.name}`,
  });
  await recordAudit(tx, actor, { action: 'workshop.registration.cancel', subjectType: 'workshop_registration', subjectId: r.id, summary: `Inscription à « ${view.series.title} » du ${localDay(view.startsAt)} annulée pour la personne`, requestId: context.requestId ?? null });
  if (r.status !== 'waiting') await offerFreeSeats(tx, r.sessionId, context);
  return ok({ sessionId: r.sessionId });
}

/** The person says yes to an offered seat before it expires. */
export async function acceptOffer(tx: Executor, token: string, context: Context): Promise<Result<{ sessionId: string }, TokenError>> {
  const now = context.now ?? new Date();
  const found = await byToken(tx, token);
  if (!found) return fail('not_found');
  await lockSession(tx, found.sessionId);
  const [r] = await tx.select().from(workshopRegistrations).where(eq(workshopRegistrations.id, found.id));
  if (!r) return fail('not_found');
  if (r.status === 'cancelled') return fail('already_cancelled');
  if (r.status !== 'offered') return fail('not_offered');
  if (!r.offerExpiresAt || r.offerExpiresAt <= now) return fail('expired');
  const view = await findSession(tx, r.sessionId);
  if (!view) return fail('not_found');
  await tx.update(workshopRegistrations).set({ status: 'confirmed', confirmedAt: now, offerExpiresAt: null }).where(eq(workshopRegistrations.id, r.id));
  await tell(tx, r, {
    purpose: 'workshop.registration_confirmed',
    dedupe: `workshop-confirmed:${r.id}`,
    subject: `Vous êtes inscrit à l’atelier « ${view.series.title} »`,
    sms: `Relais : c’est noté, vous êtes inscrit à l’atelier « ${view.series.title} » le ${whenText(view.startsAt, view.endsAt)}, ${placeText(view)}. Pour annuler : ${registrationLink(context.baseUrl, token)}`,
    email: `Bonjour ${r.name},\n\nC’est noté : vous êtes inscrit à l’atelier « ${view.series.title} ».\n\nQuand : ${whenText(view.startsAt, view.endsAt)}\nOù : ${placeText(view)}\n\nPour annuler : ${registrationLink(context.baseUrl, token)}\n\nL’équipe du programme ${view.programme.name}`,
  });
  await recordAudit(tx, null, { action: 'workshop.registration.accept_offer', subjectType: 'workshop_registration', subjectId: r.id, summary: 'Place proposée acceptée par la personne', requestId: context.requestId ?? null });
  return ok({ sessionId: r.sessionId });
}

/**
 * The job every quarter of an hour: offers not answered in time are withdrawn (the person is told) and the seat
 * goes to the next person waiting. Running it twice changes nothing more.
 */
export async function expireOffers(tx: Executor, context: Context): Promise<{ expired: number; offered: number }> {
  const now = context.now ?? new Date();
  const due = await tx
    .select()
    .from(workshopRegistrations)
    .where(and(eq(workshopRegistrations.status, 'offered'), lt(workshopRegistrations.offerExpiresAt, now)))
    .orderBy(asc(workshopRegistrations.offerExpiresAt))
    .limit(500);
  let offered = 0;
  let expired = 0;
  const sessions = new Set<string>();
  for (const r of due) {
    await lockSession(tx, r.sessionId);
    const changed = await tx
      .update(workshopRegistrations)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(and(eq(workshopRegistrations.id, r.id), eq(workshopRegistrations.status, 'offered')))
      .returning({ id: workshopRegistrations.id });
    if (changed.length === 0) continue;
    expired += 1;
    await tell(tx, r, {
      purpose: 'workshop.offer_expired',
      dedupe: `workshop-offer-expired:${r.id}`,
      subject: 'La place proposée n’est plus disponible',
      sms: 'Relais : nous n’avons pas eu votre réponse à temps. La place de l’atelier est donnée à une autre personne. Vous pouvez choisir un autre atelier sur relais.nc/ateliers.',
      email: `Bonjour ${r.name},\n\nNous vous avions proposé une place à un atelier. Nous n’avons pas eu votre réponse à temps.\nLa place est donnée à une autre personne.\n\nVous pouvez choisir un autre atelier : ${context.baseUrl}/ateliers`,
    });
    sessions.add(r.sessionId);
  }
  for (const sessionId of sessions) offered += await offerFreeSeats(tx, sessionId, context);
  return { expired, offered };
}

/**
 * The daily job: a reminder to every confirmed person of a session held in two days (territory's calendar).
 * Idempotent: remindedAt is set with a guarded UPDATE and the outbox refuses a second message with the same key.
 */
export async function sendWorkshopReminders(tx: Executor, context: Context): Promise<{ queued: number }> {
  const now = context.now ?? new Date();
  const target = localDay(new Date(now.getTime() + 2 * 24 * 3600_000));
  const rows = await tx
    .select({ registration: workshopRegistrations, sessionId: workshopSessions.id })
    .from(workshopRegistrations)
    .innerJoin(workshopSessions, eq(workshopSessions.id, workshopRegistrations.sessionId))
    .where(
      and(
        eq(workshopRegistrations.status, 'confirmed'),
        isNull(workshopRegistrations.remindedAt),
        eq(workshopSessions.status, 'scheduled'),
        sql`${workshopSessions.startsAt} > ${now}`,
        sql`${workshopSessions.startsAt} < ${new Date(now.getTime() + 3 * 24 * 3600_000)}`,
      ),
    );
  let queued = 0;
  const views = new Map<string, SessionView | null>();
  for (const { registration: r, sessionId } of rows) {
    if (!views.has(sessionId)) views.set(sessionId, await findSession(tx, sessionId));
    const view = views.get(sessionId);
    if (!view || localDay(view.startsAt) !== target) continue;
    const marked = await tx
      .update(workshopRegistrations)
      .set({ remindedAt: now })
      .where(and(eq(workshopRegistrations.id, r.id), isNull(workshopRegistrations.remindedAt)))
      .returning({ id: workshopRegistrations.id });
    if (marked.length === 0) continue;
    await tell(tx, r, {
      purpose: 'workshop.reminder',
      dedupe: `workshop-reminder:${r.id}`,
      subject: `Rappel : atelier « ${view.series.title} » dans 2 jours`,
      sms: `Relais : rappel, atelier « ${view.series.title} » le ${whenText(view.startsAt, view.endsAt)}, ${placeText(view)}. Vous ne pouvez pas venir ? Annulez avec le lien de votre premier message.`,
      email: `Bonjour ${r.name},\n\nRappel : vous êtes inscrit à l’atelier « ${view.series.title} ».\n\nQuand : ${whenText(view.startsAt, view.endsAt)}\nOù : ${placeText(view)}\n\nVous ne pouvez pas venir ? Annulez avec le lien de votre premier message, pour laisser la place à une autre personne.\n\nL’équipe du programme ${view.programme.name}`,
    });
    queued += 1;
  }
  return { queued };
}
