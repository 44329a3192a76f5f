import { it } from 'node:test';
import { testApp } from '../../../tests/support/test-app.ts';
import { localDay } from '../../platform/format.ts';
import { generateDemoActivities, recordActivity } from './index.ts';
import { actorOf } from './activities.test-support.ts';

function p95(xs: number[]): number { const s = [...xs].sort((a, b) => a - b); return Math.round(s[Math.floor(s.length * 0.95)] ?? 0); }
it('measures', async () => {
  const t = await testApp({ seed: true });
  let start = performance.now();
  await generateDemoActivities(t.database.db, { count: 100000 });
  console.log('generate 100k', Math.round(performance.now() - start), 'ms');
  const helper = await actorOf(t.database.db, 'aidant@demo.relais.nc');
  const record: number[] = [];
  for (let i = 0; i < 40; i++) {
    start = performance.now();
    await t.database.db.transaction((tx) => recordActivity(tx, helper, { date: localDay(new Date()), durationMinutes: 30, themes: ['email'] }));
    record.push(performance.now() - start);
  }
  console.log('recordActivity p95', p95(record));
  for (const [email, path] of [['aidant@demo.relais.nc', '/activites'], ['coordinateur@demo.relais.nc', '/activites'], ['coordinateur@demo.relais.nc', '/activites?theme=email&vue=tableau'], ['aidant@demo.relais.nc', '/activites/nouvelle']] as const) {
    const cookie = await t.cookieFor(email);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) { start = performance.now(); const r = await t.request(path, { cookie }); await r.text(); times.push(performance.now() - start); }
    console.log(email, path, 'p95', p95(times));
  }
  const cookie = await t.cookieFor('aidant@demo.relais.nc');
  const posts: number[] = [];
  for (let i = 0; i < 20; i++) { start = performance.now(); await t.request('/activites/nouvelle', { cookie, form: { kind: 'individual', themes: 'email', duration: '30', date: localDay(new Date()), channel: 'at_place' } }); posts.push(performance.now() - start); }
  console.log('POST form p95', p95(posts));
  await t.close();
});
