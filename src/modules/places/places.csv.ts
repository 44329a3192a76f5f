/**
 * CSV as the national standard writes it (RFC 4180: comma-separated, double quotes around fields that need them,
 * doubled quotes inside, CRLF or LF line ends, UTF-8 with or without a byte-order mark).
 */

/**
 * Reads CSV text into rows of cells. Throws with a French message naming the line when a quote is never closed.
 * @example parseCsv('a,b\n"1, 2",3') // [['a', 'b'], ['1, 2', '3']]
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteOpenedOn = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      quoteOpenedOn = line;
    } else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      line++;
    } else cell += ch;
  }
  if (quoted) throw new Error(`Le fichier CSV est mal formé : un guillemet ouvert à la ligne ${quoteOpenedOn} n’est jamais fermé.`);
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  // Blank lines (often at the end) carry nothing.
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Quotes a cell when it holds a delimiter, a quote or a line break (and always when asked). */
export function csvCell(value: string, alwaysQuote = true): string {
  return alwaysQuote || /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes rows as CSV with CRLF line ends, every cell quoted (as the standard's own example file does).
 * @example toCsv([['id', 'nom'], ['1', 'Médiathèque']]) // '"id","nom"\r\n"1","Médiathèque"\r\n'
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((v) => csvCell(v)).join(',')).join('\r\n') + '\r\n';
}
