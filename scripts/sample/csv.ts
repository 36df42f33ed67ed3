import fs from 'node:fs';

export type Cell = string | number | boolean | null | undefined;

/** RFC 4180 quoting: only fields that need it, so diffs of the committed files stay readable. */
function quote(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Writes a UTF-8 CSV with LF line ends and the columns in the order given; other keys are left out. */
export function writeCsv(file: string, columns: readonly string[], rows: readonly object[]): void {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => quote((r as Record<string, Cell>)[c])).join(','));
  fs.writeFileSync(file, lines.join('\n') + '\n', 'utf8');
}

/**
 * RFC 4180 records keyed by the header row: quoted fields may hold commas, quotes ("") and newlines; a
 * BOM and CRLF are allowed, blank lines skipped. The sample's scripts and the test oracle read with it.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  const endRecord = () => {
    record.push(field);
    records.push(record);
    field = '';
    record = [];
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      endRecord();
    } else field += ch;
  }
  if (field !== '' || record.length) endRecord();
  const [header, ...body] = records.filter((r) => !(r.length === 1 && r[0] === ''));
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}

/** Reads a small UTF-8 CSV file with a header row into records keyed by header. */
export function readCsv(file: string): Record<string, string>[] {
  return parseCsv(fs.readFileSync(file, 'utf8'));
}
