import { and, eq, gte, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { authorize, type Actor } from '../../platform/authz/index.ts';
import { newId } from '../../platform/ids.ts';
import { fail, ok, type Result } from '../../platform/result.ts';
import { recordAudit } from '../audit/index.ts';
import { queueMessage } from '../outbox/index.ts';
import type { MemberFields, TeamFields } from './teams.forms.ts';
import { helpersToChoose, type Team, type TeamMembership } from './teams.queries.ts';
import { teamMemberships, teams } from './teams.schema.ts';

type Context = { requestId?: string | undefined; baseUrl?: string | undefined };

/** Creates a team. @example await createTeam(tx, actor, { name: 'Aidants OPT du Nord', description: '' }) */
export async function createTeam(tx: Executor, actor: Actor, fields: TeamFields, context: Context = {}): Promise<Result<{ id: string }, 'name_taken'>> {
  authorize(actor, 'team.manage');
  const [same] = await tx.select({ id: teams.id }).from(teams).where(sql`lower(${teams.name}) = lower(${fields.name})`);
  if (same) return fail('name_taken');
  const id = newId();
  await tx.insert(teams).values({ id, ...fields, createdByUserId: actor.kind === 'person' ? actor.userId : null });
  await recordAudit(tx, actor, { action: 'team.create', subjectType: 'team', subjectId: id, summary: `Équipe « ${fields.name} » créée`, details: { ...fields }, requestId: context.requestId });
  return ok({ id });
}

export async function updateTeam(tx: Executor, actor: Actor, team: Team, fields: TeamFields, context: Context = {}): Promise<Result<null, 'name_taken'>> {
  authorize(actor, 'team.manage');
  const [same] = await tx.select({ id: teams.id }).from(teams).where(and(sql`lower(${teams.name}) = lower(${fields.name})`, ne(teams.id, team.id)));
  if (same) return fail('name_taken');
  await tx.update(teams).set({ ...fields, updatedAt: new Date() }).where(eq(teams.id, team.id));
  await recordAudit(tx, actor, { action: 'team.update', subjectType: 'team', subjectId: team.id, summary: `Équipe « ${fields.name} » modifiée`, details: { avant: { name: team.name, description: team.description }, après: fields }, requestId: context.requestId });
  return ok(null);
}

export type AddMemberError = 'not_a_helper' | 'overlaps';

/**
 * Brings a helper into a team from a day, and tells them by e-mail. Refused when the person does not hold the helper
 * role, or when they are already a member on a day of the new period.
 */
export async function addTeamMember(tx: Executor, actor: Actor, team: Team, fields: MemberFields, context: Context = {}): Promise<Result<{ id: string }, AddMemberError>> {
  authorize(actor, 'team.manage');
  const helper = (await helpersToChoose(tx)).find((h) => h.userId === fields.userId);
  if (!helper) return fail('not_a_helper');
  const [overlap] = await tx
    .select({ id: teamMemberships.id })
    .from(teamMemberships)
    .where(and(eq(teamMemberships.teamId, team.id), eq(teamMemberships.userId, fields.userId), or(isNull(teamMemberships.endsOn), gte(teamMemberships.endsOn, fields.startsOn))));
  if (overlap) return fail('overlaps');
  const id = newId();
  await tx.insert(teamMemberships).values({ id, teamId: team.id, userId: fields.userId, startsOn: fields.startsOn, addedByUserId: actor.kind === 'person' ? actor.userId : null });
  await recordAudit(tx, actor, { action: 'team.member.add', subjectType: 'team', subjectId: team.id, summary: `${helper.name} ajouté à l’équipe « ${team.name} »`, details: { userId: fields.userId, startsOn: fields.startsOn }, requestId: context.requestId });
  const link = context.baseUrl ? `\n\nVos statistiques : ${context.baseUrl}/statistiques` : '';
  await queueMessage(tx, {
    channel: 'email',
    recipient: helper.email,
    subject: `Vous faites partie de l’équipe « ${team.name} »`,
    text: `Bonjour ${helper.name},\n\nVous faites maintenant partie de l’équipe « ${team.name} » sur Relais. Vos accompagnements comptent dans les statistiques de l’équipe à partir du ${fields.startsOn.split('-').reverse().join('/')}.${link}\n\nL’équipe Relais`,
    purpose: 'team.member.added',
    dedupeKey: `team-member-${id}`,
  });
  return ok({ id });
}

/** Ends a membership on a day (the last day in the team); the helper's earlier records stay in the team's statistics. */
export async function endTeamMembership(tx: Executor, actor: Actor, team: Team, membership: TeamMembership & { name: string }, endsOn: string, context: Context = {}): Promise<Result<null, 'before_start' | 'already_ended'>> {
  authorize(actor, 'team.manage');
  if (membership.endsOn !== null) return fail('already_ended');
  if (endsOn < membership.startsOn) return fail('before_start');
  const ended = await tx
    .update(teamMemberships)
    .set({ endsOn })
    .where(and(eq(teamMemberships.id, membership.id), isNull(teamMemberships.endsOn), lte(teamMemberships.startsOn, endsOn)))
    .returning({ id: teamMemberships.id });
  if (ended.length === 0) return fail('already_ended');
  await recordAudit(tx, actor, { action: 'team.member.end', subjectType: 'team', subjectId: team.id, summary: `${membership.name} quitte l’équipe « ${team.name} »`, details: { userId: membership.userId, endsOn }, requestId: context.requestId });
  return ok(null);
}
