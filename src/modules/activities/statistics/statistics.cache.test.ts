import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/support/test-app.ts';
import type { Database } from '../../../db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { organisations } from '../../organisations/organisations.schema.ts';
import { teamMemberships, teams } from '../../teams/teams.schema.ts';
import { activities, activityParticipants, procedures } from '../activities.schema.ts';
import { keptForStatistics } from './statistics.cache.ts';
import { individualRecord, insertRecord, statisticsFixture, type Fixture } from './statistics.fixtures.ts';
import { foldStatistics, rebuildStatistics } from './statistics.queries.ts';

describe('Statistics kept in memory between changes', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let f: Fixture;
  let calls = 0;
  const computeCount = async () => ++calls;
  /** How many computations a read of `key` took (0: it came from memory). */
  const computedFor = async (key = 'k') => {
    const before = calls;
    await keptForStatistics(database.db, key, computeCount);
    return calls - before;
  };

  before(async () => {
    ({ database, drop } = await testDatabase());
    f = await statisticsFixture(database.db);
  });
  after(() => drop());

  // Kept on both engines: PGlite by its notifications, PostgreSQL by the log of commits checked against a snapshot.
  const fromMemory = () => 0;

  it('computes a value once while nothing it shows changes, once per key', async () => {
    assert.equal(await computedFor(), 1);
    assert.equal(await computedFor(), fromMemory());
    assert.equal(await computedFor('other'), 1);
    assert.equal(await computedFor(), fromMemory());
  });

  it('computes once for requests that arrive together', async () => {
    const before = calls;
    const values = await Promise.all([0, 1, 2].map(() => keptForStatistics(database.db, 'together', computeCount)));
    assert.equal(calls - before, 1);
    assert.deepEqual(values, [values[0], values[0], values[0]]);
  });

  it('forgets a failed computation', async () => {
    await assert.rejects(keptForStatistics(database.db, 'failing', () => Promise.reject(new Error('panne'))));
    assert.equal(await keptForStatistics(database.db, 'failing', async () => 'repris'), 'repris');
  });

  it('computes again after every change that can move a figure or a name on the page', async () => {
    const record = individualRecord(f, { date: '2026-04-02' });
    const teamId = newId();
    const changes: [string, () => Promise<unknown>][] = [
      ['a record added', () => insertRecord(database.db, record)],
      ['a record changed', () => database.db.update(activities).set({ durationMinutes: 45 }).where(eq(activities.id, record.id ?? ''))],
      ['a participant added', () => database.db.insert(activityParticipants).values({ activityId: record.id ?? '', beneficiaryId: f.people[0] ?? '' })],
      ['the deltas folded', () => foldStatistics(database.db)],
      ['a procedure renamed', () => database.db.update(procedures).set({ name: 'Démarche renommée' }).where(eq(procedures.id, f.procedures[0] ?? ''))],
      ['a partner renamed', () => database.db.update(organisations).set({ name: 'Partenaire renommé' }).where(eq(organisations.id, f.partnerId))],
      ['a team created', () => database.db.insert(teams).values({ id: teamId, name: 'Équipe du test', createdByUserId: f.helpers[0] ?? '' })],
      ['a member added', () => database.db.insert(teamMemberships).values({ id: newId(), teamId, userId: f.helpers[1] ?? '', startsOn: '2026-01-01', addedByUserId: f.helpers[0] ?? '' })],
      ['a record deleted', () => database.db.delete(activities).where(eq(activities.id, record.id ?? ''))],
      ['the aggregates rebuilt', () => rebuildStatistics(database.db)],
    ];
    for (const [change, make] of changes) {
      await computedFor();
      assert.equal(await computedFor(), fromMemory(), `kept before ${change}`);
      await make();
      assert.equal(await computedFor(), 1, `computed again after ${change}`);
    }
    // PostgreSQL learns of the changes from the log of commits; PGlite, from its notifications, writes none.
    const { rows } = await database.executeSql('select count(*)::int as n from activity_stat_commits');
    if (database.kind === 'pglite') assert.equal(rows[0]?.n, 0);
    else assert.ok(Number(rows[0]?.n) >= changes.length);
  });

  it('computes again after a change committed while a value was being computed', async () => {
    let release: () => void = () => {};
    const slow = keptForStatistics(database.db, 'racing', async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return 'before the change';
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await insertRecord(database.db, individualRecord(f, { date: '2026-05-04' }));
    release();
    assert.equal(await slow, 'before the change');
    assert.equal(await keptForStatistics(database.db, 'racing', async () => 'after the change'), 'after the change', 'the change committed after the snapshot: not kept');
  });

  it('keeps the values of one database apart from another’s', async () => {
    const other = await testDatabase();
    try {
      await keptForStatistics(database.db, 'apart', async () => 'mine');
      assert.equal(await keptForStatistics(other.database.db, 'apart', async () => 'theirs'), 'theirs');
      assert.equal(await keptForStatistics(database.db, 'apart', async () => 'recomputed'), 'mine');
    } finally {
      await other.drop();
    }
  });
});
