import { type ResultSet, cellText } from '../result.ts';
import { neutraliseFormula, spreadsheetText } from './text.ts';

/**
 * RFC 4180 quoting with LF line ends; NULL is an empty field. Cells and headers that a spreadsheet
 * would evaluate get a leading apostrophe; numbers, negative ones too, are left as they are.
 */
export function formatCsv(result: ResultSet, options: { bom?: boolean } = {}): string {
  const field = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = [result.columns.map((c) => field(neutraliseFormula(c.name))).join(',')];
  for (const row of result.rows) {
    lines.push(
      row
        .map((v, c) => field(spreadsheetText(cellText(v), result.columns[c]!.kind)))
        .join(','),
    );
  }
  return (options.bom ? '\uFEFF' : '') + lines.join('\n') + '\n';
}
