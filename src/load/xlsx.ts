/**
 * XLSX as offices export it: a sheet streamed row by row into DuckDB, its header found among the
 * first rows (one to three rows, merged group labels read as `group › sub`), and the rows that are
 * not data skipped — each skip, merge and reading of a header reported as a warning, so nothing
 * is interpreted silently.
 */
import type { Db } from '../db.ts';
import { ident, messageOf } from '../db.ts';
import type { DataIssue } from '../errors.ts';
import { TABLES } from '../schema.ts';
import { sheetTable, type DataFile } from './discover.ts';
import { findLegacy, legacyIssue } from './encoding.ts';
import { mapHeaders } from './headers.ts';
import { classify, figure, findHeader, GROUP_SEPARATOR, type Header } from './layout.ts';
import { fileIssue, selectList, type ReadResult } from './readers.ts';
import { mergesOf, sheetRows, sheetsOf, type Merge, type SheetInfo, type SheetRow } from './sheet.ts';
import { withDerivedIds } from './task-ids.ts';
import { Zip } from './zip.ts';

const fail = (issues: DataIssue[]): ReadResult => ({ ok: false, issues });
/** Rows read before the header is looked for: 10 candidate rows plus a header of three. */
const HEAD_ROWS = 13;
/** Rows whose text is checked for legacy-font marks at once. */
const LEGACY_BATCH = 2000;

/**
 * The sheet of the file: the one discovery named (a workbook read by its sheet names), else one
 * named after the table, else the first; the others are then named in a warning.
 */
function pickSheet(sheets: SheetInfo[], file: DataFile): SheetInfo | undefined {
  if (file.sheet !== undefined) return sheets.find((s) => s.name === file.sheet);
  return sheets.find((s) => sheetTable(s.name) === file.table) ?? sheets[0];
}

const range = (lines: number[]) => (lines.length === 1 ? `row ${lines[0]}` : `rows ${lines[0]}–${lines.at(-1)}`);
const colName = (n: number): string =>
  n <= 0 ? '' : colName(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6));

const unreadable = (file: DataFile, e: unknown) =>
  fail([
    fileIssue(
      file,
      'xlsx',
      `not a readable .xlsx workbook: ${messageOf(e).split('\n')[0]}; save it again from Excel as .xlsx`,
    ),
  ]);

export async function readXlsx(db: Db, file: DataFile, fid: number): Promise<ReadResult> {
  let zip: Zip;
  let sheets: SheetInfo[];
  try {
    zip = Zip.open(file.abs);
    sheets = sheetsOf(zip);
  } catch (e) {
    return unreadable(file, e);
  }
  const sheet = pickSheet(sheets, file);
  if (!sheet) return fail([fileIssue(file, 'xlsx', 'the workbook has no sheet')]);
  const warnings: DataIssue[] = [];
  const warn = (rule: string, message: string, line: number | null = null, column: string | null = null) =>
    warnings.push({ file: file.rel, line, column, rule, message });
  if (sheets.length > 1 && file.sheet === undefined) {
    const others = sheets
      .filter((s) => s !== sheet)
      .map((s) => `"${s.name}"`)
      .join(', ');
    warn(
      'sheet',
      `read sheet "${sheet.name}" as ${file.table}; not read: ${others} (a sheet named ${file.table} is read in preference to the first)`,
    );
  }
  try {
    return await readSheet(db, file, fid, zip, sheet, await mergesOf(zip, sheet.entry), warnings, warn);
  } catch (e) {
    return unreadable(file, e);
  }
}

type Warn = (rule: string, message: string, line?: number | null, column?: string | null) => void;

async function readSheet(
  db: Db,
  file: DataFile,
  fid: number,
  zip: Zip,
  sheet: SheetInfo,
  merges: Merge[],
  warnings: DataIssue[],
  warn: Warn,
): Promise<ReadResult> {
  const table = TABLES[file.table];
  const rows = sheetRows(file.abs, zip, sheet);
  const head: SheetRow[] = [];
  let pending: IteratorResult<SheetRow> | undefined;
  for (pending = await rows.next(); !pending.done && head.length < HEAD_ROWS; pending = await rows.next())
    head.push(pending.value);
  const header = findHeader(head, merges, table);
  if (!header) {
    const need = Math.ceil(table.columns.length / 2);
    return fail([
      fileIssue(
        file,
        'header',
        `no header row found: none of the first 10 rows names at least ${need} of the columns of ${table.name}, or all its required ones (${table.columns.map((c) => c.name).join(', ')})`,
      ),
    ]);
  }
  const map = mapHeaders(header.labels, table, {
    file: file.rel,
    line: header.lines[0]!,
    allowBlank: true,
    requireColumns: true,
  });
  if (map.issues.length) return fail(map.issues);
  if (header.lines.length > 1) {
    const read = header.labels.flatMap((l, i) =>
      l.includes(GROUP_SEPARATOR) && map.columns[i] ? [`\`${l}\` → ${map.columns[i]}`] : [],
    );
    warn(
      'header_rows',
      `the header spans ${range(header.lines)} (merged group labels over sub-labels); read as ${read.join(', ')}`,
      header.lines[0],
    );
  }
  const width = header.labels.length;
  const end = header.lines.at(-1)!;
  // Merged ranges of data rows: the value of the range's first cell applies to every row of it.
  const down = merges.filter((m) => m.top > end && m.bottom > m.top);
  const topValue = new Map<Merge, string | null>();
  const applied = new Set<Merge>();
  const numeric = map.columns.map((c) =>
    c ? ['int', 'decimal'].includes(table.columns.find((d) => d.name === c)!.type) : false,
  );
  const mapped = map.columns.filter((c) => c !== null).length;
  const name = `x${fid}`;
  await db.run(`CREATE TEMP TABLE ${name} (${header.labels.map((_, i) => `c${i} VARCHAR`).join(', ')})`);
  const app = await db.conn.createAppender(name, 'main', 'temp');
  const lines: number[] = [];
  const issues: DataIssue[] = [];
  const unheaded = new Map<number, number>();
  const sums = { all: new Array<number>(width).fill(0), group: new Array<number>(width).fill(0) };
  let footer = false;
  let groupRows = 0;
  let batch: SheetRow[] = [];
  let legacyFound = false;
  const checkLegacy = () => {
    if (legacyFound || batch.length === 0) return;
    const found = findLegacy(batch.map((r) => r.cells.filter((c): c is string => c !== null).join(' ')).join('\n'));
    if (found) {
      legacyFound = true;
      issues.push(
        legacyIssue(
          file.rel,
          { ...found, line: found.line === null ? null : batch[found.line - 1]!.line },
          'sheet row',
        ),
      );
    }
    batch = [];
  };
  const take = (row: SheetRow) => {
    if (row.line <= end) return;
    const cells = row.cells;
    for (const m of down) {
      if (row.line === m.top) topValue.set(m, cells[m.left - 1] ?? null);
      else if (row.line > m.top && row.line <= m.bottom && (cells[m.left - 1] ?? null) === null && topValue.get(m)) {
        cells[m.left - 1] = topValue.get(m)!;
        applied.add(m);
      }
    }
    const kind = classify(cells, header, mapped, footer);
    // A merge that starts on a row that is no data (a repeated header) gives nothing to the data.
    if (kind.kind !== 'data') for (const m of down) if (m.top === row.line) topValue.delete(m);
    if (kind.kind !== 'data') {
      skipped(kind.kind, kind.label, row, cells, header);
      return;
    }
    for (let i = 0; i < cells.length; i++) {
      if ((header.labels[i] ?? '') === '' && (cells[i] ?? '').trim() !== '' && !unheaded.has(i))
        unheaded.set(i, row.line);
    }
    for (let i = 0; i < width; i++) {
      const v = cells[i];
      if (v === null || v === undefined) app.appendNull();
      else app.appendVarchar(v);
      const n = numeric[i] ? figure(v) : null;
      if (n !== null) {
        sums.all[i]! += n;
        sums.group[i]! += n;
      }
    }
    app.endRow();
    groupRows++;
    lines.push(row.line);
    batch.push(row);
    if (batch.length >= LEGACY_BATCH) checkLegacy();
  };
  const skipped = (kind: string, label: string, row: SheetRow, cells: (string | null)[], h: Header) => {
    const why: Record<string, string> = {
      blank: 'a blank row',
      header: 'the header repeated (a sheet printed in pages)',
      total: `a totals row ("${label}")`,
      note: `a note or signature line ("${label.slice(0, 60)}")`,
      group: `a group heading ("${label.slice(0, 60)}")`,
    };
    warn('skipped_row', `row ${row.line} skipped: ${why[kind]}, not data`, row.line);
    if (kind === 'note') footer = true;
    if (kind === 'group') {
      sums.group.fill(0);
      groupRows = 0;
    }
    if (kind !== 'total') return;
    for (let i = 0; i < width; i++) {
      const n = numeric[i] ? figure(cells[i]) : null;
      if (n === null) continue;
      const near = (x: number) => Math.abs(x - n) < 1e-6 * Math.max(1, Math.abs(n));
      if (near(sums.group[i]!) || near(sums.all[i]!)) continue;
      // A subtotal sums its group; a grand total (no rows since the last subtotal) sums them all.
      const above = groupRows > 0 ? sums.group[i]! : sums.all[i]!;
      warn(
        'totals_mismatch',
        `the totals row "${label}" says ${map.columns[i]} ${fmt(n)} (${h.labels[i]}), but the rows above it add up to ${fmt(above)}; the export may be cut or filtered — check that every row is there`,
        row.line,
        map.columns[i],
      );
    }
    sums.group.fill(0);
    groupRows = 0;
  };
  for (const r of head) take(r);
  for (; !pending.done; pending = await rows.next()) take(pending.value);
  checkLegacy();
  app.flushSync();
  app.closeSync();
  if (applied.size) {
    const list = [...applied].map((m) => `${colName(m.left)}${m.top}:${colName(m.right)}${m.bottom}`);
    warn(
      'merged_cells',
      `merged cells in the data apply to each of their rows: ${list.slice(0, 10).join(', ')}${list.length > 10 ? ` and ${list.length - 10} more` : ''}`,
    );
  }
  for (const [i, line] of unheaded)
    issues.push(
      fileIssue(file, 'header', `column ${i + 1} has values but no header; name it or delete the column`, line),
    );
  if (issues.length) return fail(issues);
  const { columns, derived } = withDerivedIds(file.table, map.columns, map.rowNumbers);
  const list = selectList(columns, (i) => ident(`c${i}`));
  return {
    ok: true,
    source: {
      file,
      fid,
      sql: `SELECT ${list.sql} FROM ${name}`,
      columns: new Set(list.columns),
      derived,
      lineOf: (p) => lines[p - 1] ?? p,
      warnings,
    },
  };
}
