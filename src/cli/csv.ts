// Minimal RFC 4180 CSV: comma-separated, quoted fields, doubled quotes, CRLF or LF. Enough for the
// draw's files. readCsvFile refuses what would be read wrong (another separator, an unknown column,
// a line with more fields than the header) with the line number, instead of importing it silently.
import fs from 'node:fs';

export interface CsvRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  values: Record<string, string>;
  /** How many fields the line had (more than the header's columns: a stray separator). */
  fields: number;
}

export function parseCsv(text: string): { header: string[]; rows: CsvRow[] } {
  const records: Array<{ line: number; fields: string[] }> = [];
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const src = text.replace(/^\ufeff/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  const nonEmpty = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const header = (nonEmpty.shift()?.fields ?? []).map((h) => h.trim().toLowerCase());
  const rows = nonEmpty.map((r) => ({
    line: r.line,
    values: Object.fromEntries(header.map((h, i) => [h, (r.fields[i] ?? '').trim()])),
    fields: r.fields.length,
  }));
  return { header, rows };
}

function quote(value: string | number): string {
  const s = String(value);
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: Array<Array<string | number>>): string {
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n';
}

export class CsvError extends Error {}

export interface CsvColumns {
  /** Columns the file must have. */
  required?: readonly string[];
  /** Every column the file may have (others are refused); absent: any column. */
  known?: readonly string[];
}

/** Reads a CSV file; throws CsvError naming the file and line when it would be read wrong. */
export function readCsvFile(file: string, columns: CsvColumns = {}) {
  const parsed = parseCsv(fs.readFileSync(file, 'utf8'));
  const { header, rows } = parsed;
  const fail = (line: number, what: string) => {
    throw new CsvError(`${file}, line ${line}: ${what}`);
  };
  if (header.length === 1) {
    const separator = [';', '\t', '|'].find((c) => header[0]!.includes(c));
    if (separator) fail(1, `the columns are separated by "${separator === '\t' ? 'tab' : separator}"; panelbot reads commas (in a spreadsheet: save as "CSV UTF-8 (comma delimited)")`);
  }
  const expected = [...(columns.required ?? []), ...(columns.known ?? [])].filter((c, i, all) => all.indexOf(c) === i).join(', ');
  if (columns.known) {
    const unknown = header.filter((h) => h !== '' && !columns.known!.includes(h) && !(columns.required ?? []).includes(h));
    if (unknown.length) fail(1, `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (columns: ${expected})`);
  }
  const missing = (columns.required ?? []).filter((c) => !header.includes(c));
  if (missing.length) fail(1, `no ${missing.map((m) => `"${m}"`).join(' or ')} column${expected ? ` (columns: ${expected})` : ''}`);
  const wide = rows.find((r) => r.fields > header.length);
  if (wide) fail(wide.line, `${wide.fields} fields but the header has ${header.length} columns (a stray comma, or an unquoted value with a comma?)`);
  return parsed;
}
