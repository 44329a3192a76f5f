import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/support/test-app.ts';
import type { Database } from '../../../db/client.ts';
import { activities, activityParticipants } from '../activities.schema.ts';
import { cachedReport } from './statistics.cache.ts';
import { individualRecord, insertRecord, statisticsFixture, type Fixture } from './statistics.fixtures.ts';
import { foldStatistics, loadReport, rebuildStatistics, type Report, type ReportFilters } from './statistics.queries.ts';

describe('Statistics kept in memory between changes', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let f: Fixture;
  const today = '2026-06-30';
  const filters: ReportFilters = { from: '2026-01-01', to: '2026-06-30' };
  const total = (report: Report) => report.rows.find((r) => r.dimension === 'total')?.accompaniments ?? 0;
  const followed = (report: Report) => report.people.followed;

  before(async () => {
    ({ database, drop } = await testDatabase());
    f = await statisticsFixture(database.db);
    await insertRecord(database.db, individualRecord(f, { date: '2026-03-10' }));
  });
  after(() => drop());

  // Kept on PGlite only: on PostgreSQL (several connections) every report is computed, as checked below.
  it('answers the same report again without recomputing it while nothing changed', async (t) => {
    if (database.kind === 'postgres') return t.skip('checked on PGlite');
    const first = await cachedReport(database.db, { kind: 'network' }, filters, today);
    const again = await cachedReport(database.db, { kind: 'network' }, filters, today);
    assert.equal(again, first);
    assert.deepEqual(first, await loadReport(database.db, { kind: 'network' }, filters, today));
    // Another scope, other filters or another day are other reports.
    assert.notEqual(await cachedReport(database.db, { kind: 'helper', userId: f.helpers[0] ?? '' }, filters, today), first);
    assert.notEqual(await cachedReport(database.db, { kind: 'network' }, { ...filters, kind: 'workshop' }, today), first);
    assert.notEqual(await cachedReport(database.db, { kind: 'network' }, filters, '2026-07-01'), first);
  });

  it('computes once for requests that arrive together', async (t) => {
    if (database.kind === 'postgres') return t.skip('checked on PGlite');
    const wanted = { ...filters, from: '2026-02-01' };
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => cachedReport(database.db, { kind: 'network' }, wanted, today)));
    assert.equal(a, b);
    assert.equal(b, c);
  });

  it('sees every change to the records, their participants, and the folding or rebuilding of the aggregates', async () => {
    const read = () => cachedReport(database.db, { kind: 'network' }, filters, today);
    const before = total(await read());
    const record = individualRecord(f, { date: '2026-04-02' });
    await insertRecord(database.db, record);
    assert.equal(total(await read()), before + 1);

    await database.db.update(activities).set({ date: '2026-08-01' }).where(eq(activities.id, record.id ?? ''));
    assert.equal(total(await read()), before);
    await database.db.update(activities).set({ date: '2026-04-02' }).where(eq(activities.id, record.id ?? ''));

    const kept = await read();
    assert.ok((await foldStatistics(database.db)) > 0);
    const folded = await read();
    assert.notEqual(folded, kept, 'a fold is a new version');
    assert.deepEqual(folded, kept, 'with the same figures');

    await database.db.insert(activityParticipants).values({ activityId: record.id ?? '', beneficiaryId: f.people[0] ?? '' });
    assert.equal(followed(await read()), followed(folded) + 1);

    await database.db.delete(activities).where(eq(activities.id, record.id ?? ''));
    const deleted = await read();
    assert.equal(total(deleted), before);
    await rebuildStatistics(database.db);
    assert.notEqual(await read(), deleted);
  });

  it('keeps nothing on PostgreSQL, where another connection could still commit an older change', async (t) => {
    if (database.kind !== 'postgres') return t.skip('PGlite has a single connection');
    const first = await cachedReport(database.db, { kind: 'network' }, filters, today);
    const again = await cachedReport(database.db, { kind: 'network' }, filters, today);
    assert.notEqual(again, first);
    assert.deepEqual(again, first);
  });

  it('keeps the reports of one database apart from another’s', async () => {
    const other = await testDatabase();
    try {
      const mine = await cachedReport(database.db, { kind: 'network' }, filters, today);
      const theirs = await cachedReport(other.database.db, { kind: 'network' }, filters, today);
      assert.ok(total(mine) > 0);
      assert.equal(total(theirs), 0);
    } finally {
      await other.drop();
    }
  });
});
