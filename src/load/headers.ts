/** Turns a file's header row into canonical columns, collecting every header problem at once. */
import type { DataIssue } from '../errors.ts';
import type { TableDef } from '../schema.ts';
import { headerIndex, labelParts, matchHeader, type HeaderMatch } from './names.ts';
import { headerHint, notRead, partRole, subColumn, type PartRole } from './forms.ts';
import { requiredColumns } from './task-ids.ts';

/** A form column that is a part of a total column (forms.ts): read only to check and complete it. */
export interface Part {
  index: number;
  /** The total it is part of (`received`, `resolved`). */
  of: string;
  role: PartRole;
}

export interface HeaderMap {
  /** Canonical column per position, or null for ignored positions (STT, blank spreadsheet columns). */
  columns: (string | null)[];
  /** Position of the row-number column (`STT`, `TT`), which is not read but may make ids. */
  rowNumbers: number | null;
  /** Parts of totals (spreadsheet forms only). */
  parts: Part[];
  /** Form columns the contract has no place for, not read (spreadsheet forms only). */
  notRead: { index: number; header: string; what: string }[];
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
  /**
   * A spreadsheet form (XLSX): headers of several rows may name parts of totals and columns the
   * contract has no place for (forms.ts); elsewhere those stay unknown columns.
   */
  form?: boolean;
  /** Required columns the file need not have because the reader supplies them (a month from the title). */
  supplied?: Set<string>;
}

export type FormMatch = HeaderMatch | { kind: 'part'; of: string; role: PartRole } | { kind: 'not_read'; what: string };

/**
 * A header as a spreadsheet form means it: a column, or else a part of a total (`Số hồ sơ đã
 * giải quyết › Trước hạn`), or a column of the form the contract has no place for.
 */
export function matchFormHeader(header: string, table: TableDef, index = headerIndex(table)): FormMatch {
  const m = matchHeader(header, table, index);
  if (m.kind !== 'unknown') return m;
  const parts = labelParts(header);
  // The group: the longest run of the labels above the last that names a total (`Nhận giải quyết ›
  // Nhận trong kỳ › Trực tuyến` is under `Nhận trong kỳ`).
  let group: string | undefined;
  for (let len = parts.length - 1; len >= 1 && !group; len--)
    for (let j = parts.length - 1 - len; j >= 0 && !group; j--) group = index.get(parts.slice(j, j + len).join(' › '));
  const sub = parts.at(-1)!;
  const column = group ? subColumn(table.name, group, sub) : undefined;
  if (column) return { kind: 'column', column };
  const role = group ? partRole(table.name, group, sub) : undefined;
  if (group && role) return { kind: 'part', of: group, role };
  const what = notRead(table.name, header);
  return what ? { kind: 'not_read', what } : m;
}

export function mapHeaders(headers: string[], table: TableDef, o: HeaderOptions): HeaderMap {
  const index = headerIndex(table);
  const issues: DataIssue[] = [];
  const at = (column: string | null, rule: string, message: string) =>
    issues.push({ file: o.file, line: o.line, column, rule, message });
  const seen = new Map<string, string>();
  let rowNumbers: number | null = null;
  const parts: Part[] = [];
  const unread: HeaderMap['notRead'] = [];
  const columns = headers.map((raw, i): string | null => {
    const h = raw.normalize('NFC').trim();
    if (h === '') {
      if (!o.allowBlank) at(null, 'header', `column ${i + 1} has an empty header; name it or delete the column`);
      return null;
    }
    const m = o.form ? matchFormHeader(h, table, index) : matchHeader(h, table, index);
    if (m.kind === 'ignored') {
      rowNumbers ??= i;
      return null;
    }
    if (m.kind === 'part') {
      parts.push({ index: i, of: m.of, role: m.role });
      return null;
    }
    if (m.kind === 'not_read') {
      unread.push({ index: i, header: h, what: m.what });
      return null;
    }
    if (m.kind === 'unknown') {
      const fix = headerHint(table.name, h);
      const hint = fix ? `: ${fix}` : m.suggestion ? ` — did you mean \`${m.suggestion}\`?` : '';
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
    if (o.requireColumns && !seen.has(col.name) && !o.supplied?.has(col.name)) {
      const alias = col.aliases[0] ? ` (or \`${col.aliases[0]}\`)` : '';
      at(col.name, 'missing_column', `required column \`${col.name}\`${alias} is missing`);
    }
  }
  return { columns, rowNumbers, parts, notRead: unread, issues };
}

/** How many of the table's columns, and of its required ones, a candidate header row of a spreadsheet form names. */
export function countKnown(headers: string[], table: TableDef): { all: number; required: number } {
  const index = headerIndex(table);
  const found = new Set<string>();
  for (const h of headers) {
    const m = matchFormHeader(h.normalize('NFC').trim(), table, index);
    if (m.kind === 'column') found.add(m.column);
  }
  return { all: found.size, required: requiredColumns(table).filter((c) => found.has(c.name)).length };
}
