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

/** Reads a small UTF-8 CSV with a header row (RFC 4180 quoting) into records keyed by header. */
export function readCsv(file: string): Record<string, string>[] {
  const text = fs.readFileSync(file, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  return body
    .filter((r) => r.length > 1 || r[0] !== '')
    .map((r) => Object.fromEntries(header!.map((h, j) => [h, r[j] ?? ''])));
}
