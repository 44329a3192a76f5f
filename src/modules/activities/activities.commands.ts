import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { localDay } from '../../platform/format.ts';
import { teamsOfUser } from '../teams/index.ts';
import { tagsUsableBy } from './activities.queries.ts';
import type { Executor } from '../../db/client.ts';
import { authorize, can, ForbiddenError, type Actor } from '../../platform/authz/index.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import { holdsRole } from '../organisations/organisations.queries.ts';
import { places } from '../places/places.schema.ts';
import { beneficiaries, type AgeBand } from '../beneficiaries/beneficiaries.schema.ts';
import { activities, activityParticipants, activityTags, procedures } from './activities.schema.ts';
import { activityInput, type ActivityInput, type ValidActivity } from './activities.forms.ts';
import { recordingOrganisations, type ActivitySubject } from './activities.policy.ts';
import { activityKindLabels } from './activities.labels.ts';

/** Why a record was refused; `fields` says which field and why, in French, keyed by the shared shape's names. */
export type ActivityError = 'invalid' | 'not_found';
export type ActivityResult<T> = { ok: true; value: T } | { ok: false; error: ActivityError; fields: Record<string, string> };

type AuditContext = {
  requestId?: string | null;
  /** Memberships kept in memory (keptRoles, taken before the transaction): a token's helper is checked without a query. */
  keptRoles?: Map<string, boolean> | null;
};

const invalid = (fields: Record<string, string>) => ({ ok: false as const, error: 'invalid' as const, fields });

/** The age band of someone born in `birthYear`, on a given day. */
export function ageBandOn(birthYear: number | null, day: string): AgeBand {
  if (birthYear === null) return 'not_communicated';
  const age = Number(day.slice(0, 4)) - birthYear;
  if (age < 12) return 'under_12';
  if (age < 18) return 'from_12_to_17';
  if (age < 25) return 'from_18_to_24';
  if (age < 40) return 'from_25_to_39';
  if (age < 60) return 'from_40_to_59';
  if (age < 70) return 'from_60_to_69';
  return 'from_70';
}

/** Who records, for which structure: a person as themselves; a token names a helper who holds the role there. */
async function whoRecords(tx: Executor, actor: Actor, input: ValidActivity, context: AuditContext): Promise<{ ok: true; organisationId: string; helperUserId: string } | { ok: false; fields: Record<string, string> }> {
  if (actor.kind === 'person') {
    const mine = recordingOrganisations(actor);
    const organisationId = input.organisationId ?? (mine.length === 1 ? mine[0]?.id : undefined);
    if (!organisationId) {
      if (mine.length === 0) throw new ForbiddenError('activity.record');
      return { ok: false, fields: { organisationId: 'Choisissez la structure pour laquelle vous avez aidé' } };
    }
    authorize(actor, 'activity.record', { organisationId });
    return { ok: true, organisationId, helperUserId: actor.userId };
  }
  authorize(actor, 'activity.record');
  if (!input.organisationId || !input.helperUserId) {
    const fields: Record<string, string> = {};
    if (!input.organisationId) fields.organisationId = 'Donnez la structure pour laquelle l’aidant a aidé';
    if (!input.helperUserId) fields.helperUserId = 'Donnez l’aidant qui a fait l’accompagnement';
    return { ok: false, fields };
  }
  const held = await holdsRole(tx, input.helperUserId, input.organisationId, 'helper', context.keptRoles);
  if (!held) return { ok: false, fields: { helperUserId: 'Cette personne n’est pas aidante dans cette structure' } };
  return { ok: true, organisationId: input.organisationId, helperUserId: input.helperUserId };
}

/**
 * The rules that need the database: the place exists, the procedure is in the catalogue (and still offered, unless
 * the record already had it), followed people belong to the structure, tags are the helper's to use.
 */
async function checkReferences(
  tx: Executor,
  input: ValidActivity,
  who: { organisationId: string; helperUserId: string },
  previous: { procedureId: string | null } | null,
): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  if (input.placeId) {
    const [place] = await tx.select({ id: places.id }).from(places).where(and(eq(places.id, input.placeId), isNull(places.mergedInto)));
    if (!place) fields.placeId = 'Choisissez un lieu de la liste';
  }
  if (input.procedureId) {
    const [procedure] = await tx.select({ active: procedures.active }).from(procedures).where(eq(procedures.id, input.procedureId));
    if (!procedure || (!procedure.active && previous?.procedureId !== input.procedureId)) fields.procedureId = 'Choisissez une démarche de la liste : celle-ci n’est pas au catalogue';
  }
  const people = [...new Set([...(input.beneficiaryId ? [input.beneficiaryId] : []), ...input.participantIds])];
  if (people.length > 0) {
    const found = await tx
      .select({ id: beneficiaries.id })
      .from(beneficiaries)
      .where(and(inArray(beneficiaries.id, people), eq(beneficiaries.organisationId, who.organisationId)));
    const known = new Set(found.map((b) => b.id));
    if (input.beneficiaryId && !known.has(input.beneficiaryId)) fields.beneficiaryId = 'Choisissez une personne suivie par votre structure';
    if (input.participantIds.some((id) => !known.has(id))) fields.participantIds = 'Choisissez des personnes suivies par votre structure';
  }
  if (input.tagIds.length > 0) {
    const usable = await tx
      .select({ id: activityTags.id })
      .from(activityTags)
      .where(and(inArray(activityTags.id, input.tagIds), tagsUsableBy(who.helperUserId, (await teamsOfUser(tx, who.helperUserId, localDay(new Date()))).map((t) => t.id))));
    if (usable.length !== new Set(input.tagIds).size) fields.tagIds = 'Choisissez des étiquettes de la liste';
  }
  return fields;
}

/** The columns a valid input writes (the same for a new record and a change). */
async function columnsOf(tx: Executor, input: ValidActivity) {
  const workshop = input.kind === 'workshop';
  let person = { communeCode: input.communeCode, ageBand: input.ageBand, gender: input.gender, status: input.status };
  if (!workshop && input.beneficiaryId) {
    // A followed person's traits as they are on the day, where the helper left them "non communiqué".
    const [b] = await tx.select().from(beneficiaries).where(eq(beneficiaries.id, input.beneficiaryId));
    if (b) {
      person = {
        communeCode: person.communeCode ?? b.communeCode,
        ageBand: person.ageBand === 'not_communicated' ? ageBandOn(b.birthYear, input.date) : person.ageBand,
        gender: person.gender === 'not_communicated' ? b.gender : person.gender,
        status: person.status === 'not_communicated' ? b.status : person.status,
      };
    }
  }
  const participantIds = workshop ? [...new Set(input.participantIds)] : [];
  return {
    columns: {
      placeId: input.placeId,
      date: input.date,
      durationMinutes: input.durationMinutes,
      channel: input.channel,
      themes: [...new Set(input.themes)],
      administrativeSubThemes: [...new Set(input.administrativeSubThemes)],
      materials: [...new Set(input.materials)],
      notes: input.notes,
      tagIds: [...new Set(input.tagIds)],
      autonomy: workshop ? null : input.autonomy,
      oriented: workshop ? false : input.oriented,
      orientationDestination: workshop ? null : input.orientationDestination,
      procedureId: workshop ? null : input.procedureId,
      procedureOutcome: workshop ? null : input.procedureOutcome,
      beneficiaryId: workshop ? null : input.beneficiaryId,
      ...(workshop ? { communeCode: null, ageBand: 'not_communicated' as const, gender: 'not_communicated' as const, status: 'not_communicated' as const } : person),
      title: workshop ? input.title : null,
      level: workshop ? input.level : null,
      anonymousParticipants: workshop ? input.anonymousParticipants : 0,
      participantBreakdown: workshop ? input.participantBreakdown : null,
      participantCount: workshop ? participantIds.length + input.anonymousParticipants : 1,
    },
    participantIds,
  };
}

function parse(input: ActivityInput): { ok: true; value: ValidActivity } | { ok: false; fields: Record<string, string> } {
  const parsed = activityInput.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.map(String).join('.') || 'formulaire'] ??= issue.message;
  return { ok: false, fields };
}

async function touchBeneficiaries(tx: Executor, ids: string[]): Promise<void> {
  if (ids.length > 0) await tx.update(beneficiaries).set({ lastActivityAt: new Date() }).where(inArray(beneficiaries.id, ids));
}

/**
 * Records one activity: an individual accompaniment or a collective workshop. The one command behind the form, the
 * API, the "appointment seen → activity" step and the workshop roster. Runs in the caller's transaction; every rule
 * is checked before anything is written, so a refused record leaves nothing behind.
 * @example const result = await db.transaction((tx) => recordActivity(tx, helper, { date: '2026-03-03', durationMinutes: 30, themes: ['email'] }))
 */
export async function recordActivity(tx: Executor, actor: Actor, input: ActivityInput, context: AuditContext = {}): Promise<ActivityResult<{ id: string; participantCount: number }>> {
  const parsed = parse(input);
  if (!parsed.ok) return invalid(parsed.fields);
  const valid = parsed.value;
  const who = await whoRecords(tx, actor, valid, context);
  if (!who.ok) return invalid(who.fields);
  const problems = await checkReferences(tx, valid, who, null);
  if (Object.keys(problems).length > 0) return invalid(problems);
  const { columns, participantIds } = await columnsOf(tx, valid);
  const id = valid.id ?? newId();
  await tx.insert(activities).values({
    id,
    kind: valid.kind,
    organisationId: who.organisationId,
    helperUserId: who.helperUserId,
    createdByUserId: actor.kind === 'person' ? actor.userId : null,
    createdByTokenId: actor.kind === 'token' ? actor.tokenId : null,
    ...columns,
  });
  if (participantIds.length > 0) await tx.insert(activityParticipants).values(participantIds.map((beneficiaryId) => ({ activityId: id, beneficiaryId })));
  await touchBeneficiaries(tx, [...(columns.beneficiaryId ? [columns.beneficiaryId] : []), ...participantIds]);
  return { ok: true, value: { id, participantCount: columns.participantCount } };
}

/** A record with what the rules need to know about it, or null. */
export async function activitySubject(tx: Executor, id: string): Promise<(ActivitySubject & { id: string; kind: 'individual' | 'workshop'; procedureId: string | null; date: string }) | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [row] = await tx
    .select({ id: activities.id, kind: activities.kind, organisationId: activities.organisationId, helperUserId: activities.helperUserId, province: organisations.province, procedureId: activities.procedureId, date: activities.date })
    .from(activities)
    .innerJoin(organisations, eq(organisations.id, activities.organisationId))
    .where(eq(activities.id, id));
  return row ?? null;
}

/**
 * Changes a record; its kind, structure and helper stay. The change is written to the audit log.
 * @example await updateActivity(tx, helper, id, { ...input, durationMinutes: 45 })
 */
export async function updateActivity(tx: Executor, actor: Actor, id: string, input: ActivityInput, context: AuditContext = {}): Promise<ActivityResult<{ id: string }>> {
  const subject = await activitySubject(tx, id);
  if (!subject || !can(actor, 'activity.view', subject)) return { ok: false, error: 'not_found', fields: {} };
  authorize(actor, 'activity.update', subject);
  const parsed = parse({ ...input, kind: subject.kind });
  if (!parsed.ok) return invalid(parsed.fields);
  const valid = parsed.value;
  const problems = await checkReferences(tx, valid, subject, subject);
  if (Object.keys(problems).length > 0) return invalid(problems);
  const { columns, participantIds } = await columnsOf(tx, valid);
  await tx.update(activities).set({ ...columns, updatedAt: new Date() }).where(eq(activities.id, id));
  await tx.delete(activityParticipants).where(eq(activityParticipants.activityId, id));
  if (participantIds.length > 0) await tx.insert(activityParticipants).values(participantIds.map((beneficiaryId) => ({ activityId: id, beneficiaryId })));
  await recordAudit(tx, actor, {
    action: 'activity.update',
    subjectType: 'activity',
    subjectId: id,
    summary: `${activityKindLabels[subject.kind]} du ${valid.date} modifié`,
    details: { date: valid.date, durationMinutes: valid.durationMinutes, themes: valid.themes },
    requestId: context.requestId,
  });
  return { ok: true, value: { id } };
}

/**
 * Deletes a record (and its named participants); the audit log keeps what it was.
 * @example await deleteActivity(tx, helper, id)
 */
export async function deleteActivity(tx: Executor, actor: Actor, id: string, context: AuditContext = {}): Promise<ActivityResult<null>> {
  const subject = await activitySubject(tx, id);
  if (!subject || !can(actor, 'activity.view', subject)) return { ok: false, error: 'not_found', fields: {} };
  authorize(actor, 'activity.delete', subject);
  const [gone] = await tx.delete(activities).where(eq(activities.id, id)).returning();
  if (!gone) return { ok: false, error: 'not_found', fields: {} };
  await recordAudit(tx, actor, {
    action: 'activity.delete',
    subjectType: 'activity',
    subjectId: id,
    summary: `${activityKindLabels[gone.kind]} du ${gone.date} supprimé`,
    details: { date: gone.date, kind: gone.kind, organisationId: gone.organisationId, helperUserId: gone.helperUserId, themes: gone.themes, participantCount: gone.participantCount },
    requestId: context.requestId,
  });
  return { ok: true, value: null };
}

/**
 * Creates a personal tag for a helper, or gives back the one they already have with that name.
 * @example const tag = await createPersonalTag(tx, helper, 'Rentrée scolaire')
 */
export async function createPersonalTag(tx: Executor, actor: Actor, label: string): Promise<{ id: string; label: string }> {
  authorize(actor, 'activity.tag.create');
  if (actor.kind !== 'person') throw new ForbiddenError('activity.tag.create');
  const clean = label.trim().replace(/\s+/g, ' ').slice(0, 60);
  const [existing] = await tx
    .select({ id: activityTags.id, label: activityTags.label })
    .from(activityTags)
    .where(and(eq(activityTags.scope, 'personal'), eq(activityTags.ownerUserId, actor.userId), sql`lower(${activityTags.label}) = lower(${clean})`));
  if (existing) return existing;
  const id = newId();
  await tx.insert(activityTags).values({ id, scope: 'personal', label: clean, ownerUserId: actor.userId });
  return { id, label: clean };
}
