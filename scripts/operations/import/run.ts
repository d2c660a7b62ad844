import { CsvError, parseCsv } from './csv';

/**
 * Loading many records through the API: each CSV row becomes one mutation, sent in order,
 * one at a time, with the caller's token, so every row passes the same rules, validation
 * and audit as a row typed into a partner system. A row is written whole or not at all
 * (one mutation); a refused row is reported with the hub's reasons and the rest go on.
 * A file whose header does not fit the kind is refused before any row is sent.
 */

export type CellType = 'text' | 'int' | 'number' | 'boolean' | 'list' | 'records';

export interface Column {
  /** Where the value goes in the mutation's variables, e.g. `input.capacity`. */
  into: string;
  type?: CellType;
  required?: boolean;
  /** For `records`: each record's fields in order, e.g. modules as `code|title|hours|competency; …`. */
  fields?: Array<[string, Exclude<CellType, 'list' | 'records'>]>;
}

export interface ImportKind {
  /** What one row is, in the report: "shelter". */
  noun: string;
  /** The mutation one row becomes. */
  document: string;
  columns: Record<string, Column>;
  /** How the report names what a row made (its id or code). */
  made(data: Record<string, any>): string;
}

export interface RowOutcome {
  row: number;
  line: number;
  accepted: boolean;
  /** What was made (accepted), or why not (refused): the hub's messages, one per wrong field. */
  detail: string;
}

export interface ImportReport {
  rows: RowOutcome[];
  accepted: number;
  refused: number;
  /** Set when the import stopped before the end (the hub did not answer, the token was refused): rows after the last reported were not sent. */
  stopped?: string;
}

export interface Hub {
  url: string;
  token: string;
  purpose: string;
}

/** A file that cannot be imported at all: nothing was sent. */
export class ImportRefused extends Error {}

const LIST_SEPARATOR = ';';

const RECORD_SEPARATOR = '|';

function cellValue(raw: string, type: CellType, column: string, fields: Column['fields'] = []): unknown {
  const value = raw.trim();
  switch (type) {
    case 'int':
      if (!/^-?\d+$/.test(value)) throw new Error(`${column}: ${JSON.stringify(raw)} is not a whole number`);
      return Number(value);
    case 'number':
      if (!/^-?\d+(\.\d+)?$/.test(value)) throw new Error(`${column}: ${JSON.stringify(raw)} is not a number`);
      return Number(value);
    case 'records':
      return (cellValue(value, 'list', column) as string[]).map((record, i) => {
        const parts = record.split(RECORD_SEPARATOR);
        if (parts.length !== fields.length) throw new Error(`${column}[${i}]: has ${parts.length} parts, expected ${fields.map(([n]) => n).join(RECORD_SEPARATOR)}`);
        return Object.fromEntries(fields.map(([name, t], j) => [name, cellValue(parts[j], t, `${column}[${i}].${name}`)]));
      });
    case 'boolean':
      if (/^(true|yes|1)$/i.test(value)) return true;
      if (/^(false|no|0)$/i.test(value)) return false;
      throw new Error(`${column}: ${JSON.stringify(raw)} is not true or false`);
    case 'list':
      return value.split(LIST_SEPARATOR).map((item) => item.trim()).filter(Boolean) as string[];
    default:
      return value;
  }
}

function put(target: Record<string, any>, path: string, value: unknown) {
  const parts = path.split('.');
  let at = target;
  for (const part of parts.slice(0, -1)) at = at[part] ??= {};
  at[parts.at(-1)!] = value;
}

/** The header checked against the kind: every column known, none twice, every required one there. */
function headerOf(kind: ImportKind, cells: string[]): string[] {
  const header = cells.map((c) => c.trim());
  const unknown = header.filter((name) => !kind.columns[name]);
  const twice = header.filter((name, i) => header.indexOf(name) !== i);
  const missing = Object.entries(kind.columns).filter(([name, c]) => c.required && !header.includes(name)).map(([name]) => name);
  const problems = [
    unknown.length ? `unknown column(s) ${unknown.join(', ')}` : '',
    twice.length ? `column(s) named twice: ${[...new Set(twice)].join(', ')}` : '',
    missing.length ? `missing required column(s) ${missing.join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length) throw new ImportRefused(`header: ${problems.join('; ')} (the columns of a ${kind.noun} are ${Object.keys(kind.columns).join(', ')}; required: ${Object.entries(kind.columns).filter(([, c]) => c.required).map(([n]) => n).join(', ')})`);
  return header;
}

/** A row's variables, or the reasons it cannot be sent (all of them). */
function variablesOf(kind: ImportKind, header: string[], cells: string[]): { variables: Record<string, any> } | { problems: string[] } {
  if (cells.length !== header.length) return { problems: [`has ${cells.length} cells, the header ${header.length}`] };
  const variables: Record<string, any> = {};
  const problems: string[] = [];
  header.forEach((name, i) => {
    const column = kind.columns[name];
    if (cells[i].trim() === '') {
      if (column.required) problems.push(`${name}: is required`);
      return;
    }
    try {
      put(variables, column.into, cellValue(cells[i], column.type ?? 'text', name, column.fields));
    } catch (error) {
      problems.push((error as Error).message);
    }
  });
  return problems.length ? { problems } : { variables };
}

interface Answer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: { code?: string; fields?: Array<{ path: string; message: string }> } }> };
}

async function send(hub: Hub, document: string, variables: Record<string, any>): Promise<Answer> {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.token}`, 'x-purpose': hub.purpose },
    body: JSON.stringify({ query: document, variables }),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}` }] } };
  }
}

function reasons(answer: Answer): string {
  return (answer.body.errors ?? [])
    .flatMap((e) => (e.extensions?.fields?.length ? e.extensions.fields.map((f) => `${f.path}: ${f.message}`) : [`${e.extensions?.code ? `${e.extensions.code}: ` : ''}${e.message}`]))
    .join('; ');
}

/** Imports `text` (CSV) as records of `kind`, row after row, and reports each row. */
export async function importCsv(kind: ImportKind, text: string, hub: Hub): Promise<ImportReport> {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new ImportRefused(error.message);
    throw error;
  }
  if (rows.length === 0) throw new ImportRefused('the file is empty: the first line names the columns');
  const header = headerOf(kind, rows[0].cells);
  const report: ImportReport = { rows: [], accepted: 0, refused: 0 };
  for (const [i, { line, cells }] of rows.slice(1).entries()) {
    const outcome = (accepted: boolean, detail: string) => {
      report.rows.push({ row: i + 1, line, accepted, detail });
      report[accepted ? 'accepted' : 'refused']++;
    };
    const prepared = variablesOf(kind, header, cells);
    if ('problems' in prepared) {
      outcome(false, prepared.problems.join('; '));
      continue;
    }
    let answer: Answer;
    try {
      answer = await send(hub, kind.document, prepared.variables);
    } catch (error) {
      report.stopped = `the hub did not answer at row ${i + 1} (${(error as Error).message}); that row and the rest were not sent`;
      break;
    }
    if (answer.status === 401 || answer.status >= 500) {
      report.stopped = `row ${i + 1}: ${reasons(answer) || `HTTP ${answer.status}`}; that row and the rest were not sent`;
      break;
    }
    const data = answer.body.data;
    if (answer.body.errors?.length || !data) outcome(false, reasons(answer));
    else outcome(true, kind.made(data));
  }
  return report;
}

/** The report as lines a person reads. */
export function reportLines(kind: ImportKind, report: ImportReport): string[] {
  return [
    ...report.rows.map((r) => `row ${r.row} (line ${r.line}): ${r.accepted ? `accepted ${kind.noun} ${r.detail}` : `refused: ${r.detail}`}`),
    ...(report.stopped ? [`stopped: ${report.stopped}`] : []),
    `${report.accepted} accepted, ${report.refused} refused`,
  ];
}
