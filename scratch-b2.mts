import { openNow } from './src/modules/places/places.hours.ts';
const at = new Date('2026-09-23T00:00:00Z');
for (let round = 0; round < 3; round++) {
  const t = performance.now();
  for (let i = 0; i < 10000; i++) { const m = 10 + (i % 50); openNow(`Mo-Fr 07:30-11:${m},12:15-16:00; Sa 08:00-12:00; PH off`, at); }
  console.log('round', round, (performance.now() - t).toFixed(0), 'ms');
}
