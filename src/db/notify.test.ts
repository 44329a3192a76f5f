import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase } from '../../tests/support/test-app.ts';
import type { Database } from './client.ts';
import { keptUntilChange } from './notify.ts';

describe('keptUntilChange', () => {
  let database: Database;
  let drop: () => Promise<void>;
  before(async () => {
    ({ database, drop } = await testDatabase());
  });
  after(() => drop());

  it('keeps one map per use of a channel until the channel is notified (PGlite; nothing on PostgreSQL)', async () => {
    const sessions = await keptUntilChange<string>(database.db, 'relais_test', 'sessions');
    const roles = await keptUntilChange<boolean>(database.db, 'relais_test', 'roles');
    if (database.kind === 'postgres') {
      assert.equal(sessions, null);
      return;
    }
    assert.ok(sessions && roles);
    sessions.set('k', 'a session');
    assert.equal(roles.get('k'), undefined, 'two uses of one channel do not share entries');
    assert.equal((await keptUntilChange<string>(database.db, 'relais_test', 'sessions'))?.get('k'), 'a session');
    await database.executeSql("select pg_notify('relais_test', '')");
    assert.equal((await keptUntilChange<string>(database.db, 'relais_test', 'sessions'))?.get('k'), undefined, 'emptied by the notification');
  });
});
