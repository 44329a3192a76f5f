import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { testDatabase } from '../../../tests/support/test-app.ts';
import { queueMessage } from './outbox.commands.ts';
import { deliverQueued, maxAttempts, transportsFrom } from './outbox.delivery.ts';
import { outboxMessages } from './outbox.schema.ts';

type Received = { from: string; to: string[]; raw: string };

/** A real SMTP server on a free local port; it keeps what it receives, or refuses every recipient. */
async function startSmtp(options: { reject?: boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (options.reject) callback(Object.assign(new Error('Boîte aux lettres indisponible'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve) => {
    const net = server.listen(0, '127.0.0.1', () => {
      const address = net.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function onlyMessage(database: Database) {
  const rows = await database.db.select().from(outboxMessages);
  assert.equal(rows.length, 1);
  const [row] = rows;
  assert.ok(row);
  return row;
}

describe('outbox delivery', () => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeEach(async () => {
    ({ database, drop } = await testDatabase());
  });
  afterEach(() => drop());

  describe('through SMTP', () => {
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    before(async () => {
      smtp = await startSmtp();
    });
    after(() => smtp.close());

    it('sends a queued e-mail to a real SMTP server, once', async () => {
      smtp.received.length = 0;
      await database.db.transaction((tx) =>
        queueMessage(tx, {
          channel: 'email',
          recipient: 'marie.wamytan@exemple.nc',
          subject: 'Rappel de rendez-vous',
          text: 'Bonjour, votre rendez-vous est demain a 9 h au Point Conseil Numerique de Kone.',
          purpose: 'reminder',
        }),
      );
      const transports = transportsFrom(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: 'relais@exemple.nc', LOG_LEVEL: 'silent' }));

      assert.deepEqual(await deliverQueued(database.db, transports), { sent: 1, failed: 0 });
      assert.equal(smtp.received.length, 1);
      const mail = smtp.received[0];
      assert.ok(mail);
      assert.deepEqual(mail.to, ['marie.wamytan@exemple.nc']);
      assert.equal(mail.from, 'relais@exemple.nc');
      assert.match(mail.raw, /^Subject: Rappel de rendez-vous\r?$/m);
      assert.match(mail.raw.replace(/=\r?\n/g, ''), /votre rendez-vous est demain a 9 h au Point Conseil Numerique de Kone\./);
      const row = await onlyMessage(database);
      assert.equal(row.status, 'sent');
      assert.equal(row.attempts, 1);
      assert.ok(row.sentAt instanceof Date);

      assert.deepEqual(await deliverQueued(database.db, transports), { sent: 0, failed: 0 });
      assert.equal(smtp.received.length, 1, 'a second delivery must send nothing more');
    });
  });

  describe('through an SMTP server that refuses', () => {
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    before(async () => {
      smtp = await startSmtp({ reject: true });
    });
    after(() => smtp.close());

    it('keeps the message queued and counts attempts, then marks it failed after the last one', async () => {
      await database.db.transaction((tx) => queueMessage(tx, { channel: 'email', recipient: 'refus@exemple.nc', subject: 'Essai', text: 'Essai', purpose: 'test' }));
      const transports = transportsFrom(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, LOG_LEVEL: 'silent' }));
      for (let attempt = 1; attempt < maxAttempts; attempt++) {
        assert.deepEqual(await deliverQueued(database.db, transports), { sent: 0, failed: 0 });
        const row = await onlyMessage(database);
        assert.equal(row.status, 'queued', `after attempt ${attempt}`);
        assert.equal(row.attempts, attempt);
        assert.match(row.lastError ?? '', /550|Boîte aux lettres indisponible/);
      }
      assert.deepEqual(await deliverQueued(database.db, transports), { sent: 0, failed: 1 });
      const row = await onlyMessage(database);
      assert.equal(row.status, 'failed');
      assert.equal(row.attempts, maxAttempts);
      assert.equal(smtp.received.length, 0);
      assert.deepEqual(await deliverQueued(database.db, transports), { sent: 0, failed: 0 }, 'a failed message is not retried');
    });
  });

  it('leaves messages queued when no transport is configured', async () => {
    await database.db.transaction((tx) => queueMessage(tx, { channel: 'email', recipient: 'a@exemple.nc', subject: 'Essai', text: 'Essai', purpose: 'test' }));
    await database.db.transaction((tx) => queueMessage(tx, { channel: 'sms', recipient: '+687261234', text: 'Essai', purpose: 'test' }));
    const transports = transportsFrom(loadConfig({ LOG_LEVEL: 'silent' }));
    assert.deepEqual(transports, {});
    assert.deepEqual(await deliverQueued(database.db, transports), { sent: 0, failed: 0 });
    const rows = await database.db.select().from(outboxMessages);
    assert.deepEqual(rows.map((r) => [r.status, r.attempts]), [['queued', 0], ['queued', 0]]);
  });

  it('posts an SMS as JSON { to, text } with the bearer token to the gateway', async () => {
    const requests: { method: string | undefined; url: string | undefined; headers: IncomingHttpHeaders; body: string }[] = [];
    const gateway = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        requests.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(202, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    try {
      const address: AddressInfo | string | null = gateway.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      await database.db.transaction((tx) =>
        queueMessage(tx, { channel: 'sms', recipient: '+687261234', text: 'Rappel : atelier demain à 9 h, médiathèque de Koné.', purpose: 'reminder' }),
      );
      const transports = transportsFrom(loadConfig({ SMS_GATEWAY_URL: `http://127.0.0.1:${port}/envoi`, SMS_GATEWAY_TOKEN: 'jeton-secret', LOG_LEVEL: 'silent' }));
      assert.equal(transports.email, undefined);
      assert.deepEqual(await deliverQueued(database.db, transports), { sent: 1, failed: 0 });
      assert.equal(requests.length, 1);
      const request = requests[0];
      assert.ok(request);
      assert.equal(request.method, 'POST');
      assert.equal(request.url, '/envoi');
      assert.equal(request.headers.authorization, 'Bearer jeton-secret');
      assert.match(request.headers['content-type'] ?? '', /^application\/json/);
      assert.deepEqual(JSON.parse(request.body), { to: '+687261234', text: 'Rappel : atelier demain à 9 h, médiathèque de Koné.' });
      const [row] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, '+687261234'));
      assert.equal(row?.status, 'sent');
    } finally {
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
    }
  });
});
