import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server the tests may use: `TEST_DATABASE_URL` (set by `.ci/run` for its second run, or by hand:
 * `TEST_DATABASE_URL=$(scripts/postgres-cluster.sh start /tmp/pg) npm test`), or undefined on PGlite-only runs.
 * @example const url = postgresUrl(); it('…', { skip: url ? false : 'no PostgreSQL server' }, …)
 */
export function postgresUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url ? url : undefined;
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A new, empty database on the test server (no migrations: what a fresh install sees), and `drop()` to remove it
 * — connections still open on it are cut. Throws when no server is configured.
 * @example const fresh = await freshDatabaseUrl(); try { … fresh.url … } finally { await fresh.drop(); }
 */
export async function freshDatabaseUrl(serverUrl = postgresUrl()): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: no PostgreSQL server to create a database on');
  const name = `relais_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => onServer(serverUrl, `drop database if exists ${name} with (force)`),
  };
}
