import { formatNumber } from '../../../platform/format.ts';
import { communeByCode } from '../../../territory/index.ts';
// The person's traits are the beneficiaries module's vocabulary; only their labels are read here.
import { ageBandLabels, genderLabels, personStatusLabels } from '../../beneficiaries/beneficiaries.labels.ts';
import { ageBands, genders, personStatuses } from '../../beneficiaries/beneficiaries.schema.ts';
import {
  activityKindLabels,
  administrativeSubThemeLabels,
  autonomyLabels,
  channelLabels,
  materialLabels,
  orientationDestinationLabels,
  procedureOutcomeLabels,
  themeLabels,
} from '../activities.labels.ts';
import { activityKinds, administrativeSubThemes, autonomyLevels, channels, materials, orientationDestinations, procedureOutcomes, themes } from '../activities.schema.ts';
import { durationBandLabels, durationBands, smallCountThreshold, type Dimension, type StatRow } from './statistics.dimensions.ts';
import type { Report } from './statistics.queries.ts';

/** A figure as shown: its number, and what is written (the number, "< 5", or "masqué"). */
export type Figure = { value: number; text: string; hidden: boolean };

export type KeyFigure = { label: string; figure: Figure; rule: string };

export type Section = {
  id: string;
  title: string;
  rule: string;
  columns: string[];
  rows: { label: string; figures: Figure[] }[];
  empty: string;
};

export type PresentedReport = {
  keyFigures: KeyFigure[];
  months: { month: string; label: string; shortLabel: string; records: Figure; accompaniments: Figure }[];
  sections: Section[];
  /** Whether small counts are hidden in this view, and what the page says about it. */
  masking: { active: boolean; everything: boolean };
};

/** Dimensions whose small counts could single out a person (the breakdowns of who they are and where they live). */
export const sensitiveDimensions: readonly Dimension[] = ['commune', 'age_band', 'gender', 'status'];

const monthLong = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthShort = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' });

/** @example monthLabel('2026-03-01') // 'mars 2026' */
export function monthLabel(month: string): string {
  return monthLong.format(new Date(`${month}T00:00:00Z`));
}

const shown = (value: number): Figure => ({ value, text: formatNumber(value), hidden: false });

/**
 * A count as the page may show it: 1 to 4 become "< 5" when `hide` says a person could be recognised.
 * @example figure(3, true) // { value: 3, text: '< 5', hidden: true }
 */
export function figure(value: number, hide: boolean): Figure {
  return hide && value > 0 && value < smallCountThreshold ? { value, text: `< ${smallCountThreshold}`, hidden: true } : shown(value);
}

/**
 * Hides small counts of a breakdown whose values add up to the total, and — when only one is hidden — also the next
 * smallest, so that the hidden one cannot be found again by subtracting the others from the total.
 */
export function hideSmallCounts(values: number[], hide: boolean): Figure[] {
  const figures = values.map((v) => figure(v, hide));
  if (!hide || figures.filter((f) => f.hidden).length !== 1) return figures;
  let smallest = -1;
  figures.forEach((f, i) => {
    if (!f.hidden && f.value > 0 && (smallest === -1 || f.value < (figures[smallest]?.value ?? Infinity))) smallest = i;
  });
  const target = figures[smallest];
  if (target) figures[smallest] = { value: target.value, text: 'masqué', hidden: true };
  return figures;
}

type Options = {
  /** Team, network and partner views hide small counts of sensitive breakdowns. */
  hideSmall: boolean;
  /** A commune or place filter narrows every figure to few people: then every figure hides its small counts. */
  hideEverything: boolean;
  procedures: Map<string, { name: string; partnerName: string }>;
};

function byDimension(rows: StatRow[], dimension: Dimension): Map<string, StatRow> {
  return new Map(rows.filter((r) => r.dimension === dimension).map((r) => [r.value, r]));
}

const accompanimentsRule = 'Chaque fiche compte pour le nombre de personnes accompagnées : 1 pour un accompagnement individuel, et pour un atelier le nombre de participants (un atelier de 10 personnes compte pour 10 accompagnements).';

/**
 * Turns a report into what the page and the export show: key figures with their counting rule, months, and one
 * section per breakdown, small counts hidden where the view asks for it.
 */
export function presentReport(report: Report, options: Options): PresentedReport {
  const hideAll = options.hideEverything;
  const hideSensitive = options.hideSmall || hideAll;
  const rows = report.rows;
  const total = byDimension(rows, 'total').get('') ?? { records: 0, accompaniments: 0 };
  const kinds = byDimension(rows, 'kind');
  const people = byDimension(rows, 'people');
  const keyFigure = (label: string, value: number, rule: string, sensitive = false): KeyFigure => ({ label, figure: figure(value, hideAll || (sensitive && hideSensitive)), rule });
  const keyFigures: KeyFigure[] = [
    keyFigure('Accompagnements', total.accompaniments, accompanimentsRule),
    keyFigure('Fiches d’activité', total.records, 'Le nombre de fiches enregistrées par les aidants : un atelier compte pour une fiche, quel que soit le nombre de participants.'),
    keyFigure('Accompagnements individuels', kinds.get('individual')?.records ?? 0, 'Les fiches d’accompagnement individuel : chacune compte pour une personne.'),
    keyFigure('Ateliers collectifs', kinds.get('workshop')?.records ?? 0, 'Les fiches d’atelier collectif, chacune une fois.'),
    keyFigure('Participants aux ateliers', kinds.get('workshop')?.accompaniments ?? 0, 'La somme des participants de chaque atelier, nommés et anonymes. Une personne venue à deux ateliers compte deux fois.'),
    keyFigure('Accompagnements de personnes anonymes', people.get('anonymous')?.accompaniments ?? 0, 'Les personnes que Relais ne suit pas : chaque accompagnement individuel sans personne suivie compte pour 1, chaque participant anonyme d’un atelier aussi. Une personne anonyme venue deux fois compte deux fois : rien ne permet de la reconnaître, et c’est voulu.', true),
    keyFigure('Personnes suivies accompagnées', report.people.followed, 'Les personnes différentes, suivies avec leur accord, accompagnées au moins une fois pendant la période, seules ou nommées dans un atelier. Chacune compte une seule fois, même si elle est venue plusieurs fois.', true),
    keyFigure('Dont nouvelles personnes', report.people.new, 'Parmi les personnes suivies : celles dont le premier accompagnement enregistré dans Relais, par n’importe quel aidant, a eu lieu pendant un mois de la période (le mois compte, pas le jour).', true),
  ];
  const months = report.months.map((m) => ({
    month: m.month,
    label: monthLabel(m.month),
    shortLabel: monthShort.format(new Date(`${m.month}T00:00:00Z`)),
    records: figure(m.records, hideAll),
    accompaniments: figure(m.accompaniments, hideAll),
  }));

  const section = (
    id: string,
    title: string,
    rule: string,
    dimension: Dimension,
    order: readonly string[] | 'by-count',
    label: (value: string) => string,
    options2: { recordsColumn?: boolean; sensitive?: boolean; empty?: string } = {},
  ): Section => {
    const values = byDimension(rows, dimension);
    const keys = order === 'by-count' ? [...values.values()].sort((a, b) => b.accompaniments - a.accompaniments || (label(a.value) < label(b.value) ? -1 : 1)).map((r) => r.value) : order.filter((k) => values.has(k));
    const hide = hideAll || (options2.sensitive === true && hideSensitive);
    const counts = keys.map((k) => values.get(k)?.accompaniments ?? 0);
    const accompanimentFigures = options2.sensitive === true ? hideSmallCounts(counts, hide) : counts.map((v) => figure(v, hide));
    return {
      id,
      title,
      rule,
      columns: options2.recordsColumn === false ? [title, 'Accompagnements'] : [title, 'Accompagnements', 'Fiches'],
      rows: keys.map((k, i) => ({
        label: label(k),
        figures: options2.recordsColumn === false ? [accompanimentFigures[i] ?? shown(0)] : [accompanimentFigures[i] ?? shown(0), figure(values.get(k)?.records ?? 0, hide)],
      })),
      empty: options2.empty ?? 'Aucun accompagnement pour ces critères.',
    };
  };

  const known = (labels: Readonly<Record<string, string>>, fallback = 'Autre') => (v: string) => labels[v] ?? fallback;
  const sections: Section[] = [
    section('themes', 'Thème', 'Une fiche peut porter plusieurs thèmes : elle compte dans chacun. La somme des lignes dépasse donc le total.', 'theme', 'by-count', known(themeLabels)),
    section('sous-themes', 'Démarche administrative (sous-thème)', 'Les sous-thèmes du thème « Aide aux démarches administratives » ; une fiche peut en porter plusieurs.', 'sub_theme', administrativeSubThemes, known(administrativeSubThemeLabels)),
    procedureSection(rows, options.procedures, hideAll),
    section('canal', 'Canal', 'Où l’accompagnement a eu lieu : chaque fiche a un seul canal.', 'channel', channels, known(channelLabels)),
    section('duree', 'Durée', 'La durée de la fiche, rangée par tranche ; pour un atelier, chaque participant compte avec la durée de l’atelier.', 'duration', durationBands, known(durationBandLabels)),
    section('commune', 'Commune', 'La commune où vit la personne, si elle l’a dite ; pour un atelier, la commune notée sur la fiche. « Non renseignée » quand rien n’a été noté.', 'commune', 'by-count', (v) => (v === 'unknown' ? 'Non renseignée' : (communeByCode(v)?.name ?? v)), { sensitive: true }),
    section('age', 'Tranche d’âge', 'Pour un accompagnement individuel, ce que la personne a dit ; pour un atelier, la répartition des participants anonymes ; les autres participants comptent en « Non communiqué ».', 'age_band', ageBands, known(ageBandLabels), { recordsColumn: false, sensitive: true }),
    section('genre', 'Genre', 'Même règle que l’âge.', 'gender', genders, known(genderLabels), { recordsColumn: false, sensitive: true }),
    section('statut', 'Situation', 'Même règle que l’âge.', 'status', personStatuses, known(personStatusLabels), { recordsColumn: false, sensitive: true }),
    section('autonomie', 'Autonomie de la personne', 'Accompagnements individuels seulement, quand l’aidant l’a notée.', 'autonomy', autonomyLevels, known(autonomyLabels), { recordsColumn: false }),
    section('orientation', 'Orientation', 'Accompagnements individuels seulement : la personne a-t-elle été orientée ailleurs, et vers où.', 'orientation', ['none', ...orientationDestinations, 'unspecified'], (v) => (v === 'none' ? 'Pas d’orientation' : v === 'unspecified' ? 'Orientée, lieu non précisé' : known(orientationDestinationLabels)(v)), { recordsColumn: false }),
    section('materiel', 'Matériel utilisé', 'Une fiche peut noter plusieurs matériels : elle compte pour chacun.', 'material', materials, known(materialLabels)),
    section('type', 'Type de fiche', accompanimentsRule, 'kind', activityKinds, known(activityKindLabels)),
  ];
  return { keyFigures, months, sections, masking: { active: hideSensitive, everything: hideAll } };
}

/** Procedures with their outcome: one row per procedure, one column per outcome. */
function procedureSection(rows: StatRow[], names: Map<string, { name: string; partnerName: string }>, hideAll: boolean): Section {
  const byProcedure = new Map<string, { total: number; records: number; outcomes: Map<string, number> }>();
  for (const r of rows.filter((x) => x.dimension === 'procedure_outcome')) {
    const [procedureId = '', outcome = 'unknown'] = r.value.split(':');
    const entry = byProcedure.get(procedureId) ?? { total: 0, records: 0, outcomes: new Map<string, number>() };
    entry.total += r.accompaniments;
    entry.records += r.records;
    entry.outcomes.set(outcome, (entry.outcomes.get(outcome) ?? 0) + r.accompaniments);
    byProcedure.set(procedureId, entry);
  }
  const outcomeColumns = [...procedureOutcomes, 'unknown'] as const;
  const outcomeLabel = (o: (typeof outcomeColumns)[number]) => (o === 'unknown' ? 'Résultat non noté' : procedureOutcomeLabels[o]);
  const label = (id: string) => {
    const p = names.get(id);
    return p ? `${p.name} (${p.partnerName})` : 'Démarche inconnue';
  };
  const entries = [...byProcedure.entries()].sort((a, b) => b[1].total - a[1].total || (label(a[0]) < label(b[0]) ? -1 : 1));
  return {
    id: 'demarches',
    title: 'Démarche du partenaire',
    rule: 'Une fiche porte au plus une démarche d’un partenaire, avec le résultat noté par l’aidant. Les démarches retirées du catalogue restent comptées.',
    columns: ['Démarche du partenaire', 'Accompagnements', 'Fiches', ...outcomeColumns.map(outcomeLabel)],
    rows: entries.map(([id, e]) => ({ label: label(id), figures: [figure(e.total, hideAll), figure(e.records, hideAll), ...outcomeColumns.map((o) => figure(e.outcomes.get(o) ?? 0, hideAll))] })),
    empty: 'Aucune démarche de partenaire pour ces critères.',
  };
}
