import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Executor } from '../../db/client.ts';
import type { Config } from '../../config.ts';
import { outboxChannels, outboxMessages, type OutboxChannel } from './outbox.schema.ts';

export type Transport = (message: { recipient: string; subject: string | null; text: string; html: string | null }) => Promise<void>;
export type Transports = Partial<Record<OutboxChannel, Transport>>;

/** After this many failed attempts a message is marked failed and shown as such to administrators. */
export const maxAttempts = 5;

/** The transports the configuration provides; a channel without one keeps its messages queued. */
export function transportsFrom(config: Config): Transports {
  const transports: Transports = {};
  if (config.smtpUrl) {
    const mailer = nodemailer.createTransport(config.smtpUrl);
    transports.email = async (m) => {
      await mailer.sendMail({ from: config.smtpFrom, to: m.recipient, subject: m.subject ?? 'Relais', text: m.text, html: m.html ?? undefined });
    };
  }
  const gateway = config.smsGateway;
  if (gateway) {
    transports.sms = async (m) => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(gateway.token ? { Authorization: `Bearer ${gateway.token}` } : {}) },
        body: JSON.stringify({ to: m.recipient, text: m.text }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) throw new Error(`passerelle SMS : réponse ${response.status}`);
    };
  }
  return transports;
}

/**
 * Sends queued messages of the channels that have a transport. Each message is claimed (attempts + 1) before it
 * is sent and marked sent after: a crash in between sends it again at worst, never loses it. Runs in a singleton
 * queue, so two deliveries never overlap.
 */
export async function deliverQueued(db: Executor, transports: Transports, limit = 50): Promise<{ sent: number; failed: number }> {
  const channels = outboxChannels.filter((c) => transports[c] !== undefined);
  if (channels.length === 0) return { sent: 0, failed: 0 };
  const batch = await db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.status, 'queued'), inArray(outboxMessages.channel, channels)))
    .orderBy(asc(outboxMessages.createdAt))
    .limit(limit);
  let sent = 0;
  let failed = 0;
  for (const message of batch) {
    const transport = transports[message.channel];
    if (!transport) continue;
    await db.update(outboxMessages).set({ attempts: sql`${outboxMessages.attempts} + 1` }).where(eq(outboxMessages.id, message.id));
    try {
      await transport({ recipient: message.recipient, subject: message.subject, text: message.bodyText, html: message.bodyHtml });
      await db.update(outboxMessages).set({ status: 'sent', sentAt: new Date(), lastError: null }).where(eq(outboxMessages.id, message.id));
      sent++;
    } catch (error) {
      const giveUp = message.attempts + 1 >= maxAttempts;
      await db
        .update(outboxMessages)
        .set({ status: giveUp ? 'failed' : 'queued', lastError: error instanceof Error ? error.message.slice(0, 500) : String(error) })
        .where(eq(outboxMessages.id, message.id));
      if (giveUp) failed++;
    }
  }
  return { sent, failed };
}
