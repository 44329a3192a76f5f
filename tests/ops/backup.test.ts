import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BackupError, backupTo, restoreFrom } from '../../src/cli/backup.ts';
import { seedDemo } from '../../src/cli/seed.ts';
import type { Database } from '../../src/db/client.ts';
import { prepareDatabase } from '../../src/server.ts';
import { loadSession, startSession, userByEmail } from '../../src/modules/accounts/index.ts';
import { createApiToken } from '../../src/modules/api-tokens/index.ts';
import { recordAudit } from '../../src/modules/audit/index.ts';
import { queueMessage } from '../../src/modules/outbox/index.ts';
import { createOrganisation } from '../../src/modules/organisations/index.ts';
import { testDatabase } from '../support/test-app.ts';
import { freshDatabaseUrl, postgresUrl } from '../support/postgres.ts';
import { databaseTarget, runRelais, tableSnapshot, tempDir } from './support.ts';

/** Demonstration data plus rows of every kind the seed does not make: sessions, tokens, audit, outbox. */
async function fillWithData(database: Database): Promise<void> {
  await seedDemo(database.db);
  const admin = await userByEmail(database.db, 'administrateur@demo.relais.nc');
  assert.ok(admin, 'the demo administrator exists');
  const session = await startSession(database.db, admin.id, { ip: '203.0.113.7', userAgent: 'Firefox' }, { secondFactorDone: true });
  const actor = (await loadSession(database.db, session.token))?.actor;
  assert.ok(actor, 'the session loads');
  await database.db.transaction(async (tx) => {
    const token = await createApiToken(tx, actor, { name: 'Tableau CAFAT', scopes: ['organisations:read'], expiresAt: new Date('2031-05-04T03:02:01.123Z') });
    assert.ok(token.ok);
    await recordAudit(tx, actor, {
      action: 'test.detail',
      subjectType: 'organisation',
      summary: 'Une ligne avec des caractères difficiles : l’apostrophe, "guillemets", \\ et\nretour à la ligne — ŋ ë ü',
      details: { nested: { list: [1, 2.5, null, true], empty: {} }, quote: "O'Brien" },
      requestId: 'req-123',
    });
    await queueMessage(tx, { channel: 'email', recipient: 'a@exemple.nc', subject: 'Invitation', text: 'Bienvenue', html: '<p>Bienvenue</p>', purpose: 'invitation', dedupeKey: 'inv-a' });
    await queueMessage(tx, { channel: 'sms', recipient: '+687 75 12 34', text: 'Rendez-vous demain', purpose: 'reminder' });
  });
}

describe('logical backup and restore', () => {
  const dir = tempDir();
  let source: { database: Database; drop: () => Promise<void> };
  let sourceSnapshot: Record<string, unknown[]>;
  const file = join(dir.path, 'sauvegarde.json.gz');

  before(async () => {
    source = await testDatabase();
    await fillWithData(source.database);
    sourceSnapshot = await tableSnapshot(source.database);
  });
  after(async () => {
    await source.drop();
    dir.remove();
  });

  it('restores into a fresh database exactly the rows of every table that was backed up', async () => {
    const written = await backupTo(source.database, file);
    const target = await testDatabase();
    try {
      // Something already there is replaced, not merged.
      const stray = await target.database.db.transaction((tx) => createOrganisation(tx, null, { name: 'À effacer', kind: 'association', communeCode: '98818', ridet: null }));
      assert.ok(stray.ok);
      const restored = await restoreFrom(target.database, file);
      assert.deepEqual(restored, written);
      const snapshot = await tableSnapshot(target.database);
      assert.deepEqual(Object.keys(snapshot), Object.keys(sourceSnapshot));
      for (const table of Object.keys(sourceSnapshot)) assert.deepEqual(snapshot[table], sourceSnapshot[table], `table ${table}`);
      for (const table of ['organisations', 'users', 'memberships', 'sessions', 'api_tokens', 'audit_events', 'outbox_messages', 'communes']) {
        assert.ok((sourceSnapshot[table]?.length ?? 0) > 0, `the test data fills ${table}`);
      }
    } finally {
      await target.drop();
    }
  });

  const corruptions: { label: string; bytes: () => Buffer; says: RegExp }[] = [
    { label: 'a file that is not gzip', bytes: () => Buffer.from('ceci n’est pas une sauvegarde'), says: /n’est pas une sauvegarde Relais lisible/ },
    { label: 'a truncated file', bytes: () => readFileSync(file).subarray(0, 200), says: /n’est pas une sauvegarde Relais lisible/ },
    { label: 'gzipped text that is not JSON', bytes: () => gzipSync('{"format": "relais-backup/1", "tables": ['), says: /JSON invalide/ },
    { label: 'JSON of another program', bytes: () => gzipSync(JSON.stringify({ format: 'autre/2', tables: [] })), says: /n’est pas une sauvegarde Relais/ },
    {
      label: 'a backup with a row the schema refuses',
      bytes: () => {
        const backup = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
        const organisations = backup.tables.find((t: { name: string }) => t.name === 'organisations');
        organisations.rows[0].kind = 'espèce-inconnue';
        return gzipSync(JSON.stringify(backup));
      },
      says: /La restauration a échoué sur la table « organisations » : la base n’a pas été modifiée/,
    },
    {
      label: 'a backup with a table this version does not have',
      bytes: () => {
        const backup = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
        backup.tables.push({ name: 'table_du_futur', rows: [] });
        return gzipSync(JSON.stringify(backup));
      },
      says: /tables que cette base n’a pas \(table_du_futur\)/,
    },
  ];
  for (const { label, bytes, says } of corruptions) {
    it(`refuses ${label} with a French message and leaves the database as it was`, async () => {
      if (!(await fileExists(file))) await backupTo(source.database, file);
      const corrupt = join(dir.path, `abime-${label.replace(/\W+/g, '-')}.json.gz`);
      writeFileSync(corrupt, bytes());
      await assert.rejects(restoreFrom(source.database, corrupt), (error: unknown) => {
        assert.ok(error instanceof BackupError, String(error));
        assert.match(error.message, says);
        assert.match(error.message, /La base n’a pas été modifiée|la base n’a pas été modifiée/);
        return true;
      });
      assert.deepEqual(await tableSnapshot(source.database), sourceSnapshot);
    });
  }

  it('says so in French when the file does not exist', async () => {
    await assert.rejects(restoreFrom(source.database, join(dir.path, 'absent.json.gz')), /Le fichier « .*absent\.json\.gz » n’existe pas/);
  });

  it('moves a Relais from PGlite to a PostgreSQL server and back', { skip: postgresUrl() ? false : 'TEST_DATABASE_URL is not set' }, async () => {
    const pglite = await prepareDatabase({ dataDir: 'memory://', databaseUrl: undefined });
    const back = await prepareDatabase({ dataDir: 'memory://', databaseUrl: undefined });
    const server = await freshDatabaseUrl();
    const postgres = await prepareDatabase({ databaseUrl: server.url, dataDir: 'memory://' });
    try {
      assert.equal(pglite.kind, 'pglite');
      assert.equal(postgres.kind, 'postgres');
      await fillWithData(pglite);
      const expected = await tableSnapshot(pglite);
      await backupTo(pglite, join(dir.path, 'pglite.json.gz'));
      await restoreFrom(postgres, join(dir.path, 'pglite.json.gz'));
      assert.deepEqual(await tableSnapshot(postgres), expected);
      await backupTo(postgres, join(dir.path, 'postgres.json.gz'));
      await restoreFrom(back, join(dir.path, 'postgres.json.gz'));
      assert.deepEqual(await tableSnapshot(back), expected);
    } finally {
      await pglite.close();
      await postgres.close();
      await back.close();
      await server.drop();
    }
  });

  it('round-trips through `relais backup FILE` and `relais restore FILE`, and a damaged file changes nothing', async () => {
    const from = await databaseTarget({ migrated: true });
    const to = await databaseTarget({ migrated: true });
    const cliFile = join(dir.path, 'cli.json.gz');
    try {
      assert.equal((await runRelais(['seed', '--demo'], from.env)).code, 0);
      const backup = await runRelais(['backup', cliFile], from.env);
      assert.equal(backup.code, 0, backup.stderr);
      assert.match(backup.stdout, /Sauvegarde terminée : \d+ tables, \d+ lignes\./);
      const restore = await runRelais(['restore', cliFile], to.env);
      assert.equal(restore.code, 0, restore.stderr);
      assert.equal(restore.stdout.replace('Restauration', 'Sauvegarde'), backup.stdout);

      const damaged = join(dir.path, 'cli-abime.json.gz');
      writeFileSync(damaged, readFileSync(cliFile).subarray(0, 100));
      const refused = await runRelais(['restore', damaged], to.env);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /n’est pas une sauvegarde Relais lisible/);

      const [a, b] = [await openTarget(from.env), await openTarget(to.env)];
      try {
        const expected = await tableSnapshot(a);
        assert.ok((expected.organisations?.length ?? 0) > 0);
        assert.deepEqual(await tableSnapshot(b), expected);
      } finally {
        await a.close();
        await b.close();
      }
    } finally {
      await from.cleanup();
      await to.cleanup();
    }
  });
});

function openTarget(env: Record<string, string>): Promise<Database> {
  return prepareDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR ?? 'memory://' });
}

async function fileExists(path: string): Promise<boolean> {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}
