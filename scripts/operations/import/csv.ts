/**
 * CSV as RFC 4180 writes it: comma-separated, fields in double quotes when they hold a
 * comma, a quote ("" inside) or a line break; CRLF or LF line ends; a UTF-8 byte order
 * mark (as spreadsheets save it) is ignored. Rows keep their line number for the report.
 */

export interface CsvRow {
  /** The line the row starts on (1 is the header). */
  line: number;
  cells: string[];
}

export class CsvError extends Error {}

export function parseCsv(text: string): CsvRow[] {
  const source = text.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let afterQuote = false;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === '' && !afterQuote) {
      quoted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRow();
      afterQuote = false;
      line++;
      rowLine = line;
    } else if (afterQuote) {
      throw new CsvError(`line ${line}: text after a closing quote (a quote inside a quoted field is written "")`);
    } else {
      cell += c;
    }
  }
  if (quoted) throw new CsvError(`line ${rowLine}: a quoted field is never closed`);
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
