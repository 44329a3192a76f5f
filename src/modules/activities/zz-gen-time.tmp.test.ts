import { it } from 'node:test';
import { testApp } from '../../../tests/support/test-app.ts';
import { generateDemoActivities } from './index.ts';
import { rebuildStatistics } from './statistics/statistics.queries.ts';
it('times', async () => {
  const t = await testApp({ seed: true });
  let start = performance.now();
  const r = await generateDemoActivities(t.database.db, { count: 10000 });
  console.log('generate', r, Math.round(performance.now() - start), 'ms');
  start = performance.now();
  await rebuildStatistics(t.database.db);
  console.log('rebuild', Math.round(performance.now() - start), 'ms');
  await t.close();
});
