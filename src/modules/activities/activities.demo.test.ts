import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { localDay } from '../../platform/format.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { recordActivity } from './activities.commands.ts';
import { addDays } from './activities.dates.ts';
import { generateDemoActivities } from './activities.demo.ts';
import { activities } from './activities.schema.ts';
import { actorOf } from './activities.test-support.ts';
import { foldStatistics, rebuildStatistics } from './statistics/statistics.queries.ts';

describe('Demo activity records', () => {
  let t: TestApp;
  const today = localDay(new Date());

  before(async () => {
    t = await testApp({ seed: true });
  });
  after(() => t.close());

  function rowsOf(result: unknown): Record<string, unknown>[] {
    if (typeof result !== 'object' || result === null || !('rows' in result) || !Array.isArray(result.rows)) return [];
    return result.rows.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);
  }

  /** The statistics aggregates (whatever tables the statistics module keeps them in) as one fingerprint, once the
   * pending deltas are folded in; the fold counter and the log of commits (PostgreSQL) are bookkeeping, not figures. */
  async function aggregates(): Promise<string> {
    await foldStatistics(t.database.db, 1_000_000_000);
    const tables = rowsOf(await t.database.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_name like 'activity_stat%' and table_name not in ('activity_stat_state', 'activity_stat_commits') order by 1`));
    const parts: string[] = [];
    for (const table of tables) {
      const name = String(table.table_name);
      const found = rowsOf(await t.database.db.execute(sql`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as f from ${sql.identifier(name)} x`));
      parts.push(`${name}:${String(found[0]?.f)}`);
    }
    return parts.join(',');
  }

  it('seeds about 1 500 records until yesterday, for several helpers and structures', async () => {
    const [row] = await t.database.db
      .select({ n: sql<number>`count(*)::int`, helpers: sql<number>`count(distinct ${activities.helperUserId})::int`, orgs: sql<number>`count(distinct ${activities.organisationId})::int`, last: sql<string>`max(${activities.date})::text` })
      .from(activities);
    // Other modules' demos may add a few (a workshop roster closed, an appointment seen).
    assert.ok((row?.n ?? 0) >= 1500 && (row?.n ?? 0) < 1600, String(row?.n));
    assert.ok((row?.helpers ?? 0) >= 5);
    assert.ok((row?.orgs ?? 0) >= 5);
    const [demoLast] = await t.database.db.select({ last: sql<string>`max(${activities.date})::text` }).from(activities).where(sql`${activities.helperUserId} in (select id from users where email like '%@demo.relais.nc' and email <> 'formateur@demo.relais.nc')`);
    assert.ok((demoLast?.last ?? '') < today, demoLast?.last);
  });

  it('generates records that keep every rule, weighted like the field, and keeps the statistics right', async () => {
    const result = await generateDemoActivities(t.database.db, { count: 700, seed: 7, today });
    assert.equal(result.inserted, 700);
    const rows = await t.database.db.select().from(activities);
    assert.ok(rows.every((r) => r.date <= today && r.date >= addDays(today, -370)));
    assert.ok(rows.every((r) => r.durationMinutes >= 1 && r.durationMinutes <= 720 && r.themes.length >= 1));
    for (const r of rows.filter((w) => w.kind === 'workshop')) {
      const b = r.participantBreakdown;
      assert.ok(b && r.title);
      for (const counts of [b.gender, b.ageBand, b.status]) assert.ok(Object.values(counts).reduce<number>((s, n) => s + (n ?? 0), 0) <= r.anonymousParticipants);
      assert.equal(r.participantCount, r.anonymousParticipants);
    }
    assert.ok(rows.every((r) => r.administrativeSubThemes.length === 0 || r.themes.includes('administrative_procedures')));
    assert.ok(rows.every((r) => r.procedureId === null || (r.themes.includes('administrative_procedures') && r.procedureOutcome !== null)));
    const counts = new Map<string, number>();
    for (const r of rows) for (const theme of r.themes) counts.set(theme, (counts.get(theme) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    assert.equal(top, 'administrative_procedures');
    const partners = await t.database.db.execute(sql`select distinct o.name from activities a join procedures p on p.id = a.procedure_id join organisations o on o.id = p.partner_organisation_id`);
    assert.ok(rowsOf(partners).some((p) => /CAFAT|Enercal/.test(String(p.name))));
    // The aggregates were rebuilt after the bulk load, and the triggers are back on for the next record: a rebuild
    // from scratch finds nothing to change.
    const helper = await actorOf(t.database.db, 'aidant@demo.relais.nc');
    const one = await t.database.db.transaction((tx) => recordActivity(tx, helper, { date: today, durationMinutes: 30, themes: ['email'] }));
    assert.ok(one.ok);
    const kept = await aggregates();
    assert.match(kept, /activity_stat/);
    await rebuildStatistics(t.database.db);
    assert.equal(await aggregates(), kept);
  });

  it('makes the same records from the same seed', async () => {
    const helpers = [{ userId: (await actorOf(t.database.db, 'aidant@demo.relais.nc')).userId, organisationId: (await actorOf(t.database.db, 'aidant@demo.relais.nc')).memberships[0]?.organisationId ?? '', communeCode: '98811', placeIds: [] }];
    const before = await t.database.db.select({ id: activities.id }).from(activities);
    const known = new Set(before.map((r) => r.id));
    await generateDemoActivities(t.database.db, { count: 50, seed: 42, today, helpers });
    await generateDemoActivities(t.database.db, { count: 50, seed: 42, today, helpers });
    const added = (await t.database.db.select().from(activities).orderBy(activities.id)).filter((r) => !known.has(r.id));
    const shape = (r: (typeof added)[number]) => `${r.date}|${r.durationMinutes}|${r.themes.join(',')}|${r.kind}`;
    const firstRun = added.slice(0, 50).map(shape).sort();
    const secondRun = added.slice(50).map(shape).sort();
    assert.equal(added.length, 100);
    assert.deepEqual(firstRun, secondRun);
  });
});
