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
import { median } from './load.ts';

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
const paths = ['/', '/lieux', '/lieux?q=mediatheque', '/lieux?q=mediatek', '/lieux?commune=98811', '/lieux?quand=maintenant', '/lieux?page=2', '/api/v1/lieux'].filter(
  (p) => !values.only || p.includes(values.only),
);
for (const path of paths) {
  const first = performance.now();
  const response = await app.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
  await response.arrayBuffer();
  const cold = performance.now() - first;
  const times: number[] = [];
  const before = statements;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const r = await app.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
    await r.arrayBuffer();
    times.push(performance.now() - started);
  }
  console.log(`${path.padEnd(28)} ${response.status} premier ${cold.toFixed(1)} ms · médiane ${median(times).toFixed(2)} ms · ${((statements - before) / n).toFixed(2)} requête(s) SQL par page`);
}
await database.close();
