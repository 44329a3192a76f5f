import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { PGlite } from '@electric-sql/pglite';
import { createApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { openDatabase, pgliteExtensions, type Database } from '../../src/db/client.ts';
import { buildServices } from '../../src/server.ts';
import { syncCommunes } from '../../src/territory/territory.commands.ts';
import { seedDemo } from '../../src/cli/seed.ts';
import { startSession } from '../../src/modules/accounts/index.ts';
import { userByEmail } from '../../src/modules/accounts/index.ts';
import type { Services } from '../../src/platform/http/env.ts';

export const testOrigin = 'http://localhost:3000';

let template: Promise<File | Blob> | undefined;

/** A migrated, empty PGlite data directory made once per test process; each test database starts from a copy. */
function migratedTemplate(): Promise<File | Blob> {
  template ??= (async () => {
    const pglite = await PGlite.create({ extensions: pgliteExtensions });
    const database = await openDatabase({ pglite });
    await database.migrate();
    await syncCommunes(database.db);
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    return dump;
  })();
  return template;
}

/**
 * A fresh, migrated database: an in-memory PGlite, or — when TEST_DATABASE_URL is set (CI's second run) — a new
 * database on that PostgreSQL server, dropped at the end.
 */
export async function testDatabase(): Promise<{ database: Database; url: string | undefined; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ pglite: await PGlite.create({ loadDataDir: await migratedTemplate(), extensions: pgliteExtensions }) });
    return { database, url: undefined, drop: () => database.close() };
  }
  const name = `relais_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await database.migrate();
  await syncCommunes(database.db);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const again = new pg.Client({ connectionString: serverUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

export type TestApp = {
  app: ReturnType<typeof createApp>;
  services: Services;
  database: Database;
  config: Config;
  /** A request as a browser on Relais would send it (same Origin), with an optional session cookie. */
  request: (path: string, init?: RequestInit & { cookie?: string | undefined; form?: Record<string, string | string[]> }) => Promise<Response>;
  /** A session cookie for an existing account, second factor done. */
  cookieFor: (email: string) => Promise<string>;
  close: () => Promise<void>;
};

/**
 * The whole application on a fresh database, called in-process (no port). `seed: true` adds the demonstration
 * data (organisations and one account per role).
 * @example const t = await testApp({ seed: true }); const res = await t.request('/compte', { cookie: await t.cookieFor('aidant@demo.relais.nc') })
 */
export async function testApp(options: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const { database, drop } = await testDatabase();
  const config = loadConfig({ DEMO: 'true', BASE_URL: testOrigin, LOG_LEVEL: 'silent', JOBS: 'false', ...options.env });
  if (options.seed) await seedDemo(database.db);
  const services = buildServices(config, database, pino({ level: 'silent' }), null);
  const app = createApp(services);
  return {
    app,
    services,
    database,
    config,
    async request(path, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('origin')) headers.set('origin', testOrigin);
      if (init.cookie) headers.set('cookie', init.cookie);
      let body = init.body;
      if (init.form) {
        const params = new URLSearchParams();
        for (const [k, v] of Object.entries(init.form)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
        body = params.toString();
        headers.set('content-type', 'application/x-www-form-urlencoded');
      }
      return app.request(new URL(path, testOrigin).toString(), { ...init, headers, body, method: init.method ?? (init.form ? 'POST' : 'GET') });
    },
    async cookieFor(email) {
      const user = await userByEmail(database.db, email);
      if (!user) throw new Error(`no account for ${email}`);
      const session = await startSession(database.db, user.id, { ip: null, userAgent: 'test' }, { secondFactorDone: true });
      return `relais_session=${session.token}`;
    },
    close: drop,
  };
}

/** The cookies a response sets, as a Cookie header value to send back. */
export function cookiesFrom(response: Response, previous = ''): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map((c) => [c.split('=')[0] ?? '', c]));
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(';')[0] ?? '';
    const name = pair.split('=')[0] ?? '';
    if (/max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join('; ');
}
