// `node --import tsx bench/profile.ts --data DIR [--places N] [--n 300]`: one process, no HTTP socket. Generates the
// benchmark's data (or reuses DIR), builds the app and times app.request() for /lieux variants and a few other
// pages, sequentially: the server time of one request, without the load generator or the network.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { buildServices, prepareDatabase } from '../src/server.ts';
import { generateData } from './data.ts';
import { median, percentile } from './load.ts';
import { placeSearches } from './searches.ts';
import { places } from '../src/modules/places/places.schema.ts';

const { values } = parseArgs({ args: process.argv.slice(2), options: { places: { type: 'string' }, data: { type: 'string' }, n: { type: 'string' }, only: { type: 'string' } } });
const dataDir = values.data ?? mkdtempSync(join(tmpdir(), 'relais-profile-'));
if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) {
  const started = performance.now();
  await generateData({ dataDir, databaseUrl: undefined, size: 100, places: Number(values.places ?? 10_000) });
  console.log(`données générées en ${((performance.now() - started) / 1000).toFixed(1)} s dans ${dataDir}`);
}
const n = Number(values.n ?? 300);
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, JOBS: 'false', LOG_LEVEL: 'warn' });
const database = await prepareDatabase({ dataDir, databaseUrl: undefined });
// Counts the statements sent to PGlite, to show which pages still ask the database on every request.
let statements = 0;
const client = database.pglite;
if (client) {
  const query = client.query.bind(client);
  client.query = (...args: Parameters<typeof query>) => {
    statements += 1;
    return query(...args);
  };
}
const app = createApp(buildServices(config, database, pino({ level: 'warn' }), null));
const [anyPlace] = await database.db.select({ id: places.id }).from(places).limit(1);
const paths = ['/', `/lieux/${anyPlace?.id ?? ''}`, '/lieux', '/lieux?q=mediatheque', '/opendata/lieux.csv', '/lieux?q=mediatheque', '/lieux?q=mediatek', '/lieux?commune=98811', '/lieux?quand=maintenant', '/lieux?page=2', '/api/v1/lieux'].filter(
  (p) => !values.only || p.includes(values.only),
);
/** Processor time (user + system, every thread of the process) per request since `start`: not inflated by a busy machine. */
function cpuMsPer(start: NodeJS.CpuUsage, requests: number): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / requests;
}
async function timed(path: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await app.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}
// The benchmark's mix: each search once (cold: the SQL of the search and of its cards), then in turn n times.
if (!values.only || values.only === 'mix') {
  const cold: number[] = [];
  for (const path of placeSearches) cold.push((await timed(path)).ms);
  const warm: number[] = [];
  const before = statements;
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) for (const path of placeSearches) warm.push((await timed(path)).ms);
  const cpuMs = cpuMsPer(cpu, warm.length);
  console.log(
    `${`mélange de ${placeSearches.length} recherches`.padEnd(28)} premier passage : médiane ${median(cold).toFixed(1)} ms, max ${Math.max(...cold).toFixed(0)} ms · ensuite médiane ${median(warm).toFixed(2)} ms, p95 ${percentile(warm.sort((a, b) => a - b), 95).toFixed(2)} ms, CPU ${cpuMs.toFixed(2)} ms par page · ${((statements - before) / warm.length).toFixed(2)} requête(s) SQL par page`,
  );
}
for (const path of values.only === 'mix' ? [] : paths) {
  const first = performance.now();
  const response = await app.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
  await response.arrayBuffer();
  const cold = performance.now() - first;
  const times: number[] = [];
  const before = statements;
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const r = await app.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
    await r.arrayBuffer();
    times.push(performance.now() - started);
  }
  console.log(`${path.padEnd(28)} ${response.status} premier ${cold.toFixed(1)} ms · médiane ${median(times).toFixed(2)} ms, CPU ${cpuMsPer(cpu, n).toFixed(2)} ms · ${((statements - before) / n).toFixed(2)} requête(s) SQL par page`);
}
await database.close();
