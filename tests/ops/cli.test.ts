import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { buildServices, prepareDatabase } from '../../src/server.ts';
import { databaseTarget, runRelais } from './support.ts';

const origin = 'http://127.0.0.1:3000';

describe('the relais command', () => {
  it('migrates, seeds the demonstration once, and creates an administrator who can sign in', async () => {
    const target = await databaseTarget();
    try {
      const migrate = await runRelais(['migrate'], target.env);
      assert.equal(migrate.code, 0, migrate.stderr);
      assert.match(migrate.stdout, /Migrations appliquées\./);

      const seed = await runRelais(['seed', '--demo'], target.env);
      assert.equal(seed.code, 0, seed.stderr);
      assert.match(seed.stdout, /Données de démonstration ajoutées\./);

      const again = await runRelais(['seed', '--demo'], target.env);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /contient déjà des organisations/);

      const admin = await runRelais(['create-admin', 'x@y.nc'], target.env);
      assert.equal(admin.code, 0, admin.stderr);
      const password = /Mot de passe provisoire : (\S+)/.exec(admin.stdout)?.[1];
      assert.ok(password && password.length >= 12, `a provisional password is printed: ${admin.stdout}`);

      const twice = await runRelais(['create-admin', 'x@y.nc'], target.env);
      assert.equal(twice.code, 1);
      assert.match(twice.stderr, /Un compte existe déjà pour x@y\.nc/);

      // The new administrator signs in with that password through the real sign-in form (in-process, same database).
      const database = await prepareDatabase({ databaseUrl: target.env.DATABASE_URL, dataDir: target.env.DATA_DIR ?? 'memory://' });
      try {
        const config = loadConfig({ BASE_URL: origin, DEMO: 'false', JOBS: 'false', LOG_LEVEL: 'silent' });
        const app = createApp(buildServices(config, database, pino({ level: 'silent' }), null));
        const signIn = (pass: string) =>
          app.request(`${origin}/connexion`, {
            method: 'POST',
            headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ email: 'x@y.nc', password: pass }).toString(),
          });
        const wrong = await signIn(`${password}-faux`);
        assert.equal(wrong.status, 422);
        const right = await signIn(password);
        assert.equal(right.status, 303);
        // Administrators see sensitive data: the second factor comes next.
        assert.match(right.headers.get('location') ?? '', /^\/connexion\/second-facteur/);
        assert.match(right.headers.get('set-cookie') ?? '', /relais_session=/);
      } finally {
        await database.close();
      }
    } finally {
      await target.cleanup();
    }
  });

  it('refuses an administrator whose address is not an e-mail, and says why', async () => {
    const target = await databaseTarget({ migrated: true });
    try {
      const result = await runRelais(['create-admin', 'not-an-email'], target.env);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /« not-an-email » n’est pas une adresse e-mail valide/);
      assert.doesNotMatch(result.stdout, /Mot de passe provisoire/);
    } finally {
      await target.cleanup();
    }
  });

  it('answers a mistyped command or a missing argument with exit code 1 and help in French', async () => {
    const [unknown, noDemo, noEmail] = await Promise.all([
      runRelais(['sauvegarder'], {}),
      runRelais(['seed'], { DATA_DIR: '/nonexistent/relais' }),
      runRelais(['create-admin'], { DATA_DIR: '/nonexistent/relais' }),
    ]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Commande inconnue : sauvegarder/);
    assert.match(unknown.stderr, /Utilisation : relais <commande>/);
    assert.equal(noDemo.code, 1);
    assert.match(noDemo.stderr, /Précisez --demo/);
    assert.equal(noEmail.code, 1);
    assert.match(noEmail.stderr, /Précisez l’adresse e-mail/);
  });
});
