import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { can, routeAccessOf, type Actor, type RouteAccess } from '../src/platform/authz/index.ts';
import { loadSession } from '../src/modules/accounts/index.ts';
import { createAccount } from '../src/modules/accounts/index.ts';
import { createApiToken } from '../src/modules/api-tokens/index.ts';
import { createOrganisation } from '../src/modules/organisations/index.ts';
import { demoAccounts, demoPassword } from './support/demo.ts';
import { testApp, type TestApp } from './support/test-app.ts';
import { communeByName } from '../src/territory/index.ts';

/** A caller; people get a fresh session per request, since some routes (sign out, revoke) end the session they use. */
type Caller = { label: string; email?: string; bearer?: string; actor: Actor | null };

/** Every registered route with the access rule its guard declares (undefined when it declares none). */
function declaredRoutes(t: TestApp): { method: string; path: string; access: RouteAccess | undefined }[] {
  const byKey = new Map<string, { method: string; path: string; access: RouteAccess | undefined }>();
  for (const route of t.app.routes) {
    if (route.method === 'ALL' || route.path === '/*' || route.path === '*') continue;
    const key = `${route.method} ${route.path}`;
    const entry = byKey.get(key) ?? { method: route.method, path: route.path, access: undefined };
    entry.access ??= routeAccessOf(route.handler);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

function concretePath(path: string): string {
  return path.replace(/:([A-Za-z]+)(\{[^}]*\})?/g, (_, name: string) => (name === 'file' ? 'inexistant.css' : name === 'token' ? 'jeton-inconnu' : randomUUID()));
}

/** What the policy says this caller should get on this route. */
function expected(access: RouteAccess, caller: Caller): 'allowed' | 'unauthenticated' | 'forbidden' {
  const actor = caller.actor;
  if (access.kind === 'public') return 'allowed';
  if (access.kind === 'session') return caller.email ? 'allowed' : 'unauthenticated';
  if (!actor) return 'unauthenticated';
  if (access.kind === 'signed-in') return actor.kind === 'person' ? 'allowed' : 'forbidden';
  return can(actor, access.action) ? 'allowed' : 'forbidden';
}

function observed(response: Response): 'allowed' | 'unauthenticated' | 'forbidden' {
  if (response.status === 401) return 'unauthenticated';
  if (response.status === 403) return 'forbidden';
  const location = response.headers.get('location') ?? '';
  if (response.status === 303 && (location.startsWith('/connexion?') || location === '/connexion')) return 'unauthenticated';
  return 'allowed';
}

describe('authorization of every route', () => {
  let t: TestApp;
  const callers: Caller[] = [];

  before(async () => {
    t = await testApp({ seed: true });
    callers.push({ label: 'anonyme', actor: null });
    for (const account of demoAccounts) {
      const cookie = await t.cookieFor(account.email);
      const found = await loadSession(t.database.db, cookie.split('=')[1] ?? '');
      callers.push({ label: account.email, email: account.email, actor: found?.actor ?? null });
    }
    // A member of another organisation: a helper and a place manager elsewhere, with no link to the demo data.
    const other = await t.database.db.transaction(async (tx) => {
      const org = await createOrganisation(tx, null, { name: 'Maison commune de Ouvéa (test)', kind: 'place_operator', communeCode: communeByName('Ouvéa')?.code ?? '', ridet: null });
      if (!org.ok) throw new Error(org.error);
      return createAccount(tx, null, {
        email: 'autre@test.nc',
        name: 'Autre Organisation',
        password: demoPassword,
        memberships: [
          { organisationId: org.value.id, role: 'helper' },
          { organisationId: org.value.id, role: 'place_manager' },
        ],
      });
    });
    assert.ok(other.ok);
    const otherCookie = await t.cookieFor('autre@test.nc');
    callers.push({ label: 'membre d’une autre organisation', email: 'autre@test.nc', actor: (await loadSession(t.database.db, otherCookie.split('=')[1] ?? ''))?.actor ?? null });
    // API tokens: one with every scope, one with none.
    const admin = callers.find((c) => c.label === 'administrateur@demo.relais.nc')?.actor;
    assert.ok(admin);
    for (const scopes of [['organisations:read', 'organisations:write', 'metrics:read'] as const, [] as const]) {
      const created = await t.database.db.transaction((tx) => createApiToken(tx, admin, { name: `test ${scopes.length}`, scopes: [...scopes], expiresAt: null }));
      assert.ok(created.ok);
      callers.push({ label: `jeton (${scopes.join(', ') || 'aucun droit'})`, bearer: created.value.token, actor: { kind: 'token', tokenId: created.value.id, name: 'test', scopes: [...scopes] } });
    }
  });

  after(() => t.close());

  it('finds a declared access rule on every route', () => {
    const routes = declaredRoutes(t);
    assert.ok(routes.length > 20, `only ${routes.length} routes registered`);
    const undeclared = routes.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(undeclared, [], 'routes without access.public(), access.signedIn() or access.to(action)');
  });

  it('answers every route, for every role, anonymous, another organisation and API tokens, as its policy says', async () => {
    const mismatches: string[] = [];
    for (const route of declaredRoutes(t)) {
      if (!route.access) continue;
      for (const caller of callers) {
        const headers: Record<string, string> = {};
        if (caller.bearer) headers.authorization = `Bearer ${caller.bearer}`;
        const response = await t.request(concretePath(route.path), {
          method: route.method,
          cookie: caller.email ? await t.cookieFor(caller.email) : undefined,
          headers,
          ...(route.method === 'POST' ? { form: {} } : {}),
        });
        const want = expected(route.access, caller);
        const got = observed(response);
        if (want !== got) mismatches.push(`${route.method} ${route.path} — ${caller.label}: attendu ${want}, obtenu ${got} (${response.status})`);
        assert.notEqual(response.status, 500, `${route.method} ${route.path} — ${caller.label}: erreur 500`);
      }
    }
    assert.deepEqual(mismatches, []);
  });
});
