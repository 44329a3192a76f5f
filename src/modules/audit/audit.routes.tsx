import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.ts';
import { access } from '../../platform/http/access.ts';
import type { FieldErrors } from '../../platform/http/forms.ts';
import { registerNav } from '../../platform/http/navigation.ts';
import { errorPage, page } from '../../platform/http/render.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { auditActions, findAuditEvent, searchAuditEvents } from './audit.queries.ts';
import { AuditEventPage, JournalPage } from './views/journal.tsx';
import './audit.policy.ts';

registerNav({ href: '/admin/journal', label: 'Journal d’audit', shownTo: 'audit.search', order: 90 });

export const auditRoutes = new Hono<AppEnv>();

const journalCrumb = { href: '/admin/journal', label: 'Journal d’audit' };

/** A real calendar day written `YYYY-MM-DD` (what `<input type="date">` sends). */
function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function pageNumber(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100_000) : 1;
}

auditRoutes.get('/admin/journal', access.to('audit.search'), async (c) => {
  const { database, config } = c.get('services');
  const raw = {
    text: (c.req.query('text') ?? '').trim().slice(0, 200),
    action: (c.req.query('action') ?? '').trim().slice(0, 100),
    from: (c.req.query('from') ?? '').trim(),
    to: (c.req.query('to') ?? '').trim(),
  };
  const errors: FieldErrors = {};
  if (raw.from && !isDay(raw.from)) errors.from = 'Entrez la date de début au format année-mois-jour, par exemple 2026-03-01';
  if (raw.to && !isDay(raw.to)) errors.to = 'Entrez la date de fin au format année-mois-jour, par exemple 2026-03-31';
  if (!errors.from && !errors.to && raw.from && raw.to && raw.from > raw.to) errors.to = 'La date de fin doit être le même jour que la date de début, ou après';
  const current = pageNumber(c.req.query('page'));
  const result = await searchAuditEvents(
    database.db,
    {
      text: raw.text || undefined,
      action: raw.action || undefined,
      from: raw.from && !errors.from ? raw.from : undefined,
      to: raw.to && !errors.to ? raw.to : undefined,
      page: current,
    },
    config.timeZone,
  );
  const hrefFor = (n: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(raw)) if (value) params.set(key, value);
    if (n > 1) params.set('page', String(n));
    const query = params.toString();
    return query ? `/admin/journal?${query}` : '/admin/journal';
  };
  return page(
    c,
    { title: current > 1 ? `Journal d’audit, page ${current}` : 'Journal d’audit', hasErrors: Object.keys(errors).length > 0 },
    <JournalPage
      filters={raw}
      errors={errors}
      actions={await auditActions(database.db)}
      rows={result.rows.map((r) => ({
        id: r.id,
        at: formatDateTime(r.at),
        actor: r.actorLabel,
        action: r.action,
        summary: r.summary,
        subject: r.subjectId ? `${r.subjectType} ${r.subjectId}` : r.subjectType,
      }))}
      total={result.total}
      page={current}
      pageCount={result.pageCount}
      hrefFor={hrefFor}
    />,
  );
});

auditRoutes.get('/admin/journal/:id', access.to('audit.search'), async (c) => {
  const event = await findAuditEvent(c.get('services').database.db, c.req.param('id'));
  if (!event) return errorPage(c, 404);
  const at = formatDateTime(event.at);
  return page(
    c,
    { title: `Événement du ${at} : ${event.action}`, breadcrumbs: [journalCrumb] },
    <AuditEventPage
      at={at}
      actor={event.actorLabel}
      action={event.action}
      summary={event.summary}
      subjectType={event.subjectType}
      subjectId={event.subjectId}
      requestId={event.requestId}
      details={JSON.stringify(event.details, null, 2)}
    />,
  );
});
