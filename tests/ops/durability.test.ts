import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inArray } from 'drizzle-orm';
import { seedDemo } from '../../src/cli/seed.ts';
import { prepareDatabase } from '../../src/server.ts';
import { loadSession, startSession, userByEmail } from '../../src/modules/accounts/index.ts';
import { createApiToken } from '../../src/modules/api-tokens/index.ts';
import { organisations } from '../../src/modules/organisations/organisations.schema.ts';
import { databaseTarget, ensureStopped, startRelais, type RunningRelais } from './support.ts';

/** Opens the target's database in this process (the server must be stopped: PGlite has one owner at a time). */
function openTarget(env: Record<string, string>) {
  return prepareDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR ?? 'memory://' });
}

/** Demonstration data and an API token allowed to create organisations, made before the server starts. */
async function prepareWithToken(env: Record<string, string>): Promise<string> {
  const database = await openTarget(env);
  try {
    await seedDemo(database.db);
    const admin = await userByEmail(database.db, 'administrateur@demo.relais.nc');
    assert.ok(admin);
    const session = await startSession(database.db, admin.id, { ip: null, userAgent: 'test' }, { secondFactorDone: true });
    const actor = (await loadSession(database.db, session.token))?.actor;
    assert.ok(actor);
    const created = await database.db.transaction((tx) => createApiToken(tx, actor, { name: 'Test de durabilité', scopes: ['organisations:write'], expiresAt: null }));
    assert.ok(created.ok);
    return created.value.token;
  } finally {
    await database.close();
  }
}

describe('durability of acknowledged writes', () => {
  it('keeps every organisation the API acknowledged when the server is killed (SIGKILL) in the middle of a stream of writes', async () => {
    const target = await databaseTarget({ migrated: true });
    const env = { ...target.env, DEMO: 'true', JOBS: 'false', LOG_LEVEL: 'warn' };
    let relais: RunningRelais | undefined;
    try {
      const token = await prepareWithToken(env);
      relais = await startRelais(env);
      const url = relais.url;

      const acknowledged: string[] = [];
      let attempted = 0;
      let killed = false;
      // Four clients write at once, so that the kill lands while several transactions are in flight.
      const client = async (lane: number) => {
        for (let i = 0; !killed; i++) {
          const name = `Durabilité ${lane}-${i}`;
          attempted++;
          try {
            const response = await fetch(`${url}/api/v1/organisations`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ nom: name, type: 'association', code_commune: '98811' }),
            });
            if (response.status === 201) acknowledged.push(name);
            else if (!killed) assert.fail(`unexpected answer ${response.status}: ${await response.text()}`);
          } catch {
            // The connection died with the server: this write was not acknowledged.
          }
        }
      };
      const running = relais;
      const killer = (async () => {
        while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 5));
        running.child.kill('SIGKILL');
        killed = true;
      })();
      await Promise.all([killer, client(1), client(2), client(3), client(4)]);
      assert.equal(await running.exited, 'SIGKILL');
      assert.ok(acknowledged.length >= 40, `only ${acknowledged.length} writes acknowledged`);

      // The same data directory (or database) starts again after the crash…
      relais = await startRelais(env);
      relais.child.kill('SIGTERM');
      assert.equal(await relais.exited, 0);

      // …and holds every acknowledged organisation.
      const database = await openTarget(env);
      try {
        const found = await database.db.select({ name: organisations.name }).from(organisations).where(inArray(organisations.name, acknowledged));
        const missing = acknowledged.filter((name) => !found.some((f) => f.name === name));
        assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged writes lost (${attempted} attempted)`);
      } finally {
        await database.close();
      }
    } finally {
      await ensureStopped(relais);
      await target.cleanup();
    }
  });
});
