import { and, asc, desc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../accounts/accounts.schema.ts';
// Who holds the helper role is read from the memberships in the same query as their names.
import { memberships, organisations } from '../organisations/organisations.schema.ts';
import { teamMemberships, teams } from './teams.schema.ts';

export type Team = typeof teams.$inferSelect;
export type TeamMembership = typeof teamMemberships.$inferSelect;

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a membership covers a day (both ends inclusive). */
const coversDay = (day: string) => and(lte(teamMemberships.startsOn, day), or(isNull(teamMemberships.endsOn), gte(teamMemberships.endsOn, day)));

/**
 * Every team with how many helpers are members today, by name.
 * @example await listTeams(db, '2026-03-03') // [{ id, name, description, members: 4 }]
 */
export async function listTeams(db: Executor, today: string): Promise<{ id: string; name: string; description: string; members: number }[]> {
  return db
    .select({
      id: teams.id,
      name: teams.name,
      description: teams.description,
      members: sql<number>`(select count(distinct ${teamMemberships.userId})::int from ${teamMemberships} where ${teamMemberships.teamId} = ${teams.id} and ${coversDay(today)})`.mapWith(Number),
    })
    .from(teams)
    .orderBy(asc(teams.name));
}

export async function findTeam(db: Executor, id: string): Promise<Team | null> {
  if (!uuidShape.test(id)) return null;
  const [row] = await db.select().from(teams).where(eq(teams.id, id));
  return row ?? null;
}

/** A team's memberships, past and present, with the helpers' names; current ones first. */
export async function teamMembershipsOf(db: Executor, teamId: string): Promise<(TeamMembership & { name: string; email: string })[]> {
  const rows = await db
    .select({ membership: teamMemberships, name: users.name, email: users.email })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(eq(teamMemberships.teamId, teamId))
    .orderBy(sql`${teamMemberships.endsOn} is not null`, desc(teamMemberships.startsOn), asc(users.name));
  return rows.map((r) => ({ ...r.membership, name: r.name, email: r.email }));
}

/**
 * The helpers who were members of a team on a day: the team of a record is read with the record's date.
 * @example await teamMembersOn(db, teamId, '2026-03-03') // [{ userId, name }]
 */
export async function teamMembersOn(db: Executor, teamId: string, day: string): Promise<{ userId: string; name: string }[]> {
  if (!uuidShape.test(teamId)) return [];
  return db
    .selectDistinct({ userId: teamMemberships.userId, name: users.name })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(and(eq(teamMemberships.teamId, teamId), coversDay(day)))
    .orderBy(asc(users.name), asc(teamMemberships.userId));
}

/**
 * Every period each helper spent in a team: the statistics count a record for the team when its date is in one.
 * @example await teamMembershipPeriods(db, teamId) // [{ userId, startsOn: '2026-01-05', endsOn: null }]
 */
export async function teamMembershipPeriods(db: Executor, teamId: string): Promise<{ userId: string; startsOn: string; endsOn: string | null }[]> {
  if (!uuidShape.test(teamId)) return [];
  return db.select({ userId: teamMemberships.userId, startsOn: teamMemberships.startsOn, endsOn: teamMemberships.endsOn }).from(teamMemberships).where(eq(teamMemberships.teamId, teamId));
}

/** The teams a helper belongs to on a day. @example await teamsOfUser(db, userId, '2026-03-03') */
export async function teamsOfUser(db: Executor, userId: string, day: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectDistinct({ id: teams.id, name: teams.name })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .where(and(eq(teamMemberships.userId, userId), coversDay(day)))
    .orderBy(asc(teams.name));
}

/** People holding the helper role today, with their structure: those a coordinator may bring into a team. */
export async function helpersToChoose(db: Executor): Promise<{ userId: string; name: string; email: string; organisationName: string }[]> {
  return db
    .selectDistinctOn([users.name, users.id], { userId: users.id, name: users.name, email: users.email, organisationName: organisations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.role, 'helper'), isNull(memberships.endedAt), isNull(users.disabledAt)))
    .orderBy(asc(users.name), asc(users.id), asc(organisations.name));
}

/** The current membership of a helper in a team, if any (a helper is in a team once at a time). */
export async function currentMembership(db: Executor, teamId: string, userId: string): Promise<TeamMembership | null> {
  const [row] = await db.select().from(teamMemberships).where(and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.userId, userId), isNull(teamMemberships.endsOn)));
  return row ?? null;
}

export async function findMembership(db: Executor, teamId: string, membershipId: string): Promise<(TeamMembership & { name: string }) | null> {
  if (!uuidShape.test(membershipId)) return null;
  const [row] = await db
    .select({ membership: teamMemberships, name: users.name })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(and(eq(teamMemberships.id, membershipId), eq(teamMemberships.teamId, teamId)));
  return row ? { ...row.membership, name: row.name } : null;
}
