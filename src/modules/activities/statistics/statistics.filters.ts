import { localDay } from '../../../platform/format.ts';
import { communeByCode } from '../../../territory/index.ts';
import { activityKinds, themes, type ActivityKind, type Theme } from '../activities.schema.ts';
import { kindSlugs } from './statistics.dimensions.ts';
import { addMonths, firstOfMonth } from './statistics.period.ts';
import { statisticsViews, type StatisticsView } from './statistics.policy.ts';

/** What the URL of /statistiques asks for: the view and its subject, and the filters of /activites. */
export type StatisticsQuery = {
  view: StatisticsView | undefined;
  teamId: string;
  partnerId: string;
  from: string;
  to: string;
  kind: ActivityKind | undefined;
  theme: Theme | undefined;
  placeId: string;
  communeCode: string;
  /** French messages about parameters that were ignored (a date that is not one…). */
  problems: string[];
};

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function day(text: string | undefined): string | null {
  const t = (text ?? '').trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t) ?? null;
  const f = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = m ? t : f ? `${f[3]}-${(f[2] ?? '').padStart(2, '0')}-${(f[1] ?? '').padStart(2, '0')}` : null;
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

/** The default period: the current month and the eleven before it. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: addMonths(firstOfMonth(today), -11), to: today };
}

/**
 * Reads the URL's parameters; anything unreadable is left out and said in `problems`.
 * Names as on /activites: `du`, `au` (dates), `type` (individuel, atelier), `theme`, `partenaire`, `lieu`, `commune`;
 * plus `vue` (moi, equipe, reseau, partenaire) and `equipe`.
 * @example readStatisticsQuery({ du: '2026-01-01', type: 'atelier' }, '2026-03-03').kind // 'workshop'
 */
export function readStatisticsQuery(params: Record<string, string | undefined>, today: string = localDay(new Date())): StatisticsQuery {
  const problems: string[] = [];
  const period = defaultPeriod(today);
  let from = period.from;
  let to = period.to;
  if (params.du) {
    const d = day(params.du);
    if (d) from = d;
    else problems.push(`La date de début « ${params.du} » n’est pas une date : la période par défaut commence le ${period.from.split('-').reverse().join('/')}.`);
  }
  if (params.au) {
    const d = day(params.au);
    if (d) to = d;
    else problems.push(`La date de fin « ${params.au} » n’est pas une date : la période s’arrête aujourd’hui.`);
  }
  if (from > to) {
    problems.push('La date de début est après la date de fin : les deux dates ont été inversées.');
    [from, to] = [to, from];
  }
  // Ten years at most: enough for any report, and a bound on what one page may read.
  if (from < addMonths(firstOfMonth(to), -120)) {
    from = addMonths(firstOfMonth(to), -120);
    problems.push('La période est limitée à 10 ans : elle commence le ' + from.split('-').reverse().join('/') + '.');
  }
  const kind = activityKinds.find((k) => kindSlugs[k] === params.type);
  const theme = themes.find((t) => t === params.theme);
  const communeCode = params.commune && communeByCode(params.commune) ? params.commune : '';
  return {
    view: statisticsViews.find((v) => v === params.vue),
    teamId: params.equipe && uuidShape.test(params.equipe) ? params.equipe : '',
    partnerId: params.partenaire && uuidShape.test(params.partenaire) ? params.partenaire : '',
    from,
    to,
    kind,
    theme,
    placeId: params.lieu && uuidShape.test(params.lieu) ? params.lieu : '',
    communeCode,
    problems,
  };
}

/** The query back as URL parameters (for links, the export and pagination), defaults left out. */
export function statisticsParams(q: StatisticsQuery, view: StatisticsView, today: string = localDay(new Date())): URLSearchParams {
  const params = new URLSearchParams();
  params.set('vue', view);
  if (view === 'equipe' && q.teamId) params.set('equipe', q.teamId);
  const period = defaultPeriod(today);
  if (q.from !== period.from) params.set('du', q.from);
  if (q.to !== period.to) params.set('au', q.to);
  if (q.kind) params.set('type', kindSlugs[q.kind]);
  if (q.theme) params.set('theme', q.theme);
  if (q.partnerId) params.set('partenaire', q.partnerId);
  if (q.placeId) params.set('lieu', q.placeId);
  if (q.communeCode) params.set('commune', q.communeCode);
  return params;
}
