import { toXlsx, type XlsxSheet } from '../../../platform/xlsx.ts';
import type { Figure, PresentedReport } from './statistics.presenters.ts';

/** A figure in a cell: the number, or the text that replaced it ("< 5", "masqué"). */
const cell = (f: Figure) => (f.hidden ? f.text : f.value);

/**
 * The statistics as a workbook: a summary sheet that starts with the view, the filters used and the masking rule,
 * then one sheet per month table and breakdown, each with its counting rule above it. Hidden counts stay hidden.
 * @example const bytes = await statisticsWorkbook({ heading, scopeText, filtersText, report, generatedOn: '2026-03-03' })
 */
export async function statisticsWorkbook(input: { heading: string; scopeText: string; filtersText: string[]; report: PresentedReport; generatedOn: string }): Promise<Buffer> {
  const { report } = input;
  const masking = report.masking.active
    ? [report.masking.everything ? 'Petits nombres : tout nombre entre 1 et 4 est écrit « < 5 » (statistiques d’une commune ou d’un lieu).' : 'Petits nombres : dans les répartitions par commune, âge, genre et situation, et pour les personnes, un nombre entre 1 et 4 est écrit « < 5 » ; « masqué » cache un deuxième nombre qui permettrait de retrouver le premier.']
    : [];
  const preamble = [input.heading, input.scopeText, 'Filtres utilisés :', ...input.filtersText, ...masking, `Exporté de Relais le ${input.generatedOn.split('-').reverse().join('/')}.`];
  const sheets: XlsxSheet[] = [
    {
      name: 'Résumé',
      preamble,
      columns: [{ header: 'Chiffre', width: 40 }, { header: 'Valeur', width: 12 }, { header: 'Comment il est compté', width: 100 }],
      rows: report.keyFigures.map((k) => [k.label, cell(k.figure), k.rule]),
    },
    {
      name: 'Par mois',
      preamble: [`${input.heading} — par mois`, ...input.filtersText],
      columns: [{ header: 'Mois', width: 18 }, { header: 'Accompagnements' }, { header: 'Fiches' }],
      rows: report.months.map((m) => [m.label, cell(m.accompaniments), cell(m.records)]),
    },
    ...report.sections.map((s) => ({
      name: `Par ${s.title.charAt(0).toLowerCase()}${s.title.slice(1)}`,
      preamble: [`${input.heading} — par ${s.title.charAt(0).toLowerCase()}${s.title.slice(1)}`, s.rule],
      columns: s.columns.map((header, i) => ({ header, width: i === 0 ? 50 : 16 })),
      rows: s.rows.map((r) => [r.label, ...r.figures.map(cell)]),
    })),
  ];
  return toXlsx(sheets);
}
