import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asc } from 'drizzle-orm';
import pino from 'pino';
import { startJobs, type JobDefinition } from '../../src/platform/jobs/index.ts';
import { deliverQueued, queueMessage, type Transports } from '../../src/modules/outbox/index.ts';
import { outboxMessages } from '../../src/modules/outbox/outbox.schema.ts';
import type { Database } from '../../src/db/client.ts';
import { testDatabase } from '../support/test-app.ts';

const silent = pino({ level: 'silent' });

/** Resolves when `condition` holds, polling; fails after `timeoutMs`. */
async function eventually(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Sent = { channel: 'email' | 'sms'; recipient: string; text: string };

/** Transports that keep what they are given: the delivery code runs for real, only the wire is replaced. */
function collectingTransports(sent: Sent[], options: { failFirstSmsAttempt?: boolean } = {}): Transports {
  let smsFailures = options.failFirstSmsAttempt ? 1 : 0;
  return {
    email: async (m) => {
      sent.push({ channel: 'email', recipient: m.recipient, text: m.text });
    },
    sms: async (m) => {
      if (smsFailures > 0) {
        smsFailures--;
        throw new Error('passerelle SMS : réponse 503');
      }
      sent.push({ channel: 'sms', recipient: m.recipient, text: m.text });
    },
  };
}

async function queueThreeMessages(database: Database): Promise<void> {
  await database.db.transaction(async (tx) => {
    await queueMessage(tx, { channel: 'email', recipient: 'a@exemple.nc', subject: 'Invitation', text: 'Bienvenue', purpose: 'invitation', dedupeKey: 'invitation-a' });
    await queueMessage(tx, { channel: 'email', recipient: 'b@exemple.nc', subject: 'Rappel', text: 'Rendez-vous demain', purpose: 'reminder' });
    await queueMessage(tx, { channel: 'sms', recipient: '+687 75 12 34', text: 'Rendez-vous demain à 9 h', purpose: 'reminder' });
  });
}

async function outboxState(database: Database) {
  const rows = await database.db.select().from(outboxMessages).orderBy(asc(outboxMessages.recipient));
  return rows.map((r) => ({ recipient: r.recipient, status: r.status, attempts: r.attempts, lastError: r.lastError, sent: r.sentAt !== null }));
}

describe('background jobs (pg-boss) on the application’s database', () => {
  it('starts the queue and runs a job definition after trigger()', async () => {
    const { database, url, drop } = await testDatabase();
    let runs = 0;
    const definition: JobDefinition = {
      name: 'test.ping',
      handle: async () => {
        runs++;
      },
    };
    const jobs = await startJobs(database, { url, timeZone: 'Pacific/Noumea', logger: silent }, [definition]);
    try {
      assert.equal(runs, 0, 'nothing runs before it is asked for');
      jobs.trigger('test.ping');
      await eventually(() => runs > 0, 20_000, 'the job ran');
      assert.deepEqual(await jobs.queueSizes(), { 'test.ping': 0 });
      // pg-boss keeps its own tables next to the application's, in its schema.
      const { rows } = await database.executeSql(`select count(*)::int as n from information_schema.tables where table_schema = 'pgboss'`);
      assert.ok(Number(rows[0]?.n) > 0);
    } finally {
      await jobs.stop();
      await drop();
    }
    assert.equal(runs, 1);
  });

  it('delivers the outbox through a triggered job, and a second run of the handler sends nothing twice', async () => {
    const { database, url, drop } = await testDatabase();
    const sent: Sent[] = [];
    const transports = collectingTransports(sent);
    const delivery: JobDefinition = { name: 'outbox.deliver', handle: async () => void (await deliverQueued(database.db, transports)) };
    const jobs = await startJobs(database, { url, timeZone: 'Pacific/Noumea', logger: silent }, [delivery]);
    try {
      await queueThreeMessages(database);
      jobs.trigger('outbox.deliver');
      await eventually(async () => (await outboxState(database)).every((m) => m.status === 'sent'), 20_000, 'every message was sent');
      const afterFirstRun = await outboxState(database);
      assert.equal(sent.length, 3);

      // A job may run again after a crash or a retry: the result must not change.
      await delivery.handle();
      await delivery.handle();
      assert.deepEqual(await outboxState(database), afterFirstRun);
      assert.equal(sent.length, 3);
      assert.deepEqual(sent.map((m) => m.recipient).sort(), ['+687 75 12 34', 'a@exemple.nc', 'b@exemple.nc']);
      for (const message of afterFirstRun) assert.deepEqual({ status: message.status, attempts: message.attempts, sent: message.sent }, { status: 'sent', attempts: 1, sent: true });
    } finally {
      await jobs.stop();
      await drop();
    }
  });

  it('keeps a message whose sending failed and sends it, once, on the next run', async () => {
    const { database, drop } = await testDatabase();
    try {
      await queueThreeMessages(database);
      const sent: Sent[] = [];
      const transports = collectingTransports(sent, { failFirstSmsAttempt: true });

      assert.deepEqual(await deliverQueued(database.db, transports), { sent: 2, failed: 0 });
      const sms = (await outboxState(database)).find((m) => m.recipient.startsWith('+687'));
      assert.deepEqual(sms, { recipient: '+687 75 12 34', status: 'queued', attempts: 1, lastError: 'passerelle SMS : réponse 503', sent: false });

      assert.deepEqual(await deliverQueued(database.db, transports), { sent: 1, failed: 0 });
      assert.deepEqual(await deliverQueued(database.db, transports), { sent: 0, failed: 0 });
      assert.equal(sent.length, 3);
      assert.deepEqual(sent.filter((m) => m.channel === 'sms').length, 1);
      const state = await outboxState(database);
      assert.ok(state.every((m) => m.status === 'sent' && m.lastError === null));
    } finally {
      await drop();
    }
  });

  it('leaves messages of a channel without a transport in the outbox', async () => {
    const { database, drop } = await testDatabase();
    try {
      await queueThreeMessages(database);
      const sent: Sent[] = [];
      const { email } = collectingTransports(sent);
      assert.deepEqual(await deliverQueued(database.db, { email }), { sent: 2, failed: 0 });
      const sms = (await outboxState(database)).find((m) => m.recipient.startsWith('+687'));
      assert.deepEqual(sms, { recipient: '+687 75 12 34', status: 'queued', attempts: 0, lastError: null, sent: false });
    } finally {
      await drop();
    }
  });
});
