import { openNow, hoursStatus, openAtWeekend } from './src/modules/places/places.hours.ts';
const at = new Date('2026-09-23T00:00:00Z');
let t = performance.now();
let n = 0;
for (let i = 0; i < 10000; i++) { const m = 10 + (i % 50); if (openNow(`Mo-Fr 07:30-11:${m},12:15-16:00; Sa 08:00-12:00; PH off`, at)) n++; }
console.log('fast openNow 50 distinct x10k', (performance.now() - t).toFixed(0), 'ms', n);
t = performance.now();
for (let i = 0; i < 10000; i++) { openNow(`Mo-Fr 07:30-11:30,12:15-16:${String(i % 60).padStart(2,'0')}; Sa 08:${String(Math.floor(i/60)%60).padStart(2,'0')}-12:00; PH off`, at); }
console.log('fast openNow 10000 distinct', (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
for (let i = 0; i < 10000; i++) { openAtWeekend(`Mo-Fr 07:30-11:30,12:15-16:${String(i % 60).padStart(2,'0')}; Sa 08:${String(Math.floor(i/60)%60).padStart(2,'0')}-12:00; PH off`, at); }
console.log('fast openAtWeekend 10000', (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
for (let i = 0; i < 1000; i++) hoursStatus(`Mo-Fr 07:30-11:30,12:15-16:00; PH off`, new Date(at.getTime() + i * 3600_000));
console.log('fast hoursStatus 1000', (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
for (let i = 0; i < 1000; i++) hoursStatus(`We 11:30-15:30; Sa[1] 08:00-11:30; PH off`, new Date(at.getTime() + i * 3600_000));
console.log('library hoursStatus 1000 (one string)', (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
for (let i = 0; i < 300; i++) openNow(`We 11:30-15:${String(i % 60).padStart(2,'0')}; Sa[1] 08:00-11:30; PH off`, at);
console.log('library openNow 300 distinct', (performance.now() - t).toFixed(0), 'ms');
