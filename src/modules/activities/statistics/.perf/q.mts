import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, pgliteExtensions } from '../../../../db/client.ts';
const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync('/tmp/hb/stats100k.tgz')]), extensions: pgliteExtensions });
const database = await openDatabase({ pglite });
const helper = String((await database.executeSql(`select helper_user_id from activities group by 1 order by count(*) desc limit 1`)).rows[0]?.helper_user_id);
let s = 0;
const q = async (label: string, sql: string) => {
  await database.executeSql(sql);
  s = performance.now();
  for (let i = 0; i < 10; i++) await database.executeSql(sql);
  console.log(label, ((performance.now() - s) / 10).toFixed(1));
};
const args = process.argv.slice(2);
if (args[0]) { await q('custom', args[0]); const ex = await database.executeSql('explain analyze ' + args[0]); console.log(ex.rows.map((r) => Object.values(r)[0]).join('\n')); }
else {
await q('select 1', 'select 1');
await q('agg helper', `select s.dimension, s.value, case when s.dimension = 'total' then s.month::text end, case when s.dimension='total' then s.kind::text end, sum(records), sum(accompaniments) from activity_stats s where s.scope='helper' and s.scope_id='${helper}' and s.month between '2025-12-01' and '2026-11-01' group by 1,2,3,4`);
await q('people helper', `with seen as (select s.beneficiary_id from activity_stats_people s where s.scope='helper' and s.scope_id='${helper}' and s.month between '2025-12-01' and '2026-11-01') select count(*), count(*) filter (where (select min(f.month) from activity_stats_people f where f.scope='network' and f.beneficiary_id = seen.beneficiary_id) >= '2025-12-01') from seen`);
await q('agg network', `select s.dimension, s.value, case when s.dimension = 'total' then s.month::text end, case when s.dimension='total' then s.kind::text end, sum(records), sum(accompaniments) from activity_stats s where s.scope='network' and s.month between '2025-12-01' and '2026-11-01' group by 1,2,3,4`);
await q('people network', `with seen as (select s.beneficiary_id from activity_stats_people s where s.scope='network' and s.month between '2025-12-01' and '2026-11-01') select count(*), count(*) filter (where (select min(f.month) from activity_stats_people f where f.scope='network' and f.beneficiary_id = seen.beneficiary_id) >= '2025-12-01') from seen`);
const c = await database.executeSql(`select scope, count(*)::int from activity_stats_people group by 1`);
console.log(c.rows, (await database.executeSql(`select count(*)::int n, count(distinct helper_user_id)::int h from activities`)).rows);
s = performance.now(); await database.executeSql('select activity_stats_rebuild()'); console.log('rebuild', Math.round(performance.now() - s));
}
await pglite.close();
