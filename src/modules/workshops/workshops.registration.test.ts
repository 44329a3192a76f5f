import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, like } from 'drizzle-orm';
import { auditEvents, outboxMessages } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { userByEmail, membershipsOf } from '../accounts/index.ts';
import { ForbiddenError, type Actor } from '../../platform/authz/index.ts';
import { acceptOffer, cancelRegistrationByToken, cancelSession, expireOffers, register, sendWorkshopReminders, updateSession } from './workshops.commands.ts';
import { answers, makeProgramme, makeSession } from './workshops.fixtures.ts';
import { findSession } from './workshops.queries.ts';
import { hideSmall, purgeSensitiveAnswers, reachAggregates, readSensitiveAnswers } from './workshops.sensitive.ts';
import { workshopRegistrations, workshopRegistrationSensitive, workshopSensitiveTallies, workshopSessions } from './workshops.schema.ts';
import { localDay } from '../../platform/format.ts';
import { localTime } from './workshops.time.ts';

const context = { baseUrl: 'http://localhost:3000' };

describe('workshop registrations, waiting list and sensitive answers', () => {
  let t: TestApp;
  let seriesId: string;
  let programmeId: string;
  let trainer: Actor;
  let outsider: Actor;

  async function actorFor(email: string): Promise<Actor> {
    const user = await userByEmail(t.database.db, email);
    assert.ok(user);
    return { kind: 'person', userId: user.id, name: user.name, email: user.email, memberships: await membershipsOf(t.database.db, user.id) };
  }
  const statusOf = async (id: string) => (await t.database.db.select().from(workshopRegistrations).where(eq(workshopRegistrations.id, id)))[0]?.status;
  const messagesTo = (recipient: string) => t.database.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, recipient));
  const tokenIn = (text: string) => /mon-inscription\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

  before(async () => {
    t = await testApp({ seed: true });
    ({ seriesId, programmeId } = await makeProgramme(t.database.db));
    trainer = await actorFor('formateur@demo.relais.nc');
    outsider = await actorFor('aidant@demo.relais.nc');
  });
  after(() => t.close());

  it('confirms while seats are left, then puts people on the waiting list; a companion takes no seat', async () => {
    const sessionId = await makeSession(t.database.db, seriesId, { capacity: 2 });
    const db = t.database.db;
    const a = await db.transaction((tx) => register(tx, null, sessionId, answers({ companion: true }), context));
    const b = await db.transaction((tx) => register(tx, null, sessionId, answers(), context));
    const c = await db.transaction((tx) => register(tx, null, sessionId, answers({ phone: null, email: 'c@exemple.nc' }), context));
    assert.ok(a.ok && b.ok && c.ok);
    assert.deepEqual([a.value.status, b.value.status, c.value.status], ['confirmed', 'confirmed', 'waiting']);
    const view = await findSession(db, sessionId);
    assert.equal(view?.taken, 2);
    assert.equal(view?.waiting, 1);
    const mail = await messagesTo('c@exemple.nc');
    assert.equal(mail.length, 1);
    assert.equal(mail[0]?.purpose, 'workshop.registration_waiting');
    assert.match(mail[0]?.bodyText ?? '', /liste d’attente/);
  });

  it('gives the last seat to one of two people asking at the same moment, and the waiting list to the other', async () => {
    const sessionId = await makeSession(t.database.db, seriesId, { capacity: 3 });
    const db = t.database.db;
    await db.transaction((tx) => register(tx, null, sessionId, answers(), context));
    await db.transaction((tx) => register(tx, null, sessionId, answers(), context));
    // Two transactions started together for the one seat left.
    const [first, second] = await Promise.all([
      db.transaction((tx) => register(tx, null, sessionId, answers({ name: 'Première' }), context)),
      db.transaction((tx) => register(tx, null, sessionId, answers({ name: 'Seconde' }), context)),
    ]);
    assert.ok(first.ok && second.ok);
    assert.deepEqual([first.value.status, second.value.status].sort(), ['confirmed', 'waiting']);
    const rows = await db.select().from(workshopRegistrations).where(eq(workshopRegistrations.sessionId, sessionId));
    assert.equal(rows.filter((r) => r.status === 'confirmed').length, 3);
    assert.equal(rows.filter((r) => r.status === 'waiting').length, 1);
  });

  it('refuses a past or cancelled session, and saves nothing', async () => {
    const db = t.database.db;
    const past = await makeSession(db, seriesId, { daysAhead: -2 });
    const cancelled = await makeSession(db, seriesId);
    await db.update(workshopSessions).set({ status: 'cancelled' }).where(eq(workshopSessions.id, cancelled));
    const onPast = await db.transaction((tx) => register(tx, null, past, answers({ disability: 'yes', disabilityConsent: true }), context));
    const onCancelled = await db.transaction((tx) => register(tx, null, cancelled, answers(), context));
    assert.deepEqual(onPast, { ok: false, error: 'past' });
    assert.deepEqual(onCancelled, { ok: false, error: 'cancelled' });
    for (const id of [past, cancelled]) assert.equal((await db.select().from(workshopRegistrations).where(eq(workshopRegistrations.sessionId, id))).length, 0);
  });

  it('keeps the disability answer only with consent, with its time and purpose', async () => {
    const db = t.database.db;
    const sessionId = await makeSession(db, seriesId);
    const without = await db.transaction((tx) => register(tx, null, sessionId, answers({ disability: 'yes', disabilityConsent: false, accessNeeds: ['large_print'] }), context));
    const withConsent = await db.transaction((tx) => register(tx, null, sessionId, answers({ disability: 'yes', disabilityConsent: true }), context));
    assert.ok(without.ok && withConsent.ok);
    const [a] = await db.select().from(workshopRegistrationSensitive).where(eq(workshopRegistrationSensitive.registrationId, without.value.id));
    const [b] = await db.select().from(workshopRegistrationSensitive).where(eq(workshopRegistrationSensitive.registrationId, withConsent.value.id));
    assert.equal(a?.disability, null);
    assert.deepEqual(a?.accessNeeds, ['large_print']);
    assert.equal(b?.disability, 'yes');
    assert.ok(b?.disabilityConsentAt);
    assert.match(b?.disabilityPurpose ?? '', /compter/);
  });

  it('refuses a capacity below the seats already held, and changes nothing', async () => {
    const db = t.database.db;
    const sessionId = await makeSession(db, seriesId, { capacity: 5 });
    for (let i = 0; i < 3; i += 1) await db.transaction((tx) => register(tx, null, sessionId, answers(), context));
    const coordinator = await actorFor('coordinateur@demo.relais.nc');
    const s = await findSession(db, sessionId);
    assert.ok(s);
    const fields = { day: localDay(s.startsAt), startTime: localTime(s.startsAt), endTime: localTime(s.endsAt), placeId: null, spotName: 'Autre salle', spotAddress: null, communeCode: s.communeCode, capacity: 2, trainers: [], accessibility: [], accessibilityOther: null };
    const result = await db.transaction((tx) => updateSession(tx, coordinator, sessionId, fields, context));
    assert.deepEqual(result, { ok: false, error: 'capacity_below_registered' });
    const after = await findSession(db, sessionId);
    assert.equal(after?.capacity, 5);
    assert.equal(after?.spotName, 'Salle de la tribu de Hnathalo');
    const ok = await db.transaction((tx) => updateSession(tx, coordinator, sessionId, { ...fields, capacity: 3 }, context));
    assert.ok(ok.ok);
  });

  it('offers a freed seat to the next person for 48 hours; they accept with the link', async () => {
    const db = t.database.db;
    const sessionId = await makeSession(db, seriesId, { capacity: 1 });
    const holder = await db.transaction((tx) => register(tx, null, sessionId, answers(), context));
    const next = await db.transaction((tx) => register(tx, null, sessionId, answers({ phone: '+687751111' }), context));
    const after = await db.transaction((tx) => register(tx, null, sessionId, answers({ phone: '+687752222' }), context));
    assert.ok(holder.ok && next.ok && after.ok);
    assert.equal(next.value.status, 'waiting');
    const cancelled = await db.transaction((tx) => cancelRegistrationByToken(tx, holder.value.token, context));
    assert.ok(cancelled.ok);
    assert.equal(await statusOf(holder.value.id), 'cancelled');
    assert.equal(await statusOf(next.value.id), 'offered');
    assert.equal(await statusOf(after.value.id), 'waiting');
    const [row] = await db.select().from(workshopRegistrations).where(eq(workshopRegistrations.id, next.value.id));
    const hours = ((row?.offerExpiresAt?.getTime() ?? 0) - Date.now()) / 3600_000;
    assert.ok(hours > 47.9 && hours <= 48, `offer for ${hours} h`);
    const sms = (await messagesTo('+687751111')).find((m) => m.purpose === 'workshop.seat_offered');
    assert.ok(sms, 'the next person gets an SMS');
    assert.equal(sms.channel, 'sms');
    // The old link no longer works; the one in the offer does.
    assert.deepEqual(await db.transaction((tx) => acceptOffer(tx, next.value.token, context)), { ok: false, error: 'not_found' });
    const accepted = await db.transaction((tx) => acceptOffer(tx, tokenIn(sms.bodyText), context));
    assert.ok(accepted.ok);
    assert.equal(await statusOf(next.value.id), 'confirmed');
    // A cancelled link cannot cancel twice.
    assert.deepEqual(await db.transaction((tx) => cancelRegistrationByToken(tx, holder.value.token, context)), { ok: false, error: 'already_cancelled' });
  });

  it('passes an expired offer to the next person (job), once', async () => {
    const db = t.database.db;
    const sessionId = await makeSession(db, seriesId, { capacity: 1 });
    const holder = await db.transaction((tx) => register(tx, null, sessionId, answers(), context));
    const second = await db.transaction((tx) => register(tx, null, sessionId, answers({ phone: '+687753333' }), context));
    const third = await db.transaction((tx) => register(tx, null, sessionId, answers({ phone: '+687754444' }), context));
    assert.ok(holder.ok && second.ok && third.ok);
    await db.transaction((tx) => cancelRegistrationByToken(tx, holder.value.token, context));
    assert.equal(await statusOf(second.value.id), 'offered');
    const later = new Date(Date.now() + 49 * 3600_000);
    // Too early: nothing happens.
    assert.deepEqual(await db.transaction((tx) => expireOffers(tx, context)), { expired: 0, offered: 0 });
    const result = await db.transaction((tx) => expireOffers(tx, { ...context, now: later }));
    assert.deepEqual(result, { expired: 1, offered: 1 });
    assert.equal(await statusOf(second.value.id), 'cancelled');
    assert.equal(await statusOf(third.value.id), 'offered');
    assert.ok((await messagesTo('+687753333')).some((m) => m.purpose === 'workshop.offer_expired'));
    assert.ok((await messagesTo('+687754444')).some((m) => m.purpose === 'workshop.seat_offered'));
    assert.deepEqual(await db.transaction((tx) => expireOffers(tx, { ...context, now: later })), { expired: 0, offered: 0 });
  });

  it('reminds confirmed people two days before, once', async () => {
    const db = t.database.db;
    const sessionId = await makeSession(db, seriesId, { daysAhead: 2 });
    const r = await db.transaction((tx) => register(tx, null, sessionId, answers({ phone: '+687755555' }), context));
    assert.ok(r.ok);
    const first = await db.transaction((tx) => sendWorkshopReminders(tx, context));
    const again = await db.transaction((tx) => sendWorkshopReminders(tx, context));
    assert.ok(first.queued >= 1);
    assert.equal(again.queued, 0);
    const reminders = (await messagesTo('+687755555')).filter((m) => m.purpose === 'workshop.reminder');
    assert.equal(reminders.length, 1);
  });

  it('cancelling a session tells everyone registered or waiting', async () => {
    const db = t.database.db;
    const sessionId = await makeSession(db, seriesId, { capacity: 1 });
    await db.transaction((tx) => register(tx, null, sessionId, answers({ phone: '+687756666' }), context));
    await db.transaction((tx) => register(tx, null, sessionId, answers({ phone: null, email: 'attente@exemple.nc' }), context));
    const coordinator = await actorFor('coordinateur@demo.relais.nc');
    const result = await db.transaction((tx) => cancelSession(tx, coordinator, sessionId, 'Le formateur est malade.', context));
    assert.deepEqual(result, { ok: true, value: { notified: 2 } });
    assert.ok((await messagesTo('+687756666')).some((m) => m.purpose === 'workshop.session_cancelled' && m.bodyText.includes('malade')));
    assert.ok((await messagesTo('attente@exemple.nc')).some((m) => m.purpose === 'workshop.session_cancelled'));
    await assert.rejects(db.transaction((tx) => cancelSession(tx, outsider, sessionId, 'x', context)), ForbiddenError);
  });

  it('shows sensitive answers to the session’s trainer only, and audits every read', async () => {
    const db = t.database.db;
    const user = await userByEmail(db, 'formateur@demo.relais.nc');
    assert.ok(user);
    const { seriesId: otherSeries } = await makeProgramme(db, 'Autre');
    const sessionId = await makeSession(db, otherSeries, { trainers: [user.id] });
    await db.transaction((tx) => register(tx, null, sessionId, answers({ accessNeeds: ['lsf_interpreter'], accessNeedsText: 'Je signe.', disability: 'yes', disabilityConsent: true }), context));
    const rows = await db.transaction((tx) => readSensitiveAnswers(tx, trainer, sessionId));
    assert.equal(rows?.length, 1);
    assert.deepEqual(rows?.[0]?.accessNeeds, ['lsf_interpreter']);
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'workshop.sensitive.read'), eq(auditEvents.subjectId, sessionId)));
    assert.equal(audits.length, 1);
    assert.equal(audits[0]?.actorUserId, user.id);
    await assert.rejects(db.transaction((tx) => readSensitiveAnswers(tx, outsider, sessionId)), ForbiddenError);
    const coordinator = await actorFor('coordinateur@demo.relais.nc');
    await assert.rejects(db.transaction((tx) => readSensitiveAnswers(tx, coordinator, sessionId)), ForbiddenError);
  });

  it('purges sensitive answers N days after the session, keeps the counts, and hides small counts', async () => {
    const db = t.database.db;
    const { programmeId: pid, seriesId: sid } = await makeProgramme(db, 'Purge');
    const old = await makeSession(db, sid, { daysAhead: -40, capacity: 20 });
    const recent = await makeSession(db, sid, { daysAhead: -5, capacity: 20 });
    // Registrations made before the sessions (register refuses past sessions): written as they would have been.
    for (const [sessionId, yes] of [
      [old, 6],
      [recent, 2],
    ] as const) {
      await db.update(workshopSessions).set({ startsAt: new Date(Date.now() + 24 * 3600_000), endsAt: new Date(Date.now() + 26 * 3600_000) }).where(eq(workshopSessions.id, sessionId));
      for (let i = 0; i < 8; i += 1) await db.transaction((tx) => register(tx, null, sessionId, answers({ disability: i < yes ? 'yes' : 'no', disabilityConsent: true }), context));
    }
    await db.update(workshopSessions).set({ startsAt: new Date(Date.now() - 40 * 24 * 3600_000), endsAt: new Date(Date.now() - 40 * 24 * 3600_000 + 7200_000) }).where(eq(workshopSessions.id, old));
    await db.update(workshopSessions).set({ startsAt: new Date(Date.now() - 5 * 24 * 3600_000), endsAt: new Date(Date.now() - 5 * 24 * 3600_000 + 7200_000) }).where(eq(workshopSessions.id, recent));
    const before = await reachAggregates(db, pid);
    const result = await db.transaction((tx) => purgeSensitiveAnswers(tx, { retentionDays: 30 }));
    assert.ok(result.sessions >= 1);
    const oldAnswers = await db.select().from(workshopRegistrationSensitive).innerJoin(workshopRegistrations, eq(workshopRegistrations.id, workshopRegistrationSensitive.registrationId)).where(eq(workshopRegistrations.sessionId, old));
    const recentAnswers = await db.select().from(workshopRegistrationSensitive).innerJoin(workshopRegistrations, eq(workshopRegistrations.id, workshopRegistrationSensitive.registrationId)).where(eq(workshopRegistrations.sessionId, recent));
    assert.equal(oldAnswers.length, 0);
    assert.equal(recentAnswers.length, 8);
    assert.equal((await db.select().from(workshopSensitiveTallies).where(eq(workshopSensitiveTallies.sessionId, old))).length, 1);
    assert.ok((await db.select().from(auditEvents).where(like(auditEvents.action, 'workshop.sensitive.purge'))).length >= 1);
    // Idempotent.
    const again = await db.transaction((tx) => purgeSensitiveAnswers(tx, { retentionDays: 30 }));
    assert.equal(again.sessions, 0);
    // The counts survive the purge; 2 "yes" in one month is hidden, 6 is shown; the total 8 is shown.
    const afterPurge = await reachAggregates(db, pid);
    assert.deepEqual(afterPurge, before);
    assert.equal(afterPurge.total.disability.yes, 8);
    assert.equal(afterPurge.total.registrations, 16);
    const cells = afterPurge.rows.map((r) => r.disability.yes);
    assert.ok(cells.includes(6) || cells.includes(8), `cells: ${JSON.stringify(afterPurge.rows)}`);
    assert.equal(hideSmall(4), null);
    assert.equal(hideSmall(0), 0);
    assert.equal(hideSmall(5), 5);
    void programmeId;
  });
});
