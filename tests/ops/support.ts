import { derivedTables } from '../../src/cli/backup.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { migrationsFolder, type Database } from '../../src/db/client.ts';
import { prepareDatabase } from '../../src/server.ts';
import { freshDatabaseUrl, postgresUrl } from '../support/postgres.ts';

/** The repository's root: where `bin/relais.mjs` lives. */
export const root = resolve(import.meta.dirname, '../..');
const relaisBin = join(root, 'bin/relais.mjs');

/** Variables that would point a child at the wrong database or port if inherited from the test runner. */
const relaisVariables = ['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'DEMO', 'BASE_URL', 'SMTP_URL', 'SMS_GATEWAY_URL', 'SMS_GATEWAY_TOKEN', 'JOBS', 'TEST_DATABASE_URL'];

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !relaisVariables.includes(name)));
  return { ...inherited, LOG_LEVEL: 'warn', ...env };
}

/** A directory of its own for one test, removed by the returned function. */
export function tempDir(prefix = 'relais-ops-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * A migrated PGlite data directory, shared by every test process through the system's temporary folder and
 * rebuilt when the migrations or PGlite change. Creating a PGlite cluster (its initdb, in WebAssembly) costs
 * seconds; copying a closed one costs milliseconds.
 */
let template: Promise<string> | undefined;
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const hash = createHash('sha256');
    hash.update(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json')));
    for (const file of readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort()) {
      const path = join(migrationsFolder, file);
      if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(path));
    }
    const path = join(tmpdir(), `relais-pglite-template-${hash.digest('hex').slice(0, 16)}`);
    if (existsSync(join(path, 'PG_VERSION'))) return path;
    // Built aside and renamed: a test process that finds the folder finds it complete.
    const building = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
    const database = await prepareDatabase({ dataDir: building, databaseUrl: undefined });
    await database.close();
    writeFileSync(join(building, 'relais-template'), 'migrated PGlite data directory for tests\n');
    try {
      renameSync(building, path);
    } catch {
      // Another test process made it first.
      rmSync(building, { recursive: true, force: true });
    }
    return path;
  })();
  return template;
}

/**
 * Where a spawned Relais keeps its data for one test: a PGlite directory, or — when TEST_DATABASE_URL is set — a
 * new database on that server. `migrated: true` starts from a migrated database (a copy of a template on PGlite),
 * which is what a second start sees; without it, the database is what a first install sees. `env` is what to give
 * the process; `cleanup` removes it all.
 */
export async function databaseTarget(options: { migrated?: boolean } = {}): Promise<{ kind: 'pglite' | 'postgres'; env: Record<string, string>; cleanup: () => Promise<void> }> {
  const dir = tempDir();
  const dataDir = join(dir.path, 'data');
  if (!postgresUrl()) {
    if (options.migrated) cpSync(await pgliteTemplate(), dataDir, { recursive: true });
    return { kind: 'pglite', env: { DATA_DIR: dataDir }, cleanup: async () => dir.remove() };
  }
  const fresh = await freshDatabaseUrl();
  if (options.migrated) await (await prepareDatabase({ databaseUrl: fresh.url, dataDir })).close();
  return {
    kind: 'postgres',
    env: { DATA_DIR: dataDir, DATABASE_URL: fresh.url },
    cleanup: async () => {
      await fresh.drop();
      dir.remove();
    },
  };
}

/** Runs `relais …` to completion and returns its exit code and output. */
export function runRelais(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [relaisBin, ...args], { cwd: root, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`relais ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** A port nobody listens on right now, on 127.0.0.1 (the kernel picks it; we release it for the child). */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}

export type RunningRelais = {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote so far. */
  output: () => { stdout: string; stderr: string };
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
};

/**
 * Starts `relais serve` on 127.0.0.1 and a free port, and resolves once `/healthz` answers 200.
 * @example const relais = await startRelais({ DATA_DIR: dir, DEMO: 'true' }); … relais.child.kill('SIGTERM'); await relais.exited;
 */
export async function startRelais(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningRelais> {
  const port = await freePort();
  const child = spawn(process.execPath, [relaisBin, 'serve'], {
    cwd: root,
    env: childEnv({ HOST: '127.0.0.1', PORT: String(port), BASE_URL: `http://127.0.0.1:${port}`, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | string>((resolvePromise) => child.on('exit', (code, signal) => resolvePromise(code ?? signal ?? 'unknown')));
  let ended: number | string | undefined;
  void exited.then((how) => (ended = how));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (ended !== undefined) throw new Error(`relais serve ended (${ended}) before it was ready\n${stdout}\n${stderr}`);
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`relais serve did not answer /healthz within ${timeoutMs} ms\n${stdout}\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, output: () => ({ stdout, stderr }), exited };
}

/** Stops a server started by startRelais if it still runs (after a failed assertion, say). */
export async function ensureStopped(relais: RunningRelais | undefined): Promise<void> {
  if (!relais || relais.child.exitCode !== null || relais.child.signalCode !== null) return;
  relais.child.kill('SIGKILL');
  await relais.exited;
}

/**
 * Every table of the application's schema with its rows as JSON, ordered by primary key: two databases with the
 * same snapshot hold the same data.
 */
export async function tableSnapshot(database: Database): Promise<Record<string, unknown[]>> {
  const { rows: tables } = await database.executeSql(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const snapshot: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const table = String(name);
    // Derived tables are rewritten by triggers, not backed up: their content is not data to compare.
    if (derivedTables.has(table)) continue;
    const { rows: keys } = await database.executeSql(
      `select a.attname as column from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = $1::regclass and i.indisprimary order by a.attnum`,
      [`public."${table}"`],
    );
    if (keys.length === 0) throw new Error(`table ${table} has no primary key: rows cannot be compared in a stable order`);
    // Ordered as text in the C collation, so that PGlite and a server with another locale agree.
    const orderBy = keys.map(({ column }) => `"${String(column)}"::text collate "C"`).join(', ');
    const { rows } = await database.executeSql(`select coalesce(json_agg(t order by ${orderBy}), '[]'::json)::text as rows from public."${table}" t`);
    snapshot[table] = JSON.parse(String(rows[0]?.rows ?? '[]'));
  }
  return snapshot;
}
