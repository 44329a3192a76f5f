import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.ts';
import { access } from '../../platform/http/access.ts';
import { registerNav } from '../../platform/http/navigation.ts';
import { errorPage, page } from '../../platform/http/render.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { recordAudit } from '../audit/index.ts';
import { findOutboxMessage, listOutboxMessages, outboxCounts } from './outbox.queries.ts';
import { outboxChannels, outboxStatuses } from './outbox.schema.ts';
import { outboxChannelLabels } from './views/labels.ts';
import { OutboxMessagePage, OutboxPage } from './views/outbox.tsx';
import './outbox.policy.ts';

registerNav({ href: '/admin/boite-envoi', label: 'Boîte d’envoi', shownTo: 'outbox.view', order: 91 });

export const outboxRoutes = new Hono<AppEnv>();

function pick<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((v) => v === value);
}

function pageNumber(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100_000) : 1;
}

outboxRoutes.get('/admin/boite-envoi', access.to('outbox.view'), async (c) => {
  const { database, config } = c.get('services');
  const status = pick(outboxStatuses, c.req.query('status'));
  const channel = pick(outboxChannels, c.req.query('channel'));
  const current = pageNumber(c.req.query('page'));
  const result = await listOutboxMessages(database.db, { status, channel, page: current });
  const hrefFor = (n: number) => {
    const params = new URLSearchParams();
    if (status) params.set('status', status);
    if (channel) params.set('channel', channel);
    if (n > 1) params.set('page', String(n));
    const query = params.toString();
    return query ? `/admin/boite-envoi?${query}` : '/admin/boite-envoi';
  };
  return page(
    c,
    { title: current > 1 ? `Boîte d’envoi, page ${current}` : 'Boîte d’envoi' },
    <OutboxPage
      transports={{ email: config.smtpUrl !== undefined, sms: config.smsGateway !== undefined }}
      counts={await outboxCounts(database.db)}
      filters={{ status: status ?? '', channel: channel ?? '' }}
      rows={result.rows.map((m) => ({
        id: m.id,
        createdAt: formatDateTime(m.createdAt),
        channel: m.channel,
        recipient: m.recipient,
        subject: m.subject ?? m.purpose,
        status: m.status,
        attempts: m.attempts,
      }))}
      total={result.total}
      page={current}
      pageCount={result.pageCount}
      hrefFor={hrefFor}
    />,
  );
});

outboxRoutes.get('/admin/boite-envoi/:id', access.to('outbox.view'), async (c) => {
  const { db } = c.get('services').database;
  const message = await findOutboxMessage(db, c.req.param('id'));
  if (!message) return errorPage(c, 404);
  // Messages carry invitation and password links: reading one is traced like any read of sensitive data.
  await db.transaction((tx) =>
    recordAudit(tx, c.get('actor'), {
      action: 'outbox.read',
      subjectType: 'outbox_message',
      subjectId: message.id,
      summary: `Message « ${message.subject ?? message.purpose} » à ${message.recipient} consulté`,
      requestId: c.get('requestId'),
    }),
  );
  return page(
    c,
    { title: `Message à ${message.recipient} : ${message.subject ?? outboxChannelLabels[message.channel]}`, breadcrumbs: [{ href: '/admin/boite-envoi', label: 'Boîte d’envoi' }] },
    <OutboxMessagePage
      createdAt={formatDateTime(message.createdAt)}
      sentAt={message.sentAt ? formatDateTime(message.sentAt) : null}
      channel={message.channel}
      recipient={message.recipient}
      subject={message.subject}
      purpose={message.purpose}
      status={message.status}
      attempts={message.attempts}
      lastError={message.lastError}
      bodyText={message.bodyText}
      bodyHtml={message.bodyHtml}
    />,
  );
});
