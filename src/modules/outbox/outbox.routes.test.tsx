import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { auditEvents, outboxMessages } from '../../db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { createAccount } from '../accounts/index.ts';
import { createOrganisation } from '../organisations/index.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { queueMessage } from './outbox.commands.ts';
import { deliverQueued, transportsFrom } from './outbox.delivery.ts';

const admin = 'administrateur@demo.relais.nc';

describe('outbox page', () => {
  let t: TestApp;

  before(async () => {
    t = await testApp({ seed: true });
    await t.database.db.transaction(async (tx) => {
      await queueMessage(tx, {
        channel: 'email',
        recipient: 'marie@exemple.nc',
        subject: 'Invitation à rejoindre Relais',
        text: `Bonjour,\nOuvrez ce lien : http://localhost:3000/invitation/${'x'.repeat(43)}`,
        html: '<p>Bonjour <strong>Marie</strong></p>',
        purpose: 'invitation',
      });
      await queueMessage(tx, { channel: 'sms', recipient: '+687261234', text: 'Rappel : atelier demain à 9 h.', purpose: 'reminder' });
    });
    // No transport in the test configuration: delivery leaves everything in the outbox.
    await deliverQueued(t.database.db, transportsFrom(t.config));
  });
  after(() => t.close());

  it('is for administrators only', async () => {
    assert.equal((await t.request('/admin/boite-envoi')).status, 303);
    const res = await t.request('/admin/boite-envoi', { cookie: await t.cookieFor('coordinateur@demo.relais.nc') });
    assert.equal(res.status, 403);
  });

  it('says that nothing leaves without a transport, and lists the waiting messages', async () => {
    const res = await t.request('/admin/boite-envoi', { cookie: await t.cookieFor(admin) });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Aucun transport configuré : les messages restent ici/);
    assert.match(html, /marie@exemple\.nc/);
    assert.match(html, /\+687261234/);
    assert.match(html, />E-mail</);
    assert.match(html, />SMS</);
    assert.match(html, /En attente<\/strong>/);
    const rows = await t.database.db.select().from(outboxMessages);
    assert.ok(rows.every((r) => r.status === 'queued' && r.attempts === 0));
  });

  it('filters by channel and status', async () => {
    const cookie = await t.cookieFor(admin);
    const sms = await (await t.request('/admin/boite-envoi?channel=sms', { cookie })).text();
    assert.match(sms, /\+687261234/);
    assert.doesNotMatch(sms, /marie@exemple\.nc/);
    const sent = await (await t.request('/admin/boite-envoi?status=sent', { cookie })).text();
    assert.match(sent, /Aucun message ne correspond à ces filtres/);
  });

  it('names the configured transports without showing their secrets', async () => {
    const other = await testApp({ env: { SMTP_URL: 'smtp://relais:motdepasse-secret@smtp.exemple.nc:587' } });
    try {
      const user = await other.database.db.transaction(async (tx) => {
        const org = await createOrganisation(tx, null, { name: 'Gouvernement (test)', kind: 'government_unit', ridet: null, communeCode: '98818' });
        assert.ok(org.ok);
        return createAccount(tx, null, { email: 'admin@test.nc', name: 'Admin Test', password: 'Une phrase longue pour le test 2026', memberships: [{ organisationId: org.value.id, role: 'administrator' }] });
      });
      assert.ok(user.ok);
      const html = await (await other.request('/admin/boite-envoi', { cookie: await other.cookieFor('admin@test.nc') })).text();
      assert.match(html, /E-mail : les messages partent par le serveur SMTP configuré/);
      assert.match(html, /SMS : aucune passerelle configurée/);
      assert.doesNotMatch(html, /motdepasse-secret/);
    } finally {
      await other.close();
    }
  });

  it('shows one message in full, and records that an administrator read it', async () => {
    const cookie = await t.cookieFor(admin);
    const [message] = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, 'marie@exemple.nc'));
    assert.ok(message);
    const res = await t.request(`/admin/boite-envoi/${message.id}`, { cookie });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1>Invitation à rejoindre Relais<\/h1>/);
    assert.match(html, /<pre class="r-pre">Bonjour,\nOuvrez ce lien : http:\/\/localhost:3000\/invitation\/x{43}<\/pre>/);
    assert.match(html, /&lt;p&gt;Bonjour &lt;strong&gt;Marie&lt;\/strong&gt;&lt;\/p&gt;/, 'the HTML version is shown as source, escaped');
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'outbox.read'), eq(auditEvents.subjectId, message.id)));
    assert.equal(audit.length, 1);
    assert.equal((await t.request(`/admin/boite-envoi/${newId()}`, { cookie })).status, 404);
  });
});
