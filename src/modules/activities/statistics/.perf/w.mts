import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from '../../../../db/client.ts';
const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync('/tmp/hb/stats100k.tgz')]), extensions: pgliteExtensions });
const ins = (n: number) => `insert into activities (id, kind, organisation_id, helper_user_id, date, duration_minutes, channel, themes, participant_count, commune_code, procedure_id, procedure_outcome)
  select gen_random_uuid(), 'individual', organisation_id, helper_user_id, current_date - ${n % 200}, 30, 'at_place', '{email,administrative_procedures}', 1, '98811', (select id from procedures limit 1), 'completed' from activities limit 1`;
const time = async (label: string, f: (i: number) => Promise<unknown>) => { await f(0); const s = performance.now(); for (let i = 1; i <= 30; i++) await f(i); console.log(label, ((performance.now() - s) / 30).toFixed(2)); };
await time('select 1', () => pglite.query('select 1'));
await time('insert with triggers', (i) => pglite.query(ins(i)));
await pglite.exec('alter table activities disable trigger activity_stats_write');
await time('insert without', (i) => pglite.query(ins(i)));
await pglite.exec('alter table activities enable trigger activity_stats_write');
await time('update with triggers', (i) => pglite.query(`update activities set duration_minutes = ${30 + i} where id = (select id from activities order by created_at desc limit 1)`));
await pglite.close();
