/**
 * XLSX as offices export it: a sheet streamed row by row into DuckDB, its header found among the
 * first rows (one to three rows, merged group labels read as `group › sub`), and the rows that are
 * not data skipped — each skip, merge and reading of a header reported as a warning, so nothing
 * is interpreted silently.
 */
import type { Db } from '../db.ts';
import { ident, messageOf } from '../db.ts';
import type { DataIssue } from '../errors.ts';
import { TABLES, columnType, type TableDef } from '../schema.ts';
import { sheetTable, type DataFile } from './discover.ts';
import { findLegacy, legacyIssue } from './encoding.ts';
import { countKnown, mapHeaders, type HeaderMap } from './headers.ts';
import { classify, figure, findHeader, GROUP_SEPARATOR, type Header } from './layout.ts';
import { titlePeriod, type TitlePeriod } from './forms.ts';
import { planForm } from './form-columns.ts';
import { matchHeader } from './names.ts';
import { requiredColumns, withDerivedIds } from './task-ids.ts';
import { fileIssue, selectList, type ReadResult } from './readers.ts';
import {
  mergesOf,
  openWorkbook,
  sheetRows,
  type Merge,
  type SheetInfo,
  type SheetRow,
  type Workbook,
} from './sheet.ts';
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
  let book: Workbook;
  try {
    book = file.book ?? openWorkbook(file.abs);
  } catch (e) {
    return unreadable(file, e);
  }
  const { zip, sheets } = book;
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
  if (!header) return fail([noHeader(file, head, table)]);
  const title = titleOf(head, header);
  const { map, titleMonth, composeReceived } = sheetHeader(file, table, header, title);
  if (map.issues.length) return fail(map.issues);
  const plan = planForm({
    file: file.rel,
    table: table,
    labels: header.labels,
    map,
    headerLine: header.lines[0]!,
    titleMonth,
    composeReceived,
  });
  warnings.push(...plan.warnings);
  if (header.lines.length > 1 || plan.readings.length) {
    const read = [
      ...header.labels.flatMap((l, i) =>
        l.includes(GROUP_SEPARATOR) && map.columns[i] ? [`\`${l}\` → ${map.columns[i]}`] : [],
      ),
      ...plan.readings,
    ];
    warn(
      'header_rows',
      `the header spans ${range(header.lines)}${header.lines.length > 1 ? ' (merged group labels over sub-labels)' : ''}; read as ${read.join(', ')}`,
      header.lines[0],
    );
  }
  if (map.notRead.length) {
    const what = [...new Set(map.notRead.map((n) => n.what))];
    warn(
      'column_not_read',
      `columns not read: ${map.notRead.map((n) => `\`${n.header}\``).join(', ')} (${what.join('; ')}) — the data contract has no such column, and no figure of the brief depends on them`,
      header.lines[0],
    );
  }
  const width = header.labels.length;
  const end = header.lines.at(-1)!;
  // Merged ranges of data rows: the value of the range's first cell applies to every row of it.
  const down = merges.filter((m) => m.top > end && m.bottom > m.top);
  const topValue = new Map<Merge, string | null>();
  const applied = new Set<Merge>();
  const numeric = plan.figureColumn.map((c) => c !== null);
  const months = map.columns.flatMap((c, i) =>
    c && ['month', 'period'].includes(columnType(table, c) ?? '') ? [i] : [],
  );
  const fromDates = new Map<number, { n: number; month: string }>();
  const mapped = map.columns.filter((c) => c !== null).length + map.parts.length;
  const name = `x${fid}`;
  await db.run(`CREATE TEMP TABLE ${name} (${plan.columns.map((_, i) => `c${i} VARCHAR`).join(', ')})`);
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
    // An Excel date cell on the first of a month, in a month column, is the month Excel shows (10/2026).
    for (const i of months) {
      const v = cells[i];
      if (!row.dates?.includes(i) || !v || !/^\d{4}-\d{2}-01$/.test(v)) continue;
      const month = v.slice(0, 7);
      cells[i] = month;
      const seen = fromDates.get(i) ?? { n: 0, month };
      fromDates.set(i, { n: seen.n + 1, month: seen.month });
    }
    plan.check(cells, row.line);
    const values = [...Array.from({ length: width }, (_, i) => cells[i] ?? null), ...plan.extra(cells, row.line)];
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
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
      numbers: `the column numbers under the header ("${label.split(' ')[0]} … ${label.split(' ').at(-1)}")`,
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
        `the totals row "${label}" says ${plan.figureColumn[i]} ${fmt(n)} (${h.labels[i]}), but the rows above it add up to ${fmt(above)}; the export may be cut or filtered — check that every row is there`,
        row.line,
        plan.figureColumn[i],
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
  for (const [i, d] of fromDates)
    warn(
      'month_from_date',
      `${d.n} Excel date cell${d.n === 1 ? '' : 's'} on the first of a month in \`${header.labels[i]}\` read as ${d.n === 1 ? 'its month' : 'their months'} (${d.month}${d.n > 1 ? ', …' : ''}), as Excel shows them; a date on another day is no month`,
      null,
      map.columns[i],
    );
  if (issues.length) return fail(issues);
  const { columns, derived } = withDerivedIds(file.table, plan.columns, map.rowNumbers);
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
      issues: plan.issues,
    },
  };
}

/**
 * The period the title rows above the header give, if they give one: one month, or the
 * period that is none (two titles that disagree are none either).
 */
function titleOf(head: SheetRow[], header: Header): TitlePeriod | null {
  const found = head
    .filter((r) => r.line < header.lines[0]!)
    .map((r) => titlePeriod(r.line, [...new Set(r.cells.filter((c): c is string => !!c?.trim()))].join(' ').trim()))
    .filter((p): p is TitlePeriod => p !== null);
  const months = new Set(found.map((p) => ('month' in p ? p.month : '')));
  if (found.length > 1 && months.size > 1 && found.every((p) => 'month' in p))
    return { ...found[0]!, problem: `the title rows give different months (${[...months].join(', ')})` };
  return found.find((p) => 'problem' in p) ?? found[0] ?? null;
}

/**
 * The header read against the table. A dossier_stats sheet without a month column takes the
 * month of its title when that is one calendar month, and is told why not otherwise; one without
 * a received column but with received's channels gets their sum (form-columns.ts).
 */
function sheetHeader(
  file: DataFile,
  table: TableDef,
  header: Header,
  title: TitlePeriod | null,
): { map: HeaderMap; titleMonth: (TitlePeriod & { month: string }) | null; composeReceived: boolean } {
  const read = (supplied?: Set<string>) =>
    mapHeaders(header.labels, table, {
      file: file.rel,
      line: header.lines[0]!,
      allowBlank: true,
      requireColumns: true,
      form: true,
      supplied,
    });
  const first = read();
  const missing = (c: string) => first.issues.some((i) => i.rule === 'missing_column' && i.column === c);
  const supplied = new Set<string>();
  const composeReceived =
    missing('received') && first.parts.some((p) => p.of === 'received') && first.columns.includes('received_online');
  if (composeReceived) supplied.add('received');
  const titleMonth = missing('month') && title && 'month' in title ? title : null;
  if (titleMonth) supplied.add('month');
  const map = supplied.size ? read(supplied) : first;
  const noMonth = map.issues.find((i) => i.rule === 'missing_column' && i.column === 'month');
  if (noMonth && title && 'problem' in title)
    noMonth.message = `required column \`month\` (or \`Tháng\`) is missing, and the title in row ${title.line} ("${title.text}") cannot stand for it: ${title.problem}; add a column \`Tháng\` with each row's month (MM/YYYY), or export one month per file`;
  return { map, titleMonth, composeReceived };
}

/**
 * No header among the first rows: which row comes closest and which required columns it lacks,
 * so that the fix is a column to add, not a guess at what the table wants.
 */
function noHeader(file: DataFile, head: SheetRow[], table: TableDef): DataIssue {
  const need = Math.ceil(table.columns.length / 2);
  const required = requiredColumns(table);
  const wants = `a header row of ${table.name} names at least ${need} of its columns, or all its required ones (${required.map((c) => c.name).join(', ')})`;
  let best: { row: SheetRow; known: number } | null = null;
  for (const r of head.filter((x) => x.line <= 10)) {
    const known = countKnown(
      r.cells.map((c) => c ?? ''),
      table,
    ).all;
    if (known > 0 && (!best || known > best.known)) best = { row: r, known };
  }
  if (!best) return fileIssue(file, 'header', `no header row found in the first 10 rows: ${wants}`);
  const named = new Map<string, string>();
  for (const c of best.row.cells) {
    const m = c ? matchHeader(c.normalize('NFC').trim(), table) : null;
    if (m?.kind === 'column' && !named.has(m.column)) named.set(m.column, c!.trim());
  }
  const missing = required.filter((c) => !named.has(c.name));
  const add = missing.map((c) => `${c.name} (\`${c.aliases[0] ?? c.name}\`)`).join(', ');
  return fileIssue(
    file,
    'header',
    `no header row found: ${wants}; the closest, row ${best.row.line}, names only ${[...named].map(([c, h]) => `${c} (\`${h}\`)`).join(', ')} — add a column for each of ${add}, filled on every row (what a title above the table says, such as a unit or a year, is not read)`,
    best.row.line,
  );
}
