import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/env.ts';
import { access, UnauthenticatedError } from '../../../platform/http/access.ts';
import { redirectWithFlash } from '../../../platform/http/flash.ts';
import { inputValue, readForm, validate, type FieldErrors, type FormInput } from '../../../platform/http/forms.ts';
import { registerNav } from '../../../platform/http/navigation.ts';
import { errorPage, page } from '../../../platform/http/render.tsx';
import { can, type Actor } from '../../../platform/authz/index.ts';
import { formatDateTime, localDay } from '../../../platform/format.ts';
import { xlsxContentType } from '../../../platform/xlsx.ts';
import { accessNeedLabels } from '../workshops.labels.ts';
import { findProgramme, listProgrammes, programmeSubject, seriesOf, sessionsForWorkspace, type ProgrammeWithConsortium, type SessionView } from '../workshops.queries.ts';
import { whenText } from '../workshops.time.ts';
import { dayAssetHref } from '../day/day.assets.ts';
import { communeName, dayPermissions, whereOf } from '../day/day.presenters.ts';
import { debriefsOf, rostersOf } from '../day/day.queries.ts';
import { feedbackAnswerLabels, feedbackQuestionShortLabels } from '../feedback/feedback.labels.ts';
import { feedbackComments, feedbackSummaries, satisfactionPercent } from '../feedback/feedback.queries.ts';
import { feedbackAnswers, feedbackQuestions } from '../feedback/feedback.schema.ts';
import { recordAdjustment, updateAdjustment, type AdjustmentError } from './reporting.commands.ts';
import { dayText, funderReport, satisfactionTable } from './reporting.data.ts';
import { adjustmentFields, periodFields } from './reporting.forms.ts';
import { adjustmentStatusLabels } from './reporting.labels.ts';
import { adjustmentsOf, findAdjustment, programmeSessionFacts } from './reporting.queries.ts';
import { funderReportXlsx } from './reporting.xlsx.ts';
import { AdjustmentFormPage, CoconstructionPage, type AdjustmentValues } from './views/coconstruction.tsx';
import { ReportPage } from './views/report.tsx';
import { FollowUpPage, type FollowUpRow } from '../day/views/follow-up.tsx';

registerNav({ href: '/gestion/ateliers/suivi', label: 'Suivi des ateliers', shownTo: 'workshop.day', order: 31 });

/** Co-construction (review, adjustments), the funder report and the follow-up page of the workshop days. */
export const reportingRoutes = new Hono<AppEnv>();

function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

function pageNumber(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 10_000) : 1;
}

const context = (c: Context<AppEnv>) => ({ requestId: c.get('requestId') });

/** The programme, when the actor may do `action` on it; null (404) otherwise. */
async function programmeFor(c: Context<AppEnv>, action: 'workshop.coconstruction' | 'workshop.report'): Promise<ProgrammeWithConsortium | null> {
  const programme = await findProgramme(c.get('services').database.db, c.req.param('id') ?? '');
  if (!programme || !can(c.get('actor') ?? null, action, programmeSubject(programme))) return null;
  return programme;
}

// ——— Follow-up ———

async function followUpRows(c: Context<AppEnv>, sessions: SessionView[]): Promise<FollowUpRow[]> {
  const { db } = c.get('services').database;
  const ids = sessions.map((s) => s.id);
  const [rosters, feedback, debriefs] = await Promise.all([rostersOf(db, ids), feedbackSummaries(db, ids), debriefsOf(db, ids)]);
  const actor = c.get('actor') ?? null;
  return sessions.map((s) => {
    const roster = rosters.get(s.id);
    const allowed = dayPermissions(actor, s);
    const links = [
      ...(allowed.roster ? [{ href: `/gestion/seances/${s.id}/emargement`, text: 'Émargement' }] : []),
      ...(allowed.feedbackRead ? [{ href: `/gestion/seances/${s.id}/avis`, text: 'Avis' }] : []),
      ...(allowed.debriefRead ? [{ href: `/gestion/seances/${s.id}/bilan`, text: 'Bilan' }] : []),
    ];
    return {
      id: s.id,
      title: s.series.title,
      when: whenText(s.startsAt, s.endsAt),
      where: whereOf(s),
      roster: s.status === 'cancelled' ? { label: 'Séance annulée', colour: 'red' } : roster?.closedAt ? { label: `Clôturée : ${roster.tally?.attended ?? 0} présents`, colour: 'green' } : { label: 'Ouverte', colour: 'yellow' },
      responses: feedback.get(s.id)?.responses ?? 0,
      debrief: debriefs.has(s.id) ? 'Écrit' : 'À écrire',
      links,
    };
  });
}

reportingRoutes.get('/gestion/ateliers/suivi', access.to('workshop.day'), async (c) => {
  const actor = currentActor(c);
  const { db } = c.get('services').database;
  const current = pageNumber(c.req.query('page'));
  const [upcoming, past, programmes] = await Promise.all([sessionsForWorkspace(db, actor, { past: false, page: 1, perPage: 5 }), sessionsForWorkspace(db, actor, { past: true, page: current, perPage: 15 }), listProgrammes(db)]);
  const steered = programmes.filter((p) => can(actor, 'workshop.coconstruction', programmeSubject(p)) || can(actor, 'workshop.report', programmeSubject(p)));
  return page(
    c,
    { title: current > 1 ? `Suivi des ateliers, page ${current}` : 'Suivi des ateliers' },
    <FollowUpPage
      current={await followUpRows(c, upcoming.rows)}
      past={await followUpRows(c, past.rows)}
      page={current}
      pageCount={past.pageCount}
      hrefFor={(n) => (n > 1 ? `/gestion/ateliers/suivi?page=${n}` : '/gestion/ateliers/suivi')}
      programmes={steered.map((p) => ({
        name: p.name,
        links: [
          ...(can(actor, 'workshop.coconstruction', programmeSubject(p)) ? [{ href: `/gestion/programmes/${p.id}/co-construction`, text: `Co-construction de ${p.name}` }] : []),
          ...(can(actor, 'workshop.report', programmeSubject(p)) ? [{ href: `/gestion/programmes/${p.id}/rapport`, text: `Rapport au financeur de ${p.name}` }] : []),
        ],
      }))}
    />,
  );
});

// ——— Co-construction ———

const sessionsPerPage = 10;

reportingRoutes.get('/gestion/programmes/:id/co-construction', access.to('workshop.coconstruction'), async (c) => {
  const programme = await programmeFor(c, 'workshop.coconstruction');
  if (!programme) return errorPage(c, 404);
  const { db } = c.get('services').database;
  const series = await seriesOf(db, programme.id);
  const chosen = series.find((s) => s.id === c.req.query('atelier'))?.id ?? '';
  const facts = (await programmeSessionFacts(db, programme.id)).filter((f) => !f.cancelled && f.session.startsAt <= new Date() && (!chosen || f.session.seriesId === chosen));
  const newest = [...facts].reverse();
  const pageCount = Math.max(1, Math.ceil(newest.length / sessionsPerPage));
  const current = Math.min(pageNumber(c.req.query('page')), pageCount);
  const shown = newest.slice((current - 1) * sessionsPerPage, current * sessionsPerPage);
  const shownIds = shown.map((f) => f.id);
  const [debriefs, comments, adjustments] = await Promise.all([debriefsOf(db, facts.map((f) => f.id)), feedbackComments(db, shownIds, 500), adjustmentsOf(db, programme.id)]);
  const seriesTitle = new Map(series.map((s) => [s.id, s.title]));
  const base = `/gestion/programmes/${programme.id}/co-construction`;
  return page(
    c,
    { title: current > 1 ? `Co-construction : ${programme.name}, page ${current}` : `Co-construction : ${programme.name}`, breadcrumbs: [{ href: '/gestion/ateliers/suivi', label: 'Suivi des ateliers' }] },
    <CoconstructionPage
      programme={{ id: programme.id, name: programme.name, publicHref: `/programmes/${programme.slug}` }}
      seriesChoices={series.map((s) => ({ value: s.id, label: s.title }))}
      series={chosen}
      seriesRows={series
        .filter((s) => !chosen || s.id === chosen)
        .map((s) => {
          const of = facts.filter((f) => f.session.seriesId === s.id);
          const answers = of.reduce((n, f) => n + (f.feedback?.answers ?? 0), 0);
          const positive = of.reduce((n, f) => n + (f.feedback?.positive ?? 0), 0);
          const satisfaction = satisfactionPercent({ answers, positive });
          return [s.title, of.filter((f) => f.held).length, of.reduce((n, f) => n + (f.feedback?.responses ?? 0), 0), satisfaction === null ? '—' : `${satisfaction} %`, of.filter((f) => debriefs.has(f.id)).length];
        })}
      adjustments={adjustments
        .filter((a) => !chosen || a.seriesId === chosen || a.seriesId === null)
        .map((a) => ({
          id: a.id,
          change: a.change,
          scope: a.seriesId ? (seriesTitle.get(a.seriesId) ?? '') : 'Tout le programme',
          status: a.status === 'done' && a.doneOn ? `${adjustmentStatusLabels.done} le ${dayText(a.doneOn)}` : adjustmentStatusLabels[a.status],
          done: a.status === 'done',
          isPublic: a.isPublic,
          date: a.doneOn ?? '',
          sources: a.feedbackIds.length + a.debriefIds.length,
          editHref: `/gestion/programmes/${programme.id}/ajustements/${a.id}/modifier`,
        }))}
      sessions={shown.map((f) => {
        const d = debriefs.get(f.id);
        return {
          id: f.id,
          title: f.session.series.title,
          when: whenText(f.session.startsAt, f.session.endsAt),
          where: whereOf(f.session),
          held: f.held ? 'Liste clôturée' : 'Liste pas encore clôturée',
          responses: f.feedback?.responses ?? 0,
          satisfaction: f.feedback && satisfactionPercent(f.feedback) !== null ? `${satisfactionPercent(f.feedback)} %` : '—',
          answers: f.feedback ? feedbackQuestions.map((q) => `${feedbackQuestionShortLabels[q]} : ${feedbackAnswers.map((a) => `${f.feedback?.byQuestion[q][a] ?? 0} « ${feedbackAnswerLabels[q][a].toLowerCase()} »`).join(', ')}`) : [],
          comments: comments.filter((m) => m.sessionId === f.id).slice(0, 10).map((m) => m.comment),
          debrief: d ? { whatWorked: d.whatWorked, difficulties: d.difficulties, adaptations: d.adaptations, needs: d.adaptationNeeds.map((n) => accessNeedLabels[n]).join(', ') } : null,
        };
      })}
      page={current}
      pageCount={pageCount}
      hrefFor={(n) => `${base}?${new URLSearchParams({ ...(chosen ? { atelier: chosen } : {}), ...(n > 1 ? { page: String(n) } : {}) }).toString()}`}
      newHref={`/gestion/programmes/${programme.id}/ajustements/nouveau${chosen ? `?atelier=${chosen}` : ''}`}
    />,
  );
});

// ——— Adjustments ———

const adjustmentErrors: Record<AdjustmentError, FieldErrors> = {
  unknown_series: { seriesId: 'Choisissez un atelier de ce programme' },
  unknown_sources: { feedbackIds: 'Choisissez des avis et des bilans de ce programme' },
};

function valuesOf(input: FormInput): AdjustmentValues {
  const list = (k: string) => {
    const v = input[k];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  return {
    change: inputValue(input, 'change'),
    reason: inputValue(input, 'reason'),
    seriesId: inputValue(input, 'seriesId'),
    status: inputValue(input, 'status'),
    doneOn: inputValue(input, 'doneOn'),
    isPublic: inputValue(input, 'isPublic'),
    youSaid: inputValue(input, 'youSaid'),
    weDid: inputValue(input, 'weDid'),
    feedbackIds: list('feedbackIds'),
    debriefIds: list('debriefIds'),
  };
}

async function adjustmentForm(c: Context<AppEnv>, programme: ProgrammeWithConsortium, options: { heading: string; action: string; values: AdjustmentValues; errors: FieldErrors }) {
  const { db } = c.get('services').database;
  const series = await seriesOf(db, programme.id);
  const facts = (await programmeSessionFacts(db, programme.id)).filter((f) => !f.cancelled && (!options.values.seriesId || f.session.seriesId === options.values.seriesId));
  const ids = facts.map((f) => f.id);
  const byId = new Map(facts.map((f) => [f.id, f.session]));
  const [comments, debriefs] = await Promise.all([feedbackComments(db, ids, 60), debriefsOf(db, ids)]);
  const sessionText = (id: string) => {
    const s = byId.get(id);
    return s ? `${s.series.title}, ${localDay(s.startsAt)}, ${communeName(s.communeCode)}` : '';
  };
  // Already linked items stay listed even when older than the 60 shown.
  const feedbackItems = comments.map((m) => ({ value: m.id, label: `« ${m.comment.slice(0, 160)} »`, hint: sessionText(m.sessionId) }));
  const debriefItems = [...debriefs.values()].map((d) => ({ value: d.id, label: `Bilan de ${d.authorName} : ${(d.adaptations || d.difficulties || d.whatWorked).slice(0, 160)}`, hint: sessionText(d.sessionId) }));
  return page(
    c,
    { title: options.heading, hasErrors: Object.keys(options.errors).length > 0, breadcrumbs: [{ href: `/gestion/programmes/${programme.id}/co-construction`, label: `Co-construction : ${programme.name}` }] },
    <AdjustmentFormPage
      heading={options.heading}
      action={options.action}
      cancelHref={`/gestion/programmes/${programme.id}/co-construction`}
      values={options.values}
      errors={options.errors}
      seriesChoices={series.map((s) => ({ value: s.id, label: s.title }))}
      feedbackItems={feedbackItems}
      debriefItems={debriefItems}
    />,
  );
}

reportingRoutes.get('/gestion/programmes/:id/ajustements/nouveau', access.to('workshop.coconstruction'), async (c) => {
  const programme = await programmeFor(c, 'workshop.coconstruction');
  if (!programme) return errorPage(c, 404);
  const values = valuesOf({ seriesId: c.req.query('atelier') ?? '', status: 'planned', isPublic: 'non' });
  return adjustmentForm(c, programme, { heading: 'Enregistrer un ajustement', action: `/gestion/programmes/${programme.id}/ajustements/nouveau`, values, errors: {} });
});

reportingRoutes.post('/gestion/programmes/:id/ajustements/nouveau', access.to('workshop.coconstruction'), async (c) => {
  const actor = currentActor(c);
  const programme = await programmeFor(c, 'workshop.coconstruction');
  if (!programme) return errorPage(c, 404);
  const action = `/gestion/programmes/${programme.id}/ajustements/nouveau`;
  const form = await readForm(c, adjustmentFields);
  if (!form.ok) return adjustmentForm(c, programme, { heading: 'Enregistrer un ajustement', action, values: valuesOf(form.input), errors: form.errors });
  const result = await c.get('services').database.db.transaction((tx) => recordAdjustment(tx, actor, programme, form.data, context(c)));
  if (!result.ok) return adjustmentForm(c, programme, { heading: 'Enregistrer un ajustement', action, values: valuesOf(form.input), errors: adjustmentErrors[result.error] });
  return redirectWithFlash(c, `/gestion/programmes/${programme.id}/co-construction`, { kind: 'success', text: 'Ajustement enregistré.' });
});

reportingRoutes.get('/gestion/programmes/:id/ajustements/:adjustmentId/modifier', access.to('workshop.coconstruction'), async (c) => {
  const programme = await programmeFor(c, 'workshop.coconstruction');
  if (!programme) return errorPage(c, 404);
  const adjustment = await findAdjustment(c.get('services').database.db, c.req.param('adjustmentId'));
  if (!adjustment || adjustment.programmeId !== programme.id) return errorPage(c, 404);
  const values: AdjustmentValues = {
    change: adjustment.change,
    reason: adjustment.reason,
    seriesId: adjustment.seriesId ?? '',
    status: adjustment.status,
    doneOn: adjustment.doneOn ?? '',
    isPublic: adjustment.isPublic ? 'oui' : 'non',
    youSaid: adjustment.youSaid,
    weDid: adjustment.weDid,
    feedbackIds: adjustment.feedbackIds,
    debriefIds: adjustment.debriefIds,
  };
  return adjustmentForm(c, programme, { heading: 'Modifier un ajustement', action: `/gestion/programmes/${programme.id}/ajustements/${adjustment.id}/modifier`, values, errors: {} });
});

reportingRoutes.post('/gestion/programmes/:id/ajustements/:adjustmentId/modifier', access.to('workshop.coconstruction'), async (c) => {
  const actor = currentActor(c);
  const programme = await programmeFor(c, 'workshop.coconstruction');
  if (!programme) return errorPage(c, 404);
  const id = c.req.param('adjustmentId');
  const action = `/gestion/programmes/${programme.id}/ajustements/${id}/modifier`;
  const form = await readForm(c, adjustmentFields);
  if (!form.ok) return adjustmentForm(c, programme, { heading: 'Modifier un ajustement', action, values: valuesOf(form.input), errors: form.errors });
  const result = await c.get('services').database.db.transaction((tx) => updateAdjustment(tx, actor, programme, id, form.data, context(c)));
  if (!result.ok) return result.error === 'not_found' ? errorPage(c, 404) : adjustmentForm(c, programme, { heading: 'Modifier un ajustement', action, values: valuesOf(form.input), errors: adjustmentErrors[result.error] });
  return redirectWithFlash(c, `/gestion/programmes/${programme.id}/co-construction`, { kind: 'success', text: 'Ajustement enregistré.' });
});

// ——— Funder report ———

function periodOf(c: Context<AppEnv>, programme: ProgrammeWithConsortium): { ok: true; du: string; au: string } | { ok: false; du: string; au: string; errors: FieldErrors } {
  const input = { du: c.req.query('du') || programme.startsOn, au: c.req.query('au') || programme.endsOn };
  const checked = validate(periodFields, input);
  return checked.ok ? { ok: true, ...checked.data } : { ok: false, ...input, errors: checked.errors };
}

reportingRoutes.get('/gestion/programmes/:id/rapport', access.to('workshop.report'), async (c) => {
  const programme = await programmeFor(c, 'workshop.report');
  if (!programme) return errorPage(c, 404);
  const period = periodOf(c, programme);
  const { db } = c.get('services').database;
  const report = await funderReport(db, programme, period.ok ? period.du : programme.startsOn, period.ok ? period.au : programme.endsOn);
  const totals = report.results.totals;
  return page(
    c,
    { title: `Rapport au financeur : ${programme.name}`, hasErrors: !period.ok, breadcrumbs: [{ href: '/gestion/ateliers/suivi', label: 'Suivi des ateliers' }] },
    <ReportPage
      programme={{ id: programme.id, name: programme.name, consortium: programme.consortium.map((o) => o.name).join(', '), funders: programme.funders.join(', ') }}
      period={{ du: period.du, au: period.au, text: report.period.text }}
      errors={period.ok ? {} : period.errors}
      xlsxHref={period.ok ? `/gestion/programmes/${programme.id}/rapport.xlsx?${new URLSearchParams({ du: period.du, au: period.au }).toString()}` : null}
      generated={formatDateTime(new Date())}
      note={report.note}
      targets={report.targetRows}
      totals={[
        { key: 'Ateliers réalisés', value: `${totals.held} sur ${totals.planned} prévus` },
        { key: 'Communes couvertes', value: String(totals.communes) },
        { key: 'Personnes touchées', value: String(totals.reached) },
        { key: 'Dont en situation de handicap', value: totals.withDisability === null ? 'moins de 5' : String(totals.withDisability) },
        { key: 'Réponses des participants', value: String(totals.responses) },
        { key: 'Satisfaction', value: totals.satisfaction === null ? 'pas encore d’avis' : `${totals.satisfaction} %` },
      ]}
      byCommune={report.byCommune}
      byMonth={report.byMonth}
      satisfaction={satisfactionTable(report.results)}
      adjustments={report.adjustments.map((a) => ({ change: a.change, reason: a.reason, scope: a.seriesTitle, status: adjustmentStatusLabels[a.status], date: a.doneOn ? dayText(a.doneOn) : '' }))}
      stylesheet={dayAssetHref('styles')}
    />,
  );
});

reportingRoutes.get('/gestion/programmes/:id/rapport.xlsx', access.to('workshop.report'), async (c) => {
  const programme = await programmeFor(c, 'workshop.report');
  if (!programme) return errorPage(c, 404);
  const period = periodOf(c, programme);
  if (!period.ok) return c.redirect(`/gestion/programmes/${programme.id}/rapport?${new URLSearchParams({ du: period.du, au: period.au }).toString()}`, 303);
  const report = await funderReport(c.get('services').database.db, programme, period.du, period.au);
  const bytes = await funderReportXlsx(report, new Date());
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': xlsxContentType,
    'content-disposition': `attachment; filename="rapport-${programme.slug}-${period.du}-${period.au}.xlsx"`,
    'cache-control': 'no-store',
  });
});
