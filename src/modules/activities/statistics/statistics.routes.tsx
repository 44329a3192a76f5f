import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/env.ts';
import { access, UnauthenticatedError } from '../../../platform/http/access.ts';
import { registerNav } from '../../../platform/http/navigation.ts';
import { errorPage, page } from '../../../platform/http/render.tsx';
import { can, type Actor } from '../../../platform/authz/index.ts';
import { localDay } from '../../../platform/format.ts';
import { xlsxContentType } from '../../../platform/xlsx.ts';
import { communes } from '../../../territory/index.ts';
import { findPlace } from '../../places/index.ts';
import { findTeam, listTeams, teamMembershipPeriods } from '../../teams/index.ts';
import { activityKindLabels, themeLabels } from '../activities.labels.ts';
import { activityKinds, themes } from '../activities.schema.ts';
import { partnersKeptBy, partnersWithProcedures, procedureIdsOf, procedureNames } from '../catalogue/index.ts';
import { kindSlugs } from './statistics.dimensions.ts';
import { statisticsWorkbook } from './statistics.export.ts';
import { readStatisticsQuery, statisticsParams, type StatisticsQuery } from './statistics.filters.ts';
import { viewsFor, statisticsViewLabels, type StatisticsView } from './statistics.policy.ts';
import { presentReport, type PresentedReport } from './statistics.presenters.ts';
import { keptForStatistics } from './statistics.cache.ts';
import { loadReport, type Report, type ReportFilters, type ReportScope } from './statistics.queries.ts';
import { StatisticsPage, type StatisticsPageProps } from './views/statistics-page.tsx';

registerNav({ href: '/statistiques', label: 'Statistiques', shownTo: 'statistics.view', order: 32 });

export const statisticsRoutes = new Hono<AppEnv>();

function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

const shortDay = (day: string) => day.split('-').reverse().join('/');

export type ResolvedStatistics = {
  view: StatisticsView;
  query: StatisticsQuery;
  heading: string;
  scopeText: string;
  subject: StatisticsPageProps['subject'];
  /** The filters in words, for the page and the export. */
  filtersText: string[];
  report: Report;
  presented: PresentedReport;
  place: { id: string; name: string } | null;
  partnerOptions: { value: string; label: string }[];
  empty: StatisticsPageProps['empty'];
};

/**
 * Reads the URL, checks which view the actor may open and on whom, and computes the report: shared by the page and
 * the export, so both show exactly the same figures. A view the actor may not open answers 403; a team or partner
 * they may not know about, 404.
 */
async function resolve(c: Context<AppEnv>): Promise<ResolvedStatistics | 403 | 404> {
  const actor = currentActor(c);
  const { db } = c.get('services').database;
  const today = localDay(new Date());
  const query = readStatisticsQuery(c.req.query(), today);
  const allowed = viewsFor(actor);
  const view = query.view ?? allowed[0];
  if (!view || !allowed.includes(view)) return 403;
  const [partnerOptionRows, place] = await Promise.all([keptForStatistics(db, 'partners', () => partnersWithProcedures(db)), query.placeId ? findPlace(db, query.placeId) : null]);
  const partnerOptions = partnerOptionRows.map((p) => ({ value: p.id, label: p.name }));
  let scope: ReportScope;
  let heading = 'Statistiques';
  let scopeText = '';
  let subject: StatisticsPageProps['subject'] = null;
  let empty: StatisticsPageProps['empty'] = null;
  if (view === 'moi') {
    if (actor.kind !== 'person') return 403;
    scope = { kind: 'helper', userId: actor.userId };
    heading = 'Mes statistiques';
    scopeText = 'Les accompagnements que vous avez enregistrés, dans toutes vos structures.';
  } else if (view === 'reseau') {
    scope = { kind: 'network' };
    heading = 'Statistiques du réseau';
    scopeText = 'Tous les accompagnements enregistrés dans Relais, par tous les aidants.';
  } else if (view === 'equipe') {
    const teams = await keptForStatistics(db, JSON.stringify(['teams', today]), () => listTeams(db, today));
    const teamId = query.teamId || teams[0]?.id || '';
    const team = teamId ? await keptForStatistics(db, JSON.stringify(['team', teamId]), () => findTeam(db, teamId)) : null;
    if (query.teamId && !team) return 404;
    subject = { name: 'equipe', label: 'Équipe', value: teamId, options: teams.map((t) => ({ value: t.id, label: t.name })) };
    scope = { kind: 'team', periods: team ? await keptForStatistics(db, JSON.stringify(['periods', team.id]), () => teamMembershipPeriods(db, team.id)) : [] };
    heading = team ? `Statistiques de l’équipe « ${team.name} »` : 'Statistiques d’une équipe';
    scopeText = 'Les accompagnements de chaque aidant pendant qu’il faisait partie de l’équipe : ceux d’un ancien membre restent comptés jusqu’à son départ.';
    if (!team) empty = { text: 'Aucune équipe pour l’instant. Créez une équipe et ajoutez-y des aidants pour voir ses statistiques.', action: can(actor, 'team.manage') ? { href: '/equipes/nouvelle', label: 'Créer une équipe' } : null };
    query.teamId = teamId;
  } else {
    const kept = await keptForStatistics(db, JSON.stringify(['partners kept', actor.kind === 'person' ? actor.memberships : actor]), () => partnersKeptBy(db, actor));
    const options = kept.map((p) => ({ value: p.id, label: p.name }));
    const partnerId = query.partnerId || options[0]?.value || '';
    const partner = options.find((o) => o.value === partnerId);
    if (query.partnerId && (!partner || !can(actor, 'statistics.partner', { partnerOrganisationId: partnerId }))) return 404;
    subject = options.length > 1 ? { name: 'partenaire', label: 'Partenaire', value: partnerId, options } : null;
    scope = { kind: 'partner', procedureIds: partner ? await keptForStatistics(db, JSON.stringify(['procedures of', partner.value]), () => procedureIdsOf(db, partner.value)) : [] };
    heading = partner ? `Statistiques des démarches : ${partner.label}` : 'Statistiques des démarches d’un partenaire';
    scopeText = 'Seulement les accompagnements pour une démarche de ce partenaire (celles de son catalogue, retirées comprises).';
    if (!partner) empty = { text: 'Aucun partenaire n’a encore de démarche dans le catalogue.', action: can(actor, 'procedure.manage') ? { href: '/catalogue-demarches/nouvelle', label: 'Ajouter une démarche' } : null };
    query.partnerId = partnerId;
  }
  const filters: ReportFilters = {
    from: query.from,
    to: query.to,
    kind: query.kind,
    theme: query.theme,
    // In the partner view the partner is the scope already.
    partnerId: view === 'partenaire' ? undefined : query.partnerId || undefined,
    placeId: query.placeId || undefined,
    communeCode: query.communeCode || undefined,
  };
  const masked = view !== 'moi';
  const { report, presented } = await keptForStatistics(db, JSON.stringify(['report', scope, filters, today, masked]), async () => {
    const computed = await loadReport(db, scope, filters, today);
    const procedureIds = [...new Set(computed.rows.filter((r) => r.dimension === 'procedure_outcome').map((r) => r.value.split(':')[0] ?? ''))];
    const names = await procedureNames(db, procedureIds);
    return { report: computed, presented: presentReport(computed, { hideSmall: masked, hideEverything: masked && Boolean(filters.placeId || filters.communeCode), procedures: names }) };
  });
  const filtersText = [`Période : du ${shortDay(query.from)} au ${shortDay(query.to)}.`];
  if (query.kind) filtersText.push(`Type de fiche : ${activityKindLabels[query.kind]}.`);
  if (query.theme) filtersText.push(`Thème : ${themeLabels[query.theme]}.`);
  if (filters.partnerId) filtersText.push(`Partenaire de la démarche : ${partnerOptions.find((p) => p.value === filters.partnerId)?.label ?? 'inconnu'}.`);
  if (query.communeCode) filtersText.push(`Commune de la personne : ${communes.find((k) => k.code === query.communeCode)?.name ?? query.communeCode}.`);
  if (query.placeId) filtersText.push(`Lieu : ${place?.name ?? 'lieu inconnu'}.`);
  return { view, query, heading, scopeText, subject, filtersText, report, presented, place: place ? { id: place.id, name: place.name } : null, partnerOptions, empty };
}

function sourceText(report: Report): string {
  if (report.source === 'aggregates') return 'Ces chiffres viennent des totaux par mois, tenus à jour à chaque enregistrement, modification ou suppression de fiche.';
  if (report.source === 'mixed') return 'Ces chiffres viennent des totaux par mois, tenus à jour à chaque enregistrement, et des fiches elles-mêmes pour les mois commencés ou finis en cours de période.';
  return 'Avec ces filtres, ces chiffres sont recomptés à partir des fiches elles-mêmes.';
}

statisticsRoutes.get('/statistiques', access.to('statistics.view'), async (c) => {
  const actor = currentActor(c);
  const resolved = await resolve(c);
  if (resolved === 403 || resolved === 404) return errorPage(c, resolved);
  const { view, query } = resolved;
  const today = localDay(new Date());
  const params = statisticsParams(query, view, today);
  const views = viewsFor(actor).map((v) => ({ href: `/statistiques?vue=${v}`, label: statisticsViewLabels[v], current: v === view }));
  return page(
    c,
    { title: resolved.heading },
    <StatisticsPage
      heading={resolved.heading}
      scopeText={resolved.scopeText}
      views={views}
      view={view}
      subject={resolved.subject}
      filters={{
        from: query.from,
        to: query.to,
        kind: query.kind ? kindSlugs[query.kind] : '',
        theme: query.theme ?? '',
        partnerId: view === 'partenaire' ? null : query.partnerId,
        communeCode: query.communeCode,
        place: resolved.place,
        kindOptions: activityKinds.map((k) => ({ value: kindSlugs[k], label: activityKindLabels[k] })),
        themeOptions: themes.map((t) => ({ value: t, label: themeLabels[t] })),
        partnerOptions: resolved.partnerOptions,
        communeOptions: communes.map((k) => ({ value: k.code, label: k.name })),
      }}
      filtersText={resolved.filtersText}
      problems={query.problems}
      exportHref={`/statistiques/export.xlsx?${params.toString()}`}
      clearHref={`/statistiques?vue=${view}${view === 'equipe' && query.teamId ? `&equipe=${query.teamId}` : ''}${view === 'partenaire' && query.partnerId ? `&partenaire=${query.partnerId}` : ''}`}
      report={resolved.presented}
      sourceText={sourceText(resolved.report)}
      empty={resolved.empty}
    />,
  );
});

statisticsRoutes.get('/statistiques/export.xlsx', access.to('statistics.view'), async (c) => {
  const resolved = await resolve(c);
  if (resolved === 403 || resolved === 404) return errorPage(c, resolved);
  const bytes = await statisticsWorkbook({ heading: resolved.heading, scopeText: resolved.scopeText, filtersText: resolved.filtersText, report: resolved.presented, generatedOn: localDay(new Date()) });
  const name = `statistiques-relais-${resolved.view}-${resolved.query.from}-${resolved.query.to}.xlsx`;
  return c.body(new Uint8Array(bytes), 200, { 'content-type': xlsxContentType, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' });
});
