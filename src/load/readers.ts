/**
 * One reader per format: checks what must be right before rows can be read (bytes, header row,
 * JSON shape, workbook) and yields a SELECT of the rows as text under canonical column names,
 * read by DuckDB's own readers (XLSX through exceljs and an appender). Problems found here make a
 * file unreadable, and its rows are then not checked further: they would only produce noise.
 */
import type { Db } from '../db.ts';
import { ident, literal, messageOf } from '../db.ts';
import type { DataIssue } from '../errors.ts';
import { TABLES } from '../schema.ts';
import { headerFields, lineOfOffset, recordLines } from './csv.ts';
import type { DataFile } from './discover.ts';
import { readFileSync } from 'node:fs';
import { checkEncoding, utf8Boundary } from './encoding.ts';
import { readHead } from './scan.ts';
import { mapHeaders, type HeaderMap } from './headers.ts';
import { readXlsx } from './xlsx.ts';
import { withDerivedIds } from './task-ids.ts';

export interface Source {
  file: DataFile;
  fid: number;
  /** SELECT of the rows as text, columns named canonically. */
  sql: string;
  /** Canonical columns the file has. */
  columns: Set<string>;
  /** Line (as users count in this format) of the 1-based row position. */
  lineOf: (pos: number) => number;
  /** Issues explaining why reading `sql` failed, for formats whose reader can fail mid-file. */
  diagnose?: () => Promise<DataIssue[]>;
  /** How the reader interpreted the file (rows skipped, headers read across rows, …). */
  warnings?: DataIssue[];
  /** Problems of single rows the reader found while reading (a total that is not its parts). */
  issues?: DataIssue[];
  /** A tasks file without task_id: its ids are derived (task-ids.ts); `stt` when from an STT column. */
  derived?: { stt: boolean };
}

export type ReadResult = { ok: true; source: Source } | { ok: false; issues: DataIssue[] };

const fail = (issues: DataIssue[]): ReadResult => ({ ok: false, issues });
export const fileIssue = (file: DataFile, rule: string, message: string, line: number | null = null): DataIssue => ({
  file: file.rel,
  line,
  column: null,
  rule,
  message,
});

export function selectList(
  columns: (string | null)[],
  expr: (i: number) => string,
): { sql: string; columns: string[] } {
  const parts: string[] = [];
  const names: string[] = [];
  columns.forEach((c, i) => {
    if (c === null) return;
    parts.push(`${expr(i)} AS ${ident(c)}`);
    names.push(c);
  });
  return { sql: parts.join(', ') || 'NULL AS _none', columns: names };
}

/** The head of a text file, checked: the whole file is checked by scanFile while DuckDB reads it. */
function checkedHead(file: DataFile): { head: Buffer; issues: DataIssue[] } {
  const raw = readHead(file.abs);
  const head = raw.length < file.size ? raw.subarray(0, utf8Boundary(raw)) : raw;
  return { head, issues: checkEncoding(head, file.rel) };
}

/** The whole file, read only when a problem must be placed on its line. */
const wholeFile = (file: DataFile) => {
  let buf: Buffer | undefined;
  return () => (buf ??= readFileSync(file.abs));
};

async function readCsv(db: Db, file: DataFile, fid: number): Promise<ReadResult> {
  const { head, issues: enc } = checkedHead(file);
  if (enc.length) return fail(enc);
  const header = headerFields(head);
  if (header.length === 1 && header[0]!.trim() === '')
    return fail([fileIssue(file, 'header', 'the file has no header row; the first line must name the columns', 1)]);
  if (header.some((h) => /[\r\n]/.test(h)))
    return fail([fileIssue(file, 'quote', 'a quote in the header row is not closed', 1)]);
  if (header.length === 1 && /[;\t]/.test(header[0]!)) {
    const sep = header[0]!.includes(';') ? 'semicolons' : 'tabs';
    return fail([
      fileIssue(
        file,
        'separator',
        `the file is separated by ${sep}, not commas; export it as "CSV UTF-8 (Comma delimited)" (in Excel) or change the list separator to a comma`,
        1,
      ),
    ]);
  }
  const map = mapHeaders(header, TABLES[file.table], {
    file: file.rel,
    line: 1,
    allowBlank: false,
    requireColumns: true,
  });
  if (map.issues.length) return fail(map.issues);
  const cols = header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const read = (extra: string) =>
    `read_csv(${literal(file.abs)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', strict_mode = true, null_padding = false, columns = {${cols}}${extra})`;
  const { columns, derived } = withDerivedIds(file.table, map.columns, map.rowNumbers);
  const list = selectList(columns, (i) => `c${i}`);
  let lines: number[] | undefined;
  const bytes = wholeFile(file);
  return {
    ok: true,
    source: {
      file,
      fid,
      sql: `SELECT ${list.sql} FROM ${read('')}`,
      columns: new Set(list.columns),
      derived,
      lineOf: (pos) => (lines ??= recordLines(bytes()))[pos - 1] ?? pos + 1,
      // Collecting rejects costs as much again as the read, so only a file that failed is read again for them.
      diagnose: () => csvRejects(db, file, fid, bytes(), read, header.length),
    },
  };
}

/** Every structural problem of a CSV DuckDB refused, located by physical line. */
async function csvRejects(
  db: Db,
  file: DataFile,
  fid: number,
  buf: Buffer,
  read: (extra: string) => string,
  fields: number,
): Promise<DataIssue[]> {
  const rej = `rej_${fid}`;
  let rejects: { pos: number; type: string; msg: string }[] = [];
  try {
    await db.run(
      `CREATE TEMP TABLE ${rej}_rows AS SELECT * FROM ${read(`, store_rejects = true, rejects_table = '${rej}', rejects_scan = '${rej}_scan'`)}`,
    );
    rejects = await db.all(
      `SELECT line_byte_position AS pos, error_type AS type, error_message AS msg FROM ${rej} ORDER BY line_byte_position, TRY_CAST(regexp_extract(error_message, 'Found: (\\d+)', 1) AS INTEGER) LIMIT 1000`,
    );
  } catch {
    // Some failures (e.g. a line over DuckDB's size limit) stop even a read that stores rejects.
  }
  // The bytes were checked as UTF-8 already; DuckDB's unicode complaints follow from a broken quote.
  const seen = new Set<number>();
  return (
    rejects
      .filter((r) => r.type !== 'INVALID UNICODE')
      .map((r) => {
        const line = lineOfOffset(buf, Number(r.pos) - 1);
        const found = /Found: (\d+)/.exec(r.msg)?.[1];
        if (r.type === 'MISSING COLUMNS' || r.type === 'TOO MANY COLUMNS')
          return fileIssue(
            file,
            'columns',
            `the row has ${found ?? 'a different number of'} fields but the header has ${fields}; check for a stray or missing comma, or quote values that contain commas`,
            line,
          );
        if (r.type === 'UNQUOTED VALUE')
          return fileIssue(
            file,
            'quote',
            'a quoted value is not closed, or a quote sits inside an unquoted value; close the quote and write a quote inside a value as ""',
            line,
          );
        return fileIssue(file, 'csv', `${r.type.toLowerCase()}: ${r.msg.split('\n')[0]}`, line);
      })
      // DuckDB reports a short row once per missing field; one issue per line says it all.
      .filter((i) => !seen.has(i.line!) && seen.add(i.line!))
  );
}

async function readJson(db: Db, file: DataFile, fid: number): Promise<ReadResult> {
  const { head, issues: enc } = checkedHead(file);
  if (enc.length) return fail(enc);
  const items = `j${fid}`;
  if (head.length === file.size && head.toString('utf8').trim() === '')
    return fail([fileIssue(file, 'json', 'the file holds no JSON; write an array of objects, [] for an empty table')]);
  try {
    await db.run(
      `CREATE TEMP TABLE ${items} AS SELECT json FROM read_json_objects(${literal(file.abs)}, format = 'array')`,
    );
  } catch (e) {
    return fail([fileIssue(file, 'json', `not a JSON array of objects: ${messageOf(e).split('\n')[0]}`)]);
  }
  const notObjects = await db.all<{ pos: number; type: string }>(
    `SELECT rowid + 1 AS pos, json_type(json) AS type FROM ${items} WHERE json_type(json) <> 'OBJECT' ORDER BY rowid LIMIT 100`,
  );
  if (notObjects.length) {
    return fail(
      notObjects.map((r) =>
        fileIssue(
          file,
          'json',
          `item ${r.pos} is ${r.type.toLowerCase()}, not an object; each item must be {"column": value, …}`,
          r.pos,
        ),
      ),
    );
  }
  const keys = (
    await db.all<{ k: string }>(
      `SELECT k FROM (SELECT unnest(json_keys(json)) AS k, rowid AS r FROM ${items}) GROUP BY k ORDER BY min(r), k`,
    )
  ).map((r) => r.k);
  // A key missing from an item is an empty value, so absent required keys show up as empty cells.
  const map = mapHeaders(keys, TABLES[file.table], {
    file: file.rel,
    line: null,
    allowBlank: false,
    requireColumns: false,
  });
  if (map.issues.length) return fail(map.issues);
  return itemSource(
    file,
    fid,
    map,
    (i) => `json_extract_string(json, ${literal('$.' + JSON.stringify(keys[i]))})`,
    items,
  );
}

async function readParquet(db: Db, file: DataFile, fid: number): Promise<ReadResult> {
  const src = `read_parquet(${literal(file.abs)})`;
  let names: string[];
  try {
    names = (await db.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${src}`)).map((r) => r.column_name);
  } catch (e) {
    return fail([fileIssue(file, 'parquet', `not a readable Parquet file: ${messageOf(e).split('\n')[0]}`)]);
  }
  const map = mapHeaders(names, TABLES[file.table], {
    file: file.rel,
    line: null,
    allowBlank: false,
    requireColumns: true,
  });
  if (map.issues.length) return fail(map.issues);
  return itemSource(file, fid, map, (i) => `CAST(${ident(names[i]!)} AS VARCHAR)`, src);
}

/** The rows of `from` as a source, each placed by its number (a JSON item, a Parquet row). */
function itemSource(
  file: DataFile,
  fid: number,
  map: HeaderMap,
  expr: (i: number) => string,
  from: string,
): ReadResult {
  const { columns, derived } = withDerivedIds(file.table, map.columns, map.rowNumbers);
  const list = selectList(columns, expr);
  return {
    ok: true,
    source: {
      file,
      fid,
      sql: `SELECT ${list.sql} FROM ${from}`,
      columns: new Set(list.columns),
      derived,
      lineOf: (p) => p,
    },
  };
}

/** Checks a file's bytes and header and prepares the SELECT that reads its rows as text. */
export async function readFile(db: Db, file: DataFile, fid: number): Promise<ReadResult> {
  switch (file.format) {
    case 'csv':
      return readCsv(db, file, fid);
    case 'json':
      return readJson(db, file, fid);
    case 'parquet':
      return readParquet(db, file, fid);
    case 'xlsx':
      return readXlsx(db, file, fid);
  }
}
