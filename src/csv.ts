/**
 * The one CSV writer (`cchc sql --format csv`, `cchc extract`) and the one rule against spreadsheet
 * formula injection (OWASP "CSV injection"), which the XLSX writer shares: a text cell starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return is evaluated by Excel/LibreOffice, and a leading
 * apostrophe makes it inert text. Numbers, negative ones too, are left as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** A cell's text for a spreadsheet-bound file: in a numeric column a number (`-1.5`) stays a number. */
export function spreadsheetText(s: string, numeric: boolean): string {
  return numeric && /^-?\d/.test(s) ? s : neutraliseFormula(s);
}

export type CsvCell = string | number | null;

/**
 * RFC 4180 quoting with LF line ends; null is an empty field. `numeric[c]` marks a column whose
 * text cells are numbers (DuckDB DECIMAL or BIGINT as text).
 */
export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: { bom?: boolean; numeric?: readonly boolean[] } = {},
): string {
  const field = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const cell = (v: CsvCell, c: number): string =>
    field(v === null ? '' : typeof v === 'number' ? String(v) : spreadsheetText(v, options.numeric?.[c] === true));
  const lines = [header.map((h) => field(neutraliseFormula(h))).join(',')];
  for (const row of rows) lines.push(row.map(cell).join(','));
  return (options.bom ? '\uFEFF' : '') + lines.join('\n') + '\n';
}
