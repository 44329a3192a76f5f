// `node --import tsx bench/explain.ts [--places N] [--data DIR] [--plans]`: one client, no HTTP. Generates the
// benchmark's data in PGlite (or reuses DIR), then for each /lieux variant times searchPlaces and every SQL
// statement it sends (the first call, cache empty: the cold one; then the median of 14 more), with EXPLAIN ANALYZE of each statement when --plans is given.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Logger } from 'drizzle-orm/logger';
import * as schema from '../src/db/schema.ts';
import { pgliteExtensions } from '../src/db/client.ts';
import { hoursAt, loadCards } from '../src/modules/places/places.public.ts';
import { readFilters, searchPlaces } from '../src/modules/places/places.search.ts';
import { generateData } from './data.ts';
import { median } from './load.ts';

const { values } = parseArgs({ args: process.argv.slice(2), options: { places: { type: 'string' }, data: { type: 'string' }, plans: { type: 'boolean' }, only: { type: 'string' } } });
const count = Number(values.places ?? 10_000);
const keep = values.data !== undefined;
const dataDir = values.data ?? mkdtempSync(join(tmpdir(), 'relais-explain-'));
if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) {
  const started = performance.now();
  await generateData({ dataDir, databaseUrl: undefined, size: 100, places: count });
  console.log(`données générées en ${((performance.now() - started) / 1000).toFixed(1)} s dans ${dataDir}`);
}

const captured: { query: string; params: unknown[] }[] = [];
const logger: Logger = { logQuery: (query, params) => captured.push({ query, params }) };
const pglite = await PGlite.create(dataDir, { extensions: pgliteExtensions });
const db = drizzle(pglite, { schema, logger });

const variants = [
  '',
  'q=mediatheque',
  'q=mediatek',
  'q=case%20numerique%20kone',
  'commune=98811',
  'commune=98811&distance=30',
  'commune=98818&distance=commune',
  'quand=maintenant',
  'quand=weekend',
  'quand=maintenant&commune=98811',
  'q=cyberbase&quand=maintenant',
  'service=aide_demarches&accessibilite=boucle_magnetique',
  'province=iles&quand=gratuit',
  'page=200',
].filter((v) => values.only === undefined || v === values.only);

const now = new Date();
for (const variant of variants) {
  const { filters, page } = readFilters(new URLSearchParams(variant));
  const times: number[] = [];
  const cardTimes: number[] = [];
  let statements: { query: string; params: unknown[] }[] = [];
  let total = 0;
  // A write first: the search cache (places.search.ts) starts empty, the first call is the cold one.
  await pglite.query('update places_search_version set token = gen_random_uuid()::text');
  for (let i = 0; i < 15; i++) {
    captured.length = 0;
    const t0 = performance.now();
    const result = await searchPlaces(db, filters, { page, perPage: 20, hours: hoursAt(now) });
    times.push(performance.now() - t0);
    if (i === 0) statements = [...captured];
    total = result.total;
    const t1 = performance.now();
    await loadCards(db, result.hits, now);
    cardTimes.push(performance.now() - t1);
  }
  console.log(
    `\n## /lieux?${variant}  → total ${total} · searchPlaces à froid ${(times[0] ?? 0).toFixed(1)} ms, ensuite ${median(times.slice(1)).toFixed(1)} ms · loadCards ${median(cardTimes).toFixed(1)} ms`,
  );
  // Replayed in one transaction, as searchPlaces sends them (a `set local` must hold for the statement after it).
  const timings = statements.map(() => [] as number[]);
  for (let i = 0; i < 10; i++) {
    await pglite.transaction(async (tx) => {
      for (const [n, s] of statements.entries()) {
        const t0 = performance.now();
        await tx.query(s.query, s.params);
        timings[n]?.push(performance.now() - t0);
      }
    });
  }
  for (const [n, s] of statements.entries()) {
    console.log(`  ${median(timings[n] ?? []).toFixed(1)} ms  ${s.query.replace(/\s+/g, ' ').slice(0, 220)}`);
  }
  if (values.plans) {
    await pglite.transaction(async (tx) => {
      for (const s of statements) {
        if (!/^\s*select/i.test(s.query)) {
          await tx.query(s.query, s.params);
          continue;
        }
        const plan = await tx.query<{ 'QUERY PLAN': string }>(`explain analyze ${s.query}`, s.params);
        console.log(`\n  ${s.query.replace(/\s+/g, ' ').slice(0, 120)}`);
        for (const row of plan.rows) console.log(`      ${row['QUERY PLAN']}`);
      }
    });
  }
}
await pglite.close();
if (!keep) rmSync(dataDir, { recursive: true, force: true });
