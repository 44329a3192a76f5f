import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, like } from 'drizzle-orm';
import { auditEvents, outboxMessages } from '../../db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { communeByName } from '../../territory/index.ts';
import { testDatabase } from '../../../tests/support/test-app.ts';
import type { Database } from '../../db/client.ts';
import { places } from '../places/places.schema.ts';
import { addDays } from './case-label.forms.ts';
import { caseLabelOf, labelledPlaceIds } from './case-label.queries.ts';
import { sendExpiryReminders } from './case-label.reminders.ts';
import { labelApplications } from './case-label.schema.ts';

const today = '2026-06-01';

describe('Case numérique expiry reminders', () => {
  let database: Database;
  let drop: () => Promise<void>;

  before(async () => {
    ({ database, drop } = await testDatabase());
  });
  after(() => drop());

  async function placeWithLabel(name: string, grantedOn: string, expiresOn: string, email: string): Promise<{ placeId: string; applicationId: string }> {
    const commune = communeByName('Bourail');
    assert.ok(commune);
    const placeId = newId();
    await database.db.insert(places).values({ id: placeId, name, communeCode: commune.code, province: commune.province, postcode: '98870' });
    const applicationId = newId();
    await database.db.insert(labelApplications).values({ id: applicationId, placeId, status: 'granted', applicantName: 'Léa Wenisso', applicantEmail: email, grantedOn, expiresOn, decidedAt: new Date() });
    return { placeId, applicationId };
  }

  const run = () => database.db.transaction((tx) => sendExpiryReminders(tx, { baseUrl: 'https://relais.nc', today }));
  const messagesTo = (email: string) => database.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, email));

  it('sends the 90-day reminder once, however many times the job runs', async () => {
    const { applicationId } = await placeWithLabel('Médiathèque de Bourail', '2024-08-20', addDays(today, 80), 'quatre-vingt@test.nc');
    await run();
    await run();
    const sent = await messagesTo('quatre-vingt@test.nc');
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.dedupeKey, `label-expiry-90:${applicationId}`);
    assert.match(sent[0]?.bodyText ?? '', /valable jusqu’au jeudi 20 août 2026/);
    const audited = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'label.application.remind'), eq(auditEvents.subjectId, applicationId)));
    assert.equal(audited.length, 1);
  });

  it('sends the 30-day reminder once when its day comes', async () => {
    const { applicationId } = await placeWithLabel('Case de Poé', '2024-06-20', addDays(today, 25), 'trente@test.nc');
    // Already reminded at 90 days: only the 30-day one is due now.
    await database.db.update(labelApplications).set({ reminded90At: new Date('2026-04-01T00:00:00Z') }).where(eq(labelApplications.id, applicationId));
    await run();
    await run();
    const sent = await messagesTo('trente@test.nc');
    assert.deepEqual(sent.map((m) => m.dedupeKey), [`label-expiry-30:${applicationId}`]);
  });

  it('sends only the 30-day reminder when a label is granted with less than 30 days left', async () => {
    const { applicationId } = await placeWithLabel('Maison commune de Nessadiou', '2024-06-20', addDays(today, 10), 'tard@test.nc');
    await run();
    const sent = await messagesTo('tard@test.nc');
    assert.deepEqual(sent.map((m) => m.dedupeKey), [`label-expiry-30:${applicationId}`]);
    const [row] = await database.db.select().from(labelApplications).where(eq(labelApplications.id, applicationId));
    assert.ok(row?.reminded90At && row.reminded30At);
  });

  it('does not remind a label that has already ended, nor one far from its end', async () => {
    await placeWithLabel('Lieu expiré', '2023-01-01', addDays(today, -1), 'expire@test.nc');
    await placeWithLabel('Lieu tranquille', '2026-01-01', addDays(today, 400), 'loin@test.nc');
    await run();
    assert.equal((await messagesTo('expire@test.nc')).length, 0);
    assert.equal((await messagesTo('loin@test.nc')).length, 0);
  });

  it('does not remind a label already renewed by a later one', async () => {
    const { placeId } = await placeWithLabel('Lieu renouvelé', '2024-07-01', addDays(today, 20), 'renouvele@test.nc');
    await database.db.insert(labelApplications).values({ id: newId(), placeId, status: 'granted', applicantName: 'Léa Wenisso', applicantEmail: 'renouvele@test.nc', grantedOn: addDays(today, 21), expiresOn: addDays(today, 750), decidedAt: new Date() });
    await run();
    assert.equal((await messagesTo('renouvele@test.nc')).length, 0);
  });

  it('reports an ended label as expired and leaves it out of the labelled places', async () => {
    const { placeId } = await placeWithLabel('Lieu échu', '2023-01-01', '2026-05-31', 'echu@test.nc');
    const label = await caseLabelOf(database.db, placeId, today);
    assert.deepEqual(label && { expired: label.expired, expiresOn: label.expiresOn }, { expired: true, expiresOn: '2026-05-31' });
    assert.equal((await labelledPlaceIds(database.db, today)).includes(placeId), false);
    const { placeId: valid } = await placeWithLabel('Lieu valable ce jour', '2024-06-01', today, 'valable@test.nc');
    assert.equal((await caseLabelOf(database.db, valid, today))?.expired, false);
    assert.equal((await labelledPlaceIds(database.db, today)).includes(valid), true);
  });

  it('queues every reminder under the label’s purpose', async () => {
    const all = await database.db.select().from(outboxMessages).where(like(outboxMessages.dedupeKey, 'label-expiry-%'));
    assert.ok(all.length >= 3);
    assert.ok(all.every((m) => m.purpose === 'label.expiry_reminder'));
  });
});
