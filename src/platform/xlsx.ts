import writeXlsxFile, { type Row, type Sheet } from 'write-excel-file/node';

/** A cell: text, a number, a date, or empty. */
export type XlsxCell = string | number | Date | null;

/**
 * One sheet: a name (Excel allows 31 characters, no `[]:*?/\`), optional lines written above the table (title,
 * filters used, counting rules), the column headers and the rows.
 */
export type XlsxSheet = {
  name: string;
  preamble?: string[];
  columns: { header: string; width?: number }[];
  rows: XlsxCell[][];
};

/** The XLSX content type, for `Content-Type`. */
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A sheet name Excel accepts: forbidden characters replaced, at most 31 characters, unique in the file.
 * @example sheetName('Par thème / sous-thème', new Set()) // 'Par thème - sous-thème'
 */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31).trim() || 'Feuille';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i += 1) candidate = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function cell(value: XlsxCell) {
  if (value === null) return null;
  if (typeof value === 'number') return { value, type: Number };
  if (value instanceof Date) return { value, type: Date, format: 'dd/mm/yyyy' };
  return { value, type: String };
}

/**
 * Writes sheets to an XLSX file in memory: the preamble lines first (the first one bold), an empty line, then the
 * table with bold headers and its header row frozen when there is no preamble.
 * @example const bytes = await toXlsx([{ name: 'Par mois', columns: [{ header: 'Mois' }, { header: 'Accompagnements' }], rows: [['mars 2026', 42]] }])
 */
export async function toXlsx(sheets: XlsxSheet[]): Promise<Buffer> {
  const taken = new Set<string>();
  const written: Sheet<Buffer>[] = sheets.map((s) => {
    const preamble: Row[] = (s.preamble ?? []).map((line, i) => [i === 0 ? { value: line, type: String, fontWeight: 'bold' } : { value: line, type: String }]);
    const header: Row = s.columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' }));
    const data: Row[] = [...preamble, ...(preamble.length > 0 ? [[null]] : []), header, ...s.rows.map((r) => r.map(cell))];
    return {
      sheet: sheetName(s.name, taken),
      data,
      columns: s.columns.map((c) => ({ width: c.width ?? Math.min(60, Math.max(12, c.header.length + 2)) })),
      ...(preamble.length === 0 ? { stickyRowsCount: 1 } : {}),
    };
  });
  return writeXlsxFile(written).toBuffer();
}
