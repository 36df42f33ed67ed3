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
