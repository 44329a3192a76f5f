import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { newId } from '../../platform/ids.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { recordAudit } from './audit.commands.ts';
import { startOfLocalDay } from '../../platform/format.ts';
import { auditEvents } from './audit.schema.ts';

/** The message of an error and of the errors it wraps (Drizzle wraps the database's error). */
function errorText(error: unknown): string {
  return error instanceof Error ? `${error.message} ${errorText(error.cause)}` : '';
}

describe('audit log page', () => {
  let t: TestApp;
  const nightEvent = newId();

  before(async () => {
    t = await testApp({ seed: true });
    await t.database.db.transaction(async (tx) => {
      await recordAudit(tx, null, { action: 'test.alpha', subjectType: 'organisation', subjectId: 'sujet-alpha-42', summary: 'Premier événement Wagyu', details: { raison: 'essai' } });
      await recordAudit(tx, null, { action: 'test.beta', subjectType: 'person', subjectId: 'sujet-beta-7', summary: 'Second événement Kagu' });
    });
    // 2 March 2026 at 14:00 UTC is already 3 March, 01:00, in Nouméa.
    await t.database.db.insert(auditEvents).values({
      id: nightEvent,
      at: new Date('2026-03-02T14:00:00Z'),
      actorLabel: 'Système',
      action: 'test.night',
      subjectType: 'organisation',
      summary: 'Événement de la nuit Niaouli',
    });
  });
  after(() => t.close());

  it('sends an anonymous visitor to sign in and refuses everyone but administrators', async () => {
    assert.equal((await t.request('/admin/journal')).status, 303);
    for (const email of ['coordinateur@demo.relais.nc', 'aidant@demo.relais.nc']) {
      const res = await t.request('/admin/journal', { cookie: await t.cookieFor(email) });
      assert.equal(res.status, 403, email);
    }
  });

  it('finds events by words of their summary, by subject id and by action', async () => {
    const cookie = await t.cookieFor('administrateur@demo.relais.nc');
    const bySummary = await (await t.request('/admin/journal?text=wagyu', { cookie })).text();
    assert.match(bySummary, /Premier événement Wagyu/);
    assert.doesNotMatch(bySummary, /Second événement Kagu/);
    assert.match(bySummary, /1 événement,/);

    const bySubject = await (await t.request('/admin/journal?text=sujet-beta', { cookie })).text();
    assert.match(bySubject, /Second événement Kagu/);
    assert.doesNotMatch(bySubject, /Premier événement Wagyu/);

    const byAction = await (await t.request('/admin/journal?action=organisation.create', { cookie })).text();
    assert.match(byAction, /Organisation « Enercal » créée/);
    assert.doesNotMatch(byAction, /Wagyu/);

    const none = await (await t.request('/admin/journal?text=introuvable-xyz', { cookie })).text();
    assert.match(none, /Aucun événement ne correspond à votre recherche/);
  });

  it('filters by local days of the territory, not by UTC days', async () => {
    const cookie = await t.cookieFor('administrateur@demo.relais.nc');
    const sameDay = await (await t.request('/admin/journal?from=2026-03-03&to=2026-03-03', { cookie })).text();
    assert.match(sameDay, /Événement de la nuit Niaouli/);
    const utcDay = await (await t.request('/admin/journal?from=2026-03-02&to=2026-03-02', { cookie })).text();
    assert.doesNotMatch(utcDay, /Niaouli/);
    assert.equal(startOfLocalDay('2026-03-03', 'Pacific/Noumea').toISOString(), '2026-03-02T13:00:00.000Z');
  });

  it('explains a date it cannot read instead of ignoring it silently', async () => {
    const res = await t.request('/admin/journal?from=2026-02-30', { cookie: await t.cookieFor('administrateur@demo.relais.nc') });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Entrez la date de début au format année-mois-jour/);
  });

  it('shows one event with its details', async () => {
    const cookie = await t.cookieFor('administrateur@demo.relais.nc');
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'test.alpha'));
    assert.ok(event);
    const res = await t.request(`/admin/journal/${event.id}`, { cookie });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<pre class="r-pre">\{\n {2}&quot;raison&quot;: &quot;essai&quot;\n\}<\/pre>/);
    assert.match(html, /sujet-alpha-42/);
    assert.equal((await t.request(`/admin/journal/${newId()}`, { cookie })).status, 404);
  });

  it('refuses to change or delete an event: the table is append-only', async () => {
    const { db } = t.database;
    await assert.rejects(db.update(auditEvents).set({ summary: 'falsifié' }).where(eq(auditEvents.id, nightEvent)), (error) => {
      assert.match(errorText(error), /audit_events is append-only \(UPDATE refused\)/);
      return true;
    });
    await assert.rejects(db.delete(auditEvents).where(eq(auditEvents.id, nightEvent)), (error) => {
      assert.match(errorText(error), /audit_events is append-only \(DELETE refused\)/);
      return true;
    });
    const [still] = await db.select().from(auditEvents).where(eq(auditEvents.id, nightEvent));
    assert.equal(still?.summary, 'Événement de la nuit Niaouli');
  });
});
