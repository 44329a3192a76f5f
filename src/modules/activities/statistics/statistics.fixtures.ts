import type { Executor } from '../../../db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { communeByName } from '../../../territory/index.ts';
import { users } from '../../accounts/accounts.schema.ts';
import { beneficiaries } from '../../beneficiaries/beneficiaries.schema.ts';
import { organisations } from '../../organisations/organisations.schema.ts';
import { activities, activityParticipants, procedures } from '../activities.schema.ts';

/** Test data written straight into the tables (the statistics must count whatever path wrote a record). */
export type Fixture = { organisationId: string; partnerId: string; helpers: string[]; procedures: string[]; people: string[] };

/** An organisation, a partner with procedures, helpers and followed people, for statistics tests. */
export async function statisticsFixture(db: Executor, sizes: { helpers?: number; procedures?: number; people?: number } = {}): Promise<Fixture> {
  const nouméa = communeByName('Nouméa');
  if (!nouméa) throw new Error('fixture: Nouméa is missing');
  const organisationId = newId();
  const partnerId = newId();
  await db.insert(organisations).values([
    { id: organisationId, name: `Structure ${organisationId}`, kind: 'opt_agency', province: nouméa.province, communeCode: nouméa.code },
    { id: partnerId, name: `Partenaire ${partnerId}`, kind: 'partner', province: nouméa.province, communeCode: nouméa.code },
  ]);
  const helpers = Array.from({ length: sizes.helpers ?? 3 }, () => newId());
  await db.insert(users).values(helpers.map((id, i) => ({ id, email: `aidant-${id}@test.nc`, name: `Aidant ${i + 1}` })));
  const procedureIds = Array.from({ length: sizes.procedures ?? 2 }, () => newId());
  await db.insert(procedures).values(procedureIds.map((id, i) => ({ id, partnerOrganisationId: partnerId, name: `Démarche ${i + 1} ${id}` })));
  const people = Array.from({ length: sizes.people ?? 4 }, () => newId());
  await db.insert(beneficiaries).values(people.map((id, i) => ({ id, organisationId, firstName: `Personne${i}`, lastName: 'Test', consentText: 'Accord', consentGivenAt: new Date() })));
  return { organisationId, partnerId, helpers, procedures: procedureIds, people };
}

export type ActivityRecord = typeof activities.$inferInsert;

/** Inserts a record and its named participants. */
export async function insertRecord(db: Executor, record: ActivityRecord, participants: string[] = []): Promise<void> {
  await db.insert(activities).values(record);
  if (participants.length > 0) await db.insert(activityParticipants).values(participants.map((beneficiaryId) => ({ activityId: record.id ?? '', beneficiaryId })));
}

/** An individual accompaniment with sensible values, changed by `overrides`. */
export function individualRecord(f: Fixture, overrides: Partial<ActivityRecord> = {}): ActivityRecord {
  return {
    id: newId(),
    kind: 'individual',
    organisationId: f.organisationId,
    helperUserId: f.helpers[0] ?? '',
    date: '2026-03-10',
    durationMinutes: 30,
    channel: 'at_place',
    themes: ['email'],
    participantCount: 1,
    ...overrides,
  };
}
