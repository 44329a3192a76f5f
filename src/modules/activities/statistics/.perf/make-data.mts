import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, pgliteExtensions } from '../../../../../src/db/client.ts';
import { syncCommunes } from '../../../../../src/territory/territory.commands.ts';
import { demoOrganisations } from '../../../../../src/cli/seed.ts';
import { seedCatalogueDemo } from '../../../../../src/modules/activities/catalogue/index.ts';
import { generateDemoActivities } from '../../../../../src/modules/activities/index.ts';
import { communeByName } from '../../../../../src/territory/index.ts';
const pglite = await PGlite.create({ extensions: pgliteExtensions });
const database = await openDatabase({ pglite });
await database.migrate();
await syncCommunes(database.db);
for (const o of demoOrganisations) {
  const c = communeByName(o.commune)!;
  await database.executeSql(`insert into organisations (id, name, kind, province, commune_code) values (gen_random_uuid(), $1, $2, $3, $4)`, [o.name, o.kind, c.province, c.code]);
}
await seedCatalogueDemo(database.db);
await database.executeSql(`insert into users (id, email, name) select gen_random_uuid(), 'p'||i||'@b.nc', 'P '||i from generate_series(1,800) i`);
await database.executeSql(`insert into memberships (id, user_id, organisation_id, role) select gen_random_uuid(), u.id, (select id from organisations where kind = 'opt_agency' order by name offset (row_number() over ()) % 6 limit 1), 'helper' from users u where email like '%@b.nc'`).catch(async () => {
  await database.executeSql(`insert into memberships (id, user_id, organisation_id, role) select gen_random_uuid(), u.id, (select id from organisations where name = 'Agence OPT de Koné'), 'helper' from users u where email like '%@b.nc'`);
});
let s = performance.now();
await generateDemoActivities(database.db, { count: 100000 });
console.log('generate', Math.round(performance.now() - s));
await database.executeSql('analyze');
const dump = await pglite.dumpDataDir('gzip');
writeFileSync('/tmp/hb/stats100k.tgz', Buffer.from(await dump.arrayBuffer()));
await pglite.close();
