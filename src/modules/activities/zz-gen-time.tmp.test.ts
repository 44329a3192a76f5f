import { it } from 'node:test';
import { count } from 'drizzle-orm';
import { testApp } from '../../../tests/support/test-app.ts';
import { generateDemoActivities, seedActivitiesDemo } from './index.ts';
import { activities } from './activities.schema.ts';
it('times', async () => {
  const t = await testApp({ seed: true });
  let start = performance.now();
  const demo = await t.database.db.transaction((tx) => seedActivitiesDemo(tx));
  console.log('seed demo', demo, Math.round(performance.now() - start), 'ms');
  start = performance.now();
  const r = await generateDemoActivities(t.database.db, { count: Number(process.env.N ?? 100000) });
  console.log('generate', r, Math.round(performance.now() - start), 'ms');
  const [n] = await t.database.db.select({ n: count() }).from(activities);
  console.log(n);
  await t.close();
});
