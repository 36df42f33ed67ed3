import { type Cell, type ResultSet, cellText, isNumeric } from '../result.ts';
import { displayWidth } from './text.ts';

/** Aligned columns for a person at a terminal; numbers right-aligned, NULL spelled out. */
export function formatTable(result: ResultSet): string {
  const { columns, rows } = result;
  if (columns.length === 0)
    return `OK${result.rowsChanged ? ` (${result.rowsChanged} row${result.rowsChanged === 1 ? '' : 's'} changed)` : ''}\n`;
  const header = columns.map((c) => oneLine(c.name));
  const body = rows.map((r) => r.map(display));
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[c]!))));
  const pad = (s: string, c: number, right: boolean): string => {
    const fill = ' '.repeat(widths[c]! - displayWidth(s));
    return right ? fill + s : s + fill;
  };
  const line = (cells: string[], numericRight: boolean): string =>
    cells
      .map((s, c) => pad(s, c, numericRight && isNumeric(columns[c]!.kind)))
      .join('  ')
      .trimEnd();
  const out = [line(header, false), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map((r) => line(r, true))];
  out.push(`(${rows.length} row${rows.length === 1 ? '' : 's'})`);
  return out.join('\n') + '\n';
}

function display(v: Cell): string {
  return v === null ? 'NULL' : oneLine(cellText(v));
}

/** Line breaks and tabs inside a value would break the alignment; show them as visible escapes. */
function oneLine(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n|\r|\n/g, '↵')
    .replace(/\t/g, '→');
}
