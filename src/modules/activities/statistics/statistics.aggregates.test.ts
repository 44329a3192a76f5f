import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { testDatabase } from '../../../../tests/support/test-app.ts';
import type { Database } from '../../../db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { ageBands, genders, personStatuses } from '../../beneficiaries/beneficiaries.schema.ts';
import { activities, activityParticipants, channels, materials, procedureOutcomes, themes } from '../activities.schema.ts';
import { contributions, monthOf, type CountedRecord } from './statistics.contributions.ts';
import { statisticsFixture, insertRecord, individualRecord, type ActivityRecord, type Fixture } from './statistics.fixtures.ts';
import { foldStatistics, loadReport, rebuildStatistics, type Report, type ReportScope } from './statistics.queries.ts';
import { networkScopeId, themeScopeId } from './statistics.schema.ts';

/**
 * The aggregates (month documents, plus the deltas not yet folded into them, spread out) as a sorted list of
 * "scope|id|month|kind|dimension|value => records/accompaniments"; `source` reads the month documents alone.
 */
async function aggregateLines(database: Database, source: 'months and deltas' | 'months' = 'months and deltas'): Promise<string[]> {
  const from = source === 'months' ? 'activity_stat_months' : '(select scope, scope_id, month, kind, counts from activity_stat_months union all select scope, scope_id, month, kind, counts from activity_stat_deltas) as s';
  const { rows } = await database.executeSql(
    `select scope, scope_id, month::text as month, kind, split_part(e.key, '|', 1) as dimension, substr(e.key, strpos(e.key, '|') + 1) as value, sum((e.value ->> 0)::int) as records, sum((e.value ->> 1)::int) as accompaniments
     from ${from}, jsonb_each(counts) as e group by 1, 2, 3, 4, 5, 6 having sum((e.value ->> 0)::int) <> 0 or sum((e.value ->> 1)::int) <> 0`,
  );
  return rows.map((r) => `${r.scope}|${r.scope_id}|${r.month}|${r.kind}|${r.dimension}|${r.value} => ${r.records}/${r.accompaniments}`).sort();
}

async function deltaCount(database: Database): Promise<number> {
  const { rows } = await database.executeSql('select count(*)::int as n from activity_stat_deltas');
  return Number(rows[0]?.n);
}

async function peopleLines(database: Database): Promise<string[]> {
  const { rows } = await database.executeSql('select scope, scope_id, month::text as month, kind, beneficiary_id, records from activity_stats_people');
  return rows.map((r) => `${r.scope}|${r.scope_id}|${r.month}|${r.kind}|${r.beneficiary_id} => ${r.records}`).sort();
}

/** The same lines recounted in TypeScript from the raw records, with the rules of statistics.contributions.ts. */
async function recount(database: Database): Promise<{ aggregates: string[]; people: string[] }> {
  const records = await database.db.select().from(activities);
  const participants = await database.db.select().from(activityParticipants);
  const sums = new Map<string, [number, number]>();
  const persons = new Map<string, number>();
  for (const r of records) {
    const counted: CountedRecord = { ...r, participantBreakdown: r.participantBreakdown ?? null };
    const scopes: [string, string][] = [['helper', r.helperUserId], ['network', networkScopeId]];
    if (r.procedureId) scopes.push(['procedure', r.procedureId]);
    for (const theme of new Set(r.themes)) scopes.push(['theme', themeScopeId(theme)]);
    const month = monthOf(r.date);
    for (const [scope, id] of scopes) {
      for (const c of contributions(counted)) {
        const key = `${scope}|${id}|${month}|${r.kind}|${c.dimension}|${c.value}`;
        const [a = 0, b = 0] = sums.get(key) ?? [];
        sums.set(key, [a + c.records, b + c.accompaniments]);
      }
      const people = [...(r.beneficiaryId ? [r.beneficiaryId] : []), ...participants.filter((p) => p.activityId === r.id).map((p) => p.beneficiaryId)];
      for (const person of people) {
        const key = `${scope}|${id}|${month}|${r.kind}|${person}`;
        persons.set(key, (persons.get(key) ?? 0) + 1);
      }
    }
  }
  return {
    aggregates: [...sums].map(([k, [a, b]]) => `${k} => ${a}/${b}`).sort(),
    people: [...persons].map(([k, n]) => `${k} => ${n}`).sort(),
  };
}

/** Random records of both kinds, with breakdowns that stay within the totals as the form requires. */
function recordArbitrary(f: Fixture): fc.Arbitrary<{ record: ActivityRecord; participants: string[] }> {
  const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
  const common = fc.record({
    helperUserId: fc.constantFrom(...f.helpers),
    date: day,
    durationMinutes: fc.constantFrom(15, 30, 45, 60, 90, 120, 200),
    channel: fc.constantFrom(...channels),
    themes: fc.uniqueArray(fc.constantFrom(...themes), { maxLength: 3 }),
    materials: fc.uniqueArray(fc.constantFrom(...materials), { maxLength: 2 }),
    communeCode: fc.constantFrom(null, '98818', '98813'),
    procedure: fc.option(fc.record({ id: fc.constantFrom(...f.procedures), outcome: fc.option(fc.constantFrom(...procedureOutcomes)) })),
  });
  const individual = fc
    .record({ common, beneficiaryId: fc.option(fc.constantFrom(...f.people)), ageBand: fc.constantFrom(...ageBands), gender: fc.constantFrom(...genders), status: fc.constantFrom(...personStatuses), oriented: fc.boolean() })
    .map(({ common: c, ...rest }): { record: ActivityRecord; participants: string[] } => ({
      record: {
        id: newId(),
        kind: 'individual' as const,
        organisationId: f.organisationId,
        helperUserId: c.helperUserId,
        date: c.date,
        durationMinutes: c.durationMinutes,
        channel: c.channel,
        themes: c.themes,
        materials: c.materials,
        communeCode: c.communeCode,
        procedureId: c.procedure?.id ?? null,
        procedureOutcome: c.procedure ? c.procedure.outcome : null,
        beneficiaryId: rest.beneficiaryId,
        ageBand: rest.ageBand,
        gender: rest.gender,
        status: rest.status,
        oriented: rest.oriented,
        orientationDestination: rest.oriented ? 'administration' : null,
        autonomy: 'autonomous' as const,
        participantCount: 1,
      },
      participants: [],
    }));
  const workshop = fc
    .record({ common, anonymous: fc.integer({ min: 0, max: 12 }), named: fc.uniqueArray(fc.constantFrom(...f.people), { maxLength: 3 }), female: fc.nat(12), young: fc.nat(12) })
    .filter((w) => w.anonymous + w.named.length >= 1)
    .map(({ common: c, anonymous, named, female, young }): { record: ActivityRecord; participants: string[] } => ({
      record: {
        id: newId(),
        kind: 'workshop' as const,
        organisationId: f.organisationId,
        helperUserId: c.helperUserId,
        date: c.date,
        durationMinutes: c.durationMinutes,
        channel: c.channel,
        themes: c.themes,
        materials: c.materials,
        communeCode: c.communeCode,
        title: 'Atelier',
        anonymousParticipants: anonymous,
        participantBreakdown: { gender: { female: Math.min(female, anonymous) }, ageBand: { from_18_to_24: Math.min(young, anonymous), not_communicated: 0 }, status: {} },
        participantCount: anonymous + named.length,
      },
      participants: named,
    }));
  return fc.oneof(individual, workshop);
}

describe('statistics aggregates maintained on write', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let f: Fixture;

  before(async () => {
    ({ database, drop } = await testDatabase());
    f = await statisticsFixture(database.db);
  });
  after(() => drop());

  it('counts a 10-person workshop for 10 accompaniments and 1 record', async () => {
    const id = newId();
    await insertRecord(database.db, { id, kind: 'workshop', organisationId: f.organisationId, helperUserId: f.helpers[0] ?? '', date: '2026-02-03', durationMinutes: 90, channel: 'at_place', title: 'Premiers pas', anonymousParticipants: 8, participantCount: 10 }, f.people.slice(0, 2));
    assert.ok(await foldStatistics(database.db) > 0);
    const { rows } = await database.executeSql(`select counts -> 'total|' as total from activity_stat_months where scope = 'helper' and month = '2026-02-01'`);
    assert.deepEqual(rows.map((r) => r.total), [[1, 10]]);
    const people = await database.executeSql(`select count(*)::int as n from activity_stats_people where scope = 'helper' and month = '2026-02-01'`);
    assert.equal(people.rows[0]?.n, 2);
    await database.db.delete(activities).where(eq(activities.id, id));
    assert.deepEqual(await aggregateLines(database), []);
    assert.deepEqual(await peopleLines(database), []);
    // Folded, the record and its removal leave no document behind.
    await foldStatistics(database.db);
    const left = await database.executeSql('select count(*)::int as n from activity_stat_months');
    assert.equal(left.rows[0]?.n, 0);
    assert.equal(await deltaCount(database), 0);
  });

  it('equals a raw recount after any sequence of inserts, updates, participant changes and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordArbitrary(f), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.constantFrom('update', 'delete', 'move', 'drop-participant', 'fold'), fc.nat(), recordArbitrary(f)), { maxLength: 8 }),
        async (inserts, changes) => {
          await database.db.delete(activities);
          const ids: string[] = [];
          for (const { record, participants } of inserts) {
            await insertRecord(database.db, record, participants);
            ids.push(record.id ?? '');
          }
          for (const [action, pick, other] of changes) {
            const id = ids[pick % ids.length];
            if (!id) continue;
            if (action === 'fold') {
              // A fold between two writes, in batches as small as one delta: it must not change what is counted.
              await foldStatistics(database.db, 1 + (pick % 7));
            } else if (action === 'delete') {
              await database.db.delete(activities).where(eq(activities.id, id));
              ids.splice(ids.indexOf(id), 1);
            } else if (action === 'move') {
              await database.db.update(activities).set({ helperUserId: other.record.helperUserId, date: other.record.date, procedureId: other.record.procedureId ?? null, procedureOutcome: null }).where(eq(activities.id, id));
            } else if (action === 'drop-participant') {
              await database.db.execute(sql`delete from activity_participants where ctid in (select ctid from activity_participants where activity_id = ${id} limit 1)`);
            } else {
              const [current] = await database.db.select().from(activities).where(eq(activities.id, id));
              if (current?.kind === other.record.kind) {
                const { id: _ignored, ...fields } = other.record;
                await database.db.update(activities).set(fields).where(eq(activities.id, id));
              }
            }
          }
          const expected = await recount(database);
          assert.deepEqual(await aggregateLines(database), expected.aggregates);
          assert.deepEqual(await peopleLines(database), expected.people);
          // Once everything is folded, the month documents alone hold the counts.
          while ((await foldStatistics(database.db, 5)) > 0);
          assert.equal(await deltaCount(database), 0);
          assert.deepEqual(await aggregateLines(database, 'months'), expected.aggregates);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('rebuilds the same aggregates from the records', async () => {
    const before = await aggregateLines(database);
    const people = await peopleLines(database);
    await rebuildStatistics(database.db);
    assert.deepEqual(await aggregateLines(database), before);
    assert.deepEqual(await peopleLines(database), people);
  });

  it('reads the same report from the aggregates as from the records, for every scope and period', async () => {
    const sorted = (r: Report) => ({ ...r, source: '', rows: r.rows.map((x) => `${x.dimension}|${x.value} => ${x.records}/${x.accompaniments}`).sort() });
    const day = fc.integer({ min: 0, max: 420 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    const scope: fc.Arbitrary<ReportScope> = fc.oneof(
      fc.constantFrom(...f.helpers).map((userId): ReportScope => ({ kind: 'helper', userId })),
      fc.constant<ReportScope>({ kind: 'network' }),
      fc.constant<ReportScope>({ kind: 'partner', procedureIds: f.procedures.slice(0, 1) }),
      fc.array(fc.record({ userId: fc.constantFrom(...f.helpers), startsOn: day, endsOn: fc.option(day) }), { maxLength: 4 }).map((periods): ReportScope => ({ kind: 'team', periods: periods.filter((p) => p.endsOn === null || p.endsOn >= p.startsOn) })),
    );
    await fc.assert(
      fc.asyncProperty(scope, day, day, fc.boolean(), fc.constantFrom(undefined, 'individual' as const, 'workshop' as const), fc.option(fc.constantFrom(...themes)), async (sc, a, b, monthAligned, kind, theme) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        // A theme: the network reads the theme's aggregates, the other scopes recount from the records.
        const filters = { from: monthAligned ? `${from.slice(0, 7)}-01` : from, to, kind, theme: theme ?? undefined };
        const today = '2026-02-10';
        const fromAggregates = await loadReport(database.db, sc, filters, today);
        const fromRecords = await loadReport(database.db, sc, filters, today, { forceRecords: true });
        assert.deepEqual(sorted(fromAggregates), sorted(fromRecords));
      }),
      { numRuns: 60 },
    );
  });

  it('folds the records waiting for the fold before a report when there are more than 500, and counts the same', async () => {
    await database.db.delete(activities);
    while ((await foldStatistics(database.db)) > 0);
    const report = () => loadReport(database.db, { kind: 'network' }, { from: '2026-01-01', to: '2026-12-31' }, '2026-12-31');
    const pending = async () => Number((await database.executeSql('select count(*)::int as n from activity_stat_changes')).rows[0]?.n);
    await database.db.insert(activities).values(Array.from({ length: 400 }, () => individualRecord(f)));
    assert.equal((await report()).months.find((m) => m.month === '2026-03-01')?.records, 400);
    assert.equal(await pending(), 400, 'a few hundred are read as they are');
    await database.db.insert(activities).values(Array.from({ length: 200 }, () => individualRecord(f, { date: '2026-04-02' })));
    const folded = await report();
    assert.equal(await pending(), 0, 'beyond 500, folded first');
    assert.deepEqual(
      folded.months.filter((m) => m.records > 0).map((m) => [m.month, m.records]),
      [['2026-03-01', 400], ['2026-04-01', 200]],
    );
  });

  it('empties the aggregates when the records are truncated (restore)', async () => {
    await database.executeSql('truncate activities cascade');
    assert.deepEqual(await aggregateLines(database), []);
    assert.deepEqual(await peopleLines(database), []);
  });
});
