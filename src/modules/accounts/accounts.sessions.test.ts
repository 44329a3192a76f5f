import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, isNull } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { memberships } from '../organisations/organisations.schema.ts';
import { users } from './accounts.schema.ts';
import { loadSession } from './accounts.sessions.ts';

/**
 * Sessions are kept in memory on PGlite (accounts.sessions.ts): whatever ends or changes a session must still take
 * effect on the very next request of the same process.
 */
describe('sessions kept in memory', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ seed: true });
  });
  after(() => t.close());

  const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

  async function status(cookie: string): Promise<number> {
    return (await t.request('/compte', { cookie })).status;
  }

  it('signing out ends the session at once, even for a client that keeps the cookie', async () => {
    const cookie = await t.cookieFor('aidant@demo.relais.nc');
    assert.equal(await status(cookie), 200);
    assert.equal(await status(cookie), 200);
    const out = await t.request('/deconnexion', { cookie, form: {} });
    assert.equal(out.status, 303);
    assert.equal(await status(cookie), 303);
    assert.equal(await loadSession(t.database.db, tokenOf(cookie)), null);
  });

  it('a session revoked from another device stops at once', async () => {
    const here = await t.cookieFor('aidant@demo.relais.nc');
    const there = await t.cookieFor('aidant@demo.relais.nc');
    assert.equal(await status(there), 200);
    const found = await loadSession(t.database.db, tokenOf(there));
    assert.ok(found);
    const revoked = await t.request(`/compte/sessions/${found.session.id}/revoquer`, { cookie: here, form: {} });
    assert.equal(revoked.status, 303);
    assert.equal(await status(there), 303);
    assert.equal(await status(here), 200);
  });

  it('a disabled account and an ended membership take effect on the next request', async () => {
    const cookie = await t.cookieFor('responsable-lieu@demo.relais.nc');
    const token = tokenOf(cookie);
    const before = await loadSession(t.database.db, token);
    assert.ok(before?.actor?.kind === 'person');
    const count = before.actor.memberships.length;
    assert.ok(count > 0);
    await t.database.db
      .update(memberships)
      .set({ endedAt: new Date() })
      .where(and(eq(memberships.userId, before.actor.userId), isNull(memberships.endedAt)));
    const after = await loadSession(t.database.db, token);
    assert.equal(after?.actor?.kind === 'person' ? after.actor.memberships.length : -1, 0);
    await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, before.actor.userId));
    assert.equal(await loadSession(t.database.db, token), null);
    assert.equal(await status(cookie), 303);
  });

  it('reads a known session without asking the database', async () => {
    const client = t.database.pglite;
    if (!client) return; // PostgreSQL (CI's second pass): sessions are read on every request by design.
    const token = tokenOf(await t.cookieFor('coordinateur@demo.relais.nc'));
    assert.ok(await loadSession(t.database.db, token));
    let statements = 0;
    const query = client.query.bind(client);
    client.query = (...args: Parameters<typeof query>) => {
      statements += 1;
      return query(...args);
    };
    try {
      assert.ok(await loadSession(t.database.db, token));
      assert.ok(await loadSession(t.database.db, token));
      assert.equal(statements, 0);
    } finally {
      client.query = query;
    }
  });
});
