// Benchmark of /statistiques (issue 4, "Measured": p95 ≤ 300 ms with 100 000 activity records at 50 clients).
// Two uses:
// - bench/run.ts calls `prepareStatisticsBench` on its data (before the server starts) and `statisticsTargets` for
//   the pages to load;
// - alone: `node --import tsx bench/statistics.ts [--activities 100000] [--duration 10] [--connections 50]
//   [--data DIR]` generates the data (kept in DIR and reused when given), starts Relais, loads the statistics pages and prints a table.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { prepareDatabase } from '../src/server.ts';
import { sessionCookie } from '../src/modules/accounts/index.ts';
import { users } from '../src/modules/accounts/accounts.schema.ts';
import { teamMemberships, teams } from '../src/modules/teams/teams.schema.ts';
import { newId } from '../src/platform/ids.ts';
import { generateData } from './data.ts';
import { runLoad, type LoadTarget } from './load.ts';
import { freePort, relaisEnv, startRelais, stopAllChildren, waitForOk } from './processes.ts';

export const statisticsBudgetP95Ms = 300;

/** What the statistics pages need besides the bench's data: the three readers and a team of ten busy helpers. */
export type StatisticsBench = { helperId: string; coordinatorId: string; referentId: string; teamId: string };

/**
 * Adds a team of the ten helpers with the most records, half of them since the middle of a month eleven months ago
 * (so the team view reads whole months from the aggregates and the days around them from the records), one who left
 * two months ago. Run on the bench's database before the server opens it (PGlite has one owner).
 */
export async function prepareStatisticsBench(options: { dataDir: string; databaseUrl: string | undefined }): Promise<StatisticsBench> {
  const database = await prepareDatabase(options);
  try {
    const { db } = database;
    const byEmail = async (email: string) => {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (!row) throw new Error(`the demo seed did not create ${email}`);
      return row.id;
    };
    const helperId = await byEmail('aidant@demo.relais.nc');
    const coordinatorId = await byEmail('coordinateur@demo.relais.nc');
    const referentId = await byEmail('referent@demo.relais.nc');
    const busiest = await database.executeSql('select helper_user_id as id from activities group by 1 order by count(*) desc limit 10');
    const ids = busiest.rows.map((r) => String(r.id));
    const teamId = newId();
    await db.insert(teams).values({ id: teamId, name: 'Équipe du banc d’essai', createdByUserId: coordinatorId });
    const today = new Date();
    const day = (monthsAgo: number, dayOfMonth: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - monthsAgo, dayOfMonth)).toISOString().slice(0, 10);
    if (ids.length > 0) {
      await db.insert(teamMemberships).values(
        ids.map((userId, i) => ({ id: newId(), teamId, userId, startsOn: i % 2 === 0 ? day(11, 15) : day(24, 1), endsOn: i === 3 ? day(2, 10) : null, addedByUserId: coordinatorId })),
      );
    }
    await database.executeSql('analyze');
    return { helperId, coordinatorId, referentId, teamId };
  } finally {
    await database.close();
  }
}

/** Signs a demo account in through the demo page; returns the Cookie header. */
export async function demoCookie(base: string, userId: string): Promise<string> {
  const response = await fetch(`${base}/demo/${userId}`, { method: 'POST', headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' }, body: '', redirect: 'manual' });
  const session = response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith(`${sessionCookie}=`));
  if (!session) throw new Error(`demo sign-in of ${userId} failed: ${response.status}`);
  return session;
}

export type StatisticsTarget = LoadTarget & { label: string; path: string; kind: 'signed-in' | 'export' };

/**
 * The statistics pages to load: each reader's default view (the aggregates), a team (aggregates and the records of
 * partial months), a filtered view (the records), and the XLSX export.
 */
export async function statisticsTargets(base: string, bench: StatisticsBench): Promise<StatisticsTarget[]> {
  const [helper, coordinator, referent] = await Promise.all([demoCookie(base, bench.helperId), demoCookie(base, bench.coordinatorId), demoCookie(base, bench.referentId)]);
  const page = (label: string, path: string, cookie: string, kind: StatisticsTarget['kind'] = 'signed-in'): StatisticsTarget => ({
    label,
    path,
    kind,
    url: `${base}${path}`,
    headers: { Cookie: cookie, 'Accept-Encoding': 'gzip, br' },
  });
  return [
    page('/statistiques (aidant, 12 mois)', '/statistiques', helper),
    page('/statistiques?vue=reseau (coordinateur)', '/statistiques?vue=reseau', coordinator),
    page('/statistiques?vue=equipe (10 aidants)', `/statistiques?vue=equipe&equipe=${bench.teamId}`, coordinator),
    page('/statistiques (référent CAFAT)', '/statistiques', referent),
    page('/statistiques?vue=reseau&theme=… (fiches)', '/statistiques?vue=reseau&theme=administrative_procedures', coordinator),
    page('/statistiques/export.xlsx (réseau)', '/statistiques/export.xlsx?vue=reseau', coordinator, 'export'),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { activities: { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' }, data: { type: 'string' } } });
  const activities = Number(values.activities ?? 100_000);
  const duration = Number(values.duration ?? 10);
  const connections = Number(values.connections ?? 50);
  // --data DIR keeps the generated data there, and reuses it on the next run.
  const dataDir = values.data ?? mkdtempSync(join(tmpdir(), 'relais-bench-stats-'));
  const reuse = existsSync(join(dataDir, 'PG_VERSION'));
  const log = (m: string) => process.stderr.write(`${m}\n`);
  try {
    if (!reuse) {
      log(`data: demo + ${activities} activity records in ${dataDir}…`);
      const generated = await generateData({ dataDir, databaseUrl: undefined, size: 200, places: 0, activities });
      log(`  ${generated.counts.activities} records in ${generated.seconds.toFixed(0)} s (of which records ${generated.activitySeconds.toFixed(0)} s)`);
    }
    const bench = await prepareStatisticsBench({ dataDir, databaseUrl: undefined });
    const port = await freePort();
    const server = startRelais(relaisEnv(port, dataDir, undefined));
    const base = `http://127.0.0.1:${port}`;
    await waitForOk(`${base}/healthz`, server);
    const targets = await statisticsTargets(base, bench);
    const lines = [`Load average before: ${loadavg().map((n) => n.toFixed(1)).join(' ')}; ${connections} clients (5 for the export), ${duration} s each.`, '', '| page | req/s | p50 ms | p95 ms | budget | other than 200 |', '|---|---:|---:|---:|---|---|'];
    for (const target of targets) {
      const clients = target.kind === 'export' ? 5 : connections;
      await runLoad(target, { connections: clients, duration: 1 });
      const r = await runLoad(target, { connections: clients, duration });
      const verdict = target.kind === 'export' ? '—' : r.p95 <= statisticsBudgetP95Ms ? 'tenu' : 'dépassé';
      lines.push(`| ${target.label} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${verdict} | ${JSON.stringify(r.unexpected)} |`);
      log(lines[lines.length - 1] ?? '');
    }
    await server.stop();
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await stopAllChildren();
    if (values.data === undefined) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
