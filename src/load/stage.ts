/**
 * Reads one data file into a DuckDB temp table `f<fid>` of typed columns, with DuckDB's own
 * readers. Problems that make the rows unreadable
 * (encoding, headers, CSV structure, broken JSON) are returned instead, and the file's rows are
 * then not checked further: their values would only produce noise.
 */
import type { Db } from '../db.ts';
import { ident, literal, messageOf } from '../db.ts';
import type { DataIssue } from '../errors.ts';
import { TABLES, sqlType } from '../schema.ts';
import { headerFields, lineOfOffset, recordLines } from './csv.ts';
import type { DataFile } from './discover.ts';
import { checkEncoding, findLegacy, legacyIssue } from './encoding.ts';
import { countKnown, mapHeaders } from './headers.ts';
import { badCellsExpr, cleanExpr, isParsed, parseExpr } from './values.ts';

export interface Staged {
  file: DataFile;
  fid: number;
  /** Canonical columns the file has. */
  columns: Set<string>;
  /** SQL giving a row's position in the file's temp table: rowid-based, or the stored sheet row. */
  posExpr: string;
  /** Physical line of a position, as users count lines in this format. */
  lineOf: (pos: number) => number;
}

export type StageResult = { ok: true; staged: Staged } | { ok: false; issues: DataIssue[] };

export const stageTable = (fid: number) => `f${fid}`;

const fail = (issues: DataIssue[]): StageResult => ({ ok: false, issues });
const fileIssue = (file: DataFile, rule: string, message: string, line: number | null = null): DataIssue => ({
  file: file.rel,
  line,
  column: null,
  rule,
  message,
});

/** Source SELECT naming raw text columns by canonical name; optional `_line` for sheet rows. */
interface Source {
  sql: string;
  columns: string[];
  hasLine: boolean;
  lineOf: (pos: number) => number;
}

/**
 * Materialises `f<fid>` in one pass over the source: the typed value of each column (the cleaned
 * text for text columns) and `_bad`, the offending cells of the row with their text, so the text
 * of the million good cells is never stored.
 */
async function materialise(db: Db, file: DataFile, fid: number, src: Source): Promise<Staged> {
  const defs = TABLES[file.table].columns;
  const present = new Set(src.columns);
  const mine = defs.filter((c) => present.has(c.name));
  const line = src.hasLine ? ['_line'] : [];
  const cleaned = mine.map((c) => `${cleanExpr(ident(c.name), c.type)} AS ${ident(c.name)}`);
  const parsed = mine.filter((c) => isParsed(c.type)).map((c) => `${parseExpr(c.type, ident(c.name))} AS ${ident('p$' + c.name)}`);
  const typed = mine.map((c) => (isParsed(c.type) ? `${ident('p$' + c.name)} AS ${ident(c.name)}` : ident(c.name)));
  // A JSON file of empty objects has no column at all; SQL needs something to select.
  const inner = [...line, ...cleaned, 'NULL AS _none'];
  await db.run(
    `CREATE TEMP TABLE ${stageTable(fid)} AS
     SELECT ${[...line, ...typed, `${badCellsExpr(file.table, defs, present)} AS _bad`].join(', ')}
     FROM (SELECT *, ${[...parsed, 'NULL AS _none2'].join(', ')} FROM (SELECT ${inner.join(', ')} FROM (${src.sql})))`,
  );
  return {
    file,
    fid,
    columns: present,
    posExpr: src.hasLine ? '_line' : 'rowid + 1',
    lineOf: src.lineOf,
  };
}

/** Canonical name per position from a header map, dropping ignored positions. */
function selectList(columns: (string | null)[], expr: (i: number) => string): { sql: string; columns: string[] } {
  const parts: string[] = [];
  const names: string[] = [];
  columns.forEach((c, i) => {
    if (c === null) return;
    parts.push(`${expr(i)} AS ${ident(c)}`);
    names.push(c);
  });
  return { sql: parts.join(', ') || 'NULL AS _none', columns: names };
}

async function stageCsv(db: Db, file: DataFile, fid: number, buf: Buffer): Promise<StageResult> {
  const enc = checkEncoding(buf, file.rel);
  if (enc.length) return fail(enc);
  const header = headerFields(buf);
  if (header.length === 1 && header[0]!.trim() === '') return fail([fileIssue(file, 'header', 'the file has no header row; the first line must name the columns', 1)]);
  if (header.some((h) => /[\r\n]/.test(h))) return fail([fileIssue(file, 'quote', 'a quote in the header row is not closed', 1)]);
  if (header.length === 1 && /[;\t]/.test(header[0]!)) {
    const sep = header[0]!.includes(';') ? 'semicolons' : 'tabs';
    return fail([fileIssue(file, 'separator', `the file is separated by ${sep}, not commas; export it as "CSV UTF-8 (Comma delimited)" (in Excel) or change the list separator to a comma`, 1)]);
  }
  const map = mapHeaders(header, TABLES[file.table], { file: file.rel, line: 1, allowBlank: false, requireColumns: true });
  if (map.issues.length) return fail(map.issues);
  const cols = header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const read = (extra: string) =>
    `read_csv(${literal(file.abs)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', strict_mode = true, null_padding = false, columns = {${cols}}${extra})`;
  const list = selectList(map.columns, (i) => `c${i}`);
  let lines: number[] | undefined;
  try {
    const staged = await materialise(db, file, fid, {
      sql: `SELECT ${list.sql} FROM ${read('')}`,
      columns: list.columns,
      hasLine: false,
      lineOf: (pos) => (lines ??= recordLines(buf))[pos - 1] ?? pos + 1,
    });
    return { ok: true, staged };
  } catch (e) {
    // Collecting rejects costs as much again as the read, so only a file that failed is read again for them.
    return fail(await csvRejects(db, file, fid, buf, read, header.length, e));
  }
}

/** Every structural problem of a CSV DuckDB refused, located by physical line. */
async function csvRejects(db: Db, file: DataFile, fid: number, buf: Buffer, read: (extra: string) => string, fields: number, error: unknown): Promise<DataIssue[]> {
  const rej = `rej_${fid}`;
  let rejects: { pos: number; type: string; msg: string }[] = [];
  try {
    await db.run(`CREATE TEMP TABLE ${rej}_rows AS SELECT * FROM ${read(`, store_rejects = true, rejects_table = '${rej}', rejects_scan = '${rej}_scan'`)}`);
    rejects = await db.all(`SELECT line_byte_position AS pos, error_type AS type, error_message AS msg FROM ${rej} ORDER BY line_byte_position, TRY_CAST(regexp_extract(error_message, 'Found: (\\d+)', 1) AS INTEGER) LIMIT 1000`);
  } catch {
    // Some failures (e.g. a line over DuckDB's size limit) stop even a read that stores rejects.
  }
  // The bytes were checked as UTF-8 already; DuckDB's unicode complaints follow from a broken quote.
  const seen = new Set<number>();
  const issues = rejects
    .filter((r) => r.type !== 'INVALID UNICODE')
    .map((r) => {
      const line = lineOfOffset(buf, Number(r.pos) - 1);
      const found = /Found: (\d+)/.exec(r.msg)?.[1];
      if (r.type === 'MISSING COLUMNS' || r.type === 'TOO MANY COLUMNS')
        return fileIssue(file, 'columns', `the row has ${found ?? 'a different number of'} fields but the header has ${fields}; check for a stray or missing comma, or quote values that contain commas`, line);
      if (r.type === 'UNQUOTED VALUE')
        return fileIssue(file, 'quote', 'a quoted value is not closed, or a quote sits inside an unquoted value; close the quote and write a quote inside a value as ""', line);
      return fileIssue(file, 'csv', `${r.type.toLowerCase()}: ${r.msg.split('\n')[0]}`, line);
    })
    // DuckDB reports a short row once per missing field; one issue per line says it all.
    .filter((i) => !seen.has(i.line!) && seen.add(i.line!));
  return issues.length ? issues : [fileIssue(file, 'csv', `DuckDB could not read the file: ${messageOf(error).split('\n')[0]}`)];
}

async function stageJson(db: Db, file: DataFile, fid: number, buf: Buffer): Promise<StageResult> {
  const enc = checkEncoding(buf, file.rel);
  if (enc.length) return fail(enc);
  const items = `j${fid}`;
  if (buf.toString('utf8').trim() === '') return fail([fileIssue(file, 'json', 'the file holds no JSON; write an array of objects, [] for an empty table')]);
  try {
    await db.run(`CREATE TEMP TABLE ${items} AS SELECT json FROM read_json_objects(${literal(file.abs)}, format = 'array')`);
  } catch (e) {
    return fail([fileIssue(file, 'json', `not a JSON array of objects: ${messageOf(e).split('\n')[0]}`)]);
  }
  const notObjects = await db.all<{ pos: number; type: string }>(
    `SELECT rowid + 1 AS pos, json_type(json) AS type FROM ${items} WHERE json_type(json) <> 'OBJECT' ORDER BY rowid LIMIT 100`,
  );
  if (notObjects.length) {
    return fail(notObjects.map((r) => fileIssue(file, 'json', `item ${r.pos} is ${r.type.toLowerCase()}, not an object; each item must be {"column": value, …}`, r.pos)));
  }
  const keys = (await db.all<{ k: string }>(`SELECT k FROM (SELECT unnest(json_keys(json)) AS k, rowid AS r FROM ${items}) GROUP BY k ORDER BY min(r), k`)).map((r) => r.k);
  // A key missing from an item is an empty value, so absent required keys show up as empty cells.
  const map = mapHeaders(keys, TABLES[file.table], { file: file.rel, line: null, allowBlank: false, requireColumns: false });
  if (map.issues.length) return fail(map.issues);
  const list = selectList(map.columns, (i) => `json_extract_string(json, ${literal('$.' + JSON.stringify(keys[i]))})`);
  return { ok: true, staged: await materialise(db, file, fid, { sql: `SELECT ${list.sql} FROM ${items}`, columns: list.columns, hasLine: false, lineOf: (p) => p }) };
}

async function stageParquet(db: Db, file: DataFile, fid: number): Promise<StageResult> {
  const src = `read_parquet(${literal(file.abs)})`;
  let names: string[];
  try {
    names = (await db.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${src}`)).map((r) => r.column_name);
  } catch (e) {
    return fail([fileIssue(file, 'parquet', `not a readable Parquet file: ${messageOf(e).split('\n')[0]}`)]);
  }
  const map = mapHeaders(names, TABLES[file.table], { file: file.rel, line: null, allowBlank: false, requireColumns: true });
  if (map.issues.length) return fail(map.issues);
  const list = selectList(map.columns, (i) => `CAST(${ident(names[i]!)} AS VARCHAR)`);
  return { ok: true, staged: await materialise(db, file, fid, { sql: `SELECT ${list.sql} FROM ${src}`, columns: list.columns, hasLine: false, lineOf: (p) => p }) };
}

/** Text of an exceljs cell value as the loader reads text; dates as Excel shows them (naive local). */
export function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return o.error;
    return JSON.stringify(v);
  }
  return String(v);
}

async function stageXlsx(db: Db, file: DataFile, fid: number): Promise<StageResult> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file.abs);
  } catch (e) {
    return fail([fileIssue(file, 'xlsx', `not a readable .xlsx workbook: ${messageOf(e).split('\n')[0]}; save it again from Excel as .xlsx`)]);
  }
  const ws = wb.worksheets[0];
  if (!ws) return fail([fileIssue(file, 'xlsx', 'the workbook has no sheet')]);
  const table = TABLES[file.table];
  const rows: { line: number; cells: (string | null)[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const values = row.values as unknown[];
    rows.push({ line: n, cells: Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1])) });
  });
  const need = Math.ceil(table.columns.length / 2);
  const required = table.columns.filter((c) => c.required).length;
  // The contract's "half of the columns", or else every required column: a sheet of only the
  // required columns is as valid as the same CSV, and no title row names them all.
  const headerRow = rows
    .filter((r) => r.line <= 10)
    .find((r) => {
      const known = countKnown(r.cells.map((c) => c ?? ''), table);
      return known.all >= need || known.required >= required;
    });
  if (!headerRow) {
    return fail([fileIssue(file, 'header', `no header row found: none of the first 10 rows names at least ${need} of the columns of ${table.name}, or all its required ones (${table.columns.map((c) => c.name).join(', ')})`)]);
  }
  const header = headerRow.cells.map((c) => c ?? '');
  const map = mapHeaders(header, table, { file: file.rel, line: headerRow.line, allowBlank: true, requireColumns: true });
  const data = rows.filter((r) => r.line > headerRow.line);
  for (let i = 0; i < Math.max(...data.map((r) => r.cells.length), 0); i++) {
    if ((header[i] ?? '').trim() !== '') continue;
    const first = data.find((r) => (r.cells[i] ?? '').trim() !== '');
    if (first) map.issues.push(fileIssue(file, 'header', `column ${i + 1} has values but no header; name it or delete the column`, first.line));
  }
  const texts = data.map((r) => r.cells.filter((c): c is string => c !== null).join(' '));
  const legacy = findLegacy(texts.join('\n'));
  // Lines of the joined text are the data rows, so a line number maps back to the sheet row.
  if (legacy) map.issues.push(legacyIssue(file.rel, { ...legacy, line: legacy.line === null ? null : data[legacy.line - 1]!.line }, 'sheet row'));
  if (map.issues.length) return fail(map.issues);
  const list = selectList(map.columns, (i) => ident(`c${i}`));
  const sheet = `x${fid}`;
  await db.run(`CREATE TEMP TABLE ${sheet} (_line BIGINT, ${header.map((_, i) => `c${i} VARCHAR`).join(', ')})`);
  const app = await db.conn.createAppender(sheet, 'main', 'temp');
  for (const r of data) {
    app.appendBigInt(BigInt(r.line));
    header.forEach((_, i) => {
      const v = r.cells[i];
      if (v === null || v === undefined) app.appendNull();
      else app.appendVarchar(v);
    });
    app.endRow();
  }
  app.flushSync();
  app.closeSync();
  return {
    ok: true,
    staged: await materialise(db, file, fid, { sql: `SELECT _line, ${list.sql} FROM ${sheet}`, columns: list.columns, hasLine: true, lineOf: (p) => p }),
  };
}

export async function stageFile(db: Db, file: DataFile, fid: number, buf: Buffer): Promise<StageResult> {
  switch (file.format) {
    case 'csv':
      return stageCsv(db, file, fid, buf);
    case 'json':
      return stageJson(db, file, fid, buf);
    case 'parquet':
      return stageParquet(db, file, fid);
    case 'xlsx':
      return stageXlsx(db, file, fid);
  }
}

/** `v_<table>`: every file of a table as one relation, with `_fid`, `_pos`, typed columns and `_bad`. */
export async function createView(db: Db, staged: Staged[]): Promise<void> {
  const table = TABLES[staged[0]!.file.table];
  const parts = staged.map((s) => {
    const cols = table.columns.map((c) => (s.columns.has(c.name) ? ident(c.name) : `CAST(NULL AS ${sqlType(c.type)}) AS ${ident(c.name)}`));
    return `SELECT ${s.fid} AS _fid, ${s.posExpr} AS _pos, ${cols.join(', ')}, _bad FROM ${stageTable(s.fid)}`;
  });
  await db.run(`CREATE TEMP VIEW ${ident(`v_${table.name}`)} AS ${parts.join(' UNION ALL ')}`);
}
