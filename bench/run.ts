// `npm run bench`: generates data, starts Relais and a bare Hono "hello" as child processes, loads the main pages
// with autocannon, and prints throughput, latency and compressed page weight against the budgets of
// ARCHITECTURE.md. Options: --size N, --places N, --duration S, --connections C, --repeat R, --database pglite|postgres
// (also BENCH_SIZE, BENCH_PLACES, BENCH_DURATION, BENCH_CONNECTIONS, BENCH_REPEAT, BENCH_DATABASE). See bench/README.md.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sessionCookie } from '../src/modules/accounts/index.ts';
import { localDay } from '../src/platform/format.ts';
import { generateData, type Generated } from './data.ts';
import { median, runLoad, type LoadResult, type LoadTarget } from './load.ts';
import { freePort, relaisEnv, root, startHello, startRelais, stopAllChildren, waitForOk, type Child } from './processes.ts';
import { placeSearches } from './searches.ts';
import { prepareStatisticsBench, statisticsBudgetP95Ms, statisticsTargets } from './statistics.ts';
import { pageWeight, transfer, type PageWeight } from './weight.ts';

const budgets = { publicPageKb: 30, pageKb: 50, pageP95Ms: 50, writeP95Ms: 100 } as const;

type Options = {
  size: number;
  places: number;
  activities: number;
  duration: number;
  connections: number;
  repeat: number;
  database: 'pglite' | 'postgres';
  databaseUrl: string | undefined;
  only: string | undefined;
  coldStarts: number;
};

function readOptions(): Options {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      size: { type: 'string' },
      places: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      repeat: { type: 'string' },
      database: { type: 'string' },
      only: { type: 'string' },
      activities: { type: 'string' },
      cold: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(`npm run bench -- [--size N] [--places N] [--duration S] [--connections C] [--repeat R] [--database pglite|postgres]

  --size N          organisations and accounts to generate, and 10 × N audit events (2000)
  --places N        places to generate, besides the 92 of the demo (10000)
  --activities N    activity records to generate (generateDemoActivities), besides the demo's (100000)
  --duration S      seconds of load per page and per run (10)
  --connections C   concurrent clients (50)
  --repeat R        runs per page; the median is reported (3)
  --database D      pglite (a temporary data directory) or postgres (DATABASE_URL, an empty database; without it, a
                    throw-away cluster started with scripts/postgres-cluster.sh and deleted at the end) (pglite)
  --cold N          cold starts to measure (default: --repeat; 0 to skip them)
  --only TEXT       measure only the pages whose label contains TEXT, or one of several separated by commas (and the hello),
                    e.g. --only /lieux or --only activites,statistiques`);
    process.exit(0);
  }
  const number = (name: string, value: string | undefined, fallback: number, min: number) => {
    const n = value === undefined || value === '' ? fallback : Number(value);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min} (got ${value})`);
    return n;
  };
  const env = process.env;
  const database = values.database ?? env.BENCH_DATABASE ?? 'pglite';
  if (database !== 'pglite' && database !== 'postgres') throw new Error(`--database must be pglite or postgres (got ${database})`);
  // Without DATABASE_URL, main() starts a throw-away cluster with scripts/postgres-cluster.sh.
  const databaseUrl = database === 'postgres' ? env.DATABASE_URL : undefined;
  return {
    size: Math.floor(number('size', values.size ?? env.BENCH_SIZE, 2000, 0)),
    places: Math.floor(number('places', values.places ?? env.BENCH_PLACES, 10_000, 0)),
    activities: Math.floor(number('activities', values.activities ?? env.BENCH_ACTIVITIES, 100_000, 0)),
    duration: number('duration', values.duration ?? env.BENCH_DURATION, 10, 1),
    connections: Math.floor(number('connections', values.connections ?? env.BENCH_CONNECTIONS, 50, 1)),
    repeat: Math.floor(number('repeat', values.repeat ?? env.BENCH_REPEAT, 3, 1)),
    database,
    databaseUrl,
    only: values.only ?? env.BENCH_ONLY,
    coldStarts: Math.floor(number('cold', values.cold ?? env.BENCH_COLD, Math.floor(number('repeat', values.repeat ?? env.BENCH_REPEAT, 3, 1)), 0)),
  };
}

type Kind = 'public' | 'signed-in' | 'api' | 'export' | 'write' | 'ceiling';
type Target = LoadTarget & { label: string; kind: Kind; path: string; /** Who is signed in, for the label (the administrator by default; empty: already in the label). */ who?: string; /** p95 budget in ms, when not that of pages or writes (dashboards: 300). */ budgetMs?: number };

const temporaryDirs: string[] = [];
function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaryDirs.push(dir);
  return dir;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Time from `relais serve` on an empty data directory (migrations, communes, demo seed) until /healthz answers. */
async function coldStart(): Promise<number> {
  const port = await freePort();
  const dataDir = temporaryDir('relais-bench-cold-');
  const started = performance.now();
  const server = startRelais(relaisEnv(port, dataDir, undefined));
  try {
    await waitForOk(`http://127.0.0.1:${port}/healthz`, server);
    return performance.now() - started;
  } finally {
    await server.stop();
  }
}

/** Signs in as a demo account (the administrator, the helper, the coordinator) through the demo page; returns the Cookie header. */
async function signIn(base: string, userId: string): Promise<string> {
  const response = await fetch(`${base}/demo/${userId}`, {
    method: 'POST',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: '',
    redirect: 'manual',
  });
  const session = response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith(`${sessionCookie}=`));
  if (!session) throw new Error(`demo sign-in failed: ${response.status} without a ${sessionCookie} cookie`);
  const check = await fetch(`${base}/compte`, { headers: { Cookie: session }, redirect: 'manual' });
  if (check.status !== 200) throw new Error(`demo sign-in did not hold: /compte answered ${check.status}`);
  return session;
}

type Cookies = { admin: string; helper: string };

function targets(base: string, helloBase: string, cookies: Cookies, data: Generated): Target[] {
  const accept = { 'Accept-Encoding': 'gzip, br' };
  const signedIn = { ...accept, Cookie: cookies.admin };
  const asHelper = { ...accept, Cookie: cookies.helper };
  const today = localDay(new Date());
  const anonymous = (path: string): Target => ({ label: path, kind: 'public', path, url: base + path, headers: accept });
  const admin = (path: string, label = path): Target => ({ label, kind: 'signed-in', path, url: base + path, headers: signedIn });
  return [
    { label: 'Hono « hello » (plafond)', kind: 'ceiling', path: '/', url: `${helloBase}/`, headers: accept },
    anonymous('/'),
    anonymous('/connexion'),
    anonymous('/accessibilite'),
    { label: '/api/v1/communes', kind: 'api', path: '/api/v1/communes', url: `${base}/api/v1/communes`, headers: accept },
    anonymous('/lieux'),
    anonymous('/lieux?q=mediatheque'),
    anonymous('/lieux?q=mediatek'),
    anonymous('/lieux?commune=98811'),
    anonymous('/lieux?quand=maintenant'),
    { ...anonymous(`/lieux/${data.placeId}`), label: '/lieux/:id' },
    { ...anonymous('/lieux'), label: `/lieux, ${placeSearches.length} recherches variées`, paths: placeSearches },
    { label: '/api/v1/lieux', kind: 'api', path: '/api/v1/lieux', url: `${base}/api/v1/lieux`, headers: accept },
    // A helper prints a sheet for someone in Koné who needs help with forms, up to 30 km, any time.
    { ...anonymous('/orientation/fiche?besoin=aide_demarches&commune=98811&distance=30&quand=egal'), label: '/orientation/fiche (Koné, démarches, 30 km)' },
    { label: '/opendata/lieux.csv', kind: 'export', path: '/opendata/lieux.csv', url: `${base}/opendata/lieux.csv`, headers: accept },
    admin('/'),
    admin('/organisations'),
    admin('/organisations?q=agence'),
    admin(`/organisations/${data.organisationId}`, '/organisations/:id'),
    admin('/admin/journal'),
    admin('/compte'),
    { label: '/activites', who: 'aidant', kind: 'signed-in', path: '/activites', url: `${base}/activites`, headers: asHelper },
    anonymous('/ateliers'),
    {
      label: 'POST /api/v1/organisations',
      kind: 'write',
      path: '/api/v1/organisations',
      url: `${base}/api/v1/organisations`,
      method: 'POST',
      headers: { ...accept, Authorization: `Bearer ${data.apiToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ nom: 'Banc essai API [<id>]', type: 'association', code_commune: '98818' }),
      uniqueIds: true,
      expected: (status) => status === 201,
    },
    {
      label: 'POST /organisations/nouvelle (formulaire)',
      kind: 'write',
      path: '/organisations/nouvelle',
      url: `${base}/organisations/nouvelle`,
      method: 'POST',
      headers: { ...signedIn, Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'name=Banc+essai+formulaire+[<id>]&kind=association&ridet=&communeCode=98811',
      uniqueIds: true,
      expected: (status) => status === 303,
    },
    // One activity recorded by the demo helper, through the form and through the API (a writing token).
    {
      label: 'POST /activites/nouvelle (formulaire, aidant)',
      kind: 'write',
      path: '/activites/nouvelle',
      url: `${base}/activites/nouvelle`,
      method: 'POST',
      headers: { ...asHelper, Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `kind=individual&themes=web_browsing&duration=30&date=${today}&channel=at_place&notes=Banc+[<id>]`,
      uniqueIds: true,
      expected: (status) => status === 303,
    },
    {
      label: 'POST /api/v1/activites',
      kind: 'write',
      path: '/api/v1/activites',
      url: `${base}/api/v1/activites`,
      method: 'POST',
      headers: { ...accept, Authorization: `Bearer ${data.apiToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ structure_id: data.helper.organisationId, aidant_id: data.helper.id, date: today, duree_minutes: 30, themes: ['email'], notes: 'Banc [<id>]' }),
      uniqueIds: true,
      expected: (status) => status === 201,
    },
  ];
}

type Row = { target: Target; runs: LoadResult[]; weight: PageWeight | null; jsonBytes: number | null };

const labelOf = (target: Target) => `${target.label}${target.kind === 'signed-in' ? (target.who === '' ? '' : ` (${target.who ?? 'administrateur'})`) : target.kind === 'public' ? ' (anonyme)' : ''}`;
const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function unexpectedSummary(runs: LoadResult[]): string {
  const merged: Record<string, number> = {};
  let errors = 0;
  for (const r of runs) {
    for (const [status, n] of Object.entries(r.unexpected)) merged[status] = (merged[status] ?? 0) + n;
    errors += r.errors + r.timeouts;
  }
  const parts = Object.entries(merged).map(([status, n]) => `${n}×${status}`);
  if (errors) parts.push(`${errors} erreurs/timeouts`);
  return parts.length ? parts.join(', ') : '0';
}

function report(rows: Row[], options: Options, data: Generated, coldStarts: number[], notes: string[], load: { before: number; after: number }): string {
  const ceiling = rows.find((r) => r.target.kind === 'ceiling');
  const helloRps = ceiling ? median(ceiling.runs.map((r) => r.requestsPerSecond)) : Number.NaN;
  const lines: string[] = [];
  lines.push(`# Relais — banc d’essai`);
  lines.push('');
  lines.push(
    `${new Date().toISOString()} · Node ${process.version} · ${cpus().length} cœurs (${cpus()[0]?.model.trim() ?? '?'}) · base ${options.database} · ` +
      `${options.connections} clients simultanés · ${options.duration} s par mesure · médiane de ${options.repeat} mesures`,
  );
  lines.push('');
  const busy = load.before > cpus().length * 0.5;
  lines.push(
    `Charge de la machine (load average 1 min) : ${load.before.toFixed(1)} avant le banc, ${load.after.toFixed(1)} à la fin (le banc lui-même compte pour ≈ 2)` +
      (busy ? ` — **la machine faisait autre chose pendant la mesure : chiffres pessimistes, à ne pas comparer d’une exécution à l’autre**.` : '.'),
  );
  lines.push('');
  lines.push(
    `Données : ${data.counts.organisations} organisations, ${data.counts.accounts} comptes, ${data.counts.auditEvents} événements du journal, ${data.counts.places} lieux` +
      `, ${data.counts.activities} activités (accompagnements et ateliers) — générés en ${data.seconds.toFixed(1)} s, dont ${data.activitySeconds.toFixed(1)} s pour les activités.`,
  );
  lines.push('');
  lines.push(`Démarrage à froid (\`relais serve\` sur un dossier de données vide, PGlite, migrations + données de démonstration, JOBS=false, jusqu’à /healthz) : ` +
    `médiane ${fixed(median(coldStarts) / 1000, 2)} s (${coldStarts.map((ms) => `${(ms / 1000).toFixed(2)}`).join(' ; ')} s).`);
  lines.push('');
  const header = () => {
    lines.push('| Page | req/s | × hello | p50 ms | p95 ms (min–max) | p99 ms | hors 2xx attendus | poids compressé KB (HTML + CSS + JS) | budget poids | budget p95 |');
    lines.push('|---|--:|--:|--:|--:|--:|---|---|---|---|');
  };
  header();
  const exports = rows.filter((r) => r.target.kind === 'export');
  for (const row of [...rows.filter((r) => r.target.kind !== 'export'), ...exports]) {
    if (row === exports[0]) {
      lines.push('');
      lines.push(`Exports (fichiers entiers, hors budget des pages ; ${exportConnections} clients simultanés, mesurés après les écritures) :`);
      lines.push('');
      header();
    }
    const { target, runs } = row;
    const rps = median(runs.map((r) => r.requestsPerSecond));
    const p50 = median(runs.map((r) => r.p50));
    const p95s = runs.map((r) => r.p95);
    const p95 = median(p95s);
    const p95Cell = runs.length > 1 ? `${fixed(p95)} (${fixed(Math.min(...p95s))}–${fixed(Math.max(...p95s))})` : fixed(p95);
    const p99 = median(runs.map((r) => r.p99));
    const ratio = target.kind === 'ceiling' ? '1' : fixed(rps / helloRps, 3);
    const unexpected = unexpectedSummary(runs);
    let weightCell = '—';
    let weightBudget = '—';
    if (row.weight) {
      const w = row.weight;
      weightCell = w.status === 200 ? `${kb(w.total)} (${kb(w.html)} + ${kb(w.css)} + ${kb(w.js)}) ${w.encoding}` : `HTTP ${w.status}`;
      const limit = target.kind === 'public' ? budgets.publicPageKb : budgets.pageKb;
      weightBudget = w.status === 200 ? `${w.total / 1024 <= limit ? 'PASS' : 'OVER'} ≤ ${limit}` : 'n/a';
    } else if (row.jsonBytes !== null) {
      weightCell = `${kb(row.jsonBytes)} (${target.kind === 'export' ? 'fichier' : 'JSON'})`;
    }
    let latencyBudget = '—';
    if (target.kind !== 'ceiling' && target.kind !== 'export') {
      const limit = target.budgetMs ?? (target.kind === 'write' ? budgets.writeP95Ms : budgets.pageP95Ms);
      const responses = runs.reduce((sum, r) => sum + r.responses, 0);
      const wrong = runs.reduce((sum, r) => sum + Object.values(r.unexpected).reduce((a, b) => a + b, 0), 0);
      latencyBudget = responses > 0 && wrong === responses ? 'n/a (aucune réponse attendue)' : `${p95 <= limit ? 'PASS' : 'OVER'} ≤ ${limit}`;
    }
    lines.push(`| ${labelOf(target)} | ${fixed(rps, 0)} | ${ratio} | ${fixed(p50)} | ${p95Cell} | ${fixed(p99)} | ${unexpected} | ${weightCell} | ${weightBudget} | ${latencyBudget} |`);
  }
  lines.push('');
  lines.push('Notes :');
  lines.push('');
  for (const note of notes) lines.push(`- ${note}`);
  return lines.join('\n');
}

/** A throw-away PostgreSQL cluster (scripts/postgres-cluster.sh), stopped and deleted by cleanUp(). */
let cluster: string | null = null;
function startCluster(): string {
  const parent = temporaryDir('relais-bench-pg-');
  // The server runs as the postgres user when the bench runs as root: it must reach the directory.
  chmodSync(parent, 0o755);
  const dir = join(parent, 'cluster');
  const url = execFileSync(join(root, 'scripts', 'postgres-cluster.sh'), ['start', dir], { encoding: 'utf8' }).trim().split('\n').at(-1) ?? '';
  cluster = dir;
  if (!url.startsWith('postgres://')) throw new Error(`postgres-cluster.sh did not print a URL: ${url}`);
  return url;
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options.database === 'postgres' && !options.databaseUrl) {
    log('PostgreSQL : pas de DATABASE_URL, démarrage d’un cluster jetable (scripts/postgres-cluster.sh)…');
    options.databaseUrl = startCluster();
  }
  const notes: string[] = [
    'Latences mesurées côté client (autocannon dans le processus du banc, serveurs dans des processus à part, tous sur la même machine : le générateur de charge prend sa part des cœurs).',
    '« × hello » : req/s de la page divisées par celles d’un Hono « hello » nu mesuré dans la même exécution (le plafond de la pile HTTP sur cette machine).',
    'Les pages sont chargées avec `Accept-Encoding: gzip, br` : la compression fait partie du temps mesuré. KB = 1024 octets.',
    'Écritures : chaque requête crée une organisation au nom unique (une ligne + un événement du journal) ; elles sont mesurées après toutes les lectures.',
    'Lieux : les pages publiques gardent en mémoire, par version des lieux (prévenue par NOTIFY sur PGlite, relue à chaque requête sur PostgreSQL), les résultats de chaque recherche, les cartes, les fichiers de données ouvertes et, pour un visiteur sans cookie, la page entière de la minute (docs/decisions/0005). « /lieux, N recherches variées » fait passer chaque client par toutes ces adresses à tour de rôle ; la première requête d’une recherche après un changement (son SQL) se mesure avec `node --import tsx bench/profile.ts` (premier passage) et `bench/explain.ts`.',
    `Lieux : « ouvert maintenant » dépend de l’heure de Nouméa au moment de la mesure (${new Date().toLocaleString('fr-FR', { timeZone: 'Pacific/Noumea', weekday: 'long', hour: '2-digit', minute: '2-digit' })}) : la nuit ou le dimanche, la liste est vide.`,
    'Budgets : ARCHITECTURE.md (page ≤ 50 KB compressée, pages publiques ≤ 30 KB ; p95 ≤ 50 ms pour les pages, ≤ 100 ms pour les écritures, à 50 clients, base embarquée ; tableaux de bord /statistiques ≤ 300 ms).',
    'Sessions : sur PGlite, une session déjà lue reste en mémoire jusqu’à un changement annoncé par la base (NOTIFY relais_sessions, docs/decisions/0006) ; sur PostgreSQL elle est lue à chaque requête.',
    'Statistiques : sur PGlite, un rapport calculé reste en mémoire jusqu’à un changement annoncé par la base (NOTIFY activity_stats : fiches, participants, catalogue, équipes) ; les mesures répètent la même page, donc le lisent en mémoire. Le premier affichage après un changement le recalcule : il est mesuré à part (ligne « premier affichage »). Sur PostgreSQL, un rapport gardé ne sert que si aucune transaction notée dans activity_stat_commits n’est invisible à l’instantané pris avant son calcul (une petite requête par affichage ; migration 0035).',
    'Activités : `POST /activites/nouvelle` (formulaire, session de l’aidant de démonstration) et `POST /api/v1/activites` (jeton `activites:ecrire`) enregistrent chacun un accompagnement par requête.',
  ];

  const loadBefore = loadavg()[0] ?? 0;
  if (loadBefore > cpus().length * 0.5) log(`Attention : load average ${loadBefore.toFixed(1)} sur ${cpus().length} cœurs, la machine est occupée ; les chiffres en souffriront.`);
  log(`Démarrage à froid : ${options.coldStarts} mesures…`);
  const coldStarts: number[] = [];
  for (let i = 0; i < options.coldStarts; i++) coldStarts.push(await coldStart());

  const dataDir = temporaryDir('relais-bench-data-');
  log(`Génération des données (${options.size} organisations, ${options.size} comptes, ${options.size * 10} événements du journal, ${options.places} lieux, ${options.activities} activités)…`);
  const data = await generateData({ dataDir, databaseUrl: options.databaseUrl, size: options.size, places: options.places, activities: options.activities });
  log(`  ${JSON.stringify(data.counts)} en ${data.seconds.toFixed(1)} s`);
  // The statistics pages (helper B's bench/statistics.ts): a team of busy helpers, added before the server opens the data.
  const statistics = await prepareStatisticsBench({ dataDir, databaseUrl: options.databaseUrl });

  const [port, helloPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const helloBase = `http://127.0.0.1:${helloPort}`;
  const servers: Child[] = [startRelais(relaisEnv(port, dataDir, options.databaseUrl)), startHello(helloPort)];
  const [relais, hello] = servers;
  if (!relais || !hello) throw new Error('servers not started');
  await Promise.all([waitForOk(`${base}/healthz`, relais), waitForOk(`${helloBase}/`, hello)]);

  const cookies: Cookies = { admin: await signIn(base, data.adminId), helper: await signIn(base, data.helper.id) };
  const statisticsPages: Target[] = (await statisticsTargets(base, statistics)).map((t) => ({ ...t, who: '', budgetMs: t.kind === 'export' ? undefined : statisticsBudgetP95Ms }));
  const all = [...targets(base, helloBase, cookies, data), ...statisticsPages].filter((t) => !options.only || t.kind === 'ceiling' || options.only.split(',').some((part) => labelOf(t).includes(part)));

  log('Poids des pages…');
  const rows: Row[] = [];
  const uncompressed = new Set<string>();
  for (const target of all) {
    let weight: PageWeight | null = null;
    let jsonBytes: number | null = null;
    if (target.kind === 'public' || target.kind === 'signed-in') {
      weight = await pageWeight(base, target.path, target.headers ?? {});
      for (const path of weight.notCompressedByApp) uncompressed.add(path);
    } else if (target.kind === 'api' || target.kind === 'export') {
      jsonBytes = (await transfer(target.url, target.headers)).compressedBytes;
    }
    rows.push({ target, runs: [], weight, jsonBytes });
  }
  const brotli = rows.flatMap((r) => (r.weight?.status === 200 ? [`${labelOf(r.target)} ${kb(r.weight.brotliTotal)}`] : []));
  notes.push(
    uncompressed.size
      ? `L’application n’a pas compressé : ${[...uncompressed].join(', ')} (compté avec notre propre gzip).`
      : `L’application compresse en ${rows.find((r) => r.weight)?.weight?.encoding ?? '?'} (hono/compress : gzip ou deflate, pas de brotli) le HTML, la CSS et le JS ; c’est ce qui est compté.`,
  );
  notes.push(`Pour comparaison, en brotli (que l’application n’envoie pas), poids total KB : ${brotli.join(' ; ')}.`);

  const reads = rows.filter((r) => r.target.kind !== 'write' && r.target.kind !== 'export');
  const writes = rows.filter((r) => r.target.kind === 'write');
  const exports = rows.filter((r) => r.target.kind === 'export');
  // Requests still queued in the server when a measure ends would be counted against the next page: wait until
  // Relais answers /healthz quickly again before each measure.
  const settle = () => settled(`${base}/healthz`);
  log('Échauffement…');
  for (const row of reads) {
    await runLoad(row.target, { connections: Math.min(10, options.connections), duration: 1 });
    await settle();
  }

  for (let round = 1; round <= options.repeat; round++) {
    for (const row of reads) {
      log(`Mesure ${round}/${options.repeat} : ${labelOf(row.target)}`);
      await settle();
      row.runs.push(await runLoad(row.target, { connections: options.connections, duration: options.duration }));
    }
  }
  // The statistics pages above are read from memory (the same page again and again): here, the first view after a
  // change, the cost a coordinator pays after each new record. One client, one record then one view, five times;
  // before the writes below, which leave thousands of deltas that the fold job (off here) would fold every minute.
  const coldStatistics: string[] = [];
  for (const row of reads.filter((r) => r.target.budgetMs === statisticsBudgetP95Ms)) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await fetch(`${base}/api/v1/activites`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${data.apiToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ structure_id: data.helper.organisationId, aidant_id: data.helper.id, date: localDay(new Date()), duree_minutes: 30, themes: ['email'] }),
      });
      const started = performance.now();
      await (await fetch(row.target.url, { headers: row.target.headers })).arrayBuffer();
      times.push(performance.now() - started);
    }
    coldStatistics.push(`${labelOf(row.target)} médiane ${fixed(median(times), 0)} ms (max ${fixed(Math.max(...times), 0)})`);
  }
  if (coldStatistics.length) notes.push(`Statistiques, premier affichage après un nouvel enregistrement (1 client, 5 fois) : ${coldStatistics.join(' ; ')}.`);
  for (let round = 1; round <= options.repeat; round++) {
    for (const row of writes) {
      log(`Mesure ${round}/${options.repeat} : ${row.target.label}`);
      await settle();
      row.runs.push(await runLoad(row.target, { connections: options.connections, duration: options.duration }));
    }
  }
  // Exports last, with fewer clients: whole files, not pages.
  for (let round = 1; round <= options.repeat; round++) {
    for (const row of exports) {
      log(`Mesure ${round}/${options.repeat} : ${row.target.label} (${exportConnections} clients)`);
      await settle();
      row.runs.push(await runLoad(row.target, { connections: exportConnections, duration: options.duration }));
    }
  }
  const healthy = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
  if (!healthy) notes.push('Relais ne répondait plus à /healthz à la fin des mesures.');

  await stopAllChildren();
  const markdown = report(rows, options, data, coldStarts, notes, { before: loadBefore, after: loadavg()[0] ?? 0 });
  console.log(markdown);
  const resultsDir = join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = options.database === 'postgres' ? 'latest-postgres.md' : 'latest.md';
  writeFileSync(join(resultsDir, file), `${markdown}\n`);
  log(`\nÉcrit dans bench/results/${file}`);
}

const exportConnections = 5;

/** Waits (30 s at most) until `url` answers in under 50 ms, three times in a row. */
async function settled(url: string): Promise<void> {
  const until = performance.now() + 30_000;
  let fast = 0;
  while (fast < 3 && performance.now() < until) {
    const started = performance.now();
    const ok = await fetch(url, { signal: AbortSignal.timeout(30_000) }).then((r) => r.ok, () => false);
    fast = ok && performance.now() - started < 50 ? fast + 1 : 0;
    if (fast < 3) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function cleanUp(): void {
  if (cluster) {
    try {
      execFileSync(join(root, 'scripts', 'postgres-cluster.sh'), ['stop', cluster], { stdio: 'ignore' });
    } catch {
      // already stopped
    }
    cluster = null;
  }
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`\n${signal} : arrêt des serveurs…`);
    void stopAllChildren().finally(() => {
      cleanUp();
      process.exit(130);
    });
  });
}

main().then(
  () => {
    cleanUp();
    process.exit(0);
  },
  async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await stopAllChildren();
    cleanUp();
    process.exit(1);
  },
);
