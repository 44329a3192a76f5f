import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { jobDefinitions } from '../../jobs.ts';
import { testDatabase } from '../../../tests/support/test-app.ts';
import { purgeDeliveredMessages, queueMessage, removeMessages } from './outbox.commands.ts';
import { outboxMessages, type OutboxStatus } from './outbox.schema.ts';

const day = 24 * 3600_000;

describe('how long the outbox keeps messages', () => {
  let database: Database;
  let drop: () => Promise<void>;
  before(async () => ({ database, drop } = await testDatabase()));
  after(() => drop());

  async function message(recipient: string, status: OutboxStatus, daysAgo: number, dedupeKey?: string) {
    await queueMessage(database.db, { channel: 'sms', recipient, text: 'Relais : rendez-vous demain à 8:00.', purpose: 'test', ...(dedupeKey ? { dedupeKey } : {}) });
    await database.db
      .update(outboxMessages)
      .set({ status, createdAt: new Date(Date.now() - daysAgo * day) })
      .where(eq(outboxMessages.recipient, recipient));
  }
  const recipients = async () => (await database.db.select({ r: outboxMessages.recipient }).from(outboxMessages)).map((m) => m.r).sort();

  it('deletes sent and abandoned messages after the retention period, never one still waiting to leave', async () => {
    await message('+687700001', 'sent', 31);
    await message('+687700002', 'failed', 45);
    await message('+687700003', 'queued', 60);
    await message('+687700004', 'sent', 29);
    assert.equal(await purgeDeliveredMessages(database.db, { days: 30 }), 2);
    assert.deepEqual(await recipients(), ['+687700003', '+687700004']);
    assert.equal(await purgeDeliveredMessages(database.db, { days: 30 }), 0);
  });

  it('removes the messages of an erased subject by their keys, sent or not', async () => {
    await database.db.delete(outboxMessages);
    await message('+687700005', 'queued', 0, 'mandate-consent:a');
    await message('+687700006', 'sent', 1, 'mandate-consent:b');
    await message('+687700007', 'sent', 1, 'mandate-consent:c');
    assert.equal(await removeMessages(database.db, ['mandate-consent:a', 'mandate-consent:b', 'mandate-consent:z']), 2);
    assert.equal(await removeMessages(database.db, []), 0);
    assert.deepEqual(await recipients(), ['+687700007']);
  });

  it('runs as a daily job configured by OUTBOX_RETENTION_DAYS', async () => {
    await database.db.delete(outboxMessages);
    await message('+687700008', 'sent', 8);
    const config = loadConfig({ DATA_DIR: tmpdir(), OUTBOX_RETENTION_DAYS: '7' });
    assert.equal(config.outboxRetentionDays, 7);
    const job = jobDefinitions(config, database, pino({ level: 'silent' })).find((j) => j.name === 'outbox.purge');
    assert.ok(job);
    assert.match(job.cron ?? '', /^\d+ \d+ \* \* \*$/);
    await job.handle();
    assert.deepEqual(await recipients(), []);
  });
});
