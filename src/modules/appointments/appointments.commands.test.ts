import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq, like } from 'drizzle-orm';
import { auditEvents, outboxMessages } from '../../db/schema.ts';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../platform/authz/index.ts';
import { hashSecret } from '../../platform/ids.ts';
import { communeByName } from '../../territory/index.ts';
import { testDatabase } from '../../../tests/support/test-app.ts';
import { createAccount, demoPassword, membershipsOf, userByEmail } from '../accounts/index.ts';
import { createOrganisation } from '../organisations/index.ts';
import { addClosure, addOpening, bookAppointment, cancelAppointment, createMotif, purgePastAppointments, saveAgencySettings, sendAppointmentReminders, type BookingInput } from './appointments.commands.ts';
import { appointmentByTokenHash, findAgency, type Agency } from './appointments.queries.ts';
import { appointments } from './appointments.schema.ts';
import { instantOf } from './appointments.slots.ts';

const zone = 'Pacific/Noumea';
const baseUrl = 'https://relais.test';
/** Tuesday 24 November 2026, 7:30 in Nouméa. */
const now = instantOf('2026-11-24', 7 * 60 + 30, zone);
const options = { zone, baseUrl, now };

describe('booking, reminding and cancelling appointments', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let agency: Agency;
  let helper: Actor;
  let counterMotif = '';
  let phoneMotif = '';
  let retiredMotif = '';

  before(async () => {
    ({ database, drop } = await testDatabase());
    const db = database.db;
    const commune = communeByName('Koné');
    assert.ok(commune);
    const org = await createOrganisation(db, null, { name: 'Agence OPT de Koné (test)', kind: 'opt_agency', communeCode: commune.code, ridet: null });
    assert.ok(org.ok);
    const account = await createAccount(db, null, { email: 'aidant.kone@test.nc', name: 'Aidant Koné', password: demoPassword, memberships: [{ organisationId: org.value.id, role: 'helper' }] });
    assert.ok(account.ok);
    const user = await userByEmail(db, 'aidant.kone@test.nc');
    assert.ok(user);
    helper = { kind: 'person', userId: user.id, name: user.name, email: user.email, memberships: await membershipsOf(db, user.id) };
    const found = await findAgency(db, org.value.id);
    assert.ok(found);
    await db.transaction(async (tx) => {
      assert.ok((await saveAgencySettings(tx, helper, found, { placeId: '', published: true }, [])).ok);
      counterMotif = (await createMotif(tx, helper, found, { label: 'Créer mon espace CAFAT', durationMinutes: 30, mode: 'in_person', position: 10, active: true })).id;
      phoneMotif = (await createMotif(tx, helper, found, { label: 'Question par téléphone', durationMinutes: 15, mode: 'phone', position: 20, active: true })).id;
      retiredMotif = (await createMotif(tx, helper, found, { label: 'Ancienne raison', durationMinutes: 30, mode: 'in_person', position: 30, active: false })).id;
      // Every day 8:00–12:00 with one counter, but Thursdays with two.
      for (const weekday of [1, 2, 3, 4, 5, 6, 7]) assert.ok((await addOpening(tx, helper, found, { weekday, start: 480, end: 720, counters: weekday === 4 ? 2 : 1 })).ok);
      assert.ok((await addClosure(tx, helper, found, { day: '2026-11-27', reason: 'Inventaire' })).ok);
    });
    const reloaded = await findAgency(db, org.value.id);
    assert.ok(reloaded);
    agency = reloaded;
  });
  after(() => drop());
  beforeEach(async () => {
    await database.db.delete(appointments);
    await database.db.delete(outboxMessages);
  });

  const input = (slotKey: string, extra: Partial<BookingInput> = {}): BookingInput => ({ organisationId: agency.organisationId, motifId: counterMotif, slotKey, name: 'Marie Wamytan', phone: '+687751234', email: null, ...extra });
  const book = (slotKey: string, extra: Partial<BookingInput> = {}, opts = options) => database.db.transaction((tx) => bookAppointment(tx, input(slotKey, extra), opts));
  const rows = async () => database.db.select().from(appointments);
  const outbox = async (purpose: string) => database.db.select().from(outboxMessages).where(eq(outboxMessages.purpose, purpose));

  it('takes one booking per counter when people book the same slot at the same moment', async () => {
    // The first booking is written but not committed yet when the second one starts: without the agency's lock, the
    // second would not see it (on PostgreSQL) and would take the same counter.
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstWritten = false;
    const first = database.db.transaction(async (tx) => {
      const result = await bookAppointment(tx, input('2026-11-25T08:00'), options);
      firstWritten = true;
      await gate;
      return result;
    });
    while (!firstWritten) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = book('2026-11-25T08:00', { name: 'Jean Gowé', phone: '+687792345' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a.ok, true);
    assert.deepEqual(b, { ok: false, error: 'slot_full' });
    assert.equal((await rows()).length, 1);
    // Thursday has two counters: three people at once, two get it.
    const three = await Promise.all([book('2026-11-26T09:00'), book('2026-11-26T09:00'), book('2026-11-26T09:00')]);
    assert.equal(three.filter((r) => r.ok).length, 2);
    const [held] = await database.db.select({ n: count() }).from(appointments).where(eq(appointments.day, '2026-11-26'));
    assert.equal(held?.n, 2);
  });

  it('queues a confirmation by SMS with the cancellation link, and keeps only the hash of its secret', async () => {
    const booked = await book('2026-11-25T09:30');
    assert.ok(booked.ok);
    const { appointment, token } = booked.value;
    assert.equal(appointment.cancelTokenHash, hashSecret(token));
    assert.notEqual(appointment.cancelTokenHash, token);
    assert.equal(appointment.startsAt.toISOString(), '2026-11-24T22:30:00.000Z');
    const [message, ...more] = await outbox('appointment.confirmation');
    assert.equal(more.length, 0);
    assert.equal(message?.channel, 'sms');
    assert.equal(message?.recipient, '+687751234');
    assert.match(message?.bodyText ?? '', /mercredi 25 novembre 2026 à 9 h 30/);
    assert.ok(message?.bodyText.includes(`${baseUrl}/rendez-vous/r/${token}/annuler`));
    // Without a phone, the confirmation goes by e-mail.
    const byEmail = await book('2026-11-25T10:00', { phone: null, email: 'marie@exemple.nc' });
    assert.ok(byEmail.ok);
    const emails = (await outbox('appointment.confirmation')).filter((m) => m.channel === 'email');
    assert.deepEqual(emails.map((m) => m.recipient), ['marie@exemple.nc']);
    assert.match(emails[0]?.bodyText ?? '', /^Bonjour Marie Wamytan,/);
    assert.ok(emails[0]?.bodyText.includes(`${baseUrl}/rendez-vous/r/${byEmail.value.token}/annuler`));
    // An SMS stays short: with accented letters, three joined SMS carry 201 characters.
    assert.ok((message?.bodyText.length ?? 999) <= 201, message?.bodyText);
  });

  it('sends the reminder 48 hours before, exactly once, with a link of its own that cancels too', async () => {
    const booked = await book('2026-11-30T08:00');
    assert.ok(booked.ok);
    const startsAt = booked.value.appointment.startsAt.getTime();
    const at = (hoursBefore: number) => ({ ...options, now: new Date(startsAt - hoursBefore * 3600_000) });
    assert.deepEqual(await database.db.transaction((tx) => sendAppointmentReminders(tx, at(49))), { queued: 0 });
    assert.deepEqual(await database.db.transaction((tx) => sendAppointmentReminders(tx, at(47.5))), { queued: 1 });
    assert.deepEqual(await database.db.transaction((tx) => sendAppointmentReminders(tx, at(47))), { queued: 0 });
    assert.deepEqual(await database.db.transaction((tx) => sendAppointmentReminders(tx, at(2))), { queued: 0 });
    const reminders = await outbox('appointment.reminder');
    assert.equal(reminders.length, 1);
    assert.match(reminders[0]?.bodyText ?? '', /lundi 30 novembre 2026 à 8 h/);
    const link = /\/rendez-vous\/r\/([A-Za-z0-9_-]{43})\/annuler/.exec(reminders[0]?.bodyText ?? '')?.[1];
    assert.ok(link);
    assert.notEqual(link, booked.value.token);
    assert.equal((await appointmentByTokenHash(database.db, hashSecret(link)))?.id, booked.value.appointment.id);
    assert.equal((await appointmentByTokenHash(database.db, hashSecret(booked.value.token)))?.id, booked.value.appointment.id);
  });

  it('sends no reminder for an appointment booked less than 48 hours ahead: the confirmation has just gone', async () => {
    const booked = await book('2026-11-25T11:00');
    assert.ok(booked.ok);
    assert.deepEqual(await database.db.transaction((tx) => sendAppointmentReminders(tx, { ...options, now: new Date(now.getTime() + 3600_000) })), { queued: 0 });
    assert.equal((await outbox('appointment.reminder')).length, 0);
    const [row] = await rows();
    assert.ok(row?.remindedAt, 'marked, so that it is not looked at again');
  });

  it('cancels once through the link, queues the cancellation, and frees the slot', async () => {
    const booked = await book('2026-11-30T08:30');
    assert.ok(booked.ok);
    const found = await appointmentByTokenHash(database.db, hashSecret(booked.value.token));
    assert.ok(found);
    assert.ok((await database.db.transaction((tx) => cancelAppointment(tx, found, options))).ok);
    const again = await appointmentByTokenHash(database.db, hashSecret(booked.value.token));
    assert.ok(again);
    assert.equal(again.status, 'cancelled');
    assert.deepEqual(await database.db.transaction((tx) => cancelAppointment(tx, again, options)), { ok: false, error: 'not_cancellable' });
    const cancellations = await outbox('appointment.cancellation');
    assert.equal(cancellations.length, 1);
    assert.match(cancellations[0]?.bodyText ?? '', /est annulé/);
    assert.ok((await book('2026-11-30T08:30', { name: 'Autre personne', phone: '+687792345' })).ok, 'someone else takes the freed slot');
    // Only the one who still comes is reminded.
    assert.deepEqual(await database.db.transaction((tx) => sendAppointmentReminders(tx, { ...options, now: new Date(found.startsAt.getTime() - 47 * 3600_000) })), { queued: 1 });
    assert.deepEqual((await outbox('appointment.reminder')).map((m) => m.recipient), ['+687792345']);
  });

  it('refuses a past slot, a closed day, a holiday, an unknown or retired motif, and a phone motif without a phone — saving nothing', async () => {
    const cases: [string, Partial<BookingInput>, string][] = [
      ['2026-11-23T08:00', {}, 'slot_unavailable'],
      ['2026-11-24T07:30', {}, 'slot_unavailable'],
      ['2026-11-24T08:00', {}, 'slot_unavailable'],
      ['2026-11-27T08:00', {}, 'slot_unavailable'],
      ['2026-12-25T08:00', {}, 'slot_unavailable'],
      ['2026-11-25T08:10', {}, 'slot_unavailable'],
      ['2026-11-25T13:00', {}, 'slot_unavailable'],
      ['2026-12-16T08:00', {}, 'slot_unavailable'],
      ['pas-une-heure', {}, 'slot_unavailable'],
      ['2026-11-25T08:00', { motifId: '01a20135-0000-7000-8000-000000000000' }, 'unknown_motif'],
      ['2026-11-25T08:00', { motifId: retiredMotif }, 'unknown_motif'],
      ['2026-11-25T08:00', { motifId: phoneMotif, phone: null, email: 'x@exemple.nc' }, 'phone_required'],
      ['2026-11-25T08:00', { organisationId: '01a20135-0000-7000-8000-000000000001' }, 'unknown_agency'],
    ];
    for (const [slot, extra, error] of cases) {
      const result = await book(slot, extra);
      assert.deepEqual(result, { ok: false, error }, `${slot} ${JSON.stringify(extra)}`);
    }
    assert.equal((await rows()).length, 0);
    assert.equal((await database.db.select().from(outboxMessages).where(like(outboxMessages.purpose, 'appointment.%'))).length, 0);
    // 24 November is today: its 8:00 slot is less than an hour away, 9:00 is bookable.
    assert.ok((await book('2026-11-24T09:00')).ok);
  });

  it('deletes appointments and their messages once the retention period after them has passed, keeping the newer ones', async () => {
    assert.ok((await book('2026-11-25T08:00')).ok);
    assert.ok((await book('2026-11-26T09:00', { name: 'Jean Gowé', phone: '+687792345' })).ok);
    assert.equal((await outbox('appointment.confirmation')).length, 2);
    const purge = (daysAfter: number) => database.db.transaction((tx) => purgePastAppointments(tx, { retentionDays: 90, now: new Date(now.getTime() + daysAfter * 24 * 3600_000) }));
    assert.deepEqual(await purge(90), { deleted: 0 }, 'nothing is 90 days old yet');
    assert.deepEqual(await purge(92), { deleted: 1 }, 'the appointment of the 25th ended more than 90 days before');
    const left = await rows();
    assert.deepEqual(left.map((a) => a.personName), ['Jean Gowé']);
    assert.deepEqual((await outbox('appointment.confirmation')).map((m) => m.recipient), ['+687792345'], 'the deleted appointment’s confirmation SMS is gone too');
    const [audited] = await database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'appointment.purge'));
    assert.equal(audited?.n, 1);
    assert.deepEqual(await purge(92), { deleted: 0 }, 'a second run finds nothing');
  });
});
