/** Turns a file's header row into canonical columns, collecting every header problem at once. */
import type { DataIssue } from '../errors.ts';
import type { TableDef } from '../schema.ts';
import { headerIndex, matchHeader } from './names.ts';
import { requiredColumns } from './task-ids.ts';

export interface HeaderMap {
  /** Canonical column per position, or null for ignored positions (STT, blank spreadsheet columns). */
  columns: (string | null)[];
  /** Position of the row-number column (`STT`, `TT`), which is not read but may make ids. */
  rowNumbers: number | null;
  issues: DataIssue[];
}

export interface HeaderOptions {
  file: string;
  /** Line of the header row, for the issues; null where keys stand in for a header (JSON). */
  line: number | null;
  /** Spreadsheets carry empty header cells over unused columns; text files never do. */
  allowBlank: boolean;
  /** JSON items may leave keys out (= empty values), so a required key is checked per item instead. */
  requireColumns: boolean;
}

export function mapHeaders(headers: string[], table: TableDef, o: HeaderOptions): HeaderMap {
  const index = headerIndex(table);
  const issues: DataIssue[] = [];
  const at = (column: string | null, rule: string, message: string) =>
    issues.push({ file: o.file, line: o.line, column, rule, message });
  const seen = new Map<string, string>();
  let rowNumbers: number | null = null;
  const columns = headers.map((raw, i): string | null => {
    const h = raw.normalize('NFC').trim();
    if (h === '') {
      if (!o.allowBlank) at(null, 'header', `column ${i + 1} has an empty header; name it or delete the column`);
      return null;
    }
    const m = matchHeader(h, table, index);
    if (m.kind === 'ignored') {
      rowNumbers ??= i;
      return null;
    }
    if (m.kind === 'unknown') {
      const hint = m.suggestion ? ` — did you mean \`${m.suggestion}\`?` : '';
      at(
        null,
        'unknown_column',
        `unknown column \`${h}\`${hint} (${table.name} has: ${table.columns.map((c) => c.name).join(', ')})`,
      );
      return null;
    }
    const before = seen.get(m.column);
    if (before !== undefined) {
      at(m.column, 'duplicate_column', `headers \`${before}\` and \`${h}\` both mean \`${m.column}\`; keep one`);
      return null;
    }
    seen.set(m.column, h);
    return m.column;
  });
  for (const col of requiredColumns(table)) {
    if (o.requireColumns && !seen.has(col.name)) {
      const alias = col.aliases[0] ? ` (or \`${col.aliases[0]}\`)` : '';
      at(col.name, 'missing_column', `required column \`${col.name}\`${alias} is missing`);
    }
  }
  return { columns, rowNumbers, issues };
}

/** How many of the table's columns, and of its required ones, a candidate header row names. */
export function countKnown(headers: string[], table: TableDef): { all: number; required: number } {
  const index = headerIndex(table);
  const found = new Set<string>();
  for (const h of headers) {
    const m = matchHeader(h.normalize('NFC').trim(), table, index);
    if (m.kind === 'column') found.add(m.column);
  }
  return { all: found.size, required: requiredColumns(table).filter((c) => found.has(c.name)).length };
}
