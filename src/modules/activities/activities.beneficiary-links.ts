import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Gender, PersonStatus } from '../beneficiaries/beneficiaries.schema.ts';
import { ageBandOn } from './activities.commands.ts';
import { activities, activityParticipants, type ParticipantBreakdown } from './activities.schema.ts';

// Written by the beneficiaries module's helper (merge and erasure of a followed person's file), kept tiny: the two
// commands that change activity records when a file is merged or erased. They touch only the links to the person.

/**
 * Moves every record of a followed person to another file (merge of duplicates). A workshop where both files
 * were named keeps one participant: they were the same person counted twice.
 * @example await reassignBeneficiaryActivities(tx, removedId, keptId) // { activities: 3, participations: 1 }
 */
export async function reassignBeneficiaryActivities(tx: Executor, fromId: string, toId: string): Promise<{ activities: number; participations: number }> {
  const moved = await tx.update(activities).set({ beneficiaryId: toId, updatedAt: new Date() }).where(eq(activities.beneficiaryId, fromId)).returning({ id: activities.id });
  const both = await tx
    .select({ activityId: activityParticipants.activityId })
    .from(activityParticipants)
    .where(and(eq(activityParticipants.beneficiaryId, fromId), sql`exists (select 1 from activity_participants o where o.activity_id = ${activityParticipants.activityId} and o.beneficiary_id = ${toId})`));
  const twice = both.map((r) => r.activityId);
  if (twice.length > 0) {
    await tx.delete(activityParticipants).where(and(eq(activityParticipants.beneficiaryId, fromId), inArray(activityParticipants.activityId, twice)));
    await tx.update(activities).set({ participantCount: sql`greatest(1, ${activities.participantCount} - 1)`, updatedAt: new Date() }).where(inArray(activities.id, twice));
  }
  const participations = await tx.update(activityParticipants).set({ beneficiaryId: toId }).where(eq(activityParticipants.beneficiaryId, fromId)).returning({ activityId: activityParticipants.activityId });
  return { activities: moved.length, participations: participations.length + twice.length };
}

export type PersonTraits = { communeCode: string | null; birthYear: number | null; gender: Gender; status: PersonStatus };

function bump<K extends string>(counts: Partial<Record<K, number>> | undefined, key: K): Partial<Record<K, number>> {
  return { ...counts, [key]: (counts?.[key] ?? 0) + 1 };
}

/**
 * Before a followed person's file is erased: their individual records keep the person's traits in the anonymous
 * columns (where none was given) and lose the link and their free notes; their named workshop participations become anonymous ones,
 * counted in the breakdown. Every total (participant_count) stays as it was, so statistics do not move.
 * @example await anonymiseBeneficiaryActivities(tx, id, { communeCode: '98811', birthYear: 1958, gender: 'female', status: 'retired' })
 */
export async function anonymiseBeneficiaryActivities(tx: Executor, beneficiaryId: string, traits: PersonTraits): Promise<{ activities: number; participations: number }> {
  const linked = await tx.select({ id: activities.id, date: activities.date, communeCode: activities.communeCode, ageBand: activities.ageBand, gender: activities.gender, status: activities.status }).from(activities).where(eq(activities.beneficiaryId, beneficiaryId));
  for (const a of linked) {
    await tx
      .update(activities)
      .set({
        beneficiaryId: null,
        // Free notes about a named person may name them: they go with the file.
        notes: '',
        communeCode: a.communeCode ?? traits.communeCode,
        ageBand: a.ageBand === 'not_communicated' ? ageBandOn(traits.birthYear, a.date) : a.ageBand,
        gender: a.gender === 'not_communicated' ? traits.gender : a.gender,
        status: a.status === 'not_communicated' ? traits.status : a.status,
        updatedAt: new Date(),
      })
      .where(eq(activities.id, a.id));
  }
  const workshops = await tx
    .select({ id: activities.id, date: activities.date, anonymous: activities.anonymousParticipants, breakdown: activities.participantBreakdown })
    .from(activityParticipants)
    .innerJoin(activities, eq(activities.id, activityParticipants.activityId))
    .where(eq(activityParticipants.beneficiaryId, beneficiaryId));
  for (const w of workshops) {
    const before: ParticipantBreakdown = w.breakdown ?? { gender: {}, ageBand: {}, status: {} };
    const breakdown: ParticipantBreakdown = {
      gender: bump(before.gender, traits.gender),
      ageBand: bump(before.ageBand, ageBandOn(traits.birthYear, w.date)),
      status: bump(before.status, traits.status),
    };
    await tx.update(activities).set({ anonymousParticipants: w.anonymous + 1, participantBreakdown: breakdown, updatedAt: new Date() }).where(eq(activities.id, w.id));
  }
  await tx.delete(activityParticipants).where(eq(activityParticipants.beneficiaryId, beneficiaryId));
  return { activities: linked.length, participations: workshops.length };
}
