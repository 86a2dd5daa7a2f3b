// Minimal RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Enough for the draw's files.
import fs from 'node:fs';

export interface CsvRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  values: Record<string, string>;
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
    else if (c === ',' || c === ';') {
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

export function readCsvFile(file: string) {
  return parseCsv(fs.readFileSync(file, 'utf8'));
}
