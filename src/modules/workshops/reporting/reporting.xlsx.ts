import { formatDateTime } from '../../../platform/format.ts';
import { toXlsx, type XlsxSheet } from '../../../platform/xlsx.ts';
import { adjustmentStatusLabels } from './reporting.labels.ts';
import { satisfactionTable, type FunderReport } from './reporting.data.ts';
import { hiddenSmall } from './views/results.tsx';
import type { ResultRow } from './views/results.tsx';

const resultColumns = (first: string) => [{ header: first, width: 24 }, { header: 'Ateliers prévus' }, { header: 'Ateliers réalisés' }, { header: 'Personnes touchées' }, { header: 'Dont en situation de handicap', width: 30 }, { header: 'Satisfaction (%)' }];
const resultRows = (rows: ResultRow[]) => rows.map((r) => [r.label, r.planned, r.held, r.reached, r.withDisability === hiddenSmall ? hiddenSmall : r.withDisabilityValue, r.satisfaction === '—' ? null : Number.parseInt(r.satisfaction, 10)]);

/**
 * The funder report as an XLSX file: the period is written at the top of every sheet (and in the file name the
 * route gives), small counts stay hidden as in the page.
 * @example const bytes = await funderReportXlsx(report, new Date())
 */
export async function funderReportXlsx(report: FunderReport, generatedAt: Date): Promise<Buffer> {
  const preamble = (title: string) => [`${title} — programme ${report.programme.name}`, `Période : ${report.period.text} (${report.period.du} au ${report.period.au})`, `Établi le ${formatDateTime(generatedAt)}`, report.note];
  const satisfaction = satisfactionTable(report.results);
  const sheets: XlsxSheet[] = [
    {
      name: 'Objectifs',
      preamble: [...preamble('Objectifs et résultats'), `Financeurs : ${report.programme.funders.join(', ') || '—'}`, `Consortium : ${report.programme.consortium.map((o) => o.name).join(', ') || '—'}`],
      columns: [{ header: 'Objectif', width: 44 }, { header: 'Visé' }, { header: 'Réalisé' }, { header: 'Atteint' }],
      rows: report.targetRows.map((t) => [t.label, t.target, t.achieved, t.progress]),
    },
    { name: 'Par commune', preamble: preamble('Résultats par commune'), columns: resultColumns('Commune'), rows: resultRows(report.byCommune) },
    { name: 'Par mois', preamble: preamble('Résultats par mois'), columns: resultColumns('Mois'), rows: resultRows(report.byMonth) },
    {
      name: 'Satisfaction',
      preamble: preamble('Réponses des participants par question'),
      columns: [{ header: 'Question', width: 40 }, ...satisfaction.head.map((header) => ({ header, width: 18 }))],
      rows: satisfaction.rows,
    },
    {
      name: 'Ajustements',
      preamble: preamble('Ajustements faits ou prévus à partir des avis'),
      columns: [{ header: 'Ce qui change', width: 50 }, { header: 'Pourquoi', width: 50 }, { header: 'Pour', width: 30 }, { header: 'État' }, { header: 'Fait le' }],
      rows: report.adjustments.map((a) => [a.change, a.reason, a.seriesTitle, adjustmentStatusLabels[a.status], a.doneOn ?? '']),
    },
  ];
  return toXlsx(sheets);
}
