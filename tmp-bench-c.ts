import { testApp } from './tests/support/test-app.ts';
const t = await testApp();
await t.database.executeSql(`insert into places (id, name, commune_code, province, postcode, services, accessibility, fees, opening_hours, search_text, latitude, longitude)
  select gen_random_uuid(), 'Lieu ' || i, c.code, c.province, '98800', array['aide_demarches']::place_service[], case when i % 3 = 0 then array['entree_plain_pied']::place_accessibility_feature[] else '{}' end,
  array['gratuit']::place_fee[], case when i % 2 = 0 then 'Mo-Fr 08:00-16:00' else null end, 'lieu ' || i || ' mediatheque ' || lower(c.name), c.latitude, c.longitude
  from generate_series(1, 10000) i join communes c on c.code = (select code from communes order by code offset (i % 33) limit 1)`);
await t.database.executeSql('analyze places');
for (const path of ['/lieux', '/lieux?q=mediateque&commune=98811', '/lieux?commune=98811&distance=30&accessibilite=entree_plain_pied', '/lieux?quand=maintenant&commune=98818', '/lieux?q=lieu%2042']) {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) { const s = performance.now(); await (await t.request(path)).text(); times.push(performance.now() - s); }
  times.sort((a, b) => a - b);
  console.log(path, 'p50', times[15]?.toFixed(1), 'p95', times[28]?.toFixed(1), 'ms');
}
await t.close();
