import { and, asc, eq, gt, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/authz/index.ts';
import type { Province } from '../../territory/index.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import { places } from '../places/places.schema.ts';
import { appointmentAgencies, appointmentClosures, appointmentMotifs, appointmentOpenings, appointments } from './appointments.schema.ts';
import type { Busy, Opening } from './appointments.slots.ts';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Agency = {
  organisationId: string;
  name: string;
  province: Province;
  /** The place's commune when a place is chosen, else the organisation's. */
  communeCode: string;
  placeId: string | null;
  placeName: string | null;
  placeAddress: string | null;
  published: boolean;
};

const agencyColumns = {
  organisationId: organisations.id,
  name: organisations.name,
  province: organisations.province,
  orgCommune: organisations.communeCode,
  placeId: appointmentAgencies.placeId,
  placeName: places.name,
  placeCommune: places.communeCode,
  placeAddress: places.address,
  placeLocality: places.locality,
  published: appointmentAgencies.published,
};

type AgencyRow = { organisationId: string; name: string; province: Province; orgCommune: string; placeId: string | null; placeName: string | null; placeCommune: string | null; placeAddress: string | null; placeLocality: string | null; published: boolean | null };

function toAgency(r: AgencyRow): Agency {
  return {
    organisationId: r.organisationId,
    name: r.name,
    province: r.province,
    communeCode: r.placeCommune ?? r.orgCommune,
    placeId: r.placeId,
    placeName: r.placeName,
    placeAddress: r.placeName === null ? null : [r.placeAddress, r.placeLocality].filter(Boolean).join(', '),
    published: r.published ?? false,
  };
}

function agencySelect(db: Executor) {
  return db
    .select(agencyColumns)
    .from(organisations)
    .leftJoin(appointmentAgencies, eq(appointmentAgencies.organisationId, organisations.id))
    .leftJoin(places, eq(places.id, appointmentAgencies.placeId));
}

/** One organisation seen as an agency (whether or not it has set up appointments yet). */
export async function findAgency(db: Executor, organisationId: string): Promise<Agency | null> {
  if (!uuidShape.test(organisationId)) return null;
  const [row] = await agencySelect(db).where(eq(organisations.id, organisationId));
  return row ? toAgency(row) : null;
}

/**
 * The agencies shown on /rendez-vous: published, with at least one reason offered and one opening period.
 * Sorted by commune then name by the caller (commune names live in the territory data).
 */
export async function publishedAgencies(db: Executor): Promise<Agency[]> {
  const rows = await agencySelect(db).where(
    and(
      eq(appointmentAgencies.published, true),
      sql`exists (select 1 from ${appointmentMotifs} m where m.organisation_id = ${organisations.id} and m.active)`,
      sql`exists (select 1 from ${appointmentOpenings} o where o.organisation_id = ${organisations.id})`,
    ),
  );
  return rows.map(toAgency);
}

/**
 * The agencies a person may work with: the organisations where they are a helper or a place manager, and — for
 * coordinators and administrators — every OPT agency or organisation taking appointments in their scope. The route
 * then keeps those the policy allows for the page.
 */
export async function agenciesOf(db: Executor, actor: Actor): Promise<Agency[]> {
  if (actor.kind !== 'person') return [];
  const own = actor.memberships.filter((m) => m.role === 'helper' || m.role === 'place_manager').map((m) => m.organisationId);
  const network = actor.memberships.filter((m) => m.role === 'coordinator' || m.role === 'administrator');
  const territoryWide = network.some((m) => m.scopeProvince === null);
  const provinces = network.flatMap((m) => (m.scopeProvince ? [m.scopeProvince] : []));
  const networkWhere =
    network.length === 0
      ? undefined
      : and(or(eq(organisations.kind, 'opt_agency'), sql`${appointmentAgencies.organisationId} is not null`), territoryWide ? undefined : inArray(organisations.province, provinces));
  const where = or(own.length > 0 ? inArray(organisations.id, own) : undefined, networkWhere);
  if (!where) return [];
  const rows = await agencySelect(db).where(where).orderBy(asc(organisations.name));
  return rows.map(toAgency);
}

export type Motif = typeof appointmentMotifs.$inferSelect;

/** The agency's reasons; only those offered to the public unless `all`. */
export async function motifsOf(db: Executor, organisationId: string, options: { all?: boolean } = {}): Promise<Motif[]> {
  return db
    .select()
    .from(appointmentMotifs)
    .where(and(eq(appointmentMotifs.organisationId, organisationId), options.all ? undefined : eq(appointmentMotifs.active, true)))
    .orderBy(asc(appointmentMotifs.position), asc(appointmentMotifs.label));
}

export async function findMotif(db: Executor, organisationId: string, id: string): Promise<Motif | null> {
  if (!uuidShape.test(id)) return null;
  const [row] = await db.select().from(appointmentMotifs).where(and(eq(appointmentMotifs.id, id), eq(appointmentMotifs.organisationId, organisationId)));
  return row ?? null;
}

export type OpeningRow = Opening & { id: string };

export async function openingsOf(db: Executor, organisationId: string): Promise<OpeningRow[]> {
  return db
    .select({ id: appointmentOpenings.id, weekday: appointmentOpenings.weekday, startMinute: appointmentOpenings.startMinute, endMinute: appointmentOpenings.endMinute, counters: appointmentOpenings.counters })
    .from(appointmentOpenings)
    .where(eq(appointmentOpenings.organisationId, organisationId))
    .orderBy(asc(appointmentOpenings.weekday), asc(appointmentOpenings.startMinute));
}

export type Closure = typeof appointmentClosures.$inferSelect;

/** Closed days from a local day on. */
export async function closuresOf(db: Executor, organisationId: string, fromDay: string, toDay?: string): Promise<Closure[]> {
  return db
    .select()
    .from(appointmentClosures)
    .where(and(eq(appointmentClosures.organisationId, organisationId), gte(appointmentClosures.day, fromDay), toDay ? lt(appointmentClosures.day, toDay) : undefined))
    .orderBy(asc(appointmentClosures.day));
}

/** Appointments that hold a counter between two instants (booked, seen or absent; cancelled and excused free it). */
export async function busyBetween(db: Executor, organisationId: string, from: Date, to: Date): Promise<Busy[]> {
  return db
    .select({ startsAt: appointments.startsAt, endsAt: appointments.endsAt })
    .from(appointments)
    .where(and(eq(appointments.organisationId, organisationId), inArray(appointments.status, ['booked', 'seen', 'absent']), lt(appointments.startsAt, to), gt(appointments.endsAt, from)));
}

export type Appointment = typeof appointments.$inferSelect;
export type DayAppointment = Appointment & { motifLabel: string };

/** The appointments of one local day at an agency, in time order (cancelled ones last). */
export async function appointmentsOfDay(db: Executor, organisationId: string, day: string): Promise<DayAppointment[]> {
  const rows = await db
    .select({ appointment: appointments, motifLabel: appointmentMotifs.label })
    .from(appointments)
    .innerJoin(appointmentMotifs, eq(appointmentMotifs.id, appointments.motifId))
    .where(and(eq(appointments.organisationId, organisationId), eq(appointments.day, day)))
    .orderBy(sql`${appointments.status} = 'cancelled'`, asc(appointments.startsAt));
  return rows.map((r) => ({ ...r.appointment, motifLabel: r.motifLabel }));
}

/** One appointment by id, or null; the agency's pages then check the actor may see its agency. */
export async function findAppointment(db: Executor, id: string): Promise<DayAppointment | null> {
  if (!uuidShape.test(id)) return null;
  const [row] = await db
    .select({ appointment: appointments, motifLabel: appointmentMotifs.label })
    .from(appointments)
    .innerJoin(appointmentMotifs, eq(appointmentMotifs.id, appointments.motifId))
    .where(eq(appointments.id, id));
  return row ? { ...row.appointment, motifLabel: row.motifLabel } : null;
}

/** The appointment a cancellation link points at (its secret hashed), from the confirmation or the reminder. */
export async function appointmentByTokenHash(db: Executor, hash: string): Promise<DayAppointment | null> {
  const [row] = await db
    .select({ appointment: appointments, motifLabel: appointmentMotifs.label })
    .from(appointments)
    .innerJoin(appointmentMotifs, eq(appointmentMotifs.id, appointments.motifId))
    .where(or(eq(appointments.cancelTokenHash, hash), eq(appointments.reminderTokenHash, hash)));
  return row ? { ...row.appointment, motifLabel: row.motifLabel } : null;
}
